"""evalsuite: evaluate summaries and translations, and check that what matters survives."""

__version__ = "0.1.0"
