"""Package metadata kept apart so that it can be read without importing spaCy."""

__version__ = "0.1.0"
