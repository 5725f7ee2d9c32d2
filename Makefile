# Two entry points for people: `make site` and `make test` (see README).
# Everything below installs only what the project needs, from PyPI, npm and Debian.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Unit tests of the pure browser modules (tests/js/*.test.mjs), on the built assets/js.
NODE_TEST := node --test --test-reporter=dot tests/js/
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The official flyers sit beside the repository when they are there (as in CI);
# then the checks also compare every flyer fact with its page. That folder may
# not hold a newly added cycle's flyer: that is a note, not a failure
# (`--only-present`); the publisher checks it against `sources/` (README).
SOURCES_OPTION := $(if $(wildcard ../shared/seeds),--sources ../shared/seeds --only-present)

.PHONY: site test test-js install install-test chromium check bench serve clean

## Install the generator and the pinned browser runtime, then build the site into build/.
site: install
	$(BIN)/python -m generator build

## Install everything the tests need (Debian's Chromium included), build, run every test.
test: install-test chromium
	$(BIN)/python -m generator check --strict $(SOURCES_OPTION)
	$(BIN)/python -m generator build
	$(NODE_TEST)
	$(BIN)/python -m pytest

## Unit tests of the browser modules alone (node --test), on a quick build of their own.
test-js: install
	$(BIN)/python -m generator build --no-runtime --out .cache/js-site
	SITE_JS=.cache/js-site/assets/js $(NODE_TEST)

install: $(VENV)/.installed site_src/node_modules/.installed

install-test: install $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# npm ci checks every package against the sha512 in package-lock.json; the
# Pyodide runtime is pinned to one exact version there.
site_src/node_modules/.installed: site_src/package.json site_src/package-lock.json
	npm ci --prefix site_src --no-audit --no-fund
	touch $@

chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

check: install
	$(BIN)/python -m generator check --strict $(SOURCES_OPTION)

bench: install
	$(BIN)/python scripts/bench_build.py

serve: install
	$(BIN)/python -m generator serve

clean:
	rm -rf build .cache
