"""Re-vendor the partial plotly.js bundle the HTML reports embed (developers only).

Usage::

    .venv/bin/python scripts/update_plotly_bundle.py            # fetch with `npm pack`
    .venv/bin/python scripts/update_plotly_bundle.py --tarball plotly.js-cartesian-dist-min-X.tgz

Run it after upgrading the ``plotly`` Python package: the reports embed the partial bundle only
when its version equals the plotly.js version the Python package was built for
(``plotly.offline.get_plotlyjs_version()``), and ``tests/test_report_size.py`` fails until the
two match again.

It takes the official ``plotly.js-cartesian-dist-min`` package of exactly that version from the
npm registry (MIT licence, by Plotly, Inc.), checks the version in the file header and writes,
into ``flueko/resources/plotly/``:

- ``plotly-cartesian.min.js.gz``: the minified bundle, gzip level 9 with no name and no time
  stamp, so the same input gives the same bytes;
- ``LICENSE``: the package's licence text;
- ``bundle.json``: package, version, the trace types the bundle contains (from the package's
  README) and the SHA-256 of the uncompressed bundle.

Nothing else is built: the file is used as the package ships it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "plotly.js-cartesian-dist-min"
SCRIPT = "plotly-cartesian.min.js"
TARGET = Path(__file__).resolve().parent.parent / "flueko" / "resources" / "plotly"


def fetch(version: str, folder: Path) -> Path:
    """``npm pack PACKAGE@version`` into ``folder``; the path of the tarball."""
    out = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return folder / out.stdout.strip().splitlines()[-1]


def members(tarball: Path) -> dict[str, bytes]:
    """The files of an npm tarball by name (without the leading ``package/``)."""
    with tarfile.open(tarball, "r:gz") as tar:
        return {
            m.name.removeprefix("package/"): tar.extractfile(m).read()
            for m in tar.getmembers()
            if m.isfile()
        }


def trace_types(readme: str) -> list[str]:
    """The trace modules the package README lists ("Contains trace modules `bar`, …")."""
    line = re.search(r"Contains trace modules (.+)", readme)
    if not line:
        raise SystemExit("README of the package lists no trace modules")
    return sorted(re.findall(r"`([a-z0-9]+)`", line.group(1)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="use this npm tarball instead of npm pack")
    args = parser.parse_args(argv)
    from plotly.offline import get_plotlyjs_version

    version = get_plotlyjs_version()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch(version, Path(tmp))
        files = members(tarball)
    script = files[SCRIPT]
    header = script[:300].decode("utf-8", "replace")
    if f"v{version}" not in header:
        raise SystemExit(f"{tarball.name}: header says {header[:80]!r}, expected v{version}")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(script)
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / f"{SCRIPT}.gz").write_bytes(buffer.getvalue())
    (TARGET / "LICENSE").write_bytes(files["LICENSE"])
    manifest = {
        "package": PACKAGE,
        "version": version,
        "file": f"{SCRIPT}.gz",
        "traces": trace_types(files["README.md"].decode("utf-8")),
        "sha256": hashlib.sha256(script).hexdigest(),
        "licence": "MIT, Copyright (c) Plotly, Inc. (see LICENSE)",
    }
    (TARGET / "bundle.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(
        f"{PACKAGE} {version}: {len(script) / 1e6:.2f} MB, gzip {len(buffer.getvalue()) / 1e6:.2f}"
        f" MB, traces {', '.join(manifest['traces'])} → {TARGET}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
