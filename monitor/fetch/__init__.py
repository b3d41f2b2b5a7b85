"""Fetching: one HTTP client, an address policy."""
