"""The suite's one table (text) and the same figures as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from tests.bench.figures import Row


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit in ("ms", "MB"):
        return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    if unit == "%":
        return f"{value:.2f} %"
    return f"{value:g} {unit}"


def table(header: list[str], rows: list[Row], errors: dict[str, str]) -> str:
    lines = [*header, ""]
    columns = ("#", "figure", "measured", "baseline", "ratio", "target", "")
    body = []
    for row in rows:
        baseline = f"{shown(row.baseline, row.unit)} ({row.baseline_name})" if row.baseline is not None else "-"
        body.append(
            (
                row.figure,
                row.name,
                shown(row.measured, row.unit),
                baseline,
                f"{row.ratio:.2f}x" if row.ratio is not None else "-",
                row.target,
                "PASS" if row.passed else "FAIL",
            )
        )
    widths = [max(len(str(line[n])) for line in [columns, *body]) for n in range(len(columns))]
    widths[3] = min(widths[3], 60)
    for line in [columns, *body]:
        lines.append("  ".join(str(cell)[: widths[n]].ljust(widths[n]) for n, cell in enumerate(line)).rstrip())
    notes = [f"  {row.figure} {row.name}: {row.note}" for row in rows if row.note]
    if notes:
        lines += ["", "notes:", *notes]
    for name, error in errors.items():
        lines += ["", f"figure {name!r} could not be measured: {error}"]
    passed = sum(row.passed for row in rows)
    lines += [
        "",
        f"{passed} of {len(rows)} figures meet their target"
        + (f"; {len(errors)} figure(s) failed to run" if errors else ""),
    ]
    return "\n".join(lines)


def write_json(path: Path, header: list[str], rows: list[Row], errors: dict[str, str]) -> None:
    document = {"header": header, "figures": [asdict(row) for row in rows], "errors": errors}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
