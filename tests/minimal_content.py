"""A small content folder with only what a flyer gives, for behaviour tests.

MINIMAL_CYCLE has no overview, component descriptions, approval or
distributive-education wording: the page must do without them. Its facts are
test data, never site content.
"""

from __future__ import annotations

from pathlib import Path

SITE = """\
site_name: Test site
tagline: Recertification pages for testing.
levels:
  - slug: emt
    name: EMT
  - slug: paramedic
    name: Paramedic
disclaimer: Test content only.
"""

MINIMAL_CYCLE = """\
level: emt
level_name: EMT-Basic
year: 2030
sources:
  - id: flyer
    title: Test flyer
    url: https://example.org/flyer.pdf
last_verified: 2029-11-01
certification:
  expires: 2030-03-31
contacts:
  - id: office
    name: The office
    phone: 617-555-0100
    email: office@example.org
steps:
  - id: profile
    label: Step A
    title: Profile
    help:
      text: Call the office at 617-555-0100.
      contacts: [office]
    substeps:
      - id: submit
        label: "1"
        title: Submit your profile.
        body: See [the National hours](#component-national).
        fees:
          - amount: 25
            who: MA-only EMT-Basics
            nremt: false
timeline:
  milestones:
    - date: 2029-10-01
      caption: Applications open.
      marks: [opens]
    - date: 2030-03-31
      caption: Last day to complete continuing education and to apply without penalty.
      marks: [ce_last_day, last_day_without_penalty]
    - date: 2030-04-30
      caption: Last day of all.
      marks: [last_day]
  late_fees:
    - amount: 50
      applies_after: 2030-03-31
      text: A $50 late fee applies after {date:last_day_without_penalty}.
ce:
  total_hours: 20
  window:
    start: 2028-04-01
    last_day: 2030-03-31
  approval:
    required: true
    issuers: [OEMS]
    distributive_codes: [T3]
  components:
    - id: national
      name: National
      hours: 10
      de_limit: 5
      de_text: Up to half of the National hours (5 hours) may be distributive education.
    - id: local
      name: Local
      hours: 10
      de_limit: no limit
"""
CYCLE = "content/2030/emt.yaml"


def write_content(root: Path, cycle: str = MINIMAL_CYCLE, site: str = SITE) -> Path:
    content = root / "content"
    (content / "2030").mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text(site, encoding="utf-8")
    (content / "2030" / "emt.yaml").write_text(cycle, encoding="utf-8")
    return content


def changed(old: str, new: str, text: str = MINIMAL_CYCLE) -> str:
    assert text.count(old) == 1, f"not unique: {old!r}"
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1
