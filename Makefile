# lunacm-sim. `make run` starts the simulator, `make test` runs every test.
SWIFT ?= swift
ARGS ?=
DEBUG_BIN := .build/debug/lunacm
# Static Swift runtime and a non-PIE executable: start-up is the cost CI pays thousands of times
# (without PIE the loader has no 94,000 relocations to apply; measured in scripts/bench.py).
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker -no-pie

.PHONY: all deps build release run test embed bench bench-deps clean

all: build

# libedit-dev and libsqlite3-dev are the two system libraries the package links; a fresh machine
# may lack them (and pkg-config itself).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libedit sqlite3; then \
		echo "Installing libedit-dev, libsqlite3-dev and pkg-config..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libedit-dev libsqlite3-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build --product lunacm
	$(SWIFT) build --product configurator

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product lunacm
	$(SWIFT) build $(RELEASE_FLAGS) --product configurator

run: build
	@$(DEBUG_BIN) $(ARGS)

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

# Whole-process timings against the targets of issue 8 (scripts/bench.py); never asserted in tests.
bench: release bench-deps
	python3 scripts/bench.py

clean:
	rm -rf .build
