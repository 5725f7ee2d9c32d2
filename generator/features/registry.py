"""Every page feature, once, in the order the build runs their hooks.

Order matters in two places: a cycle's guidance page comes after the
features whose pages it links to, and the offline copy comes after every
feature that adds a file, because sw.js lists and hashes every other file
(the precompressed copies, made of all of them, are for the host, not listed).
"""

from __future__ import annotations

from generator.features.base import Feature
from generator.features.calculator import Calculator
from generator.features.calendar_file import Calendar
from generator.features.checklist import Checklist
from generator.features.compare import Compare
from generator.features.finder import CycleFinder
from generator.features.guidance import Guidance, RulesExport
from generator.features.headers import HostHeaders
from generator.features.offline import OfflineCopy
from generator.features.precompress import Precompressed
from generator.features.sitemap import Sitemap
from generator.features.status import StatusScripts
from generator.features.shared_scripts import SharedScripts

FEATURES: tuple[Feature, ...] = (
    RulesExport(),
    SharedScripts(),
    Checklist(),
    Calendar(),
    Calculator(),
    Guidance(),
    Compare(),
    StatusScripts(),
    CycleFinder(),
    Sitemap(),
    HostHeaders(),
    OfflineCopy(),
    Precompressed(),
)
