# Two commands on a fresh machine: `make run` starts the app, `make test` runs every test.
# Both set up .venv first, and only when pyproject.toml changed since the last set-up.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check fmt bench reliability clean

$(STAMP): pyproject.toml scripts/bootstrap
	PYTHON=$(PYTHON) bash scripts/bootstrap $(VENV)
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/onemore $(ARGS)

# Everything: the static checks first (a minute at most), then every test.
test: check
	bash scripts/test-deps
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Lint, format, types and the layer rules (pyproject.toml holds their settings).
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Format the code and apply the safe lint fixes.
fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The figures of issue 7 as one table (a few minutes; the ten-year history is cached in .cache/bench/).
bench: $(STAMP)
	bash scripts/test-deps
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The long reliability and security harness (kills, full disks, corrupt files, network faults,
# fuzzing, terminal storms, security): about a quarter of an hour; prints the table of what was lost.
reliability: $(STAMP)
	bash scripts/test-deps
	$(BIN)/python -m reliability.run $(RELIABILITY_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache .import_linter_cache
