# Shipped (as bytecode) inside the trimmed python_stdlib.zip as
# `_site_stdlib_fallback`. Why: the trimmed stdlib holds only what the build
# saw being imported; if some untested code path imports another stdlib
# module, this last-resort finder fetches the untouched full stdlib once
# (via a loader the host JS provides) instead of failing with ImportError.
import sys
from importlib.machinery import PathFinder

# Replaced at build time with the dotted names only the full stdlib has.
FULL_ONLY_NAMES = frozenset()

_load_full = None  # host callable -> path of the full stdlib zip in the FS
_full_zip = None
_log = None
used = []  # names resolved through the fallback (parity tests check it's empty)


class _FallbackFinder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        global _full_zip
        if _load_full is None or name not in FULL_ONLY_NAMES:
            return None
        if _full_zip is None:
            try:
                _full_zip = str(_load_full())
            except Exception as exc:  # offline, or disabled: plain ImportError then
                _say(f"stdlib fallback unavailable for {name}: {exc}")
                return None
            sys.path.append(_full_zip)
        parent, _, _ = name.rpartition(".")
        where = [_full_zip + ("/" + parent.replace(".", "/") if parent else "")]
        spec = PathFinder.find_spec(name, where, target)
        if spec is not None:
            used.append(name)
            _say(f"stdlib fallback: {name} loaded from the full standard library")
        return spec


def _say(message):
    if _log is not None:
        _log(message)


def install(load_full, log=None):
    """Register the finder last on sys.meta_path (after the normal finders)."""
    global _load_full, _log
    _load_full, _log = load_full, log
    if not any(f is _FallbackFinder for f in sys.meta_path):
        sys.meta_path.append(_FallbackFinder)
