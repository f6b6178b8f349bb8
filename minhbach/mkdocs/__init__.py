"""The MkDocs adapter: the plugin, its options, the theme overrides."""
