"""`matchtui serve`: the app in a real headless Chromium, on loopback, behind a token.

textual-serve's page draws the terminal on a canvas, so the DOM holds no text. What the app drew is
read from the WebSocket frames in Chromium's performance log, with terminal escapes stripped.
The browser tests need Debian's `chromium` and `chromium-driver` (`.ci/run` installs them) and the
`web` and `test` extras; where any is missing they are skipped with the reason.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return "textual-serve is not installed (pip install -e '.[web]')"
    if not CHROMIUM or not CHROMEDRIVER:
        return "no Chromium here (Debian: apt-get install chromium chromium-driver)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str, port: int) -> None:
        self.process, self.url, self.port = process, url, port


def _start_server(home: Path) -> Served:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "matchtui", "--home", str(home), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        found = re.search(r"http://\S+", line)
        if found:
            # The address is printed as the server starts; wait until it really answers.
            while time.monotonic() < deadline:
                try:
                    if _status(found.group(0)) == 200:
                        return Served(process, found.group(0), port)
                except OSError:
                    time.sleep(0.1)
            break
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"matchtui serve printed no address (exit {process.poll()})")


def _stop(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        served.process.kill()


@pytest.fixture
def server(home: Path) -> Iterator[Served]:
    reason = _missing()
    if reason is not None and "textual-serve" in reason:
        pytest.skip(reason)
    served = _start_server(home)
    yield served
    _stop(served)


def _status(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp* spells them) listening on `port`."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


def test_serve_refuses_requests_without_the_token(server: Served) -> None:
    base = server.url.rsplit("/", 2)[0]  # http://127.0.0.1:PORT
    assert _status(server.url) == 200
    assert _status(base + "/") == 403
    assert _status(base + "/ws") == 403
    assert _status(base + "/static/js/textual.js") == 403
    assert _status(base + "/not-the-token/") == 403
    # a page elsewhere that points its own name at this computer gets nothing
    assert _status(server.url, host=f"attacker.example:{server.port}") == 403


def test_serve_listens_on_loopback_only(server: Served) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp on this system")
    addresses = _listening_addresses(server.port)
    assert addresses, "nothing listens on the port"
    assert addresses <= {"0100007F"}, f"listening beyond loopback: {addresses}"


def test_serve_beyond_loopback_needs_an_explicit_flag(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "matchtui", "--home", str(home), "serve", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------
# A real browser


_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    r"|\x1b."
)


class Page:
    """Chromium on the served app: keys go to xterm's input, text comes from the WebSocket."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._chunks: list[str] = []
        self._mark = 0

    def _drain(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] != "Network.webSocketFrameReceived":
                continue
            response = message["params"]["response"]
            payload = response["payloadData"]
            if response["opcode"] == 2:  # binary frame: base64 in the log
                payload = base64.b64decode(payload).decode("utf-8", "replace")
            self._chunks.append(payload)

    def text(self, since_mark: bool = False) -> str:
        self._drain()
        chunks = self._chunks[self._mark :] if since_mark else self._chunks
        return _ANSI.sub("", "".join(chunks))

    def mark(self) -> None:
        self._drain()
        self._mark = len(self._chunks)

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 45) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text(since_mark=True)
            if predicate(text):
                return text
            time.sleep(0.25)
        raise AssertionError(f"the page never showed {what}")

    def press(self, *keys: str) -> None:
        """Each key (a modifier held with what follows it: `Keys.CONTROL + "s"`) typed into
        xterm's input. The input is focused by script and the keys sent as user actions to
        the focused element: newer ChromeDriver refuses to type into it directly, as xterm
        keeps it out of sight ("element not interactable")."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        modifiers = {Keys.CONTROL, Keys.SHIFT, Keys.ALT, Keys.META}
        target = self.driver.find_element(By.CSS_SELECTOR, "textarea.xterm-helper-textarea")
        self.driver.execute_script("arguments[0].focus();", target)
        for key in keys:
            held = [char for char in key if char in modifiers]
            chain = ActionChains(self.driver)
            for modifier in held:
                chain.key_down(modifier)
            chain.send_keys(*(char for char in key if char not in modifiers))
            for modifier in reversed(held):
                chain.key_up(modifier)
            chain.perform()
            time.sleep(0.15)


@pytest.fixture
def page(server: Served, request: pytest.FixtureRequest) -> Iterator[Page]:
    reason = _missing()
    if reason is not None:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,860",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.get(server.url)
    view = Page(driver)
    yield view
    failed = getattr(request.node, "rep_call", None)  # set by conftest's report hook
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}.png"))
        (ARTIFACTS / f"{request.node.name}.txt").write_text(view.text())
    driver.quit()


def _saved_mix(home: Path) -> dict[str, Any] | None:
    path = home / "plan.toml"
    if not path.exists():
        return None
    mix: dict[str, Any] | None = tomllib.loads(path.read_text()).get("mix")
    return mix


def test_the_app_works_in_a_browser(page: Page, home: Path) -> None:
    page.wait_for(lambda t: "Reality check" in t and "risk" in t, "the Reality check")

    from selenium.webdriver.common.keys import Keys

    page.mark()
    page.press(Keys.F2)
    page.wait_for(lambda t: "Reality check" in t, "the Reality check after F2")

    page.mark()
    page.press(Keys.F4)
    page.wait_for(lambda t: "Program mix" in t and "%" in t, "the Program mix pane")

    # Save the sliders as they are, then move one and save again: the file must follow.
    page.press(Keys.CONTROL + "s")
    deadline = time.monotonic() + 30
    while _saved_mix(home) is None and time.monotonic() < deadline:
        time.sleep(0.25)
    before = _saved_mix(home)
    assert before is not None, "ctrl+s in the browser did not save plan.toml"

    after = before
    for _ in range(5):  # Tab to the next slider and nudge it until a saved value moves
        page.mark()
        page.press(Keys.TAB, Keys.ARROW_RIGHT)
        changed = page.text(since_mark=True)
        page.press(Keys.CONTROL + "s")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            after = _saved_mix(home)
            if after != before:
                break
            time.sleep(0.25)
        if after != before:
            break
    assert after != before, "moving a slider in the browser changed nothing in plan.toml"
    assert "%" in changed, "the estimate did not redraw when the slider moved"


def test_exporting_the_report_downloads_it(page: Page, tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    page.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    page.wait_for(lambda t: "Reality check" in t and "risk" in t, "the Reality check")
    page.press(Keys.CONTROL + "r")
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [f for f in downloads.iterdir() if not f.name.endswith(".crdownload")]
        if files:
            break
        time.sleep(0.25)
    assert files, "the report was not downloaded"
    assert files[0].suffix == ".md"
    assert "matchtui" in files[0].read_text(encoding="utf-8").lower()


def test_palette_and_typing_work_in_a_browser(page: Page) -> None:
    from selenium.webdriver.common.keys import Keys

    page.wait_for(lambda t: "Reality check" in t and "risk" in t, "the Reality check")
    page.mark()
    page.press(Keys.CONTROL + "p")
    page.wait_for(lambda t: "Go to" in t, "the command palette")
    page.mark()
    for letter in "Interview":
        page.press(letter)
    page.press(Keys.ENTER)
    page.wait_for(lambda t: "Interview practice" in t, "the practice pane opened from the palette")
