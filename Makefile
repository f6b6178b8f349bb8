# The few commands people type. Each one creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: site serve check test bench schemas lock messages clean

site: $(RUNTIME)  ## build every language into site/, site/en/, site/zh/ (strict; the last good site stays if one fails)
	$(BIN)/python -m minhbach.site.build --config mkdocs.yml --output site

serve: $(RUNTIME)  ## live preview at http://127.0.0.1:8000 while editing
	$(BIN)/mkdocs serve --dirty --config-file mkdocs.yml

check: $(RUNTIME)  ## check every record in data/
	$(BIN)/minhbach check

test: $(DEV)  ## run every test
	$(BIN)/python -m pytest -n auto

bench: $(DEV)  ## province-scale benchmark (ARGS=--quick for a short run)
	$(BIN)/python scripts/bench $(ARGS)

schemas: $(RUNTIME)  ## regenerate the editor schemas from the model
	$(BIN)/minhbach schema --write schemas

messages: $(DEV)  ## gather the page text of templates and code into minhbach/locale/*/LC_MESSAGES/minhbach.po (then translate the new entries)
	$(BIN)/python scripts/messages

lock: $(DEV)  ## re-pin requirements*.txt with hashes after editing the .in files
	$(PIP) install pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-header --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-header --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $@

$(DEV): requirements-dev.txt $(RUNTIME)
	$(PIP) install --require-hashes -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) site .site-build-* .site-previous-* .pytest_cache .hypothesis
