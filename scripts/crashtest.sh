#!/usr/bin/env bash
# Crash test (issues #7 and #16): kill -9 a long batch of mutations at spread-out moments and
# check, after every kill, that
#   - a COPY of the home passes `PRAGMA integrity_check` and its conf parses (configurator): the
#     sqlite3 CLI checkpoints and deletes the WAL when it closes, so it never touches the home;
#   - lunacm itself, started on the home exactly as the kill left it (WAL, staged conf and all),
#     recovers and shows a whole-command state: its canonical fingerprint (`--fingerprint-dump`,
#     every table and field plus the Chrystoki.conf bytes, docs/reliability.md) equals the one
#     before or after some whole command of the batch, never a mix of two;
#   - `lunacm -c slot list` then runs and the fingerprint stays the same.
# The states are recorded first by running the same deterministic batch command by command,
# without kills (same fleet, LUNASIM_SEED, LUNASIM_CLOCK). The batch mixes commands that change
# both the database and the conf in one transaction (addMember with `copy` clones objects and
# edits the member list; createGroup with `remove` deletes objects and adds a group).
#
# It fails, rather than passing vacuously, when
#   - any fingerprint cannot be taken (lunacm fails, or prints no canonical text);
#   - the reference run shows fewer than MIN_DISTINCT (10) distinct whole-command states;
#   - the kills did not spread: fewer than half landed mid-batch, fewer than MIN_STAGED left a
#     staged conf (killed inside a conf-changing command), or a quarter of the batch got none.
#
# Usage: scripts/crashtest.sh            (ITERATIONS=200 by default, at least 8; `make crashtest`)
#        ITERATIONS=20 scripts/crashtest.sh   (`make test` smoke)
# Env:   ITERATIONS, CYCLES (batch length, 6 commands each), SEED (the kill timings),
#        MIN_DISTINCT, MIN_STAGED, LUNACM, CONFIGURATOR (binaries; default .build/debug/...),
#        KEEP=1 keeps the work dir, VERBOSE=1 prints where each kill landed.
set -euo pipefail

cd "$(dirname "$0")/.."
ITERATIONS=${ITERATIONS:-200}
CYCLES=${CYCLES:-12}
SEED=${SEED:-$(( $(date +%s) % 32768 ))}
MIN_DISTINCT=${MIN_DISTINCT:-10}
MIN_STAGED=${MIN_STAGED:-1}
LUNACM=$(realpath "${LUNACM:-.build/debug/lunacm}")
CONFIGURATOR=$(realpath "${CONFIGURATOR:-.build/debug/configurator}")
RANDOM=$SEED
PW=userpin1
((ITERATIONS >= 8)) || { echo "crashtest: ITERATIONS must be at least 8 (one per quarter of the batch and more)" >&2; exit 2; }
HEADER="lunasim-state-fingerprint 1"

for tool in "$LUNACM" "$CONFIGURATOR"; do
    [[ -x $tool ]] || { echo "crashtest: $tool not built (run make build)" >&2; exit 2; }
done
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "crashtest: installing the sqlite3 CLI..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null) \
        || { echo "crashtest: the sqlite3 CLI is required" >&2; exit 2; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lunasim-crashtest.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/dumps"
export LUNASIM_SEED=0x5eed LUNASIM_CLOCK=1700000000
unset ChrystokiConfigurationPath LUNASIM_HOME
echo "crashtest: seed $SEED, $ITERATIONS kills, batch of $CYCLES cycles, work dir $WORK"

fail() {
    echo "crashtest: FAIL: $*" >&2
    trap - EXIT
    echo "crashtest: work dir kept in $WORK" >&2
    exit 1
}

# The batch: one command per element; an answer to a prompt follows its command on the next
# line of stdin, so each element is "command" or "command<newline>answer".
batch=()
for ((k = 1; k <= CYCLES; k++)); do
    if ((k == 1)); then   # par0 starts empty: no objects question
        batch+=("hagroup createGroup -label G$k -slot 0 -password $PW")
    else                  # par0 holds the objects copied last cycle: remove them (DB + conf)
        batch+=("hagroup createGroup -label G$k -slot 0 -password $PW"$'\n'"remove")
    fi
    batch+=("hagroup addMember -group G$k -slot 1 -password $PW"$'\n'"copy")   # clones objects + members list
    batch+=("hagroup retry -count $k")                                          # conf only
    batch+=("hagroup synchronize -group G$k -disable")                          # conf only
    batch+=("hagroup removeMember -group G$k -slot 1")                          # conf (+ state)
    batch+=("hagroup deleteGroup -label G$k")                                   # conf
