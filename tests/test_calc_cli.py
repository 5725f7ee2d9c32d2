"""`python -m generator calc`: what a person or a script gets from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import FIXTURE_CONTENT, ROOT

COURSES = {
    "schema": 1,
    "cycle": "2018/paramedic",
    "profile": {"nremt": False},
    "courses": [
        {"title": "NCCR refresher", "date": "2017-06-10", "hours": 30, "approval": "17-ABCD-F1-0101",
         "delivery": "in_person", "national": True, "component": None},
        {"title": "Online pharmacology", "date": "2017-08-01", "hours": 12.25, "approval": "17-XYZ-F3-0002",
         "delivery": "distributive", "national": False, "component": None},
    ],
}


def calc(*args: str, stdin: str | None = None) -> tuple[int, dict]:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "calc", "--content", str(FIXTURE_CONTENT), *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    return result.returncode, json.loads(result.stdout)


def test_short_cycle_is_a_valid_evaluation(tmp_path):
    path = tmp_path / "courses.json"
    path.write_text(json.dumps(COURSES), encoding="utf-8")
    code, out = calc(str(path), "--today", "2018-03-01")
    assert code == 0
    assert out["status"] == "short"
    assert out["short_by"] == 17.75  # 60 - 30 - 12.25
    assert out["components"]["local"]["remaining"] == 15
    assert out["courses"][1]["counted"]["individual"] == 12.25


def test_standard_input_and_today(tmp_path):
    code, out = calc("-", "--today", "2018-03-30", stdin=json.dumps(COURSES))
    assert code == 0
    assert out["deadlines"]["ce_last_day"]["days_left"] == 1


def test_invalid_input_exits_2_with_errors_naming_course_and_field():
    bad = json.loads(json.dumps(COURSES))
    bad["courses"][1]["hours"] = -2
    code, out = calc("-", "--today", "2018-03-01", stdin=json.dumps(bad))
    assert code == 2
    assert [(e["course"], e["field"]) for e in out["errors"]] == [(1, "hours")]
    assert "Online pharmacology" in out["errors"][0]["message"]


def test_unknown_cycle_and_malformed_json_and_bad_today():
    bad = dict(COURSES, cycle="2030/paramedic")
    code, out = calc("-", stdin=json.dumps(bad))
    assert code == 2 and out["errors"][0]["field"] == "cycle"
    assert "2018/paramedic" in out["errors"][0]["message"]
    code, out = calc("-", stdin="{not json")
    assert code == 2 and out["errors"]
    code, out = calc("-", "--today", "2018-02-30", stdin=json.dumps(COURSES))
    assert code == 2 and out["errors"][0]["field"] == "today"


def test_a_file_with_a_byte_order_mark_reads_as_utf8(tmp_path):
    path = tmp_path / "from-notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(COURSES).encode("utf-8"))
    code, out = calc(str(path), "--today", "2018-03-01")
    assert code == 0 and out["counted"] == 42.25


def test_wrong_encoding_and_deep_nesting_get_a_message_not_a_traceback(tmp_path):
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes(json.dumps(COURSES).encode("utf-16"))
    code, out = calc(str(utf16))
    assert code == 2 and "save it as UTF-8" in out["errors"][0]["message"]
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "calc", str(deep)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "nested far too deeply" in json.loads(result.stdout)["errors"][0]["message"]
