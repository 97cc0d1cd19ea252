"""fiscal-lint: checks that the figures of a fiscal disclosure agree with each other."""

__version__ = "0.1.0"
