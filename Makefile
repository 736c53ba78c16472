# Two commands on a fresh machine: `make run` (demo) and `make test` (the whole suite). See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/strategia

.PHONY: run test venv deps deps-dev lint check-migrations check-translations test-postgres test-sqlite messages

$(VENV)/bin/python:
	"$$(bin/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

deps: $(VENV)/bin/python
	bin/system-packages run
	$(PY) -m pip install -q -r requirements.txt
	bin/vendor-assets

deps-dev: $(VENV)/bin/python
	bin/system-packages test
	$(PY) -m pip install -q -r requirements-dev.txt
	bin/vendor-assets

run: deps
	bin/serve-demo

lint:
	$(VENV)/bin/ruff check .

check-migrations:
	STRATEGIA_PROFILE=test $(PY) manage.py makemigrations --check --dry-run

check-translations:
	$(PY) bin/check-translations

messages:
	cd src/strategia && ../../$(PY) ../../manage.py makemessages -l pl --no-obsolete --ignore=static/vendor

test-postgres:
	bin/start-postgres
	STRATEGIA_PROFILE=test DATABASE_URL=$(PG_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true \
	  $(PY) -m pytest -q -p no:randomly $(PYTEST_ARGS)

test-sqlite:
	STRATEGIA_PROFILE=test DATABASE_URL=sqlite:///var/test-sqlite.sqlite3 \
	  $(PY) -m pytest -q -m "not postgres_only and not e2e" $(PYTEST_ARGS)

test: deps-dev
	mkdir -p var
	$(MAKE) lint check-migrations check-translations
	$(PY) manage.py compilemessages -v0 --ignore=.venv
	$(MAKE) test-postgres
	$(MAKE) test-sqlite
