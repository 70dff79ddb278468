# flueko — make help lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

# Exact versions come from requirements.lock (pyproject.toml keeps the ranges); flueko itself
# is installed editable on top, without letting pip resolve anything else.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the locked versions, flueko and its dev extras

# uv runs from a throwaway venv; existing pins are kept unless LOCK_FLAGS=--upgrade is given.
UV_VERSION := 0.13.9
LOCK_ARGS := pip compile pyproject.toml --extra dev --universal --python-version 3.11
lock: ## re-pin requirements.lock after changing pyproject.toml (LOCK_FLAGS=--upgrade: newest)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp" && "$$tmp/bin/python" -m pip install --quiet uv==$(UV_VERSION) && \
	"$$tmp/bin/uv" $(LOCK_ARGS) $(LOCK_FLAGS) --quiet -o requirements.lock \
	  --custom-compile-command "make lock  # = uv $(LOCK_ARGS) -o requirements.lock"

demo: $(STAMP) ## run every demo round and write the reports (reports/index.html)
	$(BIN)/flueko run --all

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest -q

demo-data: $(STAMP) ## re-create the shipped demo files in data/raw (developers only)
	$(BIN)/python -m flueko.demo data/raw

lint: $(STAMP) ## ruff over library, tests and benchmarks
	$(BIN)/ruff check flueko tests bench scripts
	$(BIN)/ruff format --check flueko tests bench scripts

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix flueko tests bench scripts
	$(BIN)/ruff format flueko tests bench scripts

lab: $(STAMP) ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab flueko/resources/notebooks

bench: $(STAMP) ## run the benchmark scripts
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/consolidate.py
	$(BIN)/python bench/batch.py
	$(BIN)/python bench/realworld.py

clean: ## remove processed data, reports and caches (never data/raw)
	rm -rf data/processed/* reports/* .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

.PHONY: help install lock demo demo-data test lint format lab bench clean
