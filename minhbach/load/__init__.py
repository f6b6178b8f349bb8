"""Reading the project's files: safe listing, YAML with positions, text encodings, validation, the record cache."""
