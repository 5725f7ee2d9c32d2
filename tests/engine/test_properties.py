"""Property tests of the engine (hypothesis).

Rules are drawn from the two seed cycles and from small generated cycles
with the same structure (the engine is data-driven, so any such rules must
work). The brute-force oracle enumerates quarter-hour splits on tiny inputs.
"""

import datetime
import itertools
import json
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import recert_engine
from tests.json_paths import paths, replaced

# Seed cycles; their rules come from the ``rules_for`` fixture (conftest.py).
CYCLES = ("2018/paramedic", "2024/aemt")

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COMP_IDS = ("national", "local", "individual")

# Approval numbers with a known meaning: not approved, non-DE code, DE code, no code.
APPROVALS = {"": None, "X-T1-1": False, "X-F3-2": True, "MA-3": None, "  ": None}
TODAY = "2020-11-15"


def q(n):
    """n quarter hours as Decimal."""
    return Decimal(n) / 4


def hours_value(draw, quarters):
    """The same number of hours as int/float/string, to exercise the parser."""
    value = q(quarters)
    form = draw(st.sampled_from(["num", "str"]))
    if form == "str":
        return format(value, "f")
    return int(value) if value == int(value) else float(value)


@st.composite
def small_rules(draw):
    comps = []
    for cid in COMP_IDS:
        hours = draw(st.integers(0, 6))
        # Limits of 0 and below the requirement are the interesting ones.
        de = draw(st.one_of(st.none(), st.just(0), st.integers(0, hours)))
        comps.append({
            "id": cid, "name": cid.title(), "hours": format(q(hours), "f"),
            "de_limit": None if de is None else format(q(de), "f"),
            "national_content_only": cid == "national" or draw(st.booleans()),
            "source": "s",
        })
    after = draw(st.booleans())
    return {
        "schema": 1, "cycle": "2020/test", "year": 2020, "level": "test", "level_name": "Test",
        "sources": {"s": "test source"},
        "ce": {
            "total_hours": format(sum(Decimal(c["hours"]) for c in comps), "f"),
            "window": {"start": None if after else "2020-01-01",
                       "starts_after_last_recertification": after,
                       "last_day": "2020-12-31", "source": "s"},
            "approval": {"required": True, "issuers": ["OEMS"], "distributive_codes": ["T3", "F3"],
                         "non_distributive_codes": [], "source": "s"},
            "components": comps,
        },
        "deadlines": {"ce_last_day": "2020-12-31", "last_day_without_penalty": "2020-12-31",
                      "last_day": "2021-01-31", "warning": "w", "late_fees": [], "source": "s"},
    }


# Mostly countable values (inside the window, approved) with the edge cases mixed in.
WINDOW_DATES = ("2020-01-01", "2020-06-01", "2020-06-01", "2020-12-31", "2020-02-29",
                "2019-12-31", "2021-01-01", "2020-11-16")
APPROVAL_CHOICES = ("X-T1-1", "X-F3-2", "MA-3", "X-T1-1", "X-F3-2", "", "  ")


@st.composite
def course(draw, max_quarters=8, dates=WINDOW_DATES, approvals=APPROVAL_CHOICES):
    c = {
        "title": draw(st.sampled_from(["A", "B", "C", "CPR", ""])),
        "date": draw(st.sampled_from(dates)),
        "hours": hours_value(draw, draw(st.integers(1, max_quarters))),
        "approval": draw(st.sampled_from(approvals)),
        "national": draw(st.booleans()),
        "component": draw(st.sampled_from([None, None, None, "national", "local", "individual"])),
    }
    delivery = draw(st.sampled_from([None, "in_person", "live_virtual", "distributive"]))
    if delivery is not None:
        c["delivery"] = delivery
    return c


def document(rules, courses):
    doc = {"schema": 1, "cycle": rules["cycle"], "courses": courses}
    if rules["ce"]["window"]["starts_after_last_recertification"]:
        doc["profile"] = {"last_recertified": "2019-12-31"}
    return doc


