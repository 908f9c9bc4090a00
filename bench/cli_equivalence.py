"""Byte-for-byte equivalence of `matchtui assess` and `matchtui mix` over many profiles, options
and homes (saved plan, program list, no cache, a bad profile): run it before a speed change with
`--save FILE`, after it with `--check FILE`. Each case is a whole process; stdout, stderr and the
exit code are compared exactly.

    .venv/bin/python -m bench.cli_equivalence --save /tmp/before.json
    .venv/bin/python -m bench.cli_equivalence --check /tmp/before.json [--console]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from matchtui.locations import bundled_data_dir

TODAY = "2026-11-30"
Edit = Callable[[dict[str, Any]], None]


def _set(section: str, **values: Any) -> Edit:
    def edit(profile: dict[str, Any]) -> None:
        profile.setdefault(section, {}).update(values)

    return edit


def _top(**values: Any) -> Edit:
    return lambda profile: profile.update(values)


def _drop(*keys: str) -> Edit:
    def edit(profile: dict[str, Any]) -> None:
        for key in keys:
            profile.pop(key, None)

    return edit


# name -> edits of the demo profile
VARIANTS: dict[str, list[Edit]] = {
    "demo": [],
    "do": [_set("applicant", degree="us_do")],
    "img": [_set("applicant", degree="us_img")],
    "non_us_visa": [_set("applicant", degree="non_us_img", visa="needs_sponsorship")],
    "old_grad": [_set("applicant", graduation_year=2012), _set("clinical", months_last_24=0)],
    "recent": [_set("applicant", graduation_year=2025), _drop("history")],
    "low_score": [_set("exams", step2_score=209, step2_attempts=2, total_failures=1)],
    "high_score": [_set("exams", step2_score=262)],
    "no_score": [_set("exams", step2_score=None)],
    "step3_todo": [_set("exams", step3="not_taken"), _set("exams", step3_year=None)],
    "derm_west": [_set("targets", specialties=["dermatology"], region="west", divisions=[])],
    "peds_psych": [
        _set(
            "targets",
            specialties=["pediatrics", "psychiatry", "neurology"],
            region="northeast",
            divisions=[],
        )
    ],
    "surgery": [_set("targets", specialties=["general_surgery"], region="south", divisions=[])],
    "no_targets": [_set("targets", specialties=[])],
    "no_ties_letters": [_drop("ties", "letters", "rotations")],
    "no_narrative": [_drop("narrative")],
    "no_clinical": [_set("clinical", role="none", months_last_24=0, months_since_last=40)],
    "bad": [_set("exams", step2_score="high")],
}


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def _toml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    tables: list[tuple[str, Any, bool]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value, False))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            tables.append((key, value, True))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, value, many in tables:
        if many:
            for item in value:
                lines += ["", f"[[{key}]]"] + [f"{k} = {_toml_value(v)}" for k, v in item.items()]
        else:
            inner = [
                (k, v)
                for k, v in value.items()
                if not isinstance(v, dict | list) or not v or not isinstance(v[0], dict)
            ]
            lines += ["", f"[{key}]"] + [f"{k} = {_toml_value(v)}" for k, v in inner]
            for sub, items in value.items():
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    for item in items:
                        lines += ["", f"[[{key}.{sub}]]"]
                        lines += [f"{k} = {_toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


PLAN = (
    'schema_version = 1\n[mix]\nspecialty = "internal_medicine"\napplications = 40\n'
    "academic_pct = 60\nmid_tier_pct = 30\ncommunity_pct = 10\nregion_share_pct = 50\n"
)

MIX_OPTIONS = [
    ["--json"],
    [],
    ["--apps", "30", "--mix", "20,50,30", "--json"],
    ["--signals", "3", "--region-share", "70", "--json"],
    ["--specialty", "family_medicine", "--json"],
    ["--specialty", "psychiatry", "--apps", "120"],
]


# How matchtui is started: the installed script (matchtui.cli:main as pyproject names it), or
# with --console `python -m matchtui` (matchtui.cli.console: the script's quick exit).
LAUNCH: list[str] = [str(Path(sys.executable).with_name("matchtui"))]


def cases(root: Path) -> list[tuple[str, list[str]]]:
    """(name, argv) for every case; writes the profiles and homes under root."""
    script = LAUNCH
    demo = tomllib.loads((bundled_data_dir() / "demo" / "profile.toml").read_text())
    out: list[tuple[str, list[str]]] = []
    for name, edits in VARIANTS.items():
        profile = json.loads(json.dumps(demo))
        for edit in edits:
            edit(profile)
        path = root / f"{name}.toml"
        path.write_text(_toml(_drop_none(profile)))
        home = root / f"home-{name}"
        home.mkdir()
        (home / "profile.toml").write_text(path.read_text())
        base = [*script, "--today", TODAY, "--home", str(home)]
        out.append((f"{name} assess --json", [*base, "assess", "--json"]))
        out.append((f"{name} assess", [*base, "assess"]))
        out.append(
            (f"{name} assess --profile", [*base, "assess", "--profile", str(path), "--json"])
        )
        for options in MIX_OPTIONS[: 6 if name in ("demo", "img", "derm_west") else 2]:
            out.append((f"{name} mix {' '.join(options)}", [*base, "mix", *options]))
    # A saved plan, a program list, no reference cache.
    planned = root / "home-planned"
    planned.mkdir()
    (planned / "profile.toml").write_text((root / "demo.toml").read_text())
    (planned / "plan.toml").write_text(PLAN)
    base = [*script, "--today", TODAY, "--home", str(planned)]
    out.append(("planned assess --json", [*base, "assess", "--json"]))
    out.append(("planned assess", [*base, "assess"]))
    for options in MIX_OPTIONS:
        out.append((f"planned mix {' '.join(options)}", [*base, "mix", *options]))
    listed = root / "home-listed"
    listed.mkdir()
    (listed / "profile.toml").write_text((root / "demo.toml").read_text())
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from matchtui.catalog import Catalog; from matchtui.locations import "
            "bundled_data_dir; from matchtui.store import Store; "
            "from bench.programs_fixture import write_programs; "
            "write_programs(Store(__import__('pathlib').Path(sys.argv[1])), "
            "Catalog.load(bundled_data_dir()), 300)",
            str(listed),
        ],
        check=True,
    )
    base = [*script, "--today", TODAY, "--home", str(listed)]
    for options in MIX_OPTIONS:
        out.append((f"listed mix {' '.join(options)}", [*base, "mix", *options]))
    out.append(("listed assess --json", [*base, "assess", "--json"]))
    empty = root / "home-empty"  # the demo profile is written on first use
    base = [*script, "--today", TODAY, "--home", str(empty)]
    out.append(("empty assess --json", [*base, "assess", "--json"]))
    out.append(("empty mix --json", [*base, "mix", "--json"]))
    out.append(("missing profile", [*base, "assess", "--profile", str(root / "nope.toml")]))
    out.append(("bad specialty", [*base, "mix", "--specialty", "cardiology_x"]))
    out.append(("bad signals", [*base, "mix", "--signals", "99", "--json"]))
    return out


def run_all(root: Path) -> dict[str, dict[str, Any]]:
    todo = cases(root)

    def one(case: tuple[str, list[str]]) -> tuple[str, dict[str, Any]]:
        name, argv = case
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        err = result.stderr.replace(str(root), "ROOT")
        return name, {
            "rc": result.returncode,
            "out": result.stdout.replace(str(root), "ROOT"),
            "err": err,
        }

    # Each home is used by one case at a time: the first run of a home writes its cache, so the
    # cases of one home run in order (twice: without the cache, then with it).
    by_home: dict[str, list[tuple[str, list[str]]]] = {}
    for name, argv in todo:
        by_home.setdefault(argv[argv.index("--home") + 1], []).append((name, argv))
    results: dict[str, dict[str, Any]] = {}

    def home_cases(items: list[tuple[str, list[str]]]) -> list[tuple[str, dict[str, Any]]]:
        done = []
        for cached in ("cold", "warm"):
            for name, argv in items:
                key, value = one((name, argv))
                done.append((f"{key} [{cached}]", value))
        return done

    with ThreadPoolExecutor(2) as pool:
        for done in pool.map(home_cases, by_home.values()):
            results.update(done)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    parser.add_argument(
        "--console", action="store_true", help="run `python -m matchtui` (cli.console)"
    )
    args = parser.parse_args()
    if args.console:
        LAUNCH[:] = [sys.executable, "-m", "matchtui"]
    with tempfile.TemporaryDirectory() as tmp:
        results = run_all(Path(tmp))
    if args.save:
        Path(args.save).write_text(json.dumps(results, indent=1, sort_keys=True))
        codes: dict[int, int] = {}
        for value in results.values():
            codes[value["rc"]] = codes.get(value["rc"], 0) + 1
        print(f"saved {len(results)} cases (exit codes {codes})")
        return
    saved = json.loads(Path(args.check).read_text())
    bad = [name for name in saved if saved[name] != results.get(name)]
    bad += [name for name in results if name not in saved]
    for name in bad:
        print("DIFFERS:", name)
    print(f"{len(saved) - len(bad)} of {len(saved)} cases identical")
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
