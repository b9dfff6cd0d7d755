"""The failure codes an application meets through the library (README, "PKCS#11 library"),
seen through python-pkcs11 (PyPI) while lunacm injects faults from another process.

Usage: failure_codes.py MODULE LUNACM PIN
Needs a home where group ha1 has members par0 (154438865287) and par1 (1238700701509) and
nothing else, auto-recovery on (hagroup retry) and recovery mode activeBasic. Prints one line
per check and "N failed checks"; exits 1 if any failed.
"""
import subprocess
import sys

import pkcs11
from pkcs11 import KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import encode_named_curve_parameters

PAR0, PAR1 = "154438865287", "1238700701509"
failed = 0


def check(what, condition):
    global failed
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    failed += 0 if condition else 1


def outcome(operation):
    """'ok' or the python-pkcs11 exception's name (one per CKR_ code)."""
    try:
        operation()
        return "ok"
    except pkcs11.PKCS11Error as error:
        return type(error).__name__


def main():
    module, lunacm, pin = sys.argv[1:4]

    def cm(command):
        return subprocess.run([lunacm, "-c", command], capture_output=True, text=True, check=True).stdout

    def needs_sync():
        listing = subprocess.run([lunacm, "-c", "hagroup listgroups"], input=pin + "\n", capture_output=True, text=True).stdout
        return [line.split(":")[1].strip() for line in listing.splitlines() if "Needs sync" in line]

    lib = pkcs11.lib(module)

    def slots():
        return [(slot.slot_id, slot.get_token().label) for slot in lib.get_slots()]

    check("the slot list is applicationSlots: par0, par1, ha1 as 0, 1, 2",
          slots() == [(0, "par0"), (1, "par1"), (2, "ha1")])
    ha = lib.get_token(token_label="ha1").open(user_pin=pin, rw=True)
    parameters = ha.create_domain_parameters(
        KeyType.EC, {pkcs11.Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
    public, private = parameters.generate_keypair(store=True, label="failure-codes")
    physical = lib.get_token(token_label="par1").open(user_pin=pin)
    on_par1 = physical.get_key(object_class=ObjectClass.PRIVATE_KEY, label="failure-codes")

    def sign_ha():
        private.sign(b"data", mechanism=Mechanism.ECDSA_SHA256)

    def sign_par1():
        on_par1.sign(b"data", mechanism=Mechanism.ECDSA_SHA256)

    check("the HA slot's key signs on par1's own slot", outcome(sign_par1) == "ok")

    cm("simulator hsmDown -serial %s" % PAR1)
    check("par1's HSM down: its session's operation fails with CKR_DEVICE_REMOVED",
          outcome(sign_par1) == "DeviceRemoved")
    check("then the session is gone: CKR_SESSION_HANDLE_INVALID", outcome(sign_par1) == "SessionHandleInvalid")
    check("the HA slot fails over: four signatures, no error",
          all(outcome(sign_ha) == "ok" for _ in range(4)))
    check("the slot list drops par1 and keeps the IDs: par0 0, ha1 2", slots() == [(0, "par0"), (2, "ha1")])
    check("while a fresh application (applicationSlots) would see ha1 as slot 1",
          any(line.split()[:2] == ["1", "ha1"] for line in cm("simulator applicationSlots").splitlines()))
    made = ha.generate_key(KeyType.AES, 256, store=True, label="made-while-down")
    check("a key made through the HA slot meanwhile goes to par0 only: Needs sync yes", needs_sync() == ["yes"])
    check("listgroups shows par1 down", any(PAR1 in line and "down" in line
                                            for line in cm("hagroup listgroups").splitlines()))

    cm("simulator hsmDown -serial %s" % PAR0)
    check("every member down: CKR_DEVICE_REMOVED", outcome(sign_ha) == "DeviceRemoved")
    check("and again (nothing left to fail over to)", outcome(sign_ha) == "DeviceRemoved")

    cm("simulator hsmUp -serial %s" % PAR0)
    cm("simulator hsmUp -serial %s" % PAR1)
    check("HSMs up, clock not advanced: still CKR_DEVICE_REMOVED (recovery waits for the interval)",
          outcome(sign_ha) == "DeviceRemoved")
    cm("simulator advanceClock -seconds 61")
    check("recovered under activeBasic: CKR_USER_NOT_LOGGED_IN (the login ended)",
          outcome(sign_ha) == "UserNotLoggedIn")
    # Kept open: python-pkcs11 logs out when it closes a session it logged in.
    again = lib.get_token(token_label="ha1").open(user_pin=pin)
    result = outcome(sign_ha)
    check("after a new C_Login the same key handle signs again (%s)" % result, result == "ok")
    check("par1 recovered with the key it missed: Needs sync no", needs_sync() == ["no"])
    check("the slot list has par1 back under its old ID", slots() == [(0, "par0"), (1, "par1"), (2, "ha1")])
    private.destroy()
    public.destroy()
    made.destroy()
    again.close()
    print("%d failed checks" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