@st.composite
def case(draw, max_courses=6, max_quarters=8, seed_rules=True):
    """(rules, document, today); rules is a seed cycle id (resolve it with
    ``rules_for``) or a generated rules dict."""
    if seed_rules and draw(st.booleans()):
        cycle = draw(st.sampled_from(CYCLES))
        year = int(cycle[:4])
        # Dates around this cycle's window; last_recertified is ignored by fixed windows.
        dates = (f"{year - 3}-12-31", f"{year - 2}-06-01", f"{year - 1}-01-01", f"{year - 1}-01-01",
                 f"{year}-03-15", f"{year}-03-31", f"{year}-04-01")
        today = f"{year}-03-20"
        # Seed cycles need tens of hours, so courses are larger here.
        courses = draw(st.lists(course(max_quarters=max_quarters * 10, dates=dates), max_size=max_courses))
        doc = {"schema": 1, "cycle": cycle, "courses": courses,
               "profile": {"last_recertified": f"{year - 3}-12-31"}}
        return cycle, doc, today
    rules = draw(small_rules())
    courses = draw(st.lists(course(max_quarters=max_quarters), max_size=max_courses))
    return rules, document(rules, courses), TODAY


def run(rules, doc, today):
    return recert_engine.evaluate(rules, doc, datetime.date.fromisoformat(today))


def dec(x):
    return Decimal(str(x))


# --- invariants --------------------------------------------------------------

def resolve(rules_for, c):
    rules, doc, today = c
    return (rules_for(rules) if isinstance(rules, str) else rules), doc, today


@FAST
@given(c=case())
def test_output_invariants(rules_for, c):
    rules, doc, today = resolve(rules_for, c)
    out = run(rules, doc, today)
    comps = {x["id"]: x for x in rules["ce"]["components"]}
    total = Decimal(0)
    de_by_comp = {cid: Decimal(0) for cid in comps}
    by_comp = {cid: Decimal(0) for cid in comps}
    for cin, cout in zip(doc["courses"], out["courses"]):
        counted = {k: dec(v) for k, v in cout["counted"].items()}
        assert set(counted) == set(comps)
        assert all(v >= 0 for v in counted.values())
        assert sum(counted.values()) + dec(cout["not_counted"]) == dec(cout["hours"])
        assert bool(cout["reasons"]) == (dec(cout["not_counted"]) > 0)
        if cin.get("component"):
            assert all(v == 0 for k, v in counted.items() if k != cin["component"])
        if not cin["national"]:
            assert all(counted[k] == 0 for k, comp in comps.items() if comp["national_content_only"])
        for k, v in counted.items():
            by_comp[k] += v
            if cout["distributive"]:
                de_by_comp[k] += v
    for cid, comp in comps.items():
        res = out["components"][cid]
        assert dec(res["counted"]) == by_comp[cid] <= Decimal(comp["hours"])
        assert dec(res["distributive"]) == de_by_comp[cid]
        assert dec(res["remaining"]) == Decimal(comp["hours"]) - by_comp[cid]
        if comp["de_limit"] is not None:
            assert de_by_comp[cid] <= Decimal(comp["de_limit"])
        total += by_comp[cid]
    assert dec(out["counted"]) == total <= dec(out["counted_if_unpinned"])
    assert (out["status"] == "complete") == (dec(out["short_by"]) == 0)


def canonical_courses(doc, out):
    """(input course, its result minus position) pairs, order-independent."""
    pairs = []
    for cin, cout in zip(doc["courses"], out["courses"]):
        cout = dict(cout, index=None)
        # 1.5 and "1.5" are the same hours: such courses are interchangeable.
        cin = dict(cin, hours=str(dec(cin["hours"]).normalize()))
        pairs.append(json.dumps([cin, cout], sort_keys=True))
    return sorted(pairs)


@FAST
@given(c=case(), rnd=st.randoms(use_true_random=False))
def test_course_order_does_not_matter(rules_for, c, rnd):
    rules, doc, today = resolve(rules_for, c)
    out = run(rules, doc, today)
    shuffled = list(doc["courses"])
    rnd.shuffle(shuffled)
    out2 = run(rules, dict(doc, courses=shuffled), today)
    for key in ("components", "counted", "counted_if_unpinned", "status", "short_by"):
        assert out[key] == out2[key]
    assert canonical_courses(doc, out) == canonical_courses(dict(doc, courses=shuffled), out2)


@FAST
@given(c=case(max_courses=5), data=st.data())
def test_adding_a_course_never_lowers_counted(rules_for, c, data):
    rules, doc, today = resolve(rules_for, c)
    before = run(rules, doc, today)
    extra = data.draw(course(dates=tuple({x["date"] for x in doc["courses"]}) or ("2020-06-01",)))
    after = run(rules, dict(doc, courses=doc["courses"] + [extra]), today)
    assert dec(after["counted"]) >= dec(before["counted"])
    assert dec(after["counted_if_unpinned"]) >= dec(before["counted_if_unpinned"])


