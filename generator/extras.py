"""Feature pages that hang off the guidance pages, registered in one place.

A cycle extra renders its own files for one cycle and returns the links the
guidance page shows under "At a glance" as (label, href relative to the
cycle's folder). A site extra renders site-wide files after all cycles.
"""

from __future__ import annotations

CYCLE_EXTRAS: list = []
SITE_EXTRAS: list = []
