# Hub Academy: `make demo` runs the site with demo content, `make test` runs the suite.
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core; pass PYTEST_ARGS="-n 0" to run them in one process.
PYTEST_ARGS ?= -n auto

.PHONY: demo test lint bench install messages clean serve serve-prod

# Reinstall only when the dependencies change.
$(BIN)/.installed: pyproject.toml
	@set -e; \
	if [ ! -x $(PY) ]; then \
		interpreter=$$(scripts/find-python); \
		echo "Creating $(VENV) with $$interpreter"; \
		"$$interpreter" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/.installed

demo: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production stack on this machine: PostgreSQL, Redis, gunicorn, two
# workers (scripts/serve-prod; SEED_DEMO=1 loads the demo). Ctrl-C stops it.
serve-prod: install
	@scripts/serve-prod

test: install
	@scripts/ensure-chromium
	@scripts/ensure-oidc-provider
	$(BIN)/pytest $(PYTEST_ARGS)

# The benchmark on PostgreSQL (BENCH_DATABASE_URL, default the local server's
# hub_academy_bench): builds a synthetic organisation of PEOPLE, measures each
# scenario against its floor, prints a table, writes bench/results.json.
PEOPLE ?= 10000
BENCH_ARGS ?=
bench: install
	$(PY) -m bench --people $(PEOPLE) $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Refresh the Dutch catalogues of each app after changing strings; compile after translating.
messages: install
	for app in cms courses lms certification; do \
		mkdir -p $$app/locale; \
		(cd $$app && ../$(PY) ../manage.py makemessages -l nl --no-obsolete --ignore "demo/*"); \
	done
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
