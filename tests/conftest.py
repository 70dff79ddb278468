"""Shared fixtures: the demo workspace, run once per test session in a temporary folder."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: deterministic in CI (no chance failures), exploring locally.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parent.parent
DEMO_RAW = REPO / "data" / "raw"


def require_tool(*names: str, package: str) -> str:
    """Path of the first program in ``names`` on PATH. Missing: skip locally, but fail when CI
    is set, since .ci/run installs Debian's ``package`` and a skip there would hide the gap."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    message = f"{' / '.join(names)} fehlt (Debian-Paket {package!r}, apt-get install {package})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; mit CI gesetzt wird nicht übersprungen", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's headless Chromium (the browser tests drive it through playwright)."""
    return require_tool("chromium", "chromium-browser", package="chromium")


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's command line (xlsx → pdf conversion)."""
    return require_tool("soffice", package="libreoffice-calc-nogui")


@dataclass
class DemoRun:
    root: Path
    exit_code: int
    output: str


def copy_demo(target: Path) -> Path:
    """A workspace at ``target`` with a copy of the shipped demo rounds."""
    shutil.copytree(DEMO_RAW, target / "data" / "raw")
    return target


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory) -> DemoRun:
    """``flueko run --all`` over a copy of the demo data (the expensive part, done once)."""
    import contextlib
    import io

    from flueko.cli import main

    root = copy_demo(tmp_path_factory.mktemp("demo"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--workspace", str(root), "run", "--all", "--no-progress", "--jobs", "2"])
    return DemoRun(root, code, out.getvalue())
