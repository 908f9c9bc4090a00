"""`matchtui serve`: the same app in a browser, through textual-serve, on loopback, behind a token.

textual-serve has no authentication of its own. Every page, static file and WebSocket lives under a
random path segment (the token) printed once at start; anything else is refused. Downloads keep
textual-serve's own `/download/<key>` path (its page script builds that address itself); each key
is a fresh random id that only a connected, token-holding session ever receives.

Each browser connection starts its own `matchtui` process on the same home folder and data folder
as the terminal app, so two tabs are two writers going through the same guarded Workspace.
"""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_NAMES = frozenset({"localhost"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """The host as it goes in a URL (IPv6 addresses in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def app_command(home: Path, data_dir: Path, today: str | None = None) -> str:
    """The shell command textual-serve runs for each browser connection."""
    argv = [sys.executable, "-m", "matchtui", "--home", str(home), "--data", str(data_dir)]
    if today:
        argv += ["--today", today]
    return shlex.join(argv)


class TokenServer(Server):
    """textual-serve with every route under /<token>/ and a Host check on loopback."""

    def __init__(self, command: str, host: str, port: int, token: str | None = None) -> None:
        self.token = token or secrets.token_urlsafe(18)
        self.loopback = is_loopback(host)
        base = f"http://{url_host(host)}:{port}"
        super().__init__(
            command,
            host=host,
            port=port,
            title="matchtui",
            public_url=base,
            templates_path=TEMPLATES,
        )
        self.url = f"{base}/{self.token}/"
        self._allowed_hosts = {
            f"{name}:{port}" for name in ("localhost", "127.0.0.1", "[::1]", url_host(host))
        }

    def initialize_logging(self) -> None:
        """Plain one-line logging: no rich tracebacks that would print local variables."""
        import logging

        logging.basicConfig(level="INFO", format="%(levelname)s %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        # Plain prints: the address must never be wrapped or styled.
        print(f"matchtui is serving your files at {self.url}", flush=True)
        print("Open it in a browser on this computer; anyone with the address can see your files.")
        print("Press Ctrl+C to stop.", flush=True)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.loopback and request.host not in self._allowed_hosts:
            # A page elsewhere that points a name at 127.0.0.1 (DNS rebinding) gets nothing.
            raise web.HTTPForbidden(text="matchtui: this server answers only on this computer\n")
        path = request.path
        if path.startswith("/download/"):
            return await handler(request)
        segment, slash, _rest = path[1:].partition("/")
        if not secrets.compare_digest(segment.encode(), self.token.encode()):
            raise web.HTTPForbidden(text="matchtui: open the address printed by `matchtui serve`\n")
        if not slash:
            raise web.HTTPFound(f"/{self.token}/")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        import aiohttp_jinja2
        import jinja2

        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        prefix = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{prefix}/", self.handle_index, name="index"),
                web.get(f"{prefix}/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static(f"{prefix}/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app
