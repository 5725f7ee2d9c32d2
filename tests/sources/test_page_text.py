"""What of a guidance page counts as shown: its main text, dates and link addresses."""

from __future__ import annotations

from generator.sources.page_text import page_text

PAGE = """<!doctype html><html><head><title>$1</title><script>var fee = "$2";</script></head><body>
<header><a href="https://www.example.org/header">$3</a></header>
<main id="main">
  <h1>Fees</h1>
  <p>The state fee is <strong>$30</strong>.<br>Due <time datetime="2030-03-31">March 31, 2030</time>.</p>
  <table><tr><td data-source-check="skip">$12 <img src="x.png"> <b>617-555-0111</b></td><td>$40</td></tr></table>
  <section data-source-check="skip"><h2>Sources</h2><p>Flyer <a href="https://www.example.org/flyer">here</a></p></section>
  <p>Write to <a href="mailto:recert@example.org">the help desk</a>.</p>
</main>
<footer>Call 617-555-0199</footer>
</body></html>"""


def test_main_text_dates_and_addresses_only_without_skipped_parts():
    assert page_text(PAGE).splitlines() == [
        "Fees",
        "The state fee is $30.",
        "Due March 31, 2030.",
        "$40",
        "Write to the help desk.",
        "2030-03-31",
        "recert@example.org",
    ]
