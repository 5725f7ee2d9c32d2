"""The engine's vocabulary: every name, code and limit its formats use, once.

The engine validates input with these values; the site build exports the
approval codes into each cycle's rules.json and writes this module's
``BROWSER`` names into the browser's ``assets/js/vocabulary.mjs``
(generator/features/shared_scripts.py), so the calculator's form, imports and
checks use the very same values. Change a value here and every place follows.
"""

INPUT_SCHEMA_VERSION = 1
RULES_SCHEMA_VERSION = 1

# Fields of the input file (FORMAT.md), in the order they are written; a CSV
# export has the course fields as its columns.
TOP_FIELDS = ("schema", "cycle", "profile", "courses")
PROFILE_FIELDS = ("nremt", "last_recertified")
COURSE_FIELDS = ("title", "date", "hours", "approval", "delivery", "national", "component")

# How a course was taught: id -> what a person reads.
DELIVERY_LABELS = {
    "in_person": "In person",
    "live_virtual": "Live virtual (taught live online)",
    "distributive": "Distributive (self-paced or recorded)",
}
DELIVERIES = tuple(DELIVERY_LABELS)
DISTRIBUTIVE = "distributive"

# The delivery segment of an approval number (16-EMT-F3-0001): T1-T5 from
# OEMS, F1-F5 from CAPCE. Which of them mean distributive education is a rule
# of each cycle (rules.json ce.approval.distributive_codes), not fixed here.
APPROVAL_CODE_ISSUERS = {"T": "OEMS", "F": "CAPCE"}
APPROVAL_CODES = tuple(f"{letter}{n}" for letter in APPROVAL_CODE_ISSUERS for n in range(1, 6))

# What people type in the approval number box when they have none. An
# approval number also always has digits. Either way the course has "no
# approval number" (rules.json ce.approval.placeholders carries this list).
APPROVAL_PLACEHOLDERS = ("n/a", "na", "none", "no", "pending", "tbd", "tba", "unknown", "not applicable",
                         "?", "-", "--", "0", "000", "x", "nil", "null")

# Limits on one person's input. A course beyond them is a typing mistake (a
# whole cycle needs 16-60 hours); they also keep the assignment fast in the browser.
MAX_COURSES = 500
MAX_COURSE_HOURS = 200
HOURS_DECIMAL_PLACES = 2
MAX_TITLE_LENGTH = 300
MIN_YEAR = 1900  # course and recertification dates outside these years are typing mistakes
MAX_YEAR = 2100

# What the browser gets, under the same names (assets/js/vocabulary.mjs).
BROWSER = (
    "INPUT_SCHEMA_VERSION", "TOP_FIELDS", "PROFILE_FIELDS", "COURSE_FIELDS",
    "DELIVERY_LABELS", "DELIVERIES", "DISTRIBUTIVE", "APPROVAL_CODE_ISSUERS", "APPROVAL_CODES",
    "MAX_COURSES", "MAX_COURSE_HOURS", "HOURS_DECIMAL_PLACES", "MAX_TITLE_LENGTH", "MIN_YEAR", "MAX_YEAR",
)


def code_ranges(joiner=" or "):
    """The approval codes as people write them: 'T1-T5 or F1-F5'."""
    return joiner.join(f"{letter}1-{letter}5" for letter in APPROVAL_CODE_ISSUERS)


def recognised_codes(named=()):
    """Every approval code the engine reads in an approval number: the
    standard ones, then any other code the rules name."""
    codes = list(APPROVAL_CODES)
    codes += [code for code in named if code not in codes]
    return codes


def browser_values():
    """The ``BROWSER`` names and their values, JSON-ready (lists, not tuples)."""
    values = globals()
    return {name: list(values[name]) if isinstance(values[name], tuple) else values[name] for name in BROWSER}
