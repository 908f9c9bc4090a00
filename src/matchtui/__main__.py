"""The `matchtui` command: `python -m matchtui`, and the installed script when pyproject names
this entry point (`matchtui = "matchtui.__main__:run"`)."""

import gc


def run() -> None:
    """Young collections made rare before anything is imported (the command line is parsed
    after the imports it needs; the ~17,000 objects they make cost ~2 ms of collections at the
    usual thresholds), then cli.console: a command sets its own thresholds, the app its start-up
    ones, the server the usual ones."""
    from matchtui import COMMAND_GC_THRESHOLDS

    gc.set_threshold(*COMMAND_GC_THRESHOLDS)
    from matchtui.cli import console

    console()


if __name__ == "__main__":
    run()
