"""What the site publishes besides pages: feeds, open data, the periodic report."""
