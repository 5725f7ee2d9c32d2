"""Where the generator finds its own files, in a checkout and when installed.

`generator/site_src` is a link to the repository's `site_src/` in a checkout
and a copy of its templates, stylesheets and scripts in an installed package
(pyproject.toml lists them as package data), so both read the same path.
"""

from __future__ import annotations

from pathlib import Path

import recert_engine

PACKAGE = Path(__file__).resolve().parent
SITE_SRC = (PACKAGE / "site_src").resolve()
ENGINE_DIR = Path(recert_engine.__file__).resolve().parent

# The project's root in a checkout; None when the generator is installed.
CHECKOUT = PACKAGE.parent if (PACKAGE.parent / "pyproject.toml").is_file() else None

# The Pyodide bundle is cached between builds: in the checkout, or else in
# the folder the build runs from.
CACHE_DIR = (CHECKOUT or Path.cwd()) / ".cache" / "runtime"
