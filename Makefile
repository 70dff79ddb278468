# flueko — make help lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $(STAMP)

install: $(STAMP) ## create .venv and install flueko with its dev extras

demo: $(STAMP) ## run every demo round and write the reports (reports/index.html)
	$(BIN)/flueko run --all

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest -q

demo-data: $(STAMP) ## re-create the shipped demo files in data/raw (developers only)
	$(BIN)/python -m flueko.demo data/raw

lint: $(STAMP) ## ruff over library, tests and benchmarks
	$(BIN)/ruff check flueko tests bench
	$(BIN)/ruff format --check flueko tests bench

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix flueko tests bench
	$(BIN)/ruff format flueko tests bench

lab: $(STAMP) ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab flueko/resources/notebooks

bench: $(STAMP) ## run the benchmark scripts
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/consolidate.py
	$(BIN)/python bench/batch.py

clean: ## remove processed data, reports and caches (never data/raw)
	rm -rf data/processed/* reports/* .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

.PHONY: help install demo demo-data test lint format lab bench clean
