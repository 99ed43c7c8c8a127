# Two commands do everything on a fresh machine: `make build` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= datasets/corpus
OUT ?= site

.PHONY: build test serve lint bench fuzz browser clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

## build: datasets and the static site from the bundled corpus into site/
# The data date is the last commit that changed the corpus (unless SOURCE_DATE_EPOCH is given).
# The package's bytecode is written first (only what changed): an editable install is not
# compiled by pip, and where PYTHONDONTWRITEBYTECODE is set every run would compile it again.
build: $(VENV)/.installed
	$(PY) -m compileall -q builder
	SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct -- $(CORPUS) 2>/dev/null)}" \
	  $(PY) -m builder build --corpus $(CORPUS) --out $(OUT)

## test: lint and the whole test suite, browser tests included
test: $(VENV)/.installed browser
	$(PY) -m ruff check builder tests benchmarks
	$(PY) -m pytest -q

## serve: preview the built site on http://127.0.0.1:8000/
serve: $(VENV)/.installed
	$(PY) -m builder serve --out $(OUT)

## bench: extraction, site and scale benchmarks (prints figures; not part of the tests)
bench: $(VENV)/.installed
	$(PY) benchmarks/extract_bench.py
	$(PY) benchmarks/site_bench.py
	$(PY) benchmarks/scale_bench.py --sizes 1000,10000 --pairs 3

## fuzz: mutation fuzzing of the real reports for a few minutes (the test suite runs a short, fixed sample)
fuzz: $(VENV)/.installed
	FUZZ_EXAMPLES=3000 $(PY) -m pytest -q -x tests/test_fuzz.py

# Debian's Chromium for Playwright (never `playwright install`), a CJK font so that screenshots
# show Chinese text (a test fails without one), axe-core from npm, and R.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	@fc-list :lang=zh 2>/dev/null | grep -q . || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null)
	@command -v npm >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null)
	@test -f node_modules/axe-core/axe.min.js || npm install --no-save --no-audit --no-fund --silent
	@# R runs the downloads page's R snippet (r-base-core installs in well under a minute).
	@command -v Rscript >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core >/dev/null)

clean:
	rm -rf $(VENV) $(OUT) $(dir $(OUT)).$(notdir $(OUT)).spare node_modules
