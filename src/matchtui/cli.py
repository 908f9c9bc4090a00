"""Command line: the same engine as the app, scriptable. Textual is imported only to open the app.

Exit codes: 0 ok; 2 bad input or usage (one line naming the file and field); 1 internal error.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, cast

from matchtui import COMMAND_GC_THRESHOLDS as COMMAND_GC_THRESHOLDS
from matchtui import PLUGINS_SWITCH as PLUGINS_SWITCH
from matchtui import __version__, without_pydantic_plugins
from matchtui.errors import Conflict, FileProblems, UsageError
from matchtui.safetext import one_line

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns, as argparse sizes its help: COLUMNS when it is a
    positive number, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter at the width argparse gives it (the terminal's, less 2), worked
    out without importing shutil: argparse makes a formatter for every add_argument (to check the
    metavar), and shutil with the compression modules it loads costs ~2 ms (`paths`,
    `--version`; assess and mix import it anyway through pydantic's plugin loader, which reads
    package metadata). The same help, line for line (tests/test_cli_imports.py)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # self.prog is the command's own ("matchtui programs export"): its help is the one meant
        self.exit(EXIT_BAD_INPUT, f"matchtui: error: {message} (see {self.prog} --help)\n")

    def parse_command(self, argv: Sequence[str] | None) -> argparse.Namespace:
        """parse_args, but an option the command does not take sends the applicant to that
        command's help ("see matchtui programs export --help"), not the top-level one."""
        args, extras = self.parse_known_args(argv)
        if extras:
            command = getattr(args, "command", None)
            action = getattr(args, f"{command}_command", None) if command else None
            where = " ".join(part for part in (self.prog, command, action) if part)
            self.exit(
                EXIT_BAD_INPUT,
                f"matchtui: error: unrecognized arguments: {' '.join(extras)} "
                f"(see {where} --help)\n",
            )
        return args


def _percent(text: str) -> int:
    try:
        value = int(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole percentage") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} is outside 0-100")
    return value


def _mix(text: str) -> tuple[int, int, int]:
    parts = text.split(",")
    if len(parts) != 3:
        raise argparse.ArgumentTypeError("give three shares A,M,C (academic, mid-tier, community)")
    a, m, c = (_percent(p.strip()) for p in parts)
    if a + m + c != 100:
        raise argparse.ArgumentTypeError(f"shares must sum to 100, these sum to {a + m + c}")
    return a, m, c


def _whole(what: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in low..high, else one line naming the problem."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high}")
        return value

    return convert


_apps = _whole("a whole number", 1, 200)
_port = _whole("a port number", 1, 65535)
_year = _whole("a year", 2000, 2100)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value <= 36_000:
        raise argparse.ArgumentTypeError(f"{value} is outside 0-36000")
    return value


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


Filler = Callable[[argparse.ArgumentParser], None]


