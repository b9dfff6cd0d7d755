"""Failover under a real client (issue 15, Done when): python-pkcs11 (PyPI) signs continuously
through the HA virtual slot in two threads while another process, lunacm, takes a member's HSM
down and later brings it back (with the clock advanced past the recovery interval).

Usage: failover.py MODULE LUNACM GROUP_LABEL PIN MEMBER_SERIAL HA_LOG_DIRECTORY
The group must have auto-recovery on (hagroup retry) and the HA log enabled in HA_LOG_DIRECTORY.
Prints the operations, the failed ones and the failovers (members the library found down and
failed over from, as the HA log records them); exits 1 if any operation failed, if no failover
happened, or if the member did not come back.
"""
import os
import subprocess
import sys
import threading
import time

import pkcs11
from pkcs11 import KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import encode_named_curve_parameters


def lunacm(binary, command):
    subprocess.run([binary, "-c", command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def main():
    module, binary, label, pin, member, log_directory = sys.argv[1:7]
    token = pkcs11.lib(module).get_token(token_label=label)
    failures = []
    counts = [0, 0]
    stop = threading.Event()
    with token.open(user_pin=pin, rw=True) as session:
        parameters = session.create_domain_parameters(
            KeyType.EC, {pkcs11.Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        key_label = "failover-%d" % os.getpid()
        public, private = parameters.generate_keypair(store=True, label=key_label)

        def worker(index):
            try:
                with token.open() as own:
                    key = own.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key_label)
                    verifier = own.get_key(object_class=ObjectClass.PUBLIC_KEY, label=key_label)
                    n = 0
                    while not stop.is_set():
                        data = b"thread %d message %d" % (index, n)
                        try:
                            signature = key.sign(data, mechanism=Mechanism.ECDSA_SHA256)
                            if not verifier.verify(data, signature, mechanism=Mechanism.ECDSA_SHA256):
                                failures.append("bad signature")
                        except Exception as error:  # counted; the thread keeps signing
                            failures.append(repr(error))
                        n += 1
                        counts[index] = n
            except Exception as error:
                failures.append(repr(error))

        workers = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
        for thread in workers:
            thread.start()
        time.sleep(0.5)
        lunacm(binary, "simulator hsmDown -serial %s" % member)
        time.sleep(1.0)
        lunacm(binary, "simulator hsmUp -serial %s" % member)
        lunacm(binary, "simulator advanceClock -seconds 61")
        time.sleep(1.0)
        stop.set()
        for thread in workers:
            thread.join()
        private.destroy()
        public.destroy()
    log_path = os.path.join(log_directory, "haErrorLog.txt")
    lines = open(log_path).read().splitlines() if os.path.exists(log_path) else []
    failovers = sum(1 for line in lines if member in line and "found down" in line)
    recovered = any(member in line and "recovered" in line for line in lines)
    total = sum(counts)
    print("%s: %d signatures in 2 threads, %d failed operations, %d failovers, member %s %s"
          % (label, total, len(failures), failovers, member, "recovered" if recovered else "NOT recovered"))
    for failure in failures[:5]:
        print("  " + failure)
    return 1 if failures or failovers == 0 or not recovered or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
