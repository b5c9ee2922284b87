# dossier — the two commands of the README, and a live preview.
#   make site    set everything up, then build the site from seeds/ into site/ (warnings are
#                listed at the end, not fatal: `dossier build --strict` fails on them)
#   make test    run the whole test suite
#   make serve   live preview on http://127.0.0.1:8000, rebuilt when seeds/, content/,
#                editorial/ or site_templates/ change
#   make bench   the scale benchmark (benchmarks/scale.py): synthetic dossiers of 100, 1,000 and 5,000 articles (long: about
#                an hour; SIZES=100,1000 for a shorter run)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# axe-core, which the browser tests inject into the pages (tests/js/package.json pins it)
AXE    := tests/js/node_modules/axe-core/axe.min.js

.PHONY: site test serve bench clean

site: $(VENV)/.installed
	$(BIN)/dossier build

test: $(VENV)/.installed-dev $(AXE)
	$(BIN)/pytest

serve: $(VENV)/.installed
	$(BIN)/dossier serve

SIZES ?= 100,1000,5000
bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.scale --sizes $(SIZES)

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# npm from Debian if the machine has none (as .ci/run installs chromium)
$(AXE): tests/js/package.json tests/js/package-lock.json
	command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	test ! -x $(BIN)/dossier || $(BIN)/dossier stop
	rm -rf site .dossier-cache
