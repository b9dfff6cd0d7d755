#!/usr/bin/env bash
# ECDSA P-256 C_Sign per second through one C harness (p11bench.c), one thread and two, on
# lunasim's physical slot, its HA slot and SoftHSM2 in the same run, then the whole-process time
# of `pkcs11-tool --list-slots` for both modules (issue 15, Deliver 6). Figures only; no target
# is asserted. Usage: scripts/pkcs11/bench.sh LIBRARY LUNACM [SECONDS]
set -eu
LIB=$(readlink -f "$1")
LUNACM=$(readlink -f "$2")
SECONDS_PER_RUN=${3:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SOFTHSM=$(ls /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so 2>/dev/null | head -n 1)

cc -O2 -I/usr/include/p11-kit-1 -o "$WORK/p11bench" "$HERE/p11bench.c" -ldl -lpthread

export LUNASIM_HOME="$WORK/home"
echo copy | "$LUNACM" -c hagroup createGroup -label ha1 -serialNumber 154438865287 -password userpin1 >/dev/null
echo copy | "$LUNACM" -c hagroup addMember -group ha1 -serialNumber 1238700701509 -password userpin1 >/dev/null
mkdir -p "$WORK/softhsm"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/softhsm" >"$WORK/softhsm2.conf"
export SOFTHSM2_CONF="$WORK/softhsm2.conf"
softhsm2-util --init-token --free --label bench --pin userpin1 --so-pin sopin1234 >/dev/null

printf '%-28s %14s %14s\n' "ECDSA P-256 C_Sign/s" "1 thread" "2 threads"
row() { read -r one two < <("$WORK/p11bench" "$2" "$3" userpin1 "$SECONDS_PER_RUN"); printf '%-28s %14s %14s\n' "$1" "$one" "$two"; }
row "lunasim physical (par0)" "$LIB" par0
row "lunasim HA slot (ha1)" "$LIB" ha1
row "SoftHSM2" "$SOFTHSM" bench

# Whole-process time of pkcs11-tool --list-slots: the median of 21 runs.
list_slots() {
    python3 - "$1" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(21):
    start = time.perf_counter()
    subprocess.run(["pkcs11-tool", "--module", sys.argv[1], "--list-slots"], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
print("%.1f ms" % statistics.median(times))
PY
}
printf '%-28s %14s\n' "pkcs11-tool --list-slots" "median"
printf '%-28s %14s\n' "lunasim" "$(list_slots "$LIB")"
printf '%-28s %14s\n' "SoftHSM2" "$(list_slots "$SOFTHSM")"
