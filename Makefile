# lunacm-sim. `make run` starts the simulator, `make test` runs every test.
SWIFT ?= swift
ARGS ?=
DEBUG_BIN := .build/debug/lunacm
# Static Swift runtime and a non-PIE executable: start-up is the cost CI pays thousands of times
# (without PIE the loader has no 94,000 relocations to apply; measured in scripts/bench.py).
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker -no-pie

.PHONY: all deps build release run test embed bench bench-deps clean install install-check deps-man pkcs11-deps pkcs11-test pkcs11-bench

all: build

# libedit-dev and libsqlite3-dev are the two system libraries the package links; libp11-kit-dev
# gives the PKCS#11 library its header (pkcs11.h). A fresh machine may lack them (and pkg-config).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libedit sqlite3 p11-kit-1; then \
		echo "Installing libedit-dev, libsqlite3-dev, libp11-kit-dev and pkg-config..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libedit-dev libsqlite3-dev libp11-kit-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build --product lunacm
	$(SWIFT) build --product configurator
	$(SWIFT) build --product vtl
	$(SWIFT) build --product lunasim-pkcs11

release: deps
	@for program in $(INSTALL_PROGRAMS); do $(SWIFT) build $(RELEASE_FLAGS) --product $$program || exit 1; done
	@for program in $(INSTALL_PLAIN_PROGRAMS); do $(SWIFT) build $(RELEASE_FLAGS) --product $$program || exit 1; done
	@for library in $(INSTALL_LIBRARIES); do $(SWIFT) build $(RELEASE_FLAGS) --product $$library || exit 1; done

run: build
	@$(DEBUG_BIN) $(ARGS)

# --- Install: `make install PREFIX=/opt/lunasim` (DESTDIR is honoured for packaging). ---
# Each program (a SwiftPM executable product parsed by swift-argument-parser) gets bin/<name>, a
# man page generated from its own definitions (scripts/manpage.py) and bash, zsh and fish
# completion scripts of its flags. Each library (a dynamic-library product, named without its
# `lib` prefix) gets lib/lib<name>.so. Adding one is one line: `INSTALL_PROGRAMS += vtl`,
# `INSTALL_LIBRARIES += lunasim-pkcs11`.
PREFIX ?= /usr/local
INSTALL_PROGRAMS := lunacm
INSTALL_PROGRAMS += configurator
# Programs without swift-argument-parser flags (their own --help; no generated man page).
INSTALL_PLAIN_PROGRAMS := vtl
INSTALL_LIBRARIES := lunasim-pkcs11
INSTALL_ROOT = $(DESTDIR)$(PREFIX)
RELEASE_DIR := .build/release

install: release
	install -d "$(INSTALL_ROOT)/bin" "$(INSTALL_ROOT)/share/man/man1" \
		"$(INSTALL_ROOT)/share/bash-completion/completions" "$(INSTALL_ROOT)/share/zsh/site-functions" \
		"$(INSTALL_ROOT)/share/fish/vendor_completions.d"
	@set -e; for program in $(INSTALL_PROGRAMS); do \
		echo "install $$program"; \
		install -m 0755 "$(RELEASE_DIR)/$$program" "$(INSTALL_ROOT)/bin/$$program"; \
		python3 scripts/manpage.py "$(RELEASE_DIR)/$$program" 1 > "$(INSTALL_ROOT)/share/man/man1/$$program.1"; \
		chmod 0644 "$(INSTALL_ROOT)/share/man/man1/$$program.1"; \
		"$(RELEASE_DIR)/$$program" --generate-completion-script bash > "$(INSTALL_ROOT)/share/bash-completion/completions/$$program"; \
		"$(RELEASE_DIR)/$$program" --generate-completion-script zsh > "$(INSTALL_ROOT)/share/zsh/site-functions/_$$program"; \
		"$(RELEASE_DIR)/$$program" --generate-completion-script fish > "$(INSTALL_ROOT)/share/fish/vendor_completions.d/$$program.fish"; \
	done
	@set -e; for program in $(INSTALL_PLAIN_PROGRAMS); do \
		echo "install $$program"; \
		install -m 0755 "$(RELEASE_DIR)/$$program" "$(INSTALL_ROOT)/bin/$$program"; \
	done
	@set -e; for library in $(INSTALL_LIBRARIES); do \
		install -d "$(INSTALL_ROOT)/lib"; \
		install -m 0755 "$(RELEASE_DIR)/lib$$library.so" "$(INSTALL_ROOT)/lib/lib$$library.so"; \
	done

# What `make test` runs of the install: into a temporary prefix, then checked (man-db for man -l).
install-check: deps-man
	scripts/install-check.sh

deps-man:
	@if ! command -v man >/dev/null 2>&1; then \
		echo "Installing man-db..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db >/dev/null; \
	fi

# Config/ is the source of the defaults built into the binary.
embed:
	scripts/embed-defaults.sh

test: deps bench-deps
	scripts/embed-defaults.sh --check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	LUNACM=$(DEBUG_BIN) BENCH_SMOKE=1 python3 scripts/bench.py

# What the benchmark compares against (softhsm2-util) and builds its fsync floor with (cc).
bench-deps:
	@if ! command -v softhsm2-util >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then \
		echo "Installing softhsm2 and gcc for the benchmark..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softhsm2 gcc >/dev/null; \
	fi

