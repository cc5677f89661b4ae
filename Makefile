# presslens: `make run` sets up .venv from the lock file and analyses the examples;
# `make test` runs the test suite. Nothing here needs network but the package index.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= presslens.db
SHARED ?= ../shared

.PHONY: venv run test test-browser bench eval clean

# The venv's own pip is replaced first by the hash-pinned one in
# requirements-bootstrap.txt: the lock is then read by a known installer, never by
# whatever pip the system Python bundles. --no-cache-dir: nothing from earlier runs.
$(STAMP): requirements-bootstrap.txt requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-cache-dir --require-hashes -r requirements-bootstrap.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-cache-dir --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

run: venv
	$(BIN)/presslens analyze examples --db $(DB)
	$(BIN)/presslens show $$($(BIN)/python -c "import sqlite3; print(sqlite3.connect('$(DB)').execute('select id from documents order by rowid limit 1').fetchone()[0])") --db $(DB)
	$(BIN)/presslens quotes --db $(DB)

test: venv
	$(BIN)/python -m pytest

test-browser: venv
	$(BIN)/python -m pytest tests/browser

# `make bench CORPUS_BENCH=--full`: the corpus scale row, 10k to 100k articles (over an hour on 2 cores)
bench: venv
	$(BIN)/python benchmarks/throughput.py --write
	$(BIN)/python benchmarks/web_render.py
	$(BIN)/python benchmarks/russian.py
	$(BIN)/python benchmarks/corpus.py --write $(CORPUS_BENCH)

# Each script prints its table and rewrites its own section of eval/RESULTS.md.
EVALS := seed extraction repair attribution speakers events framing framing_domains attribution_news titles russian russian_framing corpus attribution_mt
eval: venv
	for e in $(EVALS); do PRESSLENS_SHARED=$(SHARED) $(BIN)/python eval/$$e.py || exit 1; done

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
