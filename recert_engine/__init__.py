"""Continuing-education hours engine for the recertification self-check.

Pure standard-library Python: runs in the site build (CPython) and in the
browser (Pyodide). Every rule comes from the cycle's rules data.

Public API (the Pyodide glue depends on these names):
    evaluate(rules: dict, data: dict, today: datetime.date) -> dict
    evaluate_json(rules_json: str, input_json: str, today: str) -> str
    InputError  (``.errors``: list of {"course", "field", "message"})
    INPUT_SCHEMA_VERSION
Formats: see FORMAT.md next to this file.
"""

from .errors import InputError
from .engine import evaluate, evaluate_json
from .inputs import INPUT_SCHEMA_VERSION

__all__ = ["INPUT_SCHEMA_VERSION", "InputError", "evaluate", "evaluate_json"]