# Whole-process timings against the targets in README "Benchmarks" (scripts/bench.py); never asserted in tests.
bench: release bench-deps
	python3 scripts/bench.py

# --- PKCS#11 library (issue 15): real clients and the signing benchmark. ---
# OpenSC's pkcs11-tool, SoftHSM2 (the benchmark's reference) and python-pkcs11 from PyPI.
pkcs11-deps:
	@if ! command -v pkcs11-tool >/dev/null 2>&1 || ! command -v softhsm2-util >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then \
		echo "Installing opensc, softhsm2 and gcc..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq opensc softhsm2 gcc >/dev/null; \
	fi
	@python3 -c "import pkcs11" 2>/dev/null || python3 -m pip install -q python-pkcs11

# pkcs11-tool and python-pkcs11 against the debug module (a few seconds).
pkcs11-test: deps pkcs11-deps
	$(SWIFT) build --product lunacm
	$(SWIFT) build --product lunasim-pkcs11
	scripts/pkcs11/clients.sh .build/debug/liblunasim-pkcs11.so $(DEBUG_BIN)

# ECDSA P-256 signatures per second: lunasim's physical and HA slots next to SoftHSM2.
pkcs11-bench: release pkcs11-deps
	scripts/pkcs11/bench.sh .build/release/liblunasim-pkcs11.so .build/release/lunacm

bench: pkcs11-bench

clean:
	rm -rf .build

# --- Reliability (docs/reliability.md): crash test, fuzzing, stress. docs/reliability.md explains each. ---
ITERATIONS ?= 200
SMOKE_ITERATIONS ?= 20
FUZZ_RUNS ?= 10000000
SMOKE_FUZZ_RUNS ?= 2000
FUZZ_TARGETS := FuzzCommandLine FuzzConf FuzzConfEdit
# make test smokes the two harnesses that build from ChrystokiConf alone (about a minute);
# FuzzCommandLine rebuilds GRDB and swift-crypto instrumented (10+ min on 2 cores): make fuzz.
FUZZ_SMOKE_TARGETS ?= FuzzConf FuzzConfEdit
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
FUZZ_BUILD := $(SWIFT) build --package-path Fuzz -c debug $(FUZZ_FLAGS)
# make fuzz runs optimised harnesses: about 4.5 times the inputs per second of a debug build
# (measured on FuzzConf and FuzzConfEdit); preconditions, the harnesses' oracles, stay on in -O.
FUZZ_CONFIG ?= release

.PHONY: deps-reliability crashtest crashtest-smoke fuzz fuzz-build fuzz-one fuzz-smoke stress reliability-smoke

# The sqlite3 CLI (integrity checks) and tmux (a pty for the masked-prompt test).
deps-reliability:
	@if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1; then \
		echo "Installing sqlite3 and tmux..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 tmux >/dev/null; \
	fi

# kill -9 a long batch at random moments; every state must be a whole-command state.
crashtest: build deps-reliability
	ITERATIONS=$(ITERATIONS) scripts/crashtest.sh

crashtest-smoke: build deps-reliability
	ITERATIONS=$(SMOKE_ITERATIONS) scripts/crashtest.sh

fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -c $(FUZZ_CONFIG) $(FUZZ_FLAGS)

# Each harness for FUZZ_RUNS inputs (10 million, issue 16; about 15-30 min each on a free core).
# The working corpus is kept in Fuzz/.build/corpus and resumed; inputs that add coverage are merged
# into the committed seeds in Fuzz/corpus; crashes go to Fuzz/.build/crashes (Fuzz/run.sh).
fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do FUZZ_CONFIG=$(FUZZ_CONFIG) Fuzz/run.sh $$target $(FUZZ_RUNS) || exit 1; done

# One harness: make fuzz-one TARGET=FuzzConf (after make fuzz-build), e.g. to run them in parallel.
fuzz-one:
	FUZZ_CONFIG=$(FUZZ_CONFIG) Fuzz/run.sh $(TARGET) $(FUZZ_RUNS)

fuzz-smoke: deps
	@for target in $(FUZZ_SMOKE_TARGETS); do $(FUZZ_BUILD) --product $$target || exit 1; done
	@for target in $(FUZZ_SMOKE_TARGETS); do \
		mkdir -p Fuzz/.build/corpus/$$target Fuzz/.build/crashes; \
		echo "== $$target smoke ($(SMOKE_FUZZ_RUNS) runs)"; \
		if ! SWIFT_BACKTRACE=enable=no Fuzz/.build/debug/$$target Fuzz/.build/corpus/$$target Fuzz/corpus/$$target -runs=$(SMOKE_FUZZ_RUNS) \
			-seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=Fuzz/.build/crashes/$$target- > Fuzz/.build/$$target-smoke.log 2>&1; then \
			tail -n 40 Fuzz/.build/$$target-smoke.log; exit 1; \
		fi; \
		grep -E '^(stat::number_of_executed_units|Done)' Fuzz/.build/$$target-smoke.log; \
	done

# The long concurrency run: the 8 x 50 test repeated.
stress: build deps-reliability
	$(SWIFT) build --build-tests
	for i in 1 2 3 4 5; do $(SWIFT) test --skip-build --filter ConcurrencyTests || exit 1; done

reliability-smoke: build deps-reliability crashtest-smoke fuzz-smoke

# `make test` runs the smoke versions first (their prerequisites build what they need), the
# install check, which needs the release build, and the PKCS#11 clients.
test: reliability-smoke install-check pkcs11-test
