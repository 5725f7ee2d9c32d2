"""Bundle the offline calculator's browser runtime (Pyodide + rules engine).

Public API: bundle_runtime(engine_dir, dest, cache_dir) -> figures dict;
BundleError; format_figures(figures) for a printable size table.
"""
from .errors import BundleError
from .runtime import bundle_runtime
from .sizes import format_figures

__all__ = ["BundleError", "bundle_runtime", "format_figures"]
