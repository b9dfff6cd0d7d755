"""The library's coverage through python-pkcs11 (PyPI), an unmodified client: each mechanism the
README lists, the sensitive-key rules, session objects, and the refusals an application must get
instead of a crash. Usage: functional.py MODULE TOKEN_LABEL PIN; exits 1 on any failed check."""
import hashlib
import sys

import pkcs11
from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass, MGF
from pkcs11.exceptions import (AttributeSensitive, FunctionNotSupported, MechanismInvalid,
                               KeyHandleInvalid, NoSuchKey, SignatureInvalid, PinIncorrect)
from pkcs11.mechanisms import GCMParams
from pkcs11.util.ec import encode_named_curve_parameters

failures = 0


def check(what, condition):
    global failures
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures += 1


def raises(what, error, body):
    try:
        body()
    except error:
        check(what, True)
        return
    except Exception as other:  # the wrong error is a failure, not a crash of the test
        check("%s (got %r)" % (what, other), False)
        return
    check("%s (no error)" % what, False)


def main():
    module, label, pin = sys.argv[1:4]
    lib = pkcs11.lib(module)
    token = lib.get_token(token_label=label)
    mechanisms = set(token.slot.get_mechanisms())
    check("mechanism list has ECDSA, AES-GCM and AES key wrap",
          {Mechanism.ECDSA, Mechanism.AES_GCM, Mechanism.AES_KEY_WRAP} <= mechanisms)
    raises("a wrong PIN is CKR_PIN_INCORRECT", PinIncorrect, lambda: token.open(user_pin="wrong-pin-1"))
    with token.open(user_pin=pin, rw=True) as session:
        data = b"lunasim functional check"
        check("SHA-256 digest matches hashlib", session.digest(data, mechanism=Mechanism.SHA256) == hashlib.sha256(data).digest())
        check("random bytes have the asked length", len(session.generate_random(256)) == 32)

        aes = session.generate_key(KeyType.AES, 256, label="fn-aes", store=False,
                                   template={Attribute.EXTRACTABLE: True, Attribute.SENSITIVE: True})
        nonce = bytes(range(12))
        sealed = aes.encrypt(data, mechanism=Mechanism.AES_GCM, mechanism_param=GCMParams(nonce, b"aad"))
        check("AES-GCM round trip", aes.decrypt(sealed, mechanism=Mechanism.AES_GCM, mechanism_param=GCMParams(nonce, b"aad")) == data)
        iv = bytes(16)
        check("AES-CBC-PAD round trip",
              aes.decrypt(aes.encrypt(data, mechanism=Mechanism.AES_CBC_PAD, mechanism_param=iv),
                          mechanism=Mechanism.AES_CBC_PAD, mechanism_param=iv) == data)
        raises("a sensitive key's value is CKR_ATTRIBUTE_SENSITIVE", AttributeSensitive, lambda: aes[Attribute.VALUE])

        kek = session.generate_key(KeyType.AES, 128, label="fn-kek", store=False)
        wrapped = kek.wrap_key(aes, mechanism=Mechanism.AES_KEY_WRAP)
        check("AES key wrap gives 40 bytes for a 256-bit key", len(wrapped) == 40)
        unwrapped = kek.unwrap_key(ObjectClass.SECRET_KEY, KeyType.AES, wrapped, label="fn-unwrapped",
                                   mechanism=Mechanism.AES_KEY_WRAP, store=False)
        check("the unwrapped key decrypts what the original encrypted",
              unwrapped.decrypt(sealed, mechanism=Mechanism.AES_GCM, mechanism_param=GCMParams(nonce, b"aad")) == data)
        locked = session.generate_key(KeyType.AES, 256, label="fn-locked", store=False, template={Attribute.EXTRACTABLE: False})
        raises("a non-extractable key cannot be wrapped", pkcs11.exceptions.KeyUnextractable,
               lambda: kek.wrap_key(locked, mechanism=Mechanism.AES_KEY_WRAP))

        for curve, name in (("secp256r1", "P-256"), ("secp384r1", "P-384")):
            params = session.create_domain_parameters(KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters(curve)}, local=True)
            public, private = params.generate_keypair(store=False, label="fn-ec")
            signature = private.sign(data, mechanism=Mechanism.ECDSA_SHA256)
            check("ECDSA %s sign and verify" % name, public.verify(data, signature, mechanism=Mechanism.ECDSA_SHA256))
            check("ECDSA %s rejects a changed message" % name, not public.verify(data + b"!", signature, mechanism=Mechanism.ECDSA_SHA256))

        public, private = session.generate_keypair(KeyType.RSA, 2048, store=False, label="fn-rsa")
        signature = private.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS)
        check("RSA PKCS#1 v1.5 SHA-256 sign and verify", public.verify(data, signature, mechanism=Mechanism.SHA256_RSA_PKCS))
        pss = (Mechanism.SHA256, MGF.SHA256, 32)
        signature = private.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS_PSS, mechanism_param=pss)
        check("RSA PSS SHA-256 sign and verify",
              public.verify(data, signature, mechanism=Mechanism.SHA256_RSA_PKCS_PSS, mechanism_param=pss))
        check("the RSA public key shows its modulus", len(public[Attribute.MODULUS]) == 256)
        raises("RSA private key material is sensitive", AttributeSensitive, lambda: private[Attribute.PRIVATE_EXPONENT])

        raises("an unsupported mechanism is CKR_MECHANISM_INVALID", MechanismInvalid,
               lambda: aes.encrypt(data, mechanism=Mechanism.AES_ECB))
        raises("C_CopyObject is CKR_FUNCTION_NOT_SUPPORTED", FunctionNotSupported,
               lambda: aes.copy({Attribute.LABEL: "fn-copy"}))

        aes_token = session.generate_key(KeyType.AES, 128, label="fn-token-aes", store=True)
        check("a token key is found by label", session.get_key(label="fn-token-aes").label == "fn-token-aes")
        aes_token.destroy()
        raises("a destroyed key is gone", NoSuchKey, lambda: session.get_key(label="fn-token-aes"))
    with token.open(user_pin=pin) as session:
        raises("session keys end with their session", NoSuchKey, lambda: session.get_key(label="fn-aes"))
    print("%d failed checks" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
