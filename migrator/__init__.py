"""migrator: read, lint and convert academic Jekyll homepages."""

__version__ = "0.1.0"
