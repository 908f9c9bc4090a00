"""Light commands stay light: `paths` and `--version` never import pydantic (nor Textual), and
`assess`/`mix` import only what they use (no Textual, no tracker or rank-list engine, no plotext,
no model they do not touch). The laziness behind it keeps the same results."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from matchtui.catalog import Catalog
from matchtui.cli import SUBCOMMANDS, build_parser
from matchtui.locations import bundled_data_dir
from matchtui.models.rules import Rule

PROBE = (
    "import sys\n"
    "sys.argv = ['matchtui'] + sys.argv[1:]\n"
    "from matchtui.cli import main\n"
    "try:\n"
    "    code = main()\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'textual'})\n"
    "print('HEAVY', ','.join(heavy))\n"
    "print('LOADED', ' '.join(sorted(sys.modules)))\n"
    "raise SystemExit(code)\n"
)


def _probe(home: Path, *args: str) -> tuple[set[str], set[str]]:
    """(heavy packages, every module loaded) after `matchtui --home HOME ARGS`."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found = {}
    for line in result.stdout.splitlines():
        tag, _, rest = line.partition(" ")
        found[tag] = rest
    return set(filter(None, found["HEAVY"].split(","))), set(found["LOADED"].split())


@pytest.mark.parametrize("args", [["paths"], ["--version"]], ids=["paths", "version"])
def test_light_commands_do_not_import_pydantic(args: list[str], home: Path) -> None:
    heavy, _ = _probe(home, *args)
    assert heavy == set()


# Never needed by `assess --json` or `mix --json`.
NOT_FOR_ASSESS_OR_MIX = {
    "textual",
    "plotext",
    "matchtui.app",
    "matchtui.engine.tracker",
    "matchtui.engine.ranklist",
    "matchtui.engine.practice",
    "matchtui.engine.plan",
    "matchtui.engine.charts",
    "matchtui.models.ranklist",  # the rank-list reference rules (plan.toml needs rank_state only)
    "matchtui.models.figures",
    "matchtui.models.plan_data",
    "matchtui.models.practice",  # practice feedback and log (the story verdict is in results)
    "matchtui.commands.programs",
    "matchtui.models.questions",  # the question bank (the stories need the lexicon only)
}


@pytest.mark.parametrize(
    ("args", "also_absent"),
    [
        # Not the mix. (The season calendar is read: the next actions are worded for where the
        # season stands, engine.assess._season.)
        (
            ["assess", "--json"],
            {"matchtui.models.mix", "matchtui.engine.mix"},
        ),
        # The mix reads the risk sheet and the back-home verdict only (risk_and_back_home): not
        # the other result models, nor the archetype, readiness and action rules.
        (
            # No program list in this home: its models are not even defined.
            ["mix", "--json"],
            {"matchtui.models.assessment", "matchtui.models.rules", "matchtui.models.programs"},
        ),
    ],
    ids=["assess", "mix"],
)
def test_assess_and_mix_import_only_what_they_use(
    args: list[str], also_absent: set[str], home: Path
) -> None:
    heavy, loaded = _probe(home, *args)
    assert heavy == {"pydantic"}
    unwanted = NOT_FOR_ASSESS_OR_MIX | also_absent
    assert not {m for m in loaded if m in unwanted or m.split(".")[0] in unwanted}


def _run(parser_args: list[str], *, lazy: bool) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = sorted(vars(build_parser(lazy=lazy).parse_args(parser_args)).items())
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


LINES = [
    ["--help"],
    ["frobnicate"],
    ["mix", "--apps", "500"],
    ["mix", "--bogus"],
    ["programs"],
    ["programs", "set", "x"],
    ["programs", "set", "x", "--stage", "applied", "--today", "2026-01-02"],
    ["data", "list", "foo"],
    ["--home", "/tmp/x", "assess", "--json", "--profile", "p.toml"],
    ["--ho", "assess", "paths"],
    ["ranklist", "simulate", "f.toml", "--couple", "--json"],
    ["serve", "--port", "0"],
    [],
]


