"""Text from files and paths made safe to print: no control character reaches a terminal.

Textual and Rich pass ESC (and so whole escape sequences) straight through to the terminal, so
text the applicant typed, imported or named must lose its control characters before it is shown.
No imports beyond `re`: the CLI, the errors and the app's first frame can all use it.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI); and the
# bidirectional controls (LRM/RLM, ALM, the embeddings and overrides U+202A-202E, the isolates
# U+2066-2069), which can make printed text read differently from what it is.
_BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_CONTROL = f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]"
_CONTROL_OR_NEWLINE = f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]"
# Both compiled on first use (~1 ms: their Unicode ranges make big character maps), which a
# command that validates no text and prints no error never comes to.
_compiled: list[re.Pattern[str]] = []


def _patterns() -> list[re.Pattern[str]]:
    if not _compiled:
        _compiled.extend((re.compile(_CONTROL), re.compile(_CONTROL_OR_NEWLINE)))
    return _compiled


def safe_text(text: str) -> str:
    """`text` with CRLF as LF and every other control character (escape sequences included)
    shown as U+FFFD, so printing it cannot move the cursor, change colours or set the title.
    Newlines and tabs stay."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    control = _patterns()[0]
    if control.search(text) is None:
        return text
    return control.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """`text` as one printable line: newlines and every other control character are U+FFFD."""
    return _patterns()[1].sub(REPLACEMENT, text)
