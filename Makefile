# The handbook's commands. Needs only Python 3.11+ and make; everything else
# is installed into .venv from the pinned requirements/*.txt.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build pdf offline lms release editions-deps check new stamp translation urls lint test test-fast browser-deps check-deps bench clean

help:
	@echo "make serve   live-reloading preview at http://127.0.0.1:8000"
	@echo "make build   the published site, all languages, into site/"
	@echo "make pdf     the site, then a PDF edition per language: site/downloads/handbook-<lang>.pdf"
	@echo "make offline the site and its PDFs, then all of it as one zip that works from file://: site/downloads/handbook-offline.zip"
	@echo "make lms     the final assessment and every principle's quiz for an LMS (QTI 2.1 and Moodle XML): site/downloads/lms/"
	@echo "make release the site and all three editions"
	@echo "make check   every content check (links, translations, spelling, typography, style...) with path:line messages"
	@echo "make new TYPE=principle ID=kindness   a new principle (or TYPE=protocol) in all four languages"
	@echo "make stamp FILES=docs/...hu.md        mark translations as current with their English page"
	@echo "make translation PAGE=principles/x.md LOCALE=hu   a missing translation, copied from English to translate"
	@echo "make urls    add new pages' addresses to published-urls.txt (the URL contract)"
	@echo "make test    the whole test suite (installs what it needs, Chromium included)"
	@echo "make bench   build times against bare Material, page weights, Lighthouse (prints a table, writes bench/bench.json)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-deps: requirements/site.txt $(VENV)/.handbook-path | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/site.txt
	touch $@

# scripts/ on the venv's path: MkDocs loads our Markdown extensions (handbook.checklists)
# by name while it reads mkdocs.yml, before any hook runs.
$(VENV)/.handbook-path: | $(BIN)/python
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "handbook.pth").write_text(str(pathlib.Path("scripts").resolve()) + "\n")'
	touch $@

$(VENV)/.editions-deps: requirements/editions.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet -r requirements/editions.txt
	touch $@

$(VENV)/.test-deps: requirements/test.txt $(VENV)/.editions-deps
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.site-deps
	$(BIN)/python scripts/build_site.py --site-dir site

# The other editions, from the built site: each is its own target, so make build never waits for them.
# The PDFs need fonts with every Hungarian and Portuguese letter (Debian's DejaVu) and Pango.
pdf: build editions-deps
	$(BIN)/python scripts/build_pdf.py --site-dir site

# After the PDFs: the home pages link to them, and the offline copy carries them.
offline: pdf
	$(BIN)/python scripts/build_offline.py --site-dir site

lms: $(VENV)/.editions-deps
	$(BIN)/python scripts/build_lms.py --site-dir site

# The site, then every edition from that one build (the offline copy carries the PDFs).
release: build editions-deps
	$(BIN)/python scripts/build_pdf.py --site-dir site
	$(BIN)/python scripts/build_offline.py --site-dir site
	$(BIN)/python scripts/build_lms.py --site-dir site

editions-deps: $(VENV)/.editions-deps
	@scripts/ensure_system_deps.sh pdf

# Exit status 0 clean, 1 problems, 2 usage; warnings (stale translations, reviews due) do not fail.
check: $(VENV)/.site-deps check-deps
	$(BIN)/python scripts/check.py

check-deps:
	@scripts/ensure_system_deps.sh check

# Mark translations as current: make stamp FILES="docs/principles/honesty.hu.md docs/principles/honesty.es.md"
stamp: $(VENV)/.site-deps
	@if [ -z "$(FILES)" ]; then echo 'usage: make stamp FILES="docs/principles/honesty.hu.md ..."' >&2; exit 2; fi
	$(BIN)/python scripts/check_translations.py --stamp $(FILES)

# A missing translation, as a copy of the English page to translate: make translation PAGE=principles/honesty.md LOCALE=hu
translation: $(VENV)/.site-deps
	@if [ -z "$(PAGE)" ] || [ -z "$(LOCALE)" ]; then echo 'usage: make translation PAGE=principles/honesty.md LOCALE=hu' >&2; exit 2; fi
	$(BIN)/python scripts/new_page.py "$(PAGE)" --locale "$(LOCALE)"

new: $(VENV)/.site-deps
	@if [ -z "$(TYPE)" ] || [ -z "$(ID)" ]; then \
	  echo "usage: make new TYPE=principle ID=kindness   (TYPE is principle or protocol; ID a slug like closing-a-call)" >&2; \
	  exit 2; \
	fi
	$(BIN)/python scripts/new_page.py --type "$(TYPE)" --id "$(ID)"

urls: $(VENV)/.site-deps
	$(BIN)/python scripts/published_urls.py --update

lint: $(VENV)/.test-deps
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy scripts/handbook

# The Nu Html Checker (vnu.jar, run on the system's Java 17) and Lighthouse, pinned in
# package-lock.json. --ignore-scripts: vnu-jar's install script would fetch a Java runtime.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

browser-deps:
	@scripts/ensure_system_deps.sh browser

# The suite runs in TEST_WORKERS processes (pytest-xdist); each builds the site once. The
# editions (PDFs, offline copy) are built once per run and shared (tests/conftest.py built_once).
TEST_WORKERS ?= 2

test: $(VENV)/.test-deps node_modules/.installed browser-deps editions-deps lint check
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

bench: $(VENV)/.test-deps node_modules/.installed browser-deps
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