@pytest.mark.parametrize(
    "args",
    LINES
    + [[name, "--help"] for name, _, _ in SUBCOMMANDS]
    + [
        [group, action, "--help"]
        for group in ("programs", "ranklist", "data", "profile")
        for action in (
            "import",
            "export",
            "add",
            "remove",
            "list",
            "set",
            "summary",
            "check",
            "simulate",
            "new",
        )
    ],
    ids=lambda args: " ".join(args) or "(none)",
)
def test_lazy_options_parse_and_print_as_the_full_parser(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command's options are added only when it is chosen: same values, same help, same
    errors (and exit codes) as the parser built whole."""
    monkeypatch.setenv("COLUMNS", "100")
    assert _run(args, lazy=True) == _run(args, lazy=False)


def test_rule_params_are_the_json_dump_without_provenance() -> None:
    """Rule.params reads the record directly: exactly what model_dump(mode="json") gives."""
    catalog = Catalog.load(bundled_data_dir())
    skip = {"source", "reliability", "assumed", "note", "id"}
    seen = 0
    for name in (
        "risk.toml",
        "back_home.toml",
        "archetypes.toml",
        "readiness.toml",
        "actions.toml",
    ):
        stack: list[object] = [catalog.get(name, BaseModel)]
        while stack:
            node = stack.pop()
            if isinstance(node, Rule):
                dumped = {k: v for k, v in node.model_dump(mode="json").items() if k not in skip}
                assert node.params() == dumped
                assert list(node.params()) == list(dumped)
                seen += 1
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, BaseModel):
                stack.extend(getattr(node, field) for field in type(node).model_fields)
    assert seen >= 20


def test_every_model_builds() -> None:
    """Models are built on first use (defer_build) and most read native annotations: every one
    still builds, so no forward reference is left unresolved until some rare path needs it."""
    import importlib
    import pkgutil

    import matchtui.models

    built = 0
    for info in pkgutil.iter_modules(matchtui.models.__path__):
        module = importlib.import_module(f"matchtui.models.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                value.model_json_schema()
                built += 1
    assert built > 150


def test_a_command_runs_with_rare_young_collections_and_restores_the_thresholds(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    """While a command runs the GC's young collections are rare (cli.COMMAND_GC_THRESHOLDS);
    once it returns, the thresholds are what they were (a test process, or a caller of main)."""
    import gc

    from matchtui import cli
    from matchtui.commands import paths

    seen: list[tuple[int, ...]] = []

    def fake_run(*args: object) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(paths, "run", fake_run)
    before = gc.get_threshold()
    assert cli.main(["--home", str(home), "paths"]) == 0
    assert seen == [cli.COMMAND_GC_THRESHOLDS]
    assert gc.get_threshold() == before
    # The command line is parsed with them too; --help, --version or a usage error restore them.
    for argv in (["--version"], ["mix", "--apps", "0"], ["frobnicate"]):
        out, err = io.StringIO(), io.StringIO()
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            pytest.raises(SystemExit),
        ):
            cli.main(argv)
        assert gc.get_threshold() == before


def test_the_thresholds_come_back_without_a_young_collection_over_the_command(
    home: Path,
) -> None:
    """Once a command returns, its objects are handed to the oldest generation as they are: no
    collection walks them when the usual thresholds come back, nothing stays frozen, and
    cyclic garbage the command left is still collected (by the next full collection)."""
    import gc
    import weakref

    from matchtui import cli
    from matchtui.commands import paths

    class Cycle:
        pass

    made: list[weakref.ref[Cycle]] = []

    def fake_run(*args: object) -> int:
        a, b = Cycle(), Cycle()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        made.append(weakref.ref(a))
        return 0

    before = gc.get_threshold()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths, "run", fake_run)
        assert cli.main(["--home", str(home), "paths"]) == 0
    [[] for _ in range(2_000)]  # allocations that start young collections
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert made[0]() is not None  # no young collection saw it: it is in the oldest generation
    gc.collect()
    assert made[0]() is None  # and a full collection frees it


def test_objects_the_caller_froze_stay_frozen(home: Path) -> None:
    import gc

    from matchtui import cli

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli.main(["--home", str(home), "paths"]) == 0
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


CONSOLE_PROBE = (
    "import atexit, sys, threading\n"
    "atexit.register(lambda: print('TEARDOWN', file=sys.stderr))\n"
    "done = threading.Event()\n"
    "if sys.argv[1] == 'thread':\n"
    "    threading.Thread(target=done.wait, args=(60,)).start()\n"
    "sys.argv = ['matchtui'] + sys.argv[2:]\n"
    "from matchtui.cli import console\n"
    "try:\n"
    "    console()\n"
    "finally:\n"  # an exit as usual ends the other thread; os._exit skips this
    "    done.set()\n"
)


def _console(home: Path, how: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CONSOLE_PROBE, how, "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["assess", "--json"], 0),
        (["assess"], 0),
        (["mix", "--json"], 0),
        (["mix"], 0),
        (["mix", "--signals", "99"], 2),  # a bad value: its message and exit code
    ],
)
def test_the_script_ends_assess_and_mix_at_once_with_all_their_output(
    args: list[str], code: int, home: Path
) -> None:
    """cli.console (the `matchtui` script): after assess and mix the process ends without the
    interpreter's teardown (no exit handler runs), with every byte printed and the exit code."""
    result = _console(home, "plain", *args)
    assert result.returncode == code, result.stderr
    assert "TEARDOWN" not in result.stderr
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main_of(["--home", str(home), *args]) == code
    assert (result.stdout, result.stderr) == (out.getvalue(), err.getvalue())


def main_of(argv: list[str]) -> int:
    from matchtui.cli import main

    return main(argv)


@pytest.mark.parametrize(
    ("how", "args", "code"),
    [
        ("plain", ["paths"], 0),  # another command: Python's usual exit
        ("plain", ["mix", "--apps", "0"], 2),  # a usage error (SystemExit from argparse)
        ("thread", ["mix", "--json"], 0),  # another thread still running: the usual exit
    ],
)
def test_the_script_exits_as_usual_otherwise(
    how: str, args: list[str], code: int, home: Path
) -> None:
    result = _console(home, how, *args)
    assert result.returncode == code, result.stderr
    assert "TEARDOWN" in result.stderr


@pytest.mark.parametrize(
    ("args", "rare"), [(["paths"], True), (["serve"], False), ([], False)], ids=str
)
def test_the_script_makes_collections_rare_first_but_not_for_the_app_or_server(
    args: list[str], rare: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matchtui.__main__.run raises the thresholds before importing anything; a command keeps
    them, the server and the app start from the usual ones (the app then sets its own)."""
    import gc

    import matchtui
    from matchtui import __main__ as entry
    from matchtui import cli

    seen: list[tuple[int, ...]] = []

    def fake_main(parsed: object, before: tuple[int, ...]) -> int:
        gc.set_threshold(*before)  # what _main does for the app and the server
        seen.append(gc.get_threshold())
        return 0

    before = gc.get_threshold()
    monkeypatch.setattr(cli, "_main", fake_main)
    monkeypatch.setattr(sys, "argv", ["matchtui", *args])
    try:
        with pytest.raises(SystemExit) as caught:
            entry.run()
    finally:
        gc.set_threshold(*before)
    assert caught.value.code == 0
    usual = matchtui._DEFAULT_GC_THRESHOLDS
    assert seen == [matchtui.COMMAND_GC_THRESHOLDS if rare else usual]


def test_python_m_matchtui_runs_the_script(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "matchtui", "--home", str(home), "mix", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["specialty"]


FREEZE_PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('FROZEN', gc.get_freeze_count(), file=sys.stderr))\n"
    "sys.argv = ['matchtui'] + sys.argv[1:]\n"
    "from matchtui.cli import main\n"
    "raise SystemExit(main())\n"
)


def test_a_command_process_freezes_its_objects_at_exit_and_prints_everything(home: Path) -> None:
    """At exit the objects are frozen (the interpreter's last collection skips them), after the
    command printed: the whole JSON reaches a pipe, the same as in-process."""
    import json

    from matchtui.cli import main

    result = subprocess.run(
        [sys.executable, "-c", FREEZE_PROBE, "--home", str(home), "mix", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    frozen = [line for line in result.stderr.splitlines() if line.startswith("FROZEN")]
    assert len(frozen) == 1 and int(frozen[0].split()[1]) > 10_000
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--home", str(home), "mix", "--json"]) == 0
    assert json.loads(result.stdout) == json.loads(out.getvalue())
    assert result.stdout == out.getvalue()


def test_lexicon_phrases_are_tokenized_as_any_text() -> None:
    """The phrase index splits each lexicon phrase with the token pattern directly (no offsets):
    the same tokens as `tokenize`, for every phrase and for awkward ones."""
    from matchtui.engine.text import _QUOTES, _pattern, tokenize
    from matchtui.models.questions import PhraseEntry, lexicon, phrase_text

    catalog = Catalog.load(bundled_data_dir())
    lex = lexicon(catalog)
    phrases: list[object] = [p for _, value in lex.phrase_lists() for p in value.phrases]
    phrases += [
        "didn't",
        "so-called",
        "snake_case word",
        "Ünïcode wörds 42",
        "a -- b",
        "x's y'",
        "É",
    ]
    phrases += [PhraseEntry(phrase="back  home, again!", not_after=["Not"])]
    checked = 0
    for entry in phrases:
        pattern = _pattern("g", entry)  # type: ignore[arg-type]
        text = phrase_text(entry).strip().translate(_QUOTES)  # type: ignore[arg-type]
        expected = tuple(tokenize(text.removesuffix("*")).lows)
        assert (pattern.tokens if pattern else ()) == expected, entry
        checked += 1
    assert checked > 300


def test_a_command_skips_the_pydantic_plugin_search_and_restores_the_environment(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    """While a command runs, pydantic is told to look for no plugins (matchtui uses none);
    afterwards the environment is as it was, and a value the user set is left alone."""
    import os

    from matchtui import cli
    from matchtui.commands import paths

    seen: list[str | None] = []

    def fake_run(*args: object) -> int:
        seen.append(os.environ.get(cli.PLUGINS_SWITCH))
        return 0

    monkeypatch.setattr(paths, "run", fake_run)
    monkeypatch.delenv(cli.PLUGINS_SWITCH, raising=False)
    assert cli.main(["--home", str(home), "paths"]) == 0
    assert seen == ["__all__"]
    assert cli.PLUGINS_SWITCH not in os.environ
    monkeypatch.setenv(cli.PLUGINS_SWITCH, "some_plugin")
    assert cli.main(["--home", str(home), "paths"]) == 0
    assert seen[-1] == "some_plugin"
    assert os.environ[cli.PLUGINS_SWITCH] == "some_plugin"


PLUGIN_PROBE = (
    "import os, sys\n"
    "if len(sys.argv) > 1:\n"
    "    os.environ['PYDANTIC_DISABLE_PLUGINS'] = sys.argv[1]\n"
    "from matchtui import without_pydantic_plugins\n"
    "from pydantic import BaseModel\n"
    "with without_pydantic_plugins():\n"
    "    class Inside(BaseModel):\n"
    "        x: int\n"
    "    Inside(x=1)\n"
    "    print('INSIDE', 'importlib.metadata' in sys.modules)\n"
    "    os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'some_plugin'\n"
    "    class Changed(BaseModel):\n"
    "        x: int\n"
    "    Changed(x=1)\n"
    "    print('CHANGED', 'importlib.metadata' in sys.modules)\n"
    "print('AFTER', 'pydantic.plugin._loader' in sys.modules)\n"
)


@pytest.mark.parametrize("preset", [None, "__all__", "some_plugin"])
def test_with_every_plugin_off_pydantic_s_plugin_loader_is_not_imported(
    preset: str | None,
) -> None:
    """pydantic's loader imports importlib.metadata (email, zipfile, csv...) even when the switch
    turns every plugin off; a stand-in answers while it does. Once the switch names a plugin,
    or the user set one, the real loader is asked; after the command, the stand-in is gone."""
    import os

    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    args = [preset] if preset is not None else []
    result = subprocess.run(
        [sys.executable, "-c", PLUGIN_PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split() for line in result.stdout.splitlines())
    all_off = preset != "some_plugin"
    assert lines["INSIDE"] == str(not all_off)
    assert lines["CHANGED"] == "True"  # the stand-in stepped aside for the real loader
    assert lines["AFTER"] == "True"  # the real module is what is left


def test_mix_verdict_is_the_assessment_s(home: Path) -> None:
    """The mix takes the risk tier and the back-home verdict from risk_and_back_home, without
    the rest of the assessment: the same as assess(...) for varied profiles."""
    from matchtui.engine.assess import assess, risk_and_back_home
    from matchtui.models.profile import Profile
    from matchtui.tomlio import read_toml

    catalog = Catalog.load(bundled_data_dir())
    data = read_toml(bundled_data_dir() / "demo" / "profile.toml")[0]
    variants: list[dict[str, object]] = [
        {},
        {"applicant": {**data["applicant"], "degree": "non_us_img", "visa": "needs_sponsorship"}},
        {"applicant": {**data["applicant"], "graduation_year": 2012}},
        {"applicant": {**data["applicant"], "lives_in": "midwest"}},
        {"exams": {**data["exams"], "step2_score": 212, "total_failures": 2}},
        {"ties": [], "letters": [], "rotations": []},
        {"narrative": {}},
        {"targets": {**data["targets"], "region": "west", "divisions": []}},
    ]
    for change in variants:
        profile = Profile.model_validate({**data, **change})
        result = assess(profile, catalog)
        risk, back_home = risk_and_back_home(profile, catalog)
        assert risk == result.risk
        assert back_home == result.back_home


def test_a_story_verdict_from_its_own_lists_is_the_verdict_from_every_list() -> None:
    """judge_story indexes only the lists a story's verdict reads (Compiled.story_groups): the
    same verdict as an analysis against every list, for each story kind and many texts."""
    from matchtui.engine.text import (
        Analysed,
        compiled,
        count_words,
        find_padding,
        judge,
        judge_story,
    )
    from matchtui.models.questions import STORY_KINDS, lexicon, phrase_text

    catalog = Catalog.load(bundled_data_dir())
    demo = read_demo_narratives()
    phrases = [
        phrase_text(p) for _, value in lexicon(catalog).phrase_lists() for p in value.phrases
    ]
    texts = [*demo, "", "Short.", " ".join(phrases)]
    texts += [
        f"In 2024 I moved back. {a} and {b}. Three months later {c}."
        for a, b, c in zip(phrases[::3], phrases[1::3], phrases[2::3], strict=False)
    ]
    comp = compiled(catalog)
    checked = 0
    for kind in STORY_KINDS:
        for text in texts:
            full = Analysed(text, comp)
            padding = find_padding(full)  # padding earns nothing in a story either
            if padding:
                full = Analysed(text, comp, [p.span for p in padding])
            padded = sum(count_words(p.text) for p in padding)
            assert judge_story(kind, text, catalog) == judge(kind, full, padded=padded)
            checked += 1
    assert checked > 300
    assert len(comp.story_groups("why_home")) < len(comp.lists)


def read_demo_narratives() -> list[str]:
    from matchtui.tomlio import read_toml

    data = read_toml(bundled_data_dir() / "demo" / "profile.toml")[0]
    return [str(v) for v in data["narrative"].values()]


def test_the_empty_plan_and_program_list_are_the_defaults_and_still_validate(
    workspace: Any,
) -> None:
    """With no plan.toml or programs.toml, the empty plan and list are made without validating
    (nothing to check): equal to the validated defaults, and they still validate what is set on
    them, save and load back."""
    from pydantic import ValidationError

    from matchtui.models.plan import MixPlan, PlanFile
    from matchtui.models.programs import Program, ProgramList

    plan = workspace.load_plan()
    assert plan == PlanFile() and plan.model_fields_set == set()
    programs = workspace.load_programs()
    assert programs == ProgramList() and programs.programs == []
    with pytest.raises(ValidationError):
        plan.mix = "not a mix"
    mix = MixPlan(
        specialty="internal_medicine",
        applications=40,
        academic_pct=20,
        mid_tier_pct=40,
        community_pct=40,
        region_share_pct=50,
    )
    plan.mix = mix
    workspace.save_plan(plan)
    assert workspace.reload_plan().mix == mix
    program = Program(
        name="General Hospital", state="WI", specialty="internal_medicine", tier="community"
    )
    programs.programs = [program]
    workspace.save_programs(programs)
    assert workspace.reload_programs().programs == [program]


@pytest.mark.parametrize("columns", [None, "", "x", "0", "40", "72", "100", "240"])
def test_help_is_argparse_s_own_at_any_width(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help formatter that sizes itself without shutil prints what argparse's own does,
    for every command, whatever COLUMNS says (unset, not a number, zero, narrow, wide)."""
    import argparse

    from matchtui import cli

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("LINES", raising=False)
    lines = [[], *([name] for name, _, _ in SUBCOMMANDS)]
    lines += [[g, a] for g, a in (("programs", "set"), ("ranklist", "simulate"), ("data", "list"))]
    ours = [_run([*line, "--help"], lazy=False) for line in lines]
    monkeypatch.setattr(cli, "_Formatter", argparse.HelpFormatter)
    stock = [_run([*line, "--help"], lazy=False) for line in lines]
    assert ours == stock
    assert all(out for _, out, _ in ours)


def test_paths_does_not_import_shutil(home: Path) -> None:
    _, loaded = _probe(home, "paths")
    assert "shutil" not in loaded
