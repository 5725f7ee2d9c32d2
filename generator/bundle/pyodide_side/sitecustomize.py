# Shipped (as bytecode) inside the trimmed python_stdlib.zip as `sitecustomize`,
# which Python's own start-up (the `site` module) imports before Pyodide's.
# Why: Pyodide's start-up imports a few standard modules only so that they are
# there if needed later. `_colorize` (imported by `traceback`, for colours in
# printed tracebacks) builds its colour themes with dataclasses, which compile
# code while the module runs: the most costly module of the start-up. The
# engine never needs it, nor `codeop` or `locale`. These are imported lazily
# (importlib.util.LazyLoader): the module object exists at once, and its code
# runs the first time something reads from it. What Python does is unchanged;
# the start-up does less (about 25 ms of the interpreter's 0.3 s, measured in
# Chromium). The other modules Pyodide's start-up imports are used by it.
import sys
from importlib.util import LazyLoader

LAZY = frozenset(("_colorize", "codeop", "locale"))


class _StartLazily:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in LAZY:
            return None
        for finder in sys.meta_path:
            if finder is cls or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = LazyLoader(spec.loader)
                return spec
        return None


sys.meta_path.insert(0, _StartLazily)
