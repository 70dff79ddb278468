"""Report: the notebook API, report sections, charts, HTML export, workbooks, gate and runner.

Imports everything before it in the flow (kernel, io, ingest, analyse, pipeline), nothing after.
"""

import sys

# Speed: nbformat (papermill, the gate, the export) imports jsonschema, and jsonschema imports
# rfc3987_syntax when it is installed (it is, through JupyterLab), only to check the "iri" string
# format. That module builds an Earley parser on import: 0.7 s and more per flueko process, a
# fifth of a report. Neither nbformat nor flueko checks that format, so flueko's processes skip
# it (a None entry makes the import fail, and jsonschema goes on without that one check).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
