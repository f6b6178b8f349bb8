"""minhbach: checks, pages and feeds for a public-administration transparency site built with MkDocs.

The package ships its templates (`templates/`), theme overrides (`theme/`) and browser assets
(`assets/`) as package data; `pyproject.toml` lists them, and a test builds the real site from a
wheel installed in a fresh environment.
"""
