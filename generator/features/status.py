"""The browser's half of cycle status: the scripts every page loads.

The pages themselves carry each cycle's status as of the build date
(site_src/templates/status.html, from generator/model/status.py); these
scripts bring it up to the reader's own date.
"""

from __future__ import annotations

from generator.features.base import PageScripts


class StatusScripts(PageScripts):
    name = "cycle status"
    scripts = ("cycle-status.mjs", "status-page.mjs")