# Two equal courses, one pinned where it cannot count: the freed hours could
# land in Local or Individual, and the suggestion must name the same split
# as a full evaluation with the pin cleared.
TWO_EQUAL_COURSES_ONE_PINNED = (
    "2018/paramedic",
    {"schema": 1, "cycle": "2018/paramedic", "profile": {"last_recertified": "2015-12-31"}, "courses": [
        {"title": "B", "date": "2016-06-01", "hours": 7.75, "approval": "X-T1-1", "component": "national",
         "delivery": "in_person"},
        {"title": "B", "date": "2016-06-01", "hours": 7.75, "approval": "X-T1-1", "delivery": "in_person"},
    ]},
    "2018-03-20",
)


# The same two courses entered the other way round.
TWO_EQUAL_COURSES_ONE_PINNED_LAST = (
    TWO_EQUAL_COURSES_ONE_PINNED[0],
    dict(TWO_EQUAL_COURSES_ONE_PINNED[1], courses=TWO_EQUAL_COURSES_ONE_PINNED[1]["courses"][::-1]),
    TWO_EQUAL_COURSES_ONE_PINNED[2],
)


def as_entered(course):
    """What the engine reads of an input course (titles and approval numbers
    trimmed, 1.5 and "1.5" the same hours), without its pin."""
    return json.dumps(dict(course, component=None, title=(course.get("title") or "").strip(),
                           approval=(course.get("approval") or "").strip(),
                           hours=str(dec(course["hours"]).normalize()), delivery=course.get("delivery")),
                      sort_keys=True)


def split_when_cleared(courses, again, i):
    """Course i's hours per component once its pin is cleared. Unpinned
    courses equal in all but position are interchangeable: the suggestion
    names the share of the first of them, whichever of them course i is."""
    first = next(j for j, x in enumerate(courses) if not x.get("component")
                 and as_entered(x) == as_entered(courses[i]))
    return again["courses"][first]["counted"]


@FAST
@given(c=case(max_courses=8))
@example(c=TWO_EQUAL_COURSES_ONE_PINNED)
@example(c=TWO_EQUAL_COURSES_ONE_PINNED_LAST)
def test_an_unpin_suggestion_is_what_clearing_that_component_gives(rules_for, c):
    """The suggestion's figures equal a full evaluation with that one pin cleared."""
    rules, doc, today = resolve(rules_for, c)
    out = run(rules, doc, today)
    for i, course_out in enumerate(out["courses"]):
        suggestion = course_out["suggestion"]
        if not suggestion or suggestion["code"] != "unpin":
            continue
        courses = [dict(x) for x in doc["courses"]]
        courses[i]["component"] = None
        again = run(rules, dict(doc, courses=courses), today)
        assert dec(again["counted"]) == dec(out["counted"]) + dec(suggestion["extra_hours"])
        assert split_when_cleared(courses, again, i) == suggestion["counted_if_unpinned"]


def test_an_unpin_suggestion_does_not_depend_on_the_order_courses_were_entered(rules_for):
    """Two equal courses, one pinned to Local where a DE course cannot count:
    entered either way round, the pinned one is told the same split."""
    pinned = {"title": "B", "date": "2016-06-01", "hours": 15.25, "approval": "X-T1-1", "national": True,
              "delivery": "distributive", "component": "local"}
    courses = [pinned, dict(pinned, component=None)]
    suggestions = []
    for entered in (courses, courses[::-1]):
        doc = {"schema": 1, "cycle": "2018/paramedic", "profile": {"last_recertified": "2015-12-31"},
               "courses": entered}
        out = run(rules_for("2018/paramedic"), doc, "2018-03-20")
        suggestions.append(out["courses"][entered.index(pinned)]["suggestion"])
    assert suggestions[0] == suggestions[1]
    assert suggestions[0]["counted_if_unpinned"] == {"national": 15.25, "local": 0, "individual": 0}


