"""Test harness: every test gets its own home folder, animations off, and no network at all."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ.pop("MATCHTUI_DATA", None)

LONG = bool(os.environ.get("MATCHTUI_LONG"))


# Exhaustive look comparisons (a drawn widget against the Textual widget it replaces) run each
# size and each theme in the quick run, all four ways with MATCHTUI_LONG=1 (~5-13 s a way).
SIZE_THEME_WAYS: list[tuple[tuple[int, int], str]] = [
    ((80, 24), "textual-light"),
    ((120, 40), "textual-dark"),
]
if LONG:
    SIZE_THEME_WAYS += [((80, 24), "textual-dark"), ((120, 40), "textual-light")]


def half(params: Any, first: int = 0) -> list[Any]:
    """Every second item of `params` from `first` (0 or 1) in the quick run, every one with
    MATCHTUI_LONG=1. For pane-by-pane or way-by-way checks of several seconds each: two files
    checking alike things take opposite halves, so the quick run still covers every pane and
    way between them."""
    items = list(params)
    return items if LONG else items[first::2]


# The ways whole-form look comparisons draw the Profile: (a blank profile?, size, theme), the
# filled demo first. The quick run draws two: each profile, size and theme once, as in
# SIZE_THEME_WAYS (the demo at 120x40 in the dark theme, a blank one at 80x24 in the light);
# MATCHTUI_LONG=1 draws all eight.
PROFILE_WAYS: list[tuple[bool, tuple[int, int], str]] = [
    (False, (120, 40), "textual-dark"),
    (True, (80, 24), "textual-light"),
]
if LONG:
    PROFILE_WAYS = [
        (blank, size, theme)
        for blank in (False, True)
        for size in ((120, 40), (80, 24))
        for theme in ("textual-dark", "textual-light")
    ]


class NetworkBlocked(RuntimeError):
    pass


_REAL_CONNECT = socket.socket.connect
_REAL_CONNECT_EX = socket.socket.connect_ex
_REAL_GETADDRINFO = socket.getaddrinfo
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: Any) -> None:
    # Unix sockets and the loopback interface (the browser test's server and its driver) are
    # local; anything else is refused.
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        raise NetworkBlocked(f"tests must not open network connections (tried {host!r})")


def _connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    _REAL_CONNECT(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    return _REAL_CONNECT_EX(self, address)


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_loopback(host):
        raise NetworkBlocked(f"tests must not look up names (tried {host!r})")
    return _REAL_GETADDRINFO(host, *args, **kwargs)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: one worker more than the cores this process may use. A quarter of the suite's
    time is spent waiting (timers the app waits for, subprocesses, the browser), and a core left
    idle meanwhile is time lost (2 cores: 9 min 46 s of tests with two workers). The variable
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def pytest_configure(config: pytest.Config) -> None:
    # Block outgoing connections and name lookups beyond loopback for the whole run. socketpair()
    # (which asyncio uses for its self-pipe) needs neither, so the event loop still works.
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _getaddrinfo
    if not hasattr(config, "workerinput"):  # once, in the process that starts the workers
        _compile_package()


def _compile_package() -> None:
    """Byte-compile the package as a pip install leaves it. An editable install (the README's
    test command) has no bytecode, and where PYTHONDONTWRITEBYTECODE is set nothing writes it:
    every CLI the tests start then compiles what it imports from source again (~0.15 s of each
    ~0.45 s `assess --json`). Python still reads bytecode it finds, and checks it against the
    source's time stamp, so an edited file is compiled afresh."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("matchtui")
    if spec is None or not spec.submodule_search_locations:
        return
    for folder in spec.submodule_search_locations:
        try:
            compileall.compile_dir(folder, quiet=2, workers=1)
        except OSError:  # a folder it may not write: the tests run as they are, only slower
            continue


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "home"
    monkeypatch.setenv("MATCHTUI_HOME", str(folder))
    monkeypatch.delenv("MATCHTUI_DATA", raising=False)
    yield folder


@pytest.fixture(autouse=True)
def _gc_as_found() -> Iterator[None]:
    """An interactive app moves what it has made out of the collector's sight (gc.freeze) and
    sets its own thresholds; both outlive the app in this process. Each test leaves the
    collector as it found it, so a later test in the same worker does not see them (the CLI's
    collector tests failed after an interactive app test had run in their worker)."""
    import gc

    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.enable()  # an app closed while it held the collector for a first build


# The Profile form builds its parts below the first screen one slice at a time, each once keys
# have paused for ProfileScreen.QUIET seconds (tests/test_profile_lazy.py and the early-key tests
# check that pace). Modules that only need the whole form there build it without the pauses:
# the same slices in the same order, but ~30% less CPU per test (each pause lets the app redraw).
_QUICK_BUILD = frozenset(
    {
        "test_comlex_pane",
        "test_focus_repaint",
        "test_profile_buttons",
        "test_profile_choices",
        "test_profile_lines",
        "test_profile_new",
        "test_profile_pane",
        "test_profile_rows",
        "test_profile_snapshots",
        "test_profile_text_fields",
        "test_small_terminal",
        "test_theme_contrast",
        "test_theme_snapshots",
    }
)


@pytest.fixture(autouse=True)
def quick_profile_build(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.module.__name__.rpartition(".")[2] in _QUICK_BUILD:
        from matchtui.screens.profile import ProfileScreen

        monkeypatch.setattr(ProfileScreen, "QUIET", 0.0)
        monkeypatch.setattr(ProfileScreen, "BUILD_GAP", 0.0)


@pytest.fixture(autouse=True)
def no_field_made_ahead(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Profile makes the field after the focused one real at a pause (AHEAD_QUIET): at an
    arbitrary moment under load, which would change what a test sees between two steps. Off
    but in the tests of it."""
    if request.module.__name__.rpartition(".")[2] != "test_profile_ahead":
        from matchtui.screens.profile import ProfileScreen

        monkeypatch.setattr(ProfileScreen, "AHEAD_QUIET", 3600.0)


@pytest.fixture(scope="session")
def catalog() -> Any:
    from matchtui.catalog import Catalog

    return Catalog.load()


@pytest.fixture
def workspace(home: Path, catalog: Any) -> Any:
    from matchtui.workspace import Workspace

    ws = Workspace.from_options()
    ws.__dict__["catalog"] = catalog  # share the session's loaded catalog (cached_property slot)
    return ws


@pytest.fixture
def demo_profile() -> Any:
    from matchtui.models.profile import Profile
    from matchtui.tomlio import load_model
    from matchtui.workspace import demo_profile_path

    return load_model(demo_profile_path(), Profile)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    # Lets a fixture's teardown see whether its test failed (the browser test keeps a screenshot).
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blinking text cursor makes a screenshot depend on when it was taken (a 0.5 s timer):
    # in tests the cursor stays drawn, so SVG snapshots of a focused field are repeatable.
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
