"""matchtui: plan a US residency Match cycle in the terminal."""

import gc
import importlib
import os
import sys
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

__version__ = "0.1.0"

# The cyclic GC while the app starts: the youngest generation's collections only. Start-up makes
# hundreds of thousands of objects that live as long as the app (modules, model classes, the
# first pane): full collections walking them cost ~6% of the time to the first content, and the
# one middle-generation collection that still ran took 15-20 ms to find 5 objects to free.
# The youngest collections still free start-up's short-lived cycles (hundreds each), so little
# garbage is frozen with the rest once the first pane is up (app._freeze_long_lived).
STARTUP_GC_THRESHOLDS = (10_000, 1_000, 1_000)
# While a command runs (matchtui.cli explains why); the `matchtui` script sets them first thing.
COMMAND_GC_THRESHOLDS = (100_000, 10, 1_000)
_DEFAULT_GC_THRESHOLDS = gc.get_threshold()


def startup_gc() -> None:
    """Called first by the command that opens the app."""
    gc.set_threshold(*STARTUP_GC_THRESHOLDS)


def steady_gc() -> None:
    """Once the first pane is on screen: the usual thresholds again."""
    gc.set_threshold(*_DEFAULT_GC_THRESHOLDS)


# pydantic looks for plugins (entry points in the `pydantic` group) the first time it builds a
# validator, reading the metadata of every installed distribution (~3-4 ms, in a command or in
# the app's first pane). matchtui uses no plugin, so a command and the app ask pydantic to skip
# the search (its documented switch), unless the environment already says what to do; the
# variable is restored when the command or the app returns.
PLUGINS_SWITCH = "PYDANTIC_DISABLE_PLUGINS"
_ALL_OFF = ("__all__", "1", "true")  # the switch's values that turn every plugin off
# pydantic's plugin loader imports importlib.metadata (and with it email, zipfile, csv...) even
# when the switch turns every plugin off: ~10 ms and, measured in the app after every pane, 1.4
# MiB resident that nothing uses. While every plugin is off, a stand-in answers in its place.
_LOADER = "pydantic.plugin._loader"


def _no_plugins_loader() -> types.ModuleType:
    """A stand-in for pydantic's plugin loader: no plugins while the switch turns them all off,
    else (the switch changed meanwhile) it steps aside for the real loader."""
    stand_in = types.ModuleType(_LOADER)

    def get_plugins() -> Iterable[object]:
        if os.environ.get(PLUGINS_SWITCH) in _ALL_OFF:
            return ()
        if sys.modules.get(_LOADER) is stand_in:
            del sys.modules[_LOADER]
        plugins: Iterable[object] = importlib.import_module(_LOADER).get_plugins()
        return plugins

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    return stand_in


@contextmanager
def without_pydantic_plugins() -> Iterator[None]:
    switched = PLUGINS_SWITCH not in os.environ
    if switched:
        os.environ[PLUGINS_SWITCH] = "__all__"
    stand_in = None
    if os.environ[PLUGINS_SWITCH] in _ALL_OFF and _LOADER not in sys.modules:
        stand_in = sys.modules[_LOADER] = _no_plugins_loader()
    try:
        yield
    finally:
        if switched:
            os.environ.pop(PLUGINS_SWITCH, None)
        if stand_in is not None and sys.modules.get(_LOADER) is stand_in:
            del sys.modules[_LOADER]  # later validators (after a command, in tests): the real one
