"""Report: the notebook API, report sections, charts, HTML export, workbooks, gate and runner.

Imports everything before it in the flow (kernel, io, ingest, analyse, pipeline), nothing after.
"""
