"""Run a command in a real pseudo-terminal and time how long until a text appears on screen."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P^_].*?(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def visible(raw: bytes) -> str:
    """The text a terminal would show, minus escape sequences (good enough to spot a marker)."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


def time_to_text(
    argv: list[str],
    marker: str,
    *,
    cols: int = 120,
    rows: int = 40,
    env: dict[str, str] | None = None,
    timeout: float = 30.0,
    keys_after: bytes = b"\x11",
) -> float:
    """Seconds from spawning `argv` in a pty until `marker` is visible; then quit it."""
    return times_to_texts(
        argv, [marker], cols=cols, rows=rows, env=env, timeout=timeout, keys_after=keys_after
    )[0]


def times_to_texts(
    argv: list[str],
    markers: list[str],
    *,
    cols: int = 120,
    rows: int = 40,
    env: dict[str, str] | None = None,
    timeout: float = 30.0,
    keys_after: bytes = b"\x11",
) -> list[float]:
    """Seconds from spawning `argv` until each marker in turn is visible; then quit it."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvpe(
            argv[0],
            argv,
            {
                **os.environ,
                **(env or {}),
                "TERM": "xterm-256color",
                "COLUMNS": str(cols),
                "LINES": str(rows),
            },
        )
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen = b""
    found: list[float] = []
    try:
        while len(found) < len(markers) and time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            while len(found) < len(markers) and markers[len(found)] in visible(seen[-200_000:]):
                found.append(time.perf_counter() - start)
        if len(found) < len(markers):
            raise RuntimeError(
                f"{markers[len(found)]!r} never appeared; last screen text: "
                f"{visible(seen)[-400:]!r}"
            )
        return found
    finally:
        try:
            os.write(fd, keys_after)
            deadline = time.perf_counter() + 3
            while time.perf_counter() < deadline:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                try:
                    if select.select([fd], [], [], 0.05)[0]:
                        os.read(fd, 65536)
                except OSError:
                    pass
            else:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(fd)


class Session:
    """A long-lived program in a pty: send keys and time until a text appears."""

    def __init__(
        self, argv: list[str], *, cols: int = 120, rows: int = 40, env: dict[str, str] | None = None
    ) -> None:
        self.argv, self.cols, self.rows, self.env = argv, cols, rows, env or {}
        self.pid = 0
        self.fd = -1
        self.buffer = b""

    def __enter__(self) -> Session:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
            os.execvpe(
                self.argv[0], self.argv, {**os.environ, **self.env, "TERM": "xterm-256color"}
            )
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            os.write(self.fd, b"\x11")
            deadline = time.perf_counter() + 3
            while time.perf_counter() < deadline:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    break
                self._drain(0.05)
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)

    def _drain(self, wait: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 65536)
        except OSError:
            return b""

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds until `marker` shows in output received from now on (or already buffered)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if marker in visible(self.buffer):
                self.buffer = b""
                return time.perf_counter() - start
            self.buffer = (self.buffer + self._drain(0.01))[-400_000:]
        raise RuntimeError(f"{marker!r} never appeared: {visible(self.buffer)[-300:]!r}")

    def press_and_wait(self, keys: bytes, marker: str, timeout: float = 10.0) -> float:
        """Write `keys`, then time until `marker` appears in the output that follows."""
        while self._drain(0.0):
            pass  # discard anything still arriving from before the key
        start = time.perf_counter()
        os.write(self.fd, keys)
        # Strip escapes chunk by chunk (with a small overlap for sequences cut in two), so the
        # measuring side does not rescan everything it has read on every chunk.
        tail = b""
        text = ""
        while time.perf_counter() - start < timeout:
            chunk = self._drain(0.005)
            if chunk:
                text = text[-200:] + visible(tail + chunk)
                tail = chunk[-32:]
                if marker in text:
                    return time.perf_counter() - start
        raise RuntimeError(f"{marker!r} never appeared after keys {keys!r}")
