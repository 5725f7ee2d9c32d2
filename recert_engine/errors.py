"""Error type for bad input or bad rules data.

Errors are collected (not raised one by one) so a person fixing an imported
file sees every problem at once. Each error names the course (0-based index,
or None for file-level problems) and the field, so the browser can point at it.
"""


class InputError(Exception):
    """Raised by ``evaluate`` when the input (or the rules data) is unusable.

    ``errors`` is a list of ``{"course": int|None, "field": str|None,
    "message": str}`` dicts, in the order the problems were found.
    """

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0]["message"] if self.errors else "invalid input"
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


class Errors:
    """Accumulates errors; ``raise_if_any`` turns them into one InputError."""

    def __init__(self):
        self.items = []

    def add(self, course, field, message):
        self.items.append({"course": course, "field": field, "message": message})

    def __bool__(self):
        return bool(self.items)

    def raise_if_any(self):
        if self.items:
            raise InputError(self.items)
