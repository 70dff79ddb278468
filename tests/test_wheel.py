"""The wheel, as a user gets it: built from the checkout, installed (not editable) into a fresh
venv with the locked dependency versions, then ``flueko run --all`` over the demo rounds.
Catches what an editable install hides: notebooks, templates or YAML not shipped as package
data, and imports not declared in pyproject.toml (the venv has only the runtime dependencies).

Nothing is written into the checkout: the sources are copied to a temporary folder first, so
the build's ``build/`` and ``*.egg-info`` stay there too (and no stale ``build/lib`` leaks in).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DEMO_RAW, REPO, copy_demo

pytestmark = pytest.mark.slow

# Not part of the package's sources; the rest of the checkout is copied for the build.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "data",
    "reports",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".*_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
)


def _run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert proc.returncode == 0, f"{cmd} → {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _clean_env(tmp: Path, venv: Path) -> dict[str, str]:
    """The venv first on PATH, nothing pointing back into the checkout or its .venv, and an
    empty Jupyter user folder so a kernel registered elsewhere on this machine isn't used."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_PATH", "CONDA_PREFIX"}
    }
    env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
    env["JUPYTER_DATA_DIR"] = str(tmp / "jupyter-data")
    env["JUPYTER_CONFIG_DIR"] = str(tmp / "jupyter-config")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def test_wheel_installs_and_runs_the_demo(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=NOT_SOURCES)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, src])
    (wheel,) = dist.glob("flueko-*.whl")

    # A bare venv, filled by this interpreter's pip (--python; faster than the venv's own
    # pip, and no bytecode compiled up front). The lock serves as constraints: the runtime
    # dependencies only, at the locked versions.
    venv = tmp_path / "venv"
    env = _clean_env(tmp_path, venv)
    _run([sys.executable, "-m", "venv", "--without-pip", venv], env=env)
    py = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", py, "install", "--quiet", "--no-compile"]
    _run([*pip, "-c", REPO / "requirements.lock", wheel], env=env)

    workspace = copy_demo(tmp_path / "ws")
    where = _run([py, "-c", "import flueko; print(flueko.__file__)"], cwd=workspace, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    run = subprocess.run(
        [venv / "bin" / "flueko", "run", "--all", "--no-progress"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}"
    rounds = sorted(p.name for p in DEMO_RAW.iterdir() if p.is_dir())
    assert rounds
    missing = [r for r in rounds if not (workspace / "reports" / r / "bericht.html").is_file()]
    assert missing == [], f"kein Bericht für {missing}\n{run.stdout}\n{run.stderr}"
