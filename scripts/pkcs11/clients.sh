#!/usr/bin/env bash
# Real, unmodified PKCS#11 clients against liblunasim-pkcs11.so (issue 15, Deliver 5): OpenSC's
# pkcs11-tool on a physical slot and on an HA virtual slot, lunacm seeing what they made, and
# python-pkcs11 signing from two threads. Run by `make test`; exits 1 on the first failure.
# Usage: scripts/pkcs11/clients.sh LIBRARY LUNACM
set -u
LIB=$(readlink -f "$1")
LUNACM=$(readlink -f "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LUNASIM_HOME="$WORK/home"
PIN=userpin1
failures=0

check() { # description, then the command; its output is kept for the report
    local what=$1; shift
    if "$@" >"$WORK/out" 2>&1; then
        echo "ok   $what"
    else
        echo "FAIL $what"; sed 's/^/     /' "$WORK/out" | tail -n 15; failures=$((failures + 1))
    fi
}
expect() { # description, a pattern, then the command: passes when its output matches
    local what=$1 pattern=$2; shift 2
    "$@" >"$WORK/out" 2>&1
    if grep -qE -- "$pattern" "$WORK/out"; then
        echo "ok   $what"
    else
        echo "FAIL $what (no /$pattern/)"; sed 's/^/     /' "$WORK/out" | tail -n 15; failures=$((failures + 1))
    fi
}
tool() { pkcs11-tool --module "$LIB" "$@"; }
lunacm_slot() { printf 'slot set -slot %s\nrole login -name co -password %s\npartition contents\n' "$1" "$PIN" | "$LUNACM"; }

# C_Initialize and C_Finalize in each locking mode, from a plain C host.
cc -O2 -I/usr/include/p11-kit-1 -o "$WORK/p11init" "$HERE/p11init.c" -ldl -lpthread
expect "C_Initialize/C_Finalize: every locking mode (p11init.c)" "^0 failed checks" "$WORK/p11init" "$LIB"

# A plain C host with no Swift toolchain on its search path loads the module.
expect "loads with an empty environment" "Slot 0 .*Net Token Slot" env -i LUNASIM_HOME="$LUNASIM_HOME" LD_LIBRARY_PATH= pkcs11-tool --module "$LIB" --list-slots

echo copy | "$LUNACM" -c hagroup createGroup -label ha1 -serialNumber 154438865287 -password "$PIN" >/dev/null
echo copy | "$LUNACM" -c hagroup addMember -group ha1 -serialNumber 1238700701509 -password "$PIN" >/dev/null
expect "--list-slots shows the HA slot after the physical ones" "Slot 2 \(0x2\): HA Virtual Card Slot" tool --list-slots
expect "and lunacm's applicationSlots agrees" "2 +ha1 .*HA virtual" "$LUNACM" -c "simulator applicationSlots"

printf 'hello, lunasim\n' >"$WORK/data"
head -c 48 /dev/urandom >"$WORK/plain"
exercise() { # slot
    local slot=$1
    expect "slot $slot: --keygen AES:32" "Secret Key Object; AES length 32" tool --slot $slot --login --pin $PIN --keygen --key-type AES:32 --label "aes-s$slot" --id 0$slot
    expect "slot $slot: --keypairgen EC:prime256v1" "Public Key Object; EC" tool --slot $slot --login --pin $PIN --keypairgen --key-type EC:prime256v1 --label "ec-s$slot" --id 1$slot
    expect "slot $slot: --list-objects" "label: +ec-s$slot" tool --slot $slot --login --pin $PIN --list-objects
    check "slot $slot: --sign ECDSA-SHA256" tool --slot $slot --login --pin $PIN --sign --mechanism ECDSA-SHA256 --id 1$slot -i "$WORK/data" -o "$WORK/sig"
    expect "slot $slot: --verify" "Signature is valid" tool --slot $slot --verify --mechanism ECDSA-SHA256 --id 1$slot -i "$WORK/data" --signature-file "$WORK/sig"
    check "slot $slot: --encrypt AES-CBC-PAD" tool --slot $slot --login --pin $PIN --encrypt --mechanism AES-CBC-PAD --iv 000102030405060708090a0b0c0d0e0f --id 0$slot -i "$WORK/plain" -o "$WORK/cipher"
    check "slot $slot: --decrypt AES-CBC-PAD" tool --slot $slot --login --pin $PIN --decrypt --mechanism AES-CBC-PAD --iv 000102030405060708090a0b0c0d0e0f --id 0$slot -i "$WORK/cipher" -o "$WORK/clear"
    check "slot $slot: decrypted text is the plain text" cmp "$WORK/plain" "$WORK/clear"
    expect "slot $slot: --test" "^No errors" tool --slot $slot --login --pin $PIN --test
}
# The HA slot first: what it makes lands on both members, so the group needs no sync; a key made
# on one member's own slot then does make it need one.
exercise 2
expect "after the HA slot's keys, listgroups: Needs sync no" "Needs sync: +no" bash -c "echo $PIN | '$LUNACM' -c 'hagroup listgroups'"
exercise 0
expect "after a key on member par0 alone, listgroups: Needs sync yes" "Needs sync: +yes" bash -c "echo $PIN | '$LUNACM' -c 'hagroup listgroups'"

# What the library made, lunacm sees: the HA slot's key on both members.
expect "lunacm sees the physical slot's key" "Label: +ec-s0" lunacm_slot 0
expect "lunacm sees the HA slot's key on member 154438865287" "Label: +aes-s2" lunacm_slot 0
expect "lunacm sees the HA slot's key on member 1238700701509" "Label: +aes-s2" lunacm_slot 1
# And the reverse: an object lunacm made is an object of the slot.
printf 'slot set -slot 0\nrole login -name co -password %s\nsimulator createObject -keyType AES -label made-by-lunacm\n' "$PIN" | "$LUNACM" >/dev/null
expect "the library sees lunacm's object" "label: +made-by-lunacm" tool --slot 0 --login --pin $PIN --list-objects

# A wrong PIN is counted where lunacm counts it.
tool --slot 1 --login --pin wrongpin1 --list-objects >/dev/null 2>&1
expect "a wrong PIN fails with CKR_PIN_INCORRECT" "CKR_PIN_INCORRECT" tool --slot 1 --login --pin wrongpin1 --list-objects

for label in par0 ha1; do
    expect "python-pkcs11: every mechanism and refusal on $label" "^0 failed checks" python3 "$HERE/functional.py" "$LIB" $label $PIN
    expect "python-pkcs11: two threads sign on $label" ", 0 failed operations" python3 "$HERE/threaded_sign.py" "$LIB" $label $PIN 2 100
    cat "$WORK/out" | sed 's/^/     /'
done

# Two applications (two threads each) and lunacm writing to one home at once.
python3 "$HERE/threaded_sign.py" "$LIB" par0 $PIN 2 100 >"$WORK/app1" 2>&1 & app1=$!
python3 "$HERE/threaded_sign.py" "$LIB" ha1 $PIN 2 100 >"$WORK/app2" 2>&1 & app2=$!
for n in 1 2 3 4 5; do
    printf 'slot set -slot 1\nrole login -name co -password %s\nsimulator createObject -keyType AES -label busy-%s\n' "$PIN" $n | "$LUNACM" >/dev/null
done
wait $app1; wait $app2
expect "two applications and lunacm at once: the first signs without failures" ", 0 failed operations" cat "$WORK/app1"
expect "two applications and lunacm at once: the second signs without failures" ", 0 failed operations" cat "$WORK/app2"
# par1 holds its 3 fleet objects, the HA slot's 3 and lunacm's 5; the applications' pairs are gone.
expect "two applications and lunacm at once: every object is there" "Number of objects: +11" lunacm_slot 1

# HA Only: just the virtual slot, numbered from 0, holding what was made through slot 2.
"$LUNACM" -c "hagroup haonly -enable" >/dev/null
expect "HA Only lists the HA slot as slot 0" "^Slot 0 \(0x0\): HA Virtual Card Slot" tool --list-slots
check "HA Only hides the physical slots" bash -c "! pkcs11-tool --module '$LIB' --list-slots | grep -q 'Net Token Slot'"
expect "HA Only: slot 0 holds the HA slot's key" "label: +ec-s2" tool --slot 0 --login --pin $PIN --list-objects
"$LUNACM" -c "hagroup haonly -disable" >/dev/null

# Failover under a real client: two threads sign through the HA slot while lunacm takes member
# par1's HSM down and brings it back; auto-recovery on, the HA log counting the failovers.
mkdir -p "$WORK/halog"
"$LUNACM" -c "hagroup haLog -path $WORK/halog -maxLength 262144" >/dev/null
"$LUNACM" -c "hagroup haLog -enable" >/dev/null
"$LUNACM" -c "hagroup retry -count -1" >/dev/null
"$LUNACM" -c "hagroup recoveryMode -mode activeEnhanced" >/dev/null
expect "python-pkcs11: failover while lunacm takes a member down and up" ", 0 failed operations, [1-9][0-9]* failovers, member 1238700701509 recovered" \
    python3 "$HERE/failover.py" "$LIB" "$LUNACM" ha1 $PIN 1238700701509 "$WORK/halog"
sed 's/^/     /' "$WORK/out"
expect "after the failover, listgroups shows the member alive" "1238700701509 .*alive" bash -c "echo $PIN | '$LUNACM' -c 'hagroup listgroups'"

# kill -9 in the middle of signing: the key pair it had committed stays, and the home still works.
python3 "$HERE/threaded_sign.py" "$LIB" par0 $PIN 2 1000000 >/dev/null 2>&1 & victim=$!
for n in $(seq 100); do
    tool --slot 0 --login --pin $PIN --list-objects 2>/dev/null | grep -q "threaded-sign-$victim" && break
    sleep 0.1
done
kill -9 $victim; wait $victim 2>/dev/null
expect "after kill -9 mid-signing, the application's committed key pair is still there" "label: +threaded-sign-$victim" \
    tool --slot 0 --login --pin $PIN --list-objects
expect "and it still signs" "^signed$" python3 -c "
import pkcs11, sys
session = pkcs11.lib(sys.argv[1]).get_token(token_label='par0').open(user_pin=sys.argv[2])
key = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, label=sys.argv[3])
key.sign(b'after the kill', mechanism=pkcs11.Mechanism.ECDSA_SHA256)
print('signed')" "$LIB" $PIN "threaded-sign-$victim"
expect "and lunacm still works" "Command Result : No Error" lunacm_slot 0

