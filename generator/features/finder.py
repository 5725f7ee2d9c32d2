""""Find your cycle" on the home page: the scripts of its form.

The home page (features/guidance.py, templates/finder.html) lists every cycle
by level and card expiration date, which is all a reader without JavaScript
needs; these scripts add a form that answers from the same list.
"""

from __future__ import annotations

from generator.features.base import PageScripts


class CycleFinder(PageScripts):
    name = "cycle finder"
    scripts = ("finder.mjs", "finder-page.mjs")
