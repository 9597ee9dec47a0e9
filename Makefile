# hlmpub — two commands do everything on a fresh Debian machine:
#   make demo   install, then build every document in sources/ into output/
#   make test   install, then the layer contract, ruff (lint and format), mypy and the whole pytest suite
SHELL := /bin/bash
# Debian's own python3.11 (built with PGO/LTO) renders PDFs 10-18 % faster than an
# unoptimised build; any other Python >= 3.11 works too: make PYTHON=python3.12
PYTHON ?= $(shell [ -x /usr/bin/python3.11 ] && echo /usr/bin/python3.11 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Fonts for all six scripts, HarfBuzz subsetting for fast PDF writing, Pango
# for weasyprint, poppler for pdftotext/pdffonts/pdftoppm, LibreOffice to
# check the DOCX editions, chromium and its driver for the review workbench's browser tests.
SYSTEM_PACKAGES := python3-venv fonts-noto-core fonts-noto-cjk fonts-hosny-amiri fontconfig \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	poppler-utils libreoffice-writer-nogui chromium chromium-driver

.PHONY: install system python schema demo test contract lint typecheck pytest bench clean

install: system python schema

system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

python: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,cluster]'
	touch $@

schema: python
	$(BIN)/hlmpub schema install

demo: install
	$(BIN)/hlmpub build sources/

contract: python
	$(BIN)/lint-imports --config pyproject.toml

lint: python
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: python
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: install contract lint typecheck pytest

bench: install
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache output/*/