# Last, as it locks par1 out: wrong PINs through the library and through lunacm count toward one
# lockout (partition policy 20, 10 attempts by default), which both then report.
for n in 1 2 3 4 5; do tool --slot 1 --login --pin wrongpin$n --list-objects >/dev/null 2>&1; done
for n in 6 7 8 9 10; do printf 'slot set -slot 1\nrole login -name co -password wrongpin%s\n' $n | "$LUNACM" >/dev/null; done
expect "after 5 wrong PINs in the library and 5 in lunacm, lunacm reports the lockout" "CKR_PIN_LOCKED" \
    bash -c "printf 'slot set -slot 1\nrole login -name co -password $PIN\n' | '$LUNACM'"
expect "and so does the library, with the right PIN" "CKR_PIN_LOCKED" tool --slot 1 --login --pin $PIN --list-objects
expect "and the token's flags say so" "token flags +:.*user PIN locked" tool --slot 1 --list-token-slots

# The failure codes an application meets (README), in a home of their own: a physical slot whose
# HSM goes down, the HA slot failing over, every member down, recovery under activeBasic.
(
    export LUNASIM_HOME="$WORK/codes"
    echo copy | "$LUNACM" -c hagroup createGroup -label ha1 -serialNumber 154438865287 -password "$PIN" >/dev/null
    echo copy | "$LUNACM" -c hagroup addMember -group ha1 -serialNumber 1238700701509 -password "$PIN" >/dev/null
    "$LUNACM" -c "hagroup retry -count -1" >/dev/null
    python3 "$HERE/failure_codes.py" "$LIB" "$LUNACM" $PIN
) >"$WORK/codes.out" 2>&1
expect "python-pkcs11: the documented failure codes" "^0 failed checks" cat "$WORK/codes.out"

if [ $failures -gt 0 ]; then echo "$failures PKCS#11 client check(s) failed"; exit 1; fi
echo "all PKCS#11 client checks passed"
