"""Caps on everything matchtui reads, in one place: no file or answer can make it run for minutes,
eat gigabytes or crash a parser. Each cap sits far above any real applicant's data.
"""

from __future__ import annotations

MB = 1024 * 1024

# Bytes read from one file, by kind. A profile, plan or practice log of a real applicant is a few
# kilobytes; 20,000 programs (the list's limit) come to about 4 MB of TOML.
MAX_USER_FILE_BYTES = 2 * MB  # profile.toml, plan.toml, practice.toml, a --profile file
MAX_PROGRAMS_BYTES = 20 * MB  # programs.toml and a TOML import file
MAX_CSV_BYTES = 20 * MB  # a CSV import file
MAX_DATA_FILE_BYTES = 20 * MB  # a reference data file (data/*.toml)
MAX_ANSWER_BYTES = 1 * MB  # an answer file, before the character cap below applies

# Characters in one typed answer: the same cap in the CLI and the app (models/practice.py).
MAX_ANSWER_CHARS = 50_000

# Checked on the text before any parser sees it.
MAX_NESTING = 64  # [ and { open at once, or parts in one dotted key
MAX_DIGITS = 4_000  # digits in one number (Python refuses to convert more than 4,300)

# Programs on one list (models/programs.py).
MAX_PROGRAMS = 20_000


def size_words(limit: int) -> str:
    """'2 MB' for a byte cap."""
    return f"{limit // MB} MB" if limit >= MB and limit % MB == 0 else f"{limit:,} bytes"
