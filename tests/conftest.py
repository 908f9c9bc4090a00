"""Test harness: every test gets its own home folder, animations off, and no network at all."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ.pop("MATCHTUI_DATA", None)

LONG = bool(os.environ.get("MATCHTUI_LONG"))


class NetworkBlocked(RuntimeError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("tests must not open network connections")


def pytest_configure(config: pytest.Config) -> None:
    # Block outgoing connections and name lookups for the whole run. socketpair() (which asyncio
    # uses for its self-pipe) needs neither, so the event loop still works.
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "home"
    monkeypatch.setenv("MATCHTUI_HOME", str(folder))
    monkeypatch.delenv("MATCHTUI_DATA", raising=False)
    yield folder


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
