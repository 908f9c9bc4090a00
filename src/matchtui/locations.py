"""Where things live: the reference data folder and the applicant's home folder.

Deliberately free of heavy imports: the app resolves these before its first frame.
"""

from __future__ import annotations

import os
from pathlib import Path


def bundled_data_dir() -> Path:
    """The data shipped with matchtui: inside the installed package, else the checkout."""
    packaged = Path(__file__).resolve().parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data DIR, else MATCHTUI_DATA, else the bundled data."""
    chosen = explicit or os.environ.get("MATCHTUI_DATA")
    return Path(chosen).expanduser().resolve() if chosen else bundled_data_dir()


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--home DIR, else MATCHTUI_HOME, else the platform's user data folder."""
    chosen = explicit or os.environ.get("MATCHTUI_HOME")
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("matchtui", appauthor=False))


def demo_profile_path() -> Path:
    return bundled_data_dir() / "demo" / "profile.toml"
