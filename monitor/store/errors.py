"""What the store says when the database cannot be used as it is."""


class StoreError(Exception):
    """A database problem a person must act on; the message says what and what to do."""
