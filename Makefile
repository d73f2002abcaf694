# Every target creates .venv from pyproject.toml when it is missing; a fresh clone needs only
# python3 (3.11+) and make. What is installed is pinned by constraints.txt (the versions the tests
# passed with): the same in a fresh clone, in CI (.ci/run) and for make dist.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist

TS := src/laomo_desktop/resources/translations/laomo_zh_CN.ts
QM := src/laomo_desktop/resources/translations/laomo_zh_CN.qm

.PHONY: run test lint bench bench-dist dist test-release clean translations

PIN := -c constraints.txt --build-constraint constraints.txt

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"  # --build-constraint
	$(BIN)/python -m pip install --quiet $(PIN) -e ".[test,dev]"
	touch $(STAMP)

# After changing UI text: collect it into the .ts, translate the unfinished entries, then run
# this again. The compiled .qm is committed beside the .ts, so that every install has it (a wheel,
# `pip install -e .`, the frozen build) without Qt's tools at build time; a test fails when it
# no longer says what the .ts says.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $(sort $(shell find src/laomo_desktop/ui -name "*.py")) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

run: $(STAMP)
	$(BIN)/laomo-desktop

# One worker per core (pytest-xdist); tests sharing a module fixture stay in one worker.
TEST_WORKERS ?= auto
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/bench_stats.py
	$(BIN)/python bench/bench_gui.py
	$(BIN)/python bench/bench_reports.py
	$(BIN)/python bench/bench_packet.py
	$(BIN)/python bench/bench_exchange.py
	$(BIN)/python bench/bench_open.py
	$(BIN)/python bench/bench_paste.py
	$(BIN)/python bench/bench_excel.py
	$(BIN)/python bench/bench_union.py
	$(BIN)/python bench/bench_thumbs.py
	$(BIN)/python bench/bench_province.py --keep build/bench-province
	$(BIN)/python bench/bench_forwards.py --province build/bench-province/province-2000/ledger.sqlite3 --per-city 12

# Release step (not run by CI, see installer/README.md): the one-folder program, self-tested
# frozen; on Linux also the .deb (self-tested again from its extracted files) and a .tar.gz,
# frozen with a Python built for glibc 2.28 (installer/floor.py, cached in build/floor/). That
# build needs Debian's autoconf, automake, libtool and tcl: installed here when missing.
FLOOR_TOOLS := autoconf automake libtool tcl
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet $(PIN) -e ".[dist]"
	@if command -v dpkg-query >/dev/null; then \
	  missing=$$(for p in $(FLOOR_TOOLS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q "ok installed" || echo $$p; done); \
	  if [ -n "$$missing" ]; then echo "installing Debian build tools:" $$missing; \
	    apt-get install -y -q $$missing >/dev/null; fi; fi
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(BIN)/python installer/build.py

# The whole test suite in the Linux release's environment: the floor's Python 3.13 with
# PySide6 6.9 and constraints-release.txt (builds it first when needed, as `make dist` does).
# Less test_wheel.py: it builds the wheel with pip from PyPI, and the floor's Python has no TLS.
test-release: $(DIST_STAMP)
	$(BIN)/python installer/floor.py
	QT_QPA_PLATFORM=offscreen PYTHONPATH=$(CURDIR)/src build/floor/venv/bin/python -m pytest -q \
	  -p no:cacheprovider -n $(TEST_WORKERS) --dist loadgroup --deselect tests/test_wheel.py

# The frozen build's start-up against the source run, and its sizes (needs `make dist` first).
bench-dist: $(STAMP)
	$(BIN)/python bench/bench_dist.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .ruff_cache

# The .deb installed by apt in a Debian 11 root (glibc 2.31; debootstrap, cached in
# build/roots/bullseye) and self-tested there. Needs root and the network: installer/README.md.
DEB ?= $(firstword $(wildcard dist/laomo-desktop_*_amd64.deb))
.PHONY: verify-debian11
verify-debian11: $(STAMP)
	@test -n "$(DEB)" || { echo "verify-debian11: no dist/laomo-desktop_*_amd64.deb; run make dist first (or give DEB=path)" >&2; exit 1; }
	$(BIN)/python installer/verify_root.py $(DEB)
