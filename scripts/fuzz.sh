#!/usr/bin/env bash
# `make fuzz`: the libFuzzer targets of fuzz/ (one per parser of untrusted bytes), built with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in build/fuzz, each run for a fixed time from its
# seed corpus fuzz/corpus/<name>/. Not part of `make test`.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   names to run, e.g. "stay_csv delta_xml" (default: every folder of fuzz/corpus)
#
# Inputs that reach new code are kept in build/fuzz/corpus/<name>/ and reused by the next run. A
# crash, leak, undefined behaviour or failed check stops its target, is saved in
# build/fuzz/artifacts/<name>/, and fails the run once every target has run. Replay one with
# build/fuzz/fuzz/fuzz_<name> <file>; keep it as a test (tests/data/fuzz-regressions/<name>/).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NUITEE_ROOT"

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
[[ "$FUZZ_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "FUZZ_SECONDS must be a whole number of seconds"

# Debian 12's default clang (14) cannot compile libstdc++ 12's std::expected: take 16 or later.
fuzz_compiler() {
	local version
	for version in 19 18 17 16; do
		if command -v "clang++-$version" >/dev/null 2>&1; then
			command -v "clang++-$version"
			return 0
		fi
	done
	return 1
}

"$NUITEE_ROOT/scripts/install-deps.sh" --fuzz
compiler="$(fuzz_compiler)" || die "no clang++ 16 or later found after scripts/install-deps.sh --fuzz"

cmake_configure build/fuzz -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DNUITEE_FUZZ=ON -DNUITEE_TESTS=OFF -DNUITEE_BENCH=OFF
cmake_build build/fuzz --target fuzz_targets

read -r -a targets <<<"${FUZZ_TARGETS:-$(find fuzz/corpus -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')}"
failed=()
for name in "${targets[@]}"; do
	binary="build/fuzz/fuzz/fuzz_$name"
	[[ -x "$binary" && -d "fuzz/corpus/$name" ]] || die "unknown fuzz target: $name"
	mkdir -p "build/fuzz/corpus/$name" "build/fuzz/artifacts/$name"
	log="build/fuzz/artifacts/$name/last-run.log"
	info "fuzz $name for $FUZZ_SECONDS s (log: $log)"
	# -timeout: one input taking 10 s is a hang; -rss_limit_mb: the machine is shared.
	if "$binary" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name/" \
		"build/fuzz/corpus/$name" "fuzz/corpus/$name" >"$log" 2>&1; then
		info "  $(grep -m1 -E '^Done [0-9]+ runs' "$log" || echo "finished"), $(awk '/new_units_added/ { print $2 }' "$log") new inputs"
	else
		failed+=("$name")
		grep -E -m5 'SUMMARY|fuzz check failed|runtime error|Test unit written' "$log" >&2 || tail -n 20 "$log" >&2
	fi
done

((${#failed[@]} == 0)) || die "fuzzing found problems in: ${failed[*]} (inputs in build/fuzz/artifacts/)"
info "fuzzing: ${#targets[@]} targets, $FUZZ_SECONDS s each, nothing found"