class _Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands made only when chosen, parser and options: a run of `assess` builds neither
    the parsers nor the options of the eleven other commands (each parser costs argparse a few
    translation look-ups on disk, ~2 ms a run for all of them). The list of commands, `matchtui
    --help`, each command's help and every error are the same either way
    (tests/test_cli_imports.py); `build_parser()` makes and fills every one up front."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fillers: dict[str, Filler | None] = {}

    def add_lazy(self, name: str, help: str, fill: Filler | None) -> None:
        """List `name` and its help now (what add_parser lists); make its parser when chosen."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))
        parsers: dict[str, Any] = self._name_parser_map  # also `choices`: only names are read
        parsers[name] = None  # until chosen
        self.fillers[name] = fill

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        name = values[0]  # values: the command name, then its arguments
        if name in self.fillers:
            fill = self.fillers.pop(name)
            parsers = self._name_parser_map
            order = list(parsers)
            del parsers[name]
            made = self.add_parser(name)  # argparse's own way: its prog and parser class
            listed = [(key, parsers[key]) for key in order]
            parsers.clear()
            parsers.update(listed)  # the commands in their order again
            if fill is not None:
                fill(made)
        super().__call__(parser, namespace, values, option_string)


def _add(sub: _Subcommands, name: str, help: str, fill: Filler | None, lazy: bool) -> None:
    if lazy:
        sub.add_lazy(name, help, fill)
        return
    parser = sub.add_parser(name, help=help)
    if fill is not None:
        fill(parser)


def build_parser(*, lazy: bool = False) -> _Parser:
    """The whole command line. `lazy`: each command's options are added when it is chosen."""
    parser = _Parser(
        prog="matchtui",
        description="Plan a US residency Match cycle. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"matchtui {__version__}")
    parser.add_argument("--home", metavar="DIR", help="folder for your files (or MATCHTUI_HOME)")
    parser.add_argument("--data", metavar="DIR", help="reference data folder (or MATCHTUI_DATA)")
    parser.add_argument(
        "--today", type=_day, metavar="YYYY-MM-DD", help="act as if today were this date"
    )
    parser.register("action", "lazy_parsers", _Subcommands)
    sub = cast(
        _Subcommands,
        parser.add_subparsers(
            action="lazy_parsers", dest="command", metavar="COMMAND", parser_class=_Parser
        ),
    )
    for name, help, fill in SUBCOMMANDS:
        _add(sub, name, help, fill, lazy)
    return parser


def _assess(assess: argparse.ArgumentParser) -> None:
    assess.add_argument("--profile", metavar="F", help="profile TOML (default: your saved one)")
    assess.add_argument("--json", action="store_true", help="print JSON")


def _mix_options(mix: argparse.ArgumentParser) -> None:
    mix.add_argument("--profile", metavar="F")
    mix.add_argument("--apps", type=_apps, metavar="N", help="number of applications (1-200)")
    mix.add_argument("--mix", type=_mix, metavar="A,M,C", help="academic,mid-tier,community %%")
    mix.add_argument("--region-share", type=_percent, metavar="P", help="%% in the target region")
    mix.add_argument("--signals", type=int, metavar="N", help="program signals used")
    mix.add_argument("--specialty", metavar="ID", help="specialty id (default: first target)")
    mix.add_argument("--json", action="store_true")


def _calibrate(calibrate: argparse.ArgumentParser) -> None:
    calibrate.add_argument("--json", action="store_true", help="print JSON")
    calibrate.add_argument(
        "--fit", action="store_true", help="refit the constants and print mix.toml's [fitted]"
    )


def _practice(practice: argparse.ArgumentParser) -> None:
    practice.add_argument("--question", metavar="ID", help="question id (see --list)")
    practice.add_argument("--answer-file", metavar="F", help="your answer (- for stdin)")
    practice.add_argument("--list", action="store_true", help="list the question ids")
    practice.add_argument("--seconds", type=_seconds, metavar="S", help="time you took")
    practice.add_argument(
        "--profile",
        metavar="F",
        help="profile TOML whose target region an answer about ties is read against "
        "(default: your saved one, if there is one)",
    )
    practice.add_argument("--json", action="store_true")


def _report(report: argparse.ArgumentParser) -> None:
    report.add_argument("--profile", metavar="F")
    report.add_argument("--format", choices=("md", "text"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomic)")
    report.add_argument("--force", action="store_true", help="overwrite an existing FILE")


def _programs(programs: argparse.ArgumentParser) -> None:
    programs_sub = programs.add_subparsers(
        dest="programs_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    imp = programs_sub.add_parser("import", help="import programs from CSV or TOML")
    imp.add_argument(
        "file",
        metavar="FILE",
        help="a .csv or .toml file; - reads standard input (CSV, or TOML with [[programs]])",
    )
    imp.add_argument("--skip-bad", action="store_true", help="import good rows, list the rest")
    imp.add_argument("--replace", action="store_true", help="replace the list instead of adding")
    _add_tracker_commands(programs_sub)


def _ranklist(ranklist: argparse.ArgumentParser) -> None:
    ranklist_sub = ranklist.add_subparsers(
        dest="ranklist_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    saved = (
        "a rank list ([[ranks]]) or couples ([[pairs]]) file; without it, the list saved in "
        "the app's Rank list pane"
    )
    rl_check = ranklist_sub.add_parser("check", help="check a rank list or couples file (NRMP)")
    rl_sim = ranklist_sub.add_parser("simulate", help="odds rank by rank; couples: both/one/none")
    for command in (rl_check, rl_sim):
        command.add_argument("file", metavar="FILE", nargs="?", help=saved)
        command.add_argument(
            "--couple",
            action="store_true",
            help="FILE is a couples file ([[pairs]]); without FILE, the pairs of the Couples tab",
        )
    rl_sim.add_argument("--json", action="store_true", help="print JSON")


def _data(data: argparse.ArgumentParser) -> None:
    data_sub = data.add_subparsers(
        dest="data_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    check = data_sub.add_parser("check", help="validate a data folder")
    check.add_argument("dir", nargs="?", metavar="DIR")
    listing = data_sub.add_parser("list", help="list ids: specialties, questions, regions...")
    listing.add_argument(
        "what",
        metavar="WHAT",
        choices=("specialties", "questions", "regions", "divisions"),
        help="specialties, questions, regions or divisions",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")


def _dates(dates: argparse.ArgumentParser) -> None:
    dates.add_argument("--year", type=_year, metavar="Y", help="Match year (default: yours)")
    dates.add_argument("--json", action="store_true", help="print JSON")
    dates.add_argument(
        "--ics",
        metavar="FILE",
        help="write the dates as an iCalendar file a calendar app imports (- for stdout)",
    )
    dates.add_argument("--force", action="store_true", help="overwrite an existing --ics FILE")


def _profile(profile: argparse.ArgumentParser) -> None:
    profile_sub = profile.add_subparsers(
        dest="profile_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    new = profile_sub.add_parser("new", help="start a blank profile (the demo is kept aside)")
    new.add_argument("--force", action="store_true", help="also replace a profile of your own")


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--port", type=_port, default=8000, metavar="N", help="port (default 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other than this computer (no login: anyone with the address gets in)",
    )


def _add_tracker_commands(programs_sub: Any) -> None:
    """`programs export/add/remove/list/set/summary`: the applications tracker (see
    commands/programs.py)."""
    # Stage names are checked by the command (importing the model here would slow every command).
    stages = "a stage, e.g. applied, invited, scheduled, interviewed"
    today = {"metavar": "YYYY-MM-DD", "default": argparse.SUPPRESS, "help": "date to use as today"}
    exp = programs_sub.add_parser("export", help="write the list as CSV (or interviews as .ics)")
    exp.add_argument("file", metavar="FILE", nargs="?")
    exp.add_argument("-o", "--output", metavar="FILE", help="the same as FILE (as report takes it)")
    exp.add_argument("--ics", action="store_true", help="write interview dates as iCalendar")
    exp.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    add = programs_sub.add_parser("add", help="add one program to the list")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--state", required=True, help="code or name: OH, Ohio")
    add.add_argument("--specialty", required=True, metavar="ID_OR_NAME")
    add.add_argument("--tier", required=True, help="academic, mid_tier or community")
    add.add_argument("--city", default="")
    add.add_argument("--track", default="", help="categorical (default), preliminary, ...")
    add.add_argument("--signal", default="", help="none (default), signal, gold or silver")
    add.add_argument("--code", default="", metavar="NRMP_CODE")
    rm = programs_sub.add_parser("remove", help="take one program off the list")
    rm.add_argument("program", metavar="NAME_OR_CODE")
    rm.add_argument(
        "--force",
        action="store_true",
        help="remove a program applied to (its ERAS fee then leaves your costs)",
    )
    lst = programs_sub.add_parser("list", help="the programs and their stage")
    lst.add_argument("--stage", metavar="S", help=f"only this stage ({stages})")
    lst.add_argument("--json", action="store_true")
    put = programs_sub.add_parser("set", help="move a program to a stage")
    put.add_argument("program", metavar="NAME_OR_CODE")
    put.add_argument("--stage", required=True, metavar="S", help=stages)
    put.add_argument("--date", metavar="YYYY-MM-DD", help="when (default: today)")
    put.add_argument("--respond-by", metavar="YYYY-MM-DD", help="answer deadline (invited)")
    put.add_argument("--format", choices=("virtual", "in_person"), help="interview (scheduled)")
    put.add_argument("--today", **today)
    back = programs_sub.add_parser(
        "back", help="undo a program's last stage move (its date is cleared)"
    )
    back.add_argument("program", metavar="NAME_OR_CODE")
    summ = programs_sub.add_parser("summary", help="pipeline, yields, agenda and costs")
    summ.add_argument("--json", action="store_true")
    summ.add_argument("--today", **today)


# The commands in the order `matchtui --help` lists them: name, help, what adds its options.
SUBCOMMANDS: tuple[tuple[str, str, Filler | None], ...] = (
    ("assess", "the reality check for a profile", _assess),
    ("mix", "program mix: counts, interviews, P(match), fees", _mix_options),
    ("calibrate", "every published anchor next to the estimate's figure for it", _calibrate),
    ("practice", "analyse a typed interview answer", _practice),
    ("report", "one document to send an advisor", _report),
    ("programs", "your program list", _programs),
    ("ranklist", "check a rank order list and see its odds", _ranklist),
    ("data", "reference data", _data),
    ("dates", "the season's dates, deadlines and days left", _dates),
    ("profile", "your profile file", _profile),
    ("paths", "where the data and your files live", None),
    ("serve", "open the app in a browser (optional extra: web)", _serve),
)

# command name -> module in matchtui.commands with run(args, workspace) -> int
COMMANDS = {
    "assess": "assess",
    "mix": "mix",
    "calibrate": "calibrate",
    "practice": "practice",
    "report": "report",
    "programs": "programs",
    "ranklist": "ranklist",
    "data": "data",
    "paths": "paths",
    "serve": "serve",
    "dates": "dates",
    "profile": "profile",
}


# The cyclic GC while a command runs. A command makes ~40,000 objects that live until the process
# ends (modules, model classes, the catalog) and almost no cyclic garbage, yet CPython's usual
# thresholds ran ~100 young collections over them (~15 ms of `mix --json`), and at exit a last
# collection walked everything again only to free it (~25 ms). So young collections are rare
# while a command runs (still bounded: one every 100,000 new container objects), and what exists
# when the interpreter exits is frozen, so that collection skips it; the OS frees the memory.
# The thresholds are matchtui.COMMAND_GC_THRESHOLDS; the script (matchtui.__main__.run) sets them
# before it imports this module, the command line not being parsed yet.
_freeze_registered = False


def _command_gc() -> tuple[int, ...]:
    """Set the command thresholds; returns the ones to restore."""
    before = gc.get_threshold()
    gc.set_threshold(*COMMAND_GC_THRESHOLDS)
    return before


def _freeze_at_exit() -> None:
    global _freeze_registered
    if not _freeze_registered:
        _freeze_registered = True
        atexit.register(gc.freeze)


def _restore_gc(before: tuple[int, ...]) -> None:
    """Put the thresholds back once the command returned. Restored as they stand, the first
    allocation after would start a young collection walking every object the command made
    (~60,000 after `mix`: ~8 ms, only to find them alive). So they are first moved to the oldest
    generation as they are (gc.freeze, then gc.unfreeze: no object is visited): cyclic garbage
    among them is still collected, by the next full collection. Skipped when the caller froze
    objects of its own (unfreezing would hand those back to the collector)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    gc.set_threshold(*before)


def main(argv: Sequence[str] | None = None) -> int:
    return _main(*_parse(argv))


def _parse(argv: Sequence[str] | None) -> tuple[argparse.Namespace, tuple[int, ...]]:
    """The command line, parsed with young collections already rare (argparse makes objects
    too: ~2 ms of collections at the usual thresholds), and the thresholds to restore."""
    before = _command_gc()
    try:
        return build_parser(lazy=True).parse_command(argv), before
    except BaseException:  # --help, --version, a usage error: SystemExit
        gc.set_threshold(*before)
        raise


# Commands after which the `matchtui` script ends the process at once (see console): they only
# read files, print and, at most, write the validated-catalog cache, all finished and closed
# before they return; none starts a thread.
QUICK_EXIT = frozenset({"assess", "mix"})


def console() -> NoReturn:
    """The `matchtui` script: main() on the command line, then the exit.

    After `assess` or `mix`, the interpreter's own teardown would free every module, class and
    object one at a time (~10 ms after either, as long as after `python -c "from pydantic import
    BaseModel"`), memory the operating system takes back anyway. So once the command returned and
    its output is flushed, the process ends with os._exit and the same exit code. Anything out of
    the ordinary (another thread still running, output that cannot be flushed, the app, another
    command, an error that exits through SystemExit) takes Python's usual exit."""
    args, before = _parse(None)
    if _runs_long(args):  # run() made young collections rare
        from matchtui import steady_gc

        steady_gc()  # the usual thresholds (the app sets its start-up ones as it opens)
        before = gc.get_threshold()
    code = _main(args, before)
    threading = sys.modules.get("threading")
    if args.command in QUICK_EXIT and (threading is None or threading.active_count() == 1):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # e.g. a closed pipe: Python's exit reports it as it always has
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def _runs_long(args: argparse.Namespace) -> bool:
    """The app and the server run long: they keep the usual GC thresholds, not a command's."""
    return args.command is None or args.command == "serve"


def _main(args: argparse.Namespace, before: tuple[int, ...]) -> int:
    """Run what `args` asks; `before`: the thresholds to restore (the command ones are set)."""
    args.today_given = args.today  # a pinned day (serve passes it on to each browser session)
    args.today = args.today or dt.date.today()  # every command reads the day from here
    if _runs_long(args):
        gc.set_threshold(*before)  # (the app sets its start-up ones as it opens)
        return _run(args)
    _freeze_at_exit()
    try:
        with without_pydantic_plugins():  # (matchtui explains why)
            return _run(args)
    finally:
        _restore_gc(before)


def _run(args: argparse.Namespace) -> int:
    workspace = None
    try:
        if args.command is None:
            return _open_app(args.home, args.data, args.today)
        from matchtui.workspace import Workspace

        workspace = Workspace.from_options(args.home, args.data, lazy_catalog=True)
        module = importlib.import_module(f"matchtui.commands.{COMMANDS[args.command]}")
        result: int = module.run(args, workspace)
        if result == EXIT_OK and "catalog" in workspace.__dict__:
            workspace.catalog.save_cache()  # the reference files this command validated
        return result
    except (FileProblems, Conflict) as exc:
        print(f"matchtui: error: {one_line(exc.summary())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"matchtui: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file or folder cannot be read or written (e.g. a read-only home)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"matchtui: error: {one_line(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # the promise is exit 1 with a message, never a raw traceback
        if os.environ.get("MATCHTUI_DEBUG"):
            raise
        log = write_error_log(_home_of(args), exc)
        where = f" (details in {log})" if log is not None else ""
        # The type only: an exception's text can quote the applicant's own files.
        print(f"matchtui: internal error: {type(exc).__name__}{one_line(where)}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if workspace is not None and "store" in workspace.__dict__:
            for note in workspace.store.notes:
                print(f"matchtui: warning: {one_line(note)}", file=sys.stderr)


ERROR_LOG = "matchtui-error.log"


def _home_of(args: argparse.Namespace) -> Path | None:
    try:
        from matchtui.locations import resolve_home

        return resolve_home(getattr(args, "home", None))
    except Exception:
        return None


def write_error_log(home: Path | None, exc: BaseException) -> Path | None:
    """Write the traceback (no local variables) to matchtui-error.log in the home folder, 0600,
    never through a link. Returns the path, or None when it could not be written."""
    import traceback

    return write_error_text(home, "".join(traceback.format_exception(exc)))


def write_error_text(home: Path | None, details: str) -> Path | None:
    """write_error_log's file, with `details` already rendered."""
    import datetime as dt

    if home is None or not home.is_dir():
        return None
    path = home / ERROR_LOG
    text = f"matchtui {__version__} at {dt.datetime.now().isoformat(timespec='seconds')}\n"
    text += details
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
    except OSError:
        return None
    return path


def _open_app(home: str | None, data: str | None, today: dt.date | None = None) -> int:
    from matchtui import startup_gc

    startup_gc()  # until the first pane is on screen (app._freeze_long_lived)
    from matchtui import preview
    from matchtui.workspace import Workspace

    workspace = Workspace.from_options(home, data)
    # Before Textual is imported: a child process works the first pane out meanwhile.
    first = preview.start(workspace, today)
    from matchtui.app import run_app

    try:
        with without_pydantic_plugins():  # the first validators are built as the first pane is
            return run_app(workspace, today, preview=first)
    finally:
        if first is not None:
            first.close()  # a child the app never asked (it stopped first): stopped and reaped
