"""matchtui: plan a US residency Match cycle in the terminal."""

__version__ = "0.1.0"
