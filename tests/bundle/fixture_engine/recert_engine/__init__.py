"""Tiny stand-in engine for the bundler's own tests (same public API as the
real recert_engine: evaluate_json(rules_json, input_json, today) -> str).
Kept small so bundling it is fast and its behaviour is known exactly."""
from .core import evaluate_json

__all__ = ["evaluate_json"]
__version__ = "1.2.3"
