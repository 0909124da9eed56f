# Nuitée: each target runs a script from scripts/ (see docs/operations.md).
.DEFAULT_GOAL := help
SHELL := /bin/bash

# Extra ctest arguments for `make test`, e.g. make test ARGS='-L unit'
ARGS ?=

# Seconds each fuzz target runs for `make fuzz`, e.g. make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60

.PHONY: help demo test bench fuzz build clean

help: ## list the targets
	@echo "Nuitée — make targets:"
	@grep -E '^[a-z]+:.*## ' $(firstword $(MAKEFILE_LIST)) | sed 's/:.*## /\t/' | awk -F'\t' '{ printf "  make %-6s %s\n", $$1, $$2 }'

demo: ## build (Release), start PostgreSQL in var/pgdata, migrate, seed, serve on 127.0.0.1:8080 (NUITEE_PORT)
	@scripts/demo.sh

test: ## Debug + ASan/UBSan build, throwaway PostgreSQL, ctest (ARGS='-L unit' passes options to ctest)
	@scripts/test.sh $(ARGS)

bench: ## Release build with benchmarks, PostgreSQL in var/bench-pgdata, run bench_* and bench/*.sh
	@scripts/bench.sh

fuzz: ## clang libFuzzer + ASan/UBSan build in build/fuzz, run each parser's target FUZZ_SECONDS (60)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

build: ## Release build of everything into build/release
	@scripts/demo.sh --build-only

clean: ## remove build/ (the databases in var/ are kept)
	rm -rf build
