"""Extraction: one file to one report (metadata, tables, prose figures), run over a corpus
with a cache, a process pool or a Dask cluster."""
