"""matchtui: plan a US residency Match cycle in the terminal."""

import gc

__version__ = "0.1.0"

# The cyclic GC while the app starts: young collections as usual, full ones rare. Start-up makes
# hundreds of thousands of objects that live as long as the app (modules, model classes, the
# first pane) and full collections walking them cost ~6% of the time to the first content.
STARTUP_GC_THRESHOLDS = (10_000, 10, 1_000)
# While a command runs (matchtui.cli explains why); the `matchtui` script sets them first thing.
COMMAND_GC_THRESHOLDS = (100_000, 10, 1_000)
_DEFAULT_GC_THRESHOLDS = gc.get_threshold()


def startup_gc() -> None:
    """Called first by the command that opens the app."""
    gc.set_threshold(*STARTUP_GC_THRESHOLDS)


def steady_gc() -> None:
    """Once the first pane is on screen: the usual thresholds again."""
    gc.set_threshold(*_DEFAULT_GC_THRESHOLDS)
