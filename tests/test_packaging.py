"""What ships: the wheel carries data/ and themes/, and plain subcommands stay free of Textual."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

IMPORT_PROBE = """
import sys
from cadence.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted(name for name in ("textual", "rich", "textual_serve") if name in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


def test_plain_subcommands_do_not_import_textual(tmp_path: Path, clean_env: dict[str, str]) -> None:
    workspace = tmp_path / "ws"
    for args in (["init", str(workspace)], ["--workspace", str(workspace), "todo", "list"], ["--help"]):
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE, *args], capture_output=True, text=True, env=clean_env, check=True
        )
        assert result.stdout.strip().splitlines()[-1] == "HEAVY:", (args, result.stdout, result.stderr)


def test_python_dash_m_runs_the_cli(clean_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cadence", "--version"], capture_output=True, text=True, env=clean_env, check=True
    )
    assert "cadence" in result.stdout


def test_wheel_carries_data_and_themes_and_finds_them_installed(tmp_path: Path, repo_root: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(repo_root)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("cadence-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "cadence/_bundled/data/demo/cadence.json" in names
    assert any(name.startswith("cadence/_bundled/themes/") and name.endswith(".toml") for name in names)
    for page_file in ("page.html", "assets/page.css", "assets/page.js"):  # cadence serve's own page
        assert f"cadence/serve/page/{page_file}" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    probe = (
        "from cadence.locations import demo_workspace_dir, themes_dir;"
        "print((demo_workspace_dir() / 'cadence.json').is_file(), any(themes_dir().glob('*.toml')),"
        " '_bundled' in str(demo_workspace_dir()))"
    )
    found = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert found.stdout.split() == ["True", "True", "True"]
