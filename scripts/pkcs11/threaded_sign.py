"""Multi-threaded signing through python-pkcs11 (PyPI), an unmodified client of the library.

Usage: threaded_sign.py MODULE TOKEN_LABEL PIN [THREADS] [SIGNATURES_PER_THREAD]
Makes an ECDSA P-256 token key pair, signs from several threads at once (one session each),
verifies every signature, removes the pair, and prints the counts; exits 1 on any failure.
"""
import os
import sys
import threading

import pkcs11
from pkcs11 import KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import encode_named_curve_parameters


def main():
    module, label, pin = sys.argv[1:4]
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    per_thread = int(sys.argv[5]) if len(sys.argv) > 5 else 200
    token = pkcs11.lib(module).get_token(token_label=label)
    failures = []
    with token.open(user_pin=pin, rw=True) as session:
        parameters = session.create_domain_parameters(
            KeyType.EC, {pkcs11.Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        # One label per process: an HA slot's keys also land on its members' own slots.
        handle_label = "threaded-sign-%d" % os.getpid()
        public, private = parameters.generate_keypair(store=True, label=handle_label)

        def worker(index):
            try:
                # The login is the application's (PKCS#11): these sessions share the first one's.
                with token.open() as own:
                    key = own.get_key(object_class=ObjectClass.PRIVATE_KEY, label=handle_label)
                    verifier = own.get_key(object_class=ObjectClass.PUBLIC_KEY, label=handle_label)
                    for n in range(per_thread):
                        data = b"thread %d message %d" % (index, n)
                        signature = key.sign(data, mechanism=Mechanism.ECDSA_SHA256)
                        if not verifier.verify(data, signature, mechanism=Mechanism.ECDSA_SHA256):
                            failures.append("bad signature")
            except Exception as error:  # every failure is counted, none is fatal to the others
                failures.append(repr(error))

        workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()
        private.destroy()
        public.destroy()
    total = threads * per_thread
    print("%s: %d signatures in %d threads, %d failed operations" % (label, total, threads, len(failures)))
    for failure in failures[:5]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
