#!/usr/bin/env bash
# Crash test (issue #7, item 2): kill -9 a long batch of mutations at random moments and check,
# after every kill, that
#   - state.db passes `PRAGMA integrity_check`,
#   - Chrystoki.conf on disk parses (configurator reads the file itself, before any recovery),
#   - the next lunacm (which completes or discards what the kill left) runs and reads the conf,
#   - the (state, conf) pair equals the pair before or after some whole command of the batch,
#     never a mix of two commands.
# The pairs are recorded first by running the same deterministic batch command by command,
# without kills (same fleet, LUNASIM_SEED, LUNASIM_CLOCK). The batch mixes commands that change
# both the database and the conf in one transaction (addMember with `copy` clones objects and
# edits the member list; createGroup with `remove` deletes objects and adds a group).
#
# Usage: scripts/crashtest.sh            (ITERATIONS=200 by default; `make crashtest`)
#        ITERATIONS=20 scripts/crashtest.sh   (`make test` smoke)
# Env:   ITERATIONS, CYCLES (batch length, 6 commands each), SEED (the kill timings),
#        LUNACM, CONFIGURATOR (binaries; default .build/debug/...), KEEP=1 keeps the work dir.
set -euo pipefail

cd "$(dirname "$0")/.."
ITERATIONS=${ITERATIONS:-200}
CYCLES=${CYCLES:-12}
SEED=${SEED:-$(( $(date +%s) % 32768 ))}
LUNACM=$(realpath "${LUNACM:-.build/debug/lunacm}")
CONFIGURATOR=$(realpath "${CONFIGURATOR:-.build/debug/configurator}")
RANDOM=$SEED
PW=userpin1

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
export LUNASIM_SEED=0x5eed LUNASIM_CLOCK=1700000000
unset ChrystokiConfigurationPath LUNASIM_HOME
echo "crashtest: seed $SEED, $ITERATIONS kills, batch of $CYCLES cycles, work dir $WORK"

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

# fingerprint HOME: "<sha of the exported state> <sha of the conf>"
fingerprint() {
    local home=$1 export_file
    export_file=$(mktemp "$WORK/export.XXXXXX")
    "$LUNACM" --home "$home" --export "$export_file" >/dev/null 2>&1 || { echo "export-failed"; return; }
    echo "$(sha256sum < "$export_file" | cut -c1-64) $(sha256sum < "$home/Chrystoki.conf" | cut -c1-64)"
    rm -f "$export_file"
}

# 1. A template home, and the pairs before and after every command, without kills.
TEMPLATE=$WORK/template
"$LUNACM" --home "$TEMPLATE" -c slot list >/dev/null
sqlite3 "$TEMPLATE/state.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
REF=$WORK/reference
cp -a "$TEMPLATE" "$REF"
: > "$WORK/states.txt"
fingerprint "$REF" >> "$WORK/states.txt"
for index in "${!batch[@]}"; do
    if ! printf '%s\n' "${batch[$index]}" | "$LUNACM" --home "$REF" > "$WORK/ref-out.txt" 2>&1; then
        echo "crashtest: reference command $index failed: ${batch[$index]}" >&2
        cat "$WORK/ref-out.txt" >&2
        exit 1
    fi
    fingerprint "$REF" >> "$WORK/states.txt"
done
distinct=$(sort -u "$WORK/states.txt" | wc -l)
echo "crashtest: ${#batch[@]} commands, $distinct distinct (state, conf) pairs recorded"

# The whole batch in one process must end where the command-by-command run ended.
FULL=$WORK/full
cp -a "$TEMPLATE" "$FULL"
start_ns=$(date +%s%N)
"$LUNACM" --home "$FULL" < "$WORK/batch.txt" > "$WORK/full-out.txt" 2>&1 \
    || { echo "crashtest: the uninterrupted batch failed" >&2; cat "$WORK/full-out.txt" >&2; exit 1; }
batch_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
if [[ $(fingerprint "$FULL") != "$(tail -n1 "$WORK/states.txt")" ]]; then
    echo "crashtest: the batch run in one process does not end in the recorded final state" >&2
    exit 1
fi
echo "crashtest: the uninterrupted batch takes ${batch_ms} ms; killing within $((batch_ms + 50)) ms"

# 2. Kill it at random moments.
corrupt=0 mixed=0 unreadable=0 finished=0
declare -A landed=()
for ((iteration = 1; iteration <= ITERATIONS; iteration++)); do
    home=$WORK/home
    rm -rf "$home"
    cp -a "$TEMPLATE" "$home"
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % (batch_ms + 50) ))
    "$LUNACM" --home "$home" < "$WORK/batch.txt" > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then :; else finished=$((finished + 1)); fi
    wait "$pid" 2>/dev/null || true

    problem=""
    integrity=$(sqlite3 "$home/state.db" "PRAGMA integrity_check;" 2>&1 || true)
    if [[ $integrity != ok ]]; then
        problem="integrity_check: $integrity"; corrupt=$((corrupt + 1))
    elif ! "$CONFIGURATOR" getValue -s CardReader -e LunaG5Slots --home "$home" >/dev/null 2>&1; then
        problem="the conf on disk does not parse"; corrupt=$((corrupt + 1))
    elif ! "$LUNACM" --home "$home" -c slot list >/dev/null 2>&1; then
        problem="lunacm cannot read the state or the conf after the kill"; unreadable=$((unreadable + 1))
    else
        pair=$(fingerprint "$home")
        position=$(grep -nxF -- "$pair" "$WORK/states.txt" | head -n1 | cut -d: -f1 || true)
        if [[ -z $position ]]; then
            problem="(state, conf) is not the state before or after any whole command"; mixed=$((mixed + 1))
        else
            landed[$((position - 1))]=1
        fi
    fi
    if [[ -n $problem ]]; then
        keep=$WORK/failure-$iteration
        cp -a "$home" "$keep"
        echo "crashtest: iteration $iteration (kill after ${delay_ms} ms): $problem; home kept in $keep" >&2
        trap - EXIT
    fi
done

positions=$(printf '%s\n' "${!landed[@]}" | sort -n | tr '\n' ' ')
echo "crashtest: seed $SEED: $ITERATIONS kills ($finished after the batch had finished), corrupt states: $corrupt," \
     "mixed states: $mixed, unreadable: $unreadable"
echo "crashtest: kills landed after ${#landed[@]} distinct command counts (of $(( ${#batch[@]} + 1 ))): $positions"
(( corrupt == 0 && mixed == 0 && unreadable == 0 ))
