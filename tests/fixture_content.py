"""A content folder with two Paramedic cycles, for features that compare cycles.

The real content has one cycle per level. This fixture copies it and adds
2022/paramedic.yaml and 2024/paramedic.yaml, both made from the real 2018 file
with its dates moved forward; the 2024 copy then gets a few deliberate
differences (listed in PARAMEDIC_2024_EDITS) that the tests look for.
These numbers are test data only, never site content.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# (old text, new text) applied once each to the 2024 copy, after its dates moved.
PARAMEDIC_2024_EDITS = [
    ("total_hours: 60", "total_hours: 55"),
    ("      hours: 30\n      de_limit: 10", "      hours: 25\n      de_limit: 10"),
    ("      hours: 15\n      de_limit: 0", "      hours: 15\n      de_limit: 5"),
    ("amount: 25\n            who: MA-only Paramedics", "amount: 30\n            who: MA-only Paramedics"),
    ("- date: 2024-02-15", "- date: 2024-03-01"),
    ("phone: 617-973-0935", "phone: 617-555-0100"),
    (
        "changes:\n  body: >-\n",
        "changes:\n  body: >-\n    Fixture note: National hours drop to 25 this cycle.\n",
    ),
]


def _shift_dates(text: str, years: int) -> str:
    # The 2018 file has no February 29, so moving the year is enough here.
    return ISO_DATE.sub(lambda m: f"{int(m.group(1)) + years}-{m.group(2)}-{m.group(3)}", text)


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"fixture edit does not match exactly once: {old!r}"
    return text.replace(old, new)


def paramedic_copy(year: int) -> str:
    """The 2018 Paramedic file as if it were the `year` cycle (dates moved forward)."""
    text = (CONTENT / "2018" / "paramedic.yaml").read_text(encoding="utf-8")
    verified = re.search(r"^last_verified: .*$", text, flags=re.M).group(0)
    text = _shift_dates(text, year - 2018)
    text = re.sub(r"^last_verified: .*$", verified, text, count=1, flags=re.M)  # a past day, not moved
    return re.sub(r"^year: \d{4}$", f"year: {year}", text, count=1, flags=re.M)


def make_two_paramedic_cycles(target: Path) -> Path:
    """Real content plus 2022 and 2024 Paramedic cycles; returns the folder."""
    shutil.copytree(CONTENT, target)
    (target / "2022").mkdir(exist_ok=True)
    (target / "2022" / "paramedic.yaml").write_text(paramedic_copy(2022), encoding="utf-8")
    text = paramedic_copy(2024)
    for old, new in PARAMEDIC_2024_EDITS:
        text = _replace_once(text, old, new)
    (target / "2024" / "paramedic.yaml").write_text(text, encoding="utf-8")
    return target
