# dossier — the two commands of the README, and a live preview.
#   make site    set everything up, then build the site from seeds/ into site/
#   make test    run the whole test suite
#   make serve   live preview on http://127.0.0.1:8000, rebuilt when seeds/, content/ or site_templates/ change

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test serve clean

site: $(VENV)/.installed
	$(BIN)/dossier build

test: $(VENV)/.installed-dev
	$(BIN)/pytest

serve: $(VENV)/.installed
	$(BIN)/dossier serve

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf site .dossier-cache
