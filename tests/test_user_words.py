"""User-visible text uses labels and words, never a raw field or rule id: the rendered panes,
the CLI's text output and the advisor report are scanned for snake_case ids that come from the
data files (record ids, rule settings, keys) and from the profile's field names.

Source ids are citation keys (the report's Sources section pairs each with its title) and
dotted rule references ("risk.tier") are citations too; both are allowed.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.locations import bundled_data_dir
from matchtui.models.profile import Profile
from matchtui.panes import PANES

TODAY = dt.date(2026, 11, 23)
TOKEN = re.compile(r"(?<![\w./\[-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.(])")


def _raw_ids() -> set[str]:
    found: set[str] = set()
    sources: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if "_" in key:
                    found.add(key)
                if key in ("id", "rule", "check", "category") and isinstance(item, str):
                    found.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in bundled_data_dir().glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if path.name == "sources.toml":
            sources.update(s["id"] for s in data.get("sources", []))
            continue
        walk(data)

    def fields(model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            found.add(name)
            if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
                fields(info.annotation)

    fields(Profile)
    return {i for i in found if "_" in i} - sources


RAW_IDS = _raw_ids()


def raw_ids_in(text: str) -> list[str]:
    return [
        f"{m.group(0)!r} in ...{text[max(0, m.start() - 40) : m.end() + 20]!r}"
        for m in TOKEN.finditer(text)
        if m.group(0) in RAW_IDS
    ]


def test_the_scanner_finds_a_raw_id() -> None:
    assert "graduation_year" in RAW_IDS and "internal_medicine" in RAW_IDS
    assert raw_ids_in("graduation_year is after cycle_year")
    assert not raw_ids_in("Rule risk.tier (risk.toml [tier]) and profile.toml")


@pytest.mark.parametrize("pane", [p.id for p in PANES])
async def test_rendered_pane_text_has_no_raw_ids(workspace: Any, pane: str) -> None:
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        problems: list[str] = []
        for widget in app.screen.query("*"):
            if not widget.display or not widget.region:
                continue
            lines = widget.render_lines(widget.region.reset_offset)
            text = "\n".join("".join(segment.text for segment in strip) for strip in lines)
            problems += [f"{type(widget).__name__}#{widget.id}: {p}" for p in raw_ids_in(text)]
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "args",
    [
        ["assess"],
        ["mix"],
        ["report", "--format", "text"],
        ["data", "list", "specialties"],
        ["practice", "--list"],
    ],
    ids=lambda a: " ".join(a),
)
def test_cli_text_has_no_raw_ids(
    capsys: pytest.CaptureFixture[str], args: list[str], home: Path
) -> None:
    assert main(args) == 0
    out = capsys.readouterr().out
    if args[:2] in (["data", "list"], ["practice", "--list"]):
        out = "\n".join(line.split(None, 1)[1] for line in out.splitlines()[1:])  # after the id
    assert not raw_ids_in(out), "\n".join(raw_ids_in(out))


async def test_reality_rule_details_have_no_raw_ids(workspace: Any) -> None:
    """Every risk row's detail: settings and matchtui's assumptions are in words."""
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        problems: list[str] = []
        for _ in range(6):
            await pilot.pause()
            panel = app.screen.query_one("#rule-panel")
            text = "\n".join(
                "".join(s.text for s in strip)
                for strip in panel.render_lines(panel.region.reset_offset)
            )
            problems += raw_ids_in(text)
            await pilot.press("down")
        assert not problems, "\n".join(problems)
