"""Ingest: the files of a round → raw tables and a log (read, detect, parse, clean).

Imports only the kernel (``flueko.config``, ``flueko.schema`` …) and :mod:`flueko.io`.
"""
