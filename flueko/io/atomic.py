"""Atomic file writes: write to a temporary file beside the target, then rename.

A killed run never leaves a half-written file that looks complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` atomically."""
    write_bytes(target, text.encode("utf-8"))


@contextmanager
def all_or_nothing(targets: Iterable[Path]) -> Iterator[None]:
    """Either every write (or removal) of ``targets`` inside the block stands, or none does.

    Each existing target is copied aside first. When the block raises, every target gets its
    previous bytes back (a target that did not exist is removed) and the error propagates;
    on success the copies are dropped. Used where one run writes several files that only make
    sense together (the tables of a round; a report and its plan workbook).
    """
    backups: dict[Path, Path | None] = {}
    try:
        for target in dict.fromkeys(Path(t) for t in targets):
            if target.is_file():
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".bak", dir=target.parent
                )
                os.close(fd)
                shutil.copy2(target, tmp)
                backups[target] = Path(tmp)
            else:
                backups[target] = None
        yield
    except BaseException:
        for target, backup in backups.items():
            if backup is not None:
                os.replace(backup, target)
            elif target.exists():
                target.unlink()
        raise
    finally:
        for backup in backups.values():
            if backup is not None and backup.exists():
                backup.unlink()
