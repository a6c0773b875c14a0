# partnerdraft: `make demo` assembles every sample; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := $(sort $(wildcard samples/*/*.yaml))
DATE ?= 2026-12-03

.PHONY: demo test install lint bench template clean serve screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

$(VENV)/.test-deps: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: install
	@mkdir -p drafts
	@for sheet in $(SAMPLES); do \
		name=$$(echo $$sheet | sed 's|samples/||; s|/|-|; s|\.yaml$$||'); \
		$(BIN)/partnerdraft assemble $$sheet -o drafts/$$name.docx --date $(DATE) --force || exit 1; \
	done

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

lint: $(VENV)/.test-deps
	$(BIN)/partnerdraft library check

bench: install
	$(BIN)/python bench/assemble_speed.py

# The web app on http://127.0.0.1:8000/ (docs/web.md).
serve: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[web]'
	$(BIN)/partnerdraft serve

# docs/screenshots/ from the browser tests (needs chromium: see .ci/run).
screenshots: $(VENV)/.test-deps
	PARTNERDRAFT_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/web/test_browser.py -q

template: $(BIN)/python
	$(BIN)/python scripts/build_house_template.py

clean:
	rm -rf $(VENV) drafts build dist *.egg-info
