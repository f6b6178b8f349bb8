"""The engine's settings as plain values, and the site's calendar."""