done
printf '%s\n' "${batch[@]}" > "$WORK/batch.txt"
N=${#batch[@]}

# fingerprint HOME: prints the SHA-256 of lunacm's canonical state text and keeps the text in
# $WORK/dumps/<sha>. Returns 1 (with the reason on stderr) when no fingerprint could be taken:
# callers treat that as a failure of the test, never as a state.
fingerprint() {
    local home=$1 dump status=0 sha
    dump=$(mktemp "$WORK/dump.XXXXXX")
    "$LUNACM" --home "$home" --fingerprint-dump > "$dump" 2> "$dump.err" || status=$?
    if ((status != 0)); then
        echo "lunacm --fingerprint-dump exited $status: $(head -c 400 "$dump.err")" >&2; return 1
    fi
    if [[ $(head -n1 "$dump") != "$HEADER" ]] || ! grep -q '^row ' "$dump" || ! grep -q '^conf ' "$dump"; then
        echo "lunacm --fingerprint-dump printed no canonical state text ($(wc -c < "$dump") bytes)" >&2; return 1
    fi
    sha=$(sha256sum < "$dump" | cut -c1-64)
    mv "$dump" "$WORK/dumps/$sha"
    rm -f "$dump.err"
    echo "$sha"
}

# 1. A template home, and the states before and after every command, without kills.
TEMPLATE=$WORK/template
"$LUNACM" --home "$TEMPLATE" -c slot list >/dev/null
sqlite3 "$TEMPLATE/state.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
REF=$WORK/reference
cp -a "$TEMPLATE" "$REF"
: > "$WORK/states.txt"
state=$(fingerprint "$REF") || fail "cannot fingerprint the template home"
echo "$state" >> "$WORK/states.txt"
for index in "${!batch[@]}"; do
    if ! printf '%s\n' "${batch[$index]}" | "$LUNACM" --home "$REF" > "$WORK/ref-out.txt" 2>&1; then
        cat "$WORK/ref-out.txt" >&2
        fail "reference command $index failed: ${batch[$index]}"
    fi
    state=$(fingerprint "$REF") || fail "cannot fingerprint the reference home after command $index"
    echo "$state" >> "$WORK/states.txt"
done
distinct=$(sort -u "$WORK/states.txt" | wc -l)
echo "crashtest: $N commands, $distinct distinct whole-command states recorded"
((distinct >= MIN_DISTINCT)) || fail "only $distinct distinct whole-command states (need $MIN_DISTINCT): the fingerprint sees too little"

# The whole batch in one process must end where the command-by-command run ended. It runs twice;
# the faster run sets the time a command takes, which the kills below use.
batch_ms=0
for run in 1 2; do
    FULL=$WORK/full-$run
    cp -a "$TEMPLATE" "$FULL"
    start_ns=$(date +%s%N)
    "$LUNACM" --home "$FULL" < "$WORK/batch.txt" > "$WORK/full-out.txt" 2>&1 \
        || { cat "$WORK/full-out.txt" >&2; fail "the uninterrupted batch failed"; }
    elapsed=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    results=$(grep -c '^Command Result' "$WORK/full-out.txt" || true)
    ((results == N)) || fail "the uninterrupted batch printed $results result lines for $N commands"
    if ((run == 1 || elapsed < batch_ms)); then batch_ms=$elapsed; fi
    state=$(fingerprint "$FULL") || fail "cannot fingerprint the home of the uninterrupted batch"
    [[ $state == "$(tail -n1 "$WORK/states.txt")" ]] \
        || fail "the batch run in one process does not end in the recorded final state"
done
per_command_us=$((batch_ms * 1000 / N))
echo "crashtest: the uninterrupted batch takes ${batch_ms} ms (${per_command_us} us a command)"

# 2. Kill it. Kill i aims at command k_i, the targets stratified over the batch (k_i in the i-th of
# ITERATIONS equal slices of 0..N-1, at random within it): the script waits until the batch has
# printed k_i results (lunacm flushes after every command), then sleeps a random part of one
# command's time and kills, so the kill lands inside command k_i + 1 or soon after.
corrupt=0 mixed=0 unreadable=0 finished=0 midbatch=0 staged=0 committed_pending=0 failures=0
declare -A landed=()
quarters=(0 0 0 0)
FIFO=$WORK/output.fifo
mkfifo "$FIFO" "$WORK/sleep.fifo"
exec {sleeper}<> "$WORK/sleep.fifo"
for ((iteration = 1; iteration <= ITERATIONS; iteration++)); do
    home=$WORK/home
    rm -rf "$home"
    cp -a "$TEMPLATE" "$home"
    target=$(( ((iteration - 1) * N + (RANDOM * 32768 + RANDOM) % N) / ITERATIONS ))
    delay_us=$(( (RANDOM * 32768 + RANDOM) % (per_command_us + 1) ))
    # Its output goes through a FIFO the script reads with the read builtin: blocking reads, no
    # polling, so the watcher takes no CPU from the batch. The read end stays open until after the
    # kill (closing it earlier would end lunacm with SIGPIPE instead).
    # nice: when a result arrives, the watcher gets the CPU before the batch runs on.
    nice -n 5 "$LUNACM" --home "$home" < "$WORK/batch.txt" > "$FIFO" 2>/dev/null &
    pid=$!
    exec {watch}< "$FIFO"
    seen=0
    while ((seen < target)) && IFS= read -r line <&"$watch"; do
        if [[ $line == "Command Result"* ]]; then seen=$((seen + 1)); fi
    done
    # A sleep without a fork (a fork under load can take longer than a command): read with a
    # timeout on a FIFO nobody writes to.
    read -r -t "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))" -u "$sleeper" _ || true
    if kill -9 "$pid" 2>/dev/null; then :; else finished=$((finished + 1)); fi
    wait "$pid" 2>/dev/null || true
    exec {watch}<&-
    kill_point="after $target results + $((delay_us / 1000)) ms"

    # What the kill left, before anything opens the home.
    left_staged=0
    if compgen -G "$home/.Chrystoki.conf.lunasim-*.pending" >/dev/null; then left_staged=1; staged=$((staged + 1)); fi
    copy=$WORK/copy
    rm -rf "$copy"
    cp -a "$home" "$copy"

    problem=""
    integrity=$(sqlite3 "$copy/state.db" "PRAGMA integrity_check;" 2>&1 || true)
    if [[ $integrity != ok ]]; then
        problem="integrity_check: $integrity"; corrupt=$((corrupt + 1))
    elif ! "$CONFIGURATOR" getValue -s CardReader -e LunaG5Slots --home "$copy" >/dev/null 2>&1; then
        problem="the conf on disk does not parse"; corrupt=$((corrupt + 1))
    else
        if ((left_staged)) && [[ $(sqlite3 "$copy/state.db" "SELECT count(*) FROM meta WHERE key = 'confPending';") == 1 ]]; then
            committed_pending=$((committed_pending + 1))
        fi
        # lunacm's first start on the home as the kill left it.
        state=$(fingerprint "$home") || fail "iteration $iteration (kill $kill_point): cannot fingerprint the home the kill left"
        position=$(grep -nxF -- "$state" "$WORK/states.txt" | head -n1 | cut -d: -f1 || true)
        if [[ -z $position ]]; then
            problem="the state is not the state before or after any whole command (dump $WORK/dumps/$state)"
            mixed=$((mixed + 1))
        elif ! "$LUNACM" --home "$home" -c slot list >/dev/null 2>&1; then
            problem="lunacm cannot run a command after the kill"; unreadable=$((unreadable + 1))
        else
            again=$(fingerprint "$home") || fail "iteration $iteration: cannot fingerprint the home after slot list"
            if [[ $again != "$state" ]]; then
                problem="the state changed after the first start recovered it"; mixed=$((mixed + 1))
            fi
            count=$((position - 1))   # whole commands applied
            landed[$count]=1
            [[ -z ${VERBOSE:-} ]] || echo "crashtest: kill $iteration ($kill_point): $count commands applied, staged conf: $left_staged"
            if ((count > 0 && count < N)); then
                midbatch=$((midbatch + 1))
                quarters[$(( (count - 1) * 4 / (N - 1) ))]=$(( quarters[(count - 1) * 4 / (N - 1)] + 1 ))
            fi
        fi
    fi
    if [[ -n $problem ]]; then
        failures=$((failures + 1))
        keep=$WORK/failure-$iteration
        cp -a "$copy" "$keep"
        echo "crashtest: iteration $iteration (kill $kill_point): $problem; home as the kill left it kept in $keep" >&2
        trap - EXIT
    fi
done

positions=$(printf '%s\n' "${!landed[@]}" | sort -n | tr '\n' ' ')
echo "crashtest: seed $SEED: $ITERATIONS kills ($finished after the batch had finished), corrupt states: $corrupt," \
     "mixed states: $mixed, unreadable: $unreadable"
echo "crashtest: $midbatch kills landed mid-batch (quarters of the batch: ${quarters[*]}), $staged left a staged conf" \
     "($committed_pending of them committed, awaiting the rename)"
echo "crashtest: kills landed after ${#landed[@]} distinct command counts (of $((N + 1))): $positions"

((failures == 0)) || fail "$failures kills left a state that is not a whole-command state (see above)"
((midbatch * 2 >= ITERATIONS)) || fail "only $midbatch of $ITERATIONS kills landed mid-batch: the test checked too little"
((staged >= MIN_STAGED)) || fail "only $staged kills left a staged conf (need $MIN_STAGED): none landed inside a conf change"
for q in 0 1 2 3; do
    ((quarters[q] > 0)) || fail "no kill landed in quarter $((q + 1)) of the batch: the kills did not spread"
done
echo "crashtest: PASS"
