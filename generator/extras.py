"""Feature pages that hang off the guidance pages, registered in one place.

A cycle extra renders its own files for one cycle and returns the links the
guidance page shows under "At a glance" as (label, href relative to the
cycle's folder). A site extra renders site-wide files from the model; it may
run while the cycles render. A listing extra runs after every other page,
because it lists them.
"""

from __future__ import annotations

CYCLE_EXTRAS: list = []
SITE_EXTRAS: list = []
LISTING_EXTRAS: list = []  # site extras that list every other file: run last

# Checklist page and calendar file per cycle (checklist.py, calendar_ics.py).
from .calendar_ics import calendar_extra  # noqa: E402
from .checklist import checklist_extra  # noqa: E402
from .checklist import copy_script as copy_checklist_script  # noqa: E402

CYCLE_EXTRAS += [checklist_extra, calendar_extra]
SITE_EXTRAS.append(copy_checklist_script)

# Offline CE-hour calculator page per cycle (calculator.py).
from .calculator import copy_scripts as copy_calculator_scripts  # noqa: E402
from .calculator import render_calculator  # noqa: E402

CYCLE_EXTRAS.append(render_calculator)
SITE_EXTRAS.append(copy_calculator_scripts)

# Compare page: every cycle side by side (compare.py).
from .compare import compare_extra  # noqa: E402

SITE_EXTRAS.append(compare_extra)

# The page script that registers the service worker (offline.py); sw.js itself
# is written by pipeline.build, after the calculator's runtime files.
from .offline import offline_extra  # noqa: E402

SITE_EXTRAS.append(offline_extra)

# sitemap.xml lists every page the others rendered.
from .sitemap import sitemap_extra  # noqa: E402

LISTING_EXTRAS.append(sitemap_extra)
