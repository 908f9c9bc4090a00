"""`matchtui serve [--port N] [--host H] [--allow-remote]`: the app in a browser (extra `web`)."""

from __future__ import annotations

import argparse
import sys

from matchtui.errors import UsageError
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        from matchtui.web.server import TokenServer, app_command, is_loopback
    except ImportError:
        raise UsageError(
            "matchtui serve needs the optional web extra: pip install 'matchtui[web]'"
        ) from None
    host: str = args.host
    if not is_loopback(host):
        if not args.allow_remote:
            raise UsageError(
                f"--host {host} is not this computer; add --allow-remote to serve your private "
                "files to other machines (there is no login beyond the secret address)"
            )
        print(
            f"matchtui: warning: serving on {host}: anyone who can reach it and has the address "
            "can read and change your files",
            file=sys.stderr,
        )
    workspace.store.ensure_home()
    pinned = args.today_given
    server = TokenServer(
        app_command(workspace.home, workspace.data_dir, pinned.isoformat() if pinned else None),
        host=host,
        port=args.port,
    )
    server.serve()
    return 0
