"""Static site generator for Massachusetts EMS recertification guidance.

The build is a pipeline: load (YAML with positions) -> validate (schema and
cross-checks) -> model (the whole site in memory) -> render (HTML, JSON, assets)
-> write (atomic, only what changed).
"""

__version__ = "0.1.0"
