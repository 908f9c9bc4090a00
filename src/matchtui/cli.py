"""Command line: the same engine as the app, scriptable. Textual is imported only to open the app.

Exit codes: 0 ok; 2 bad input or usage (one line naming the file and field); 1 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from matchtui import __version__
from matchtui.errors import Conflict, FileProblems, UsageError
from matchtui.safetext import one_line

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"matchtui: error: {message} (see matchtui --help)\n")


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


def _apps(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 200:
        raise argparse.ArgumentTypeError(f"{value} is outside 1-200")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value <= 36_000:
        raise argparse.ArgumentTypeError(f"{value} is outside 0-36000")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="matchtui",
        description="Plan a US residency Match cycle. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"matchtui {__version__}")
    parser.add_argument("--home", metavar="DIR", help="folder for your files (or MATCHTUI_HOME)")
    parser.add_argument("--data", metavar="DIR", help="reference data folder (or MATCHTUI_DATA)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    assess = sub.add_parser("assess", help="the reality check for a profile")
    assess.add_argument("--profile", metavar="F", help="profile TOML (default: your saved one)")
    assess.add_argument("--json", action="store_true", help="print JSON")

    mix = sub.add_parser("mix", help="program mix: counts, interviews, P(match), fees")
    mix.add_argument("--profile", metavar="F")
    mix.add_argument("--apps", type=_apps, metavar="N", help="number of applications (1-200)")
    mix.add_argument("--mix", type=_mix, metavar="A,M,C", help="academic,mid-tier,community %%")
    mix.add_argument("--region-share", type=_percent, metavar="P", help="%% in the target region")
    mix.add_argument("--signals", type=int, metavar="N", help="program signals used")
    mix.add_argument("--specialty", metavar="ID", help="specialty id (default: first target)")
    mix.add_argument("--json", action="store_true")

    practice = sub.add_parser("practice", help="analyse a typed interview answer")
    practice.add_argument("--question", required=True, metavar="ID")
    practice.add_argument("--answer-file", required=True, metavar="F")
    practice.add_argument("--seconds", type=_seconds, metavar="S", help="time you took")
    practice.add_argument("--json", action="store_true")

    report = sub.add_parser("report", help="one document to send an advisor")
    report.add_argument("--profile", metavar="F")
    report.add_argument("--format", choices=("md", "text"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomic)")
    report.add_argument("--force", action="store_true", help="overwrite an existing FILE")

    programs = sub.add_parser("programs", help="your program list")
    programs_sub = programs.add_subparsers(
        dest="programs_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    imp = programs_sub.add_parser("import", help="import programs from CSV or TOML")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--skip-bad", action="store_true", help="import good rows, list the rest")
    imp.add_argument("--replace", action="store_true", help="replace the list instead of adding")

    data = sub.add_parser("data", help="reference data")
    data_sub = data.add_subparsers(
        dest="data_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    check = data_sub.add_parser("check", help="validate a data folder")
    check.add_argument("dir", nargs="?", metavar="DIR")

    sub.add_parser("paths", help="where the data and your files live")
    return parser


# command name -> module in matchtui.commands with run(args, workspace) -> int
COMMANDS = {
    "assess": "assess",
    "mix": "mix",
    "practice": "practice",
    "report": "report",
    "programs": "programs",
    "data": "data",
    "paths": "paths",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    workspace = None
    try:
        if args.command is None:
            return _open_app(args.home, args.data)
        from matchtui.workspace import Workspace

        workspace = Workspace.from_options(args.home, args.data, lazy_catalog=True)
        module = importlib.import_module(f"matchtui.commands.{COMMANDS[args.command]}")
        result: int = module.run(args, workspace)
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


def _open_app(home: str | None, data: str | None) -> int:
    from matchtui.app import run_app
    from matchtui.workspace import Workspace

    return run_app(Workspace.from_options(home, data))