@st.composite
def pinned_transcript(draw):
    """Many courses copied from a few, each pinned anywhere or not: equal
    courses that differ only in their pin are where a shortcut would slip."""
    rules, doc, today = draw(case(max_courses=4))
    pool = doc["courses"] or [draw(course())]
    picks = draw(st.lists(st.sampled_from(range(len(pool))), min_size=1, max_size=24))
    courses = [dict(pool[k], component=draw(st.sampled_from([None, "national", "local", "individual"])))
               for k in picks]
    return rules, dict(doc, courses=courses), today


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(c=pinned_transcript())
@example(c=TWO_EQUAL_COURSES_ONE_PINNED)
@example(c=TWO_EQUAL_COURSES_ONE_PINNED_LAST)
def test_a_pin_has_a_suggestion_exactly_when_clearing_it_counts_more(rules_for, c):
    """The quick trials (one flow per group, one course moved between groups)
    give what evaluating again with that one pin cleared gives, for every pin."""
    rules, doc, today = resolve(rules_for, c)
    out = run(rules, doc, today)
    for i, course_out in enumerate(out["courses"]):
        if not doc["courses"][i].get("component"):
            continue
        courses = [dict(x) for x in doc["courses"]]
        courses[i]["component"] = None
        again = run(rules, dict(doc, courses=courses), today)
        gain = dec(again["counted"]) - dec(out["counted"])
        suggestion = course_out["suggestion"]
        if suggestion and suggestion["code"] == "unpin":
            assert gain == dec(suggestion["extra_hours"]) > 0
            assert split_when_cleared(courses, again, i) == suggestion["counted_if_unpinned"]
        else:
            assert gain == 0


# --- brute-force optimum -------------------------------------------------------

def oracle(rules, doc, today, honour_pins=True, per_hour=4):
    """Best (national, national+local, total) by enumerating quarter-hour splits
    (or whole-hour splits with per_hour=1, when all hours are whole).

    Independent of the engine: states are (counted per component, DE per
    component), and every split of every course is tried.
    """
    comps = rules["ce"]["components"]
    need = [int(Decimal(c["hours"]) * per_hour) for c in comps]
    cap = [None if c["de_limit"] is None else int(Decimal(c["de_limit"]) * per_hour) for c in comps]
    window = rules["ce"]["window"]
    start = window["start"] or "2020-01-01"  # documents use last_recertified 2019-12-31
    states = {(0,) * 6}
    for c in doc["courses"]:
        if not c["approval"].strip() or not start <= c["date"] <= window["last_day"] or c["date"] > today:
            continue
        de = APPROVALS[c["approval"]]
        if de is None:
            de = c.get("delivery") not in ("in_person", "live_virtual")
        allowed = [c["national"] or not comp["national_content_only"] for comp in comps]
        if honour_pins and c["component"]:
            allowed = [comp["id"] == c["component"] and ok for comp, ok in zip(comps, allowed)]
        hours = int(dec(c["hours"]) * per_hour)
        new = set()
        for s in states:
            for a in range(hours + 1):
                for b in range(hours + 1 - a):
                    for d in range(hours + 1 - a - b):
                        split = (a, b, d)
                        nxt = list(s)
                        ok = True
                        for k in range(3):
                            if split[k] and not allowed[k]:
                                ok = False
                                break
                            nxt[k] += split[k]
                            if de:
                                nxt[3 + k] += split[k]
                            if nxt[k] > need[k] or (de and cap[k] is not None and nxt[3 + k] > cap[k]):
                                ok = False
                                break
                        if ok:
                            new.add(tuple(nxt))
        states = new
    best_n = max(s[0] for s in states)
    best_nl = max(s[0] + s[1] for s in states)
    best = max(s[0] + s[1] + s[2] for s in states)
    return tuple(Decimal(x) / per_hour for x in (best_n, best_nl, best))


# For the optimum, most courses should count and be small next to the requirements.
COUNTABLE_DATES = ("2020-01-01", "2020-06-01", "2020-12-31", "2021-01-01")
COUNTABLE_APPROVALS = ("X-T1-1", "X-F3-2", "MA-3", "")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_rules(), st.lists(course(max_quarters=4, dates=COUNTABLE_DATES, approvals=COUNTABLE_APPROVALS),
                               max_size=5))
def test_matches_brute_force_optimum(rules, courses):
    doc = document(rules, courses)
    out = run(rules, doc, TODAY)
    n, nl, total = oracle(rules, doc, TODAY)
    comps = out["components"]
    assert dec(out["counted"]) == total
    assert dec(comps["national"]["counted"]) == n
    assert dec(comps["national"]["counted"]) + dec(comps["local"]["counted"]) == nl
    assert dec(out["counted_if_unpinned"]) == oracle(rules, doc, TODAY, honour_pins=False)[2]


