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
