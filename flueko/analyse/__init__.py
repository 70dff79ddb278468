"""Analyse: raw tables → categorised, consolidated and prioritised tables.

Categorise, analyst coding and agreement, similarity and consolidation, prioritisation, costs,
survey statistics. Imports only the kernel, :mod:`flueko.io` and :mod:`flueko.ingest`.
"""
