"""Paths into JSON-like data, and copies with one place changed (for mutation tests)."""

from __future__ import annotations

DELETE = object()  # as `new`: remove the key instead of replacing its value


def paths(value, prefix=()):
    """Every path inside `value` (itself first), through objects and lists."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


def replaced(value, path, new):
    """A copy of `value` with the item at `path` set to `new` (or removed: DELETE)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        if new is DELETE and not rest:
            return {k: v for k, v in value.items() if k != head}
        return dict(value, **{head: replaced(value[head], rest, new)})
    copy = list(value)
    copy[head] = replaced(copy[head], rest, new)
    return copy
