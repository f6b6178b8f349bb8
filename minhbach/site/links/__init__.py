"""The link checker: internal links, fragments and files in the built HTML (offline, always),
and external links through lychee (on request). Findings name the source file and line a person
edits, not only the built page.
"""