# --- never an exception ----------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
    | st.sampled_from(["2018-03-01", "2017-02-30", "1.5", "-1", "national", "17-X-F3-1", "2018/paramedic"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["schema", "cycle", "profile", "courses", "title", "date", "hours", "approval",
                         "delivery", "national", "component", "nremt", "last_recertified", "x"]),
        children, max_size=6),
    max_leaves=12)


def _check_never_raises(rules_text, input_text, today):
    out = recert_engine.evaluate_json(rules_text, input_text, today)
    parsed = json.loads(out)
    assert ("errors" in parsed) != ("status" in parsed)
    if "errors" in parsed:
        assert parsed["errors"]
        for e in parsed["errors"]:
            assert set(e) == {"course", "field", "message"} and e["message"]
            assert "Internal error" not in e["message"], e


@FAST
@given(value=json_values, cycle=st.sampled_from(CYCLES))
def test_arbitrary_json_input_never_raises(rules_for, value, cycle):
    _check_never_raises(json.dumps(rules_for(cycle)), json.dumps(value), "2018-03-01")


@FAST
@given(c=case(), data=st.data(), new=json_values)
def test_mutated_input_never_raises(rules_for, c, data, new):
    rules, doc, today = resolve(rules_for, c)
    path = data.draw(st.sampled_from(list(paths(doc))))
    _check_never_raises(json.dumps(rules), json.dumps(replaced(doc, path, new)), today)


@FAST
@given(c=case(max_courses=2), data=st.data(), new=json_values)
def test_mutated_rules_never_raise(rules_for, c, data, new):
    rules, doc, today = resolve(rules_for, c)
    path = data.draw(st.sampled_from(list(paths(rules))))
    _check_never_raises(json.dumps(replaced(rules, path, new)), json.dumps(doc), today)


@FAST
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=12))
def test_arbitrary_text_never_raises(rules_text, input_text, today):
    _check_never_raises(rules_text, input_text, today)


# --- exhaustive tiny cases -------------------------------------------------------

def tiny_rules(local_de, national_de, individual_hours):
    rules = small_rules_template()
    for comp, hours, de in zip(rules["ce"]["components"], ("2", "1", individual_hours),
                               (national_de, local_de, None)):
        comp["hours"], comp["de_limit"] = hours, de
    rules["ce"]["total_hours"] = str(3 + int(individual_hours))
    return rules


def small_rules_template():
    comps = [{"id": cid, "name": cid.title(), "hours": "0", "de_limit": None,
              "national_content_only": cid == "national", "source": "s"} for cid in COMP_IDS]
    return {
        "schema": 1, "cycle": "2020/test", "sources": {"s": "test source"},
        "ce": {"total_hours": "0",
               "window": {"start": "2020-01-01", "starts_after_last_recertification": False,
                          "last_day": "2020-12-31", "source": "s"},
               "approval": {"required": True, "issuers": ["OEMS"], "distributive_codes": ["F3"],
                            "source": "s"},
               "components": comps},
        "deadlines": {"ce_last_day": "2020-12-31", "last_day_without_penalty": "2020-12-31",
                      "warning": None, "late_fees": [], "source": "s"},
    }


TINY_KINDS = [{"title": f"{nat}{de}{h}", "date": "2020-06-01", "hours": h,
               "approval": "X-F3-2" if de else "X-T1-1", "national": bool(nat), "component": None}
              for nat in (0, 1) for de in (0, 1) for h in (1, 2)]


def test_exhaustive_tiny_cases():
    """Every multiset of up to three of 8 course kinds against 12 small cycles
    whose DE limits and requirements make greedy filling fail."""
    checked = 0
    for local_de, national_de, ind in itertools.product(("0", None), ("0", "1", None), ("0", "1")):
        rules = tiny_rules(local_de, national_de, ind)
        for size in range(1, 4):
            for combo in itertools.combinations_with_replacement(range(len(TINY_KINDS)), size):
                courses = [dict(TINY_KINDS[k], title=f"c{i}") for i, k in enumerate(combo)]
                doc = document(rules, courses)
                out = run(rules, doc, TODAY)
                n, nl, total = oracle(rules, doc, TODAY, per_hour=1)
                assert (dec(out["components"]["national"]["counted"]),
                        dec(out["components"]["national"]["counted"]) + dec(out["components"]["local"]["counted"]),
                        dec(out["counted"])) == (n, nl, total), (rules["ce"]["components"], courses)
                checked += 1
    assert checked == 12 * 164
