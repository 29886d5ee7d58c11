"""The V/TO as one Markdown page, for ``cadence vision export`` and the Vision section's ``x``.

The V/TO is read aloud at the quarterly session and handed to new people, so
it leaves the app as a page anyone can open: one section per part, in the
order the method reads them (core values, core focus, 10-year target,
marketing strategy, 3-year picture, 1-year plan). The CLI and the app call
the same function, so the file is the same whichever wrote it.

Pure: it reads a ``Vision`` record (or none yet) and returns text. User text
is shown literally through ``minutes_markdown``'s escaping (a value like
``# big`` or ``[x](y)`` stays what was typed). The page is a list of
``PageSection``s: the six written parts, then the traction side, the
quarter's company rocks and the long-term issues list. Those two are linked,
not copied: the caller passes the records as they are when the page is
made, so a rock renamed or an issue solved shows on the next export.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cadence.domain.minutes_markdown import cell, literal
from cadence.domain.models import Issue, Rock, Vision

EMPTY = "_Not written yet._"
NO_ROCKS = "_No company rocks this quarter._"
NO_ISSUES = "_No open long-term issues._"


@dataclass(frozen=True)
class PageSection:
    """A ``##`` heading and the Markdown lines under it."""

    heading: str
    lines: tuple[str, ...]


def _items(values: Sequence[str], numbered: bool = False) -> list[str]:
    if not values:
        return [EMPTY]
    return [(f"{number}. " if numbered else "- ") + cell(value) for number, value in enumerate(values, start=1)]


def _text(value: str) -> list[str]:
    shown = literal(value)
    return [shown] if shown else [EMPTY]


def _labelled(parts: Sequence[tuple[str, list[str]]]) -> tuple[str, ...]:
    """Several parts under one heading, each with its own ``###`` label."""
    lines: list[str] = []
    for label, body in parts:
        if lines:
            lines.append("")
        lines += [f"### {label}", "", *body]
    return tuple(lines)


def vision_sections(vision: Vision | None) -> list[PageSection]:
    """The V/TO's parts as page sections; a workspace with no V/TO yet gets every part empty."""
    current = vision or Vision(id="V-1")
    return [
        PageSection("Core values", tuple(_items(current.core_values))),
        PageSection(
            "Core focus",
            _labelled(
                [
                    ("Purpose / cause / passion", _text(current.core_focus_purpose)),
                    ("Niche", _text(current.core_focus_niche)),
                ]
            ),
        ),
        PageSection("10-year target", tuple(_text(current.ten_year_target))),
        PageSection(
            "Marketing strategy",
            _labelled(
                [
                    ("Target market", _text(current.target_market)),
                    ("Three uniques", _items(current.three_uniques, numbered=True)),
                    ("Proven process", _text(current.proven_process)),
                    ("Guarantee", _text(current.guarantee)),
                ]
            ),
        ),
        PageSection("3-year picture", tuple(_text(current.three_year_picture))),
        PageSection("1-year plan", tuple(_text(current.one_year_plan))),
    ]


def _owner(names: Mapping[str, str], person_id: str | None) -> str:
    return cell(names.get(person_id, person_id)) if person_id else "no owner"


def rocks_section(quarter: str, rocks: Sequence[Rock], names: Mapping[str, str]) -> PageSection:
    """The quarter's company rocks, one line each: id, title, owner, status."""
    lines = [f"- {rock.id} {cell(rock.title)} ({_owner(names, rock.owner_id)}, {rock.status.value})" for rock in rocks]
    return PageSection(f"Rocks for {quarter}", tuple(lines or [NO_ROCKS]))


def issues_section(issues: Sequence[Issue], names: Mapping[str, str]) -> PageSection:
    """The open long-term issues, one line each: id, title, owner when there is one."""
    lines = [
        f"- {issue.id} {cell(issue.title)}" + (f" ({_owner(names, issue.owner_id)})" if issue.owner_id else "")
        for issue in issues
    ]
    return PageSection("Long-term issues", tuple(lines or [NO_ISSUES]))


def page_markdown(title: str, sections: Sequence[PageSection]) -> str:
    """A ``#`` title, then each section under its ``##`` heading; ends with one newline."""
    lines = [f"# {title}"]
    for section in sections:
        lines += ["", f"## {section.heading}", "", *section.lines]
    return "\n".join(lines) + "\n"


def vision_markdown(vision: Vision | None, company: str = "", traction: Sequence[PageSection] = ()) -> str:
    """The whole V/TO page; ``company`` (the workspace's) names it in the title when set.

    ``traction`` is the page's second half (``rocks_section``, ``issues_section``), after the six parts.
    """
    title = "Vision/Traction Organizer" + (f": {literal(company)}" if company.strip() else "")
    return page_markdown(title, [*vision_sections(vision), *traction])
