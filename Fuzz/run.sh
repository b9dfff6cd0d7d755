#!/usr/bin/env bash
# Runs one libFuzzer harness for RUNS inputs (issue 16: 10 million per harness), then keeps what
# it learned: the working corpus stays in Fuzz/.build/corpus/<harness> (resumed by the next run),
# and the inputs that add coverage are merged into the committed seeds, Fuzz/corpus/<harness>
# (libFuzzer's -merge=1 adds only inputs that reach new coverage, so it stays small).
# A crash exits 1 and leaves the input in Fuzz/.build/crashes/<harness>-crash-*; turn it into a
# regression test and a seed. The last lines printed are the run's statistics.
#
# Usage: Fuzz/run.sh HARNESS [RUNS]    (from the repository root, after `make fuzz-build`)
# Env:   FUZZ_CONFIG (release, the default, or debug: the build to run), FUZZ_SEED
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh HARNESS [RUNS]}
runs=${2:-10000000}
binary=Fuzz/.build/${FUZZ_CONFIG:-release}/$target
[[ -x $binary ]] || { echo "fuzz: $binary not built (make fuzz-build)" >&2; exit 2; }
mkdir -p "Fuzz/.build/corpus/$target" Fuzz/.build/crashes "Fuzz/corpus/$target"
log=Fuzz/.build/$target.log
echo "== $target: $runs inputs (log in $log)"
status=0
SWIFT_BACKTRACE=enable=no "$binary" "Fuzz/.build/corpus/$target" "Fuzz/corpus/$target" \
    -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -seed="${FUZZ_SEED:-0}" \
    -artifact_prefix="Fuzz/.build/crashes/$target-" > "$log" 2>&1 || status=$?
if ((status != 0)); then
    tail -n 40 "$log" >&2
    echo "fuzz: $target failed (status $status); the input is in Fuzz/.build/crashes/" >&2
    exit 1
fi
before=$(ls "Fuzz/corpus/$target" | wc -l)
SWIFT_BACKTRACE=enable=no "$binary" -merge=1 "Fuzz/corpus/$target" "Fuzz/.build/corpus/$target" \
    > "Fuzz/.build/$target-merge.log" 2>&1 || { tail -n 20 "Fuzz/.build/$target-merge.log" >&2; exit 1; }
after=$(ls "Fuzz/corpus/$target" | wc -l)
grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb|Done)' "$log"
echo "$target: 0 crashes; committed seeds $before -> $after ($(du -sk "Fuzz/corpus/$target" | cut -f1) KB)"
