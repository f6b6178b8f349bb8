"""A whole site: generation into a folder, the build, the search index, the link checker."""
