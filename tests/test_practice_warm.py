"""Practice's warm-up (run in the preload thread at idle, before the first visit) leaves the
visit nothing to build: the practice log's model is ready (pydantic builds a deferred model's
validator on its first use), and the question list's prompts are made and measured at the
width the list shows them at."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.geometry import Size
from textual.widgets import OptionList

from matchtui.app import MatchApp
from matchtui.screens import practice
from matchtui.screens.practice import PracticeScreen


def test_warm_data_readies_what_the_first_visit_uses(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import types
        from textual.geometry import Size
        from matchtui.workspace import Workspace
        from matchtui.models.practice import PracticeLog
        from matchtui.screens.practice import PracticeScreen

        catalog = Workspace.from_options().catalog
        assert not PracticeLog.__pydantic_complete__  # built on first use, unless warmed
        PracticeScreen.warm_data(types.SimpleNamespace(catalog=catalog, size=Size(120, 40)))
        assert PracticeLog.__pydantic_complete__
        print("ok")
        """
    )
    env = {"MATCHTUI_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_neither_frame_measures_a_prompt_measured_ahead(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setattr(practice, "_PROMPTS", {})
    PracticeScreen.warm_data(types.SimpleNamespace(catalog=workspace.catalog, size=Size(*size)))
    made_ahead = {id(prompt) for prompt in practice._PROMPTS.values()}
    # A prompt's height not found among those measured ahead is worked out by Content's own
    # get_height (Prompt keeps each width's): every such measurement in the visit, by prompt.
    measured: list[tuple[str, int]] = []
    get_height = Content.get_height

    def watched(content: Content, rules: Any, width: int) -> int:
        if isinstance(content, practice.Prompt):
            measured.append((content.plain, width))
        return get_height(content, rules, width)

    monkeypatch.setattr(Content, "get_height", watched)
    async with MatchApp(workspace, first_pane="practice").run_test(size=size) as pilot:
        await pilot.pause()
        listing = pilot.app.screen.query_one("#questions", OptionList)
        await pilot.pause()
        # the first frame (no scrollbar yet), then the frame with it: both drawn by now
        assert listing.show_vertical_scrollbar
        prompts = [option.prompt for option in listing.options]
    assert len(prompts) > 10
    for prompt in prompts:
        assert id(prompt) in made_ahead, prompt  # the list shows the prompt made ahead
    assert measured == []  # ... and neither frame measured one again
