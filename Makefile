# Companion: `make run` installs and serves the sample lesson; `make test` installs and
# runs every test. Both create and use .venv themselves.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 5000
JOBS   ?= 2  # pytest processes (pytest-xdist); the machines here have 2 cores
HOST   ?= 127.0.0.1
STAMP  := $(VENV)/.installed
# Debian packages: Chromium for browser tests, WordNet for definitions, poppler for PDF
# tests, Pango for WeasyPrint, Liberation fonts for worksheets (PDFs use local fonts only),
# python3-venv for the virtual environment, PostgreSQL for the database tests (the suite
# starts a throwaway server itself; the app uses SQLite unless told otherwise).
DEB_PACKAGES := chromium wordnet-base poppler-utils libpango-1.0-0 libpangoft2-1.0-0 \
                fonts-dejavu-core fonts-liberation python3-venv postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install system run serve test test-fast lint imports bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: system $(STAMP) ## create .venv and install everything (starts nothing)

system: ## install the Debian packages (skipped when they are already there)
	@missing=""; \
	for pkg in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install ## serve the app with the sample lesson at http://127.0.0.1:5000 (PORT overrides)
	$(PY) -m flask --app app run --host $(HOST) --port $(PORT)

serve: install ## serve with gunicorn, the production server (see docs/deploy.md)
	$(VENV)/bin/gunicorn --worker-class gthread --workers 2 --threads 8 --timeout 30 \
	  --graceful-timeout 10 --bind $(HOST):$(PORT) 'app:create_app()'

test: install imports ## install and run the whole test suite (with the import contracts)
	$(PY) -m pytest -n $(JOBS) --dist loadfile

test-fast: install imports ## every test but the browser ones (under 30 s)
	$(PY) -m pytest -n $(JOBS) --dist loadfile -m "not browser"

imports: install ## check the one-way flow of imports between stages (import-linter)
	$(VENV)/bin/lint-imports

lint: install imports ## ruff and the import contracts
	$(VENV)/bin/ruff check .

bench: install ## speed and memory measurements
	$(PY) bench/bench.py $(ONLY)

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
