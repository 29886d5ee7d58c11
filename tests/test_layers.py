"""The layers point one way: ``tui -> store -> domain`` and ``cli -> store -> domain``.

Read from the source with ``ast`` (nothing is imported), like an import
linter's contracts:

- ``domain`` imports neither ``store``, ``tui`` nor ``cli`` (pure rules);
- ``store`` imports neither ``tui`` nor ``cli``;
- ``cli`` does not import ``tui`` except to open the app (``launch``), and
  ``tui`` never imports ``cli``;
- ``serve`` (the web server) imports none of them: it runs the app, one
  process per browser tab, and reads or writes no workspace itself;
- ``tui`` reaches the store only through its public face, ``cadence.store``
  and ``cadence.store.actions``: never ``Transaction``/``View`` internals or
  the file machinery.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cadence"
STORE_FACE = {"cadence.store", "cadence.store.actions", "cadence.store.agendas"}
CLI_MAY_OPEN_THE_APP = {"cadence.tui.launch"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, with its line; ``from cadence.store import x`` counts as ``cadence.store``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module_name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_name.split(".")[: -node.level]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
    return found


def modules_in(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def offences(layer: str, allowed: callable) -> list[str]:  # type: ignore[valid-type]
    found = []
    for path in modules_in(layer):
        for line, target in imported_modules(path):
            if target.startswith("cadence") and not allowed(target):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    return found


def inside(target: str, package: str) -> bool:
    return target == package or target.startswith(package + ".")


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("domain", ("cadence.store", "cadence.tui", "cadence.cli")),
        ("store", ("cadence.tui", "cadence.cli")),
        # The web server runs the app as a process per tab and touches no workspace itself.
        ("serve", ("cadence.store", "cadence.tui", "cadence.cli", "cadence.domain")),
    ],
)
def test_lower_layers_never_import_upper_ones(layer: str, forbidden: tuple[str, ...]) -> None:
    assert offences(layer, lambda target: not any(inside(target, upper) for upper in forbidden)) == []


def test_the_cli_opens_the_app_only_through_launch() -> None:
    def allowed(target: str) -> bool:
        return not inside(target, "cadence.tui") or target in CLI_MAY_OPEN_THE_APP

    assert offences("cli", allowed) == []


def test_the_tui_uses_only_the_store_s_public_face_and_never_the_cli() -> None:
    def allowed(target: str) -> bool:
        if inside(target, "cadence.cli"):
            return False
        if inside(target, "cadence.store"):
            return target in STORE_FACE or inside(target, "cadence.store.actions")
        return True

    assert offences("tui", allowed) == []


def test_the_check_reads_real_imports() -> None:
    """The walker itself: a relative import and a ``from`` import are both seen."""
    seen = {target for _, target in imported_modules(PACKAGE / "tui" / "panels" / "base.py")}
    assert "cadence.store" in seen
    assert "cadence.tui.background" in seen
