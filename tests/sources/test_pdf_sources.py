"""`check --sources` with PDF flyers, made here with Chromium's print to PDF.

The made-up flyer is laid out the way the official ones are: steps in two
text columns, and a timeline whose dates stand side by side above their
captions, so the PDF's text comes out in a different line order than the
plain-text flyer. Damaged, protected and text-less PDFs each get a message
naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.sources.documents import read_document
from generator.sources.facts import extract_facts
from tests.sources.conftest import FIXTURE, FLYER

PDF = "example-2030-emt.pdf"
CYCLE_FILE = "content/2030/emt.yaml"

FLYER_HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font: 11pt sans-serif; margin: 0.5in; }}
.columns {{ column-count: 2; column-gap: 0.4in; }}
.timeline {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.2in; margin-top: 0.3in; }}
</style></head><body>
<h1>EXAMPLE EMT RECERTIFICATION 2030</h1>
<p>Everyone renewing an EMT certification in 2030 follows the two steps below.</p>
<div class="columns">
<h2>STEP 1: TRAINING PROFILE</h2>
<p>Enter your continuing education hours at www.example.org/recert.</p>
<p>Training profile fee: $15</p>
<h2>STEP 2: STATE APPLICATION</h2>
<p>Submit your state application by 03/31/2030. State fee: $30</p>
<p>Questions? Call the help desk at 617-555-0100 or write to recert@example.org.</p>
</div>
<div class="timeline">
<b>OCTOBER 1, 2029</b><b>MARCH 31, 2030</b><b>April 30, 2030</b>
<span>Applications open.</span>
<span>Last day for continuing education (3/31/30) and to apply without a late fee.</span>
<span>Last day to apply. A $50 late fee applies after April 1.</span>
</div>
<div class="columns">
<p>CONTINUING EDUCATION: 40 hours in total, National 20 hours (up to 10 hours distributive)
and Individual 20 hours. Hours count until March 31, 2030.</p>
<p>Courses with T3 or F3 in their approval number are distributive.</p>
</div>
{extra}
</body></html>"""


def print_pdf(browser, body_html: str, target: Path) -> Path:
    page = browser.new_page()
    try:
        page.set_content(body_html)
        page.pdf(path=str(target), format="Letter")
    finally:
        page.close()
    return target


@pytest.fixture(scope="module")
def pdfs(browser, tmp_path_factory) -> dict[str, Path]:
    """The flyer as a PDF, and the same with no text at all (a scan stands in)."""
    folder = tmp_path_factory.mktemp("pdfs")
    return {
        "flyer": print_pdf(browser, FLYER_HTML.format(extra=""), folder / "flyer.pdf"),
        "no-text": print_pdf(
            browser,
            '<!doctype html><svg width="600" height="800"><rect width="500" height="700" fill="#888"/></svg>',
            folder / "scan.pdf",
        ),
    }


@pytest.fixture
def pdf_project(project, pdfs):
    """The fixture project with its flyer as a PDF instead of text."""
    project.edit_cycle(f"    file: {FLYER}\n", f"    file: {PDF}\n")
    (project.sources / FLYER).unlink()
    (project.sources / PDF).write_bytes(pdfs["flyer"].read_bytes())
    return project


def fact_set(text: str) -> set[tuple[str, str]]:
    return {(f.kind, f.key) for f in extract_facts(text, 2030)}


def test_the_pdf_gives_the_same_facts_as_the_text_flyer_whatever_its_line_order(pdfs):
    pdf_text = read_document(pdfs["flyer"]).text
    text = (FIXTURE / "flyers" / FLYER).read_text(encoding="utf-8")
    assert fact_set(pdf_text) == fact_set(text)
    # The timeline's dates come out side by side on one line, away from their captions.
    assert any("OCTOBER 1, 2029" in line and "April 30, 2030" in line for line in pdf_text.splitlines())


def test_a_faithful_page_passes_against_the_pdf(pdf_project, capsys):
    code, lines, err = pdf_project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])
    assert "1 document(s) read, 15 fact(s): 0 missing from the page" in err


def test_a_fact_missing_from_the_page_names_the_pdf_line_and_page(pdf_project, capsys):
    pdf_project.edit_cycle("    phone: 617-555-0100\n", "    phone: 617-555-0199\n")
    pdf_project.edit_cycle("at 617-555-0100.", "at 617-555-0199.")
    code, lines, _ = pdf_project.check(capsys=capsys)
    assert code == 1
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1
    assert re.fullmatch(
        rf"{re.escape(str(pdf_project.sources / PDF))}:\d+: error: fact '617-555-0100' \(phone\) is not on 2030/emt \(page 1\)",
        errors[0],
    )


def test_a_pdf_protected_only_against_editing_is_read(pdf_project, capsys):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf_project.sources / PDF))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    writer.write(str(pdf_project.sources / PDF))
    code, lines, _ = pdf_project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])


def _encrypted(data: bytes, path: Path) -> bytes:
    from pypdf import PdfWriter

    path.write_bytes(data)
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    writer.write(str(path))
    return path.read_bytes()


@pytest.mark.parametrize("make, message", [
    (lambda pdfs, tmp: _encrypted(pdfs["flyer"].read_bytes(), tmp / "locked.pdf"),
     "the PDF is protected by a password; save a copy without the password (or a plain-text copy) in the "
     "sources folder"),
    (lambda pdfs, tmp: pdfs["no-text"].read_bytes(),
     "the PDF has no text to read (a scanned image?); use the original PDF or type its text into a .txt file"),
    (lambda pdfs, tmp: b"", "the file is empty"),
    (lambda pdfs, tmp: b"Flyer text saved with the wrong name\n", "not a PDF file (it does not start with %PDF-)"),
], ids=["password", "no-text", "empty", "not-a-pdf"])
def test_a_pdf_that_cannot_be_read_gets_a_message_naming_it(pdf_project, pdfs, tmp_path, capsys, make, message):
    (pdf_project.sources / PDF).write_bytes(make(pdfs, tmp_path))
    code, lines, _ = pdf_project.check(capsys=capsys)
    assert code == 1
    assert lines == [f"{CYCLE_FILE}:8:11: error: sources[0].file: {pdf_project.sources / PDF}: {message}"]


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_a_damaged_pdf_gets_a_message_naming_it(pdf_project, pdfs, capsys, cut):
    data = pdfs["flyer"].read_bytes()
    (pdf_project.sources / PDF).write_bytes(data[: int(len(data) * cut)])
    code, lines, _ = pdf_project.check(capsys=capsys)
    assert code == 1
    (line,) = lines
    assert line.startswith(f"{CYCLE_FILE}:8:11: error: sources[0].file: {pdf_project.sources / PDF}: the PDF ")


def test_randomly_damaged_pdfs_are_read_or_named_never_a_traceback(pdfs, tmp_path):
    import random

    from generator.sources.documents import DocumentError

    data = pdfs["flyer"].read_bytes()
    rng = random.Random(12)  # fixed: the same damaged files every run
    target = tmp_path / "damaged.pdf"
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        target.write_bytes(bytes(damaged))
        try:
            read_document(target)
        except DocumentError as exc:
            assert str(exc).startswith(f"{target}: ")
