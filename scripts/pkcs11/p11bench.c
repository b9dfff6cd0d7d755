/* One harness for every PKCS#11 module (issue 15, Deliver 6): dlopen a module by path, find the
   token by label, log in, make an ECDSA P-256 token key pair, then count C_SignInit + C_Sign of
   a 32-byte hash for a fixed time in one thread and in two (one session each).
   Usage: p11bench MODULE TOKEN_LABEL PIN SECONDS */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST_PTR p11;
static CK_SLOT_ID slot;
static CK_OBJECT_HANDLE key;
static double seconds;

static void check(CK_RV rv, const char *what) {
    if (rv != CKR_OK) { fprintf(stderr, "%s failed: 0x%lx\n", what, rv); exit(1); }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *signer(void *out) {
    CK_SESSION_HANDLE session;
    check(p11->C_OpenSession(slot, CKF_SERIAL_SESSION, NULL, NULL, &session), "C_OpenSession");
    CK_MECHANISM mechanism = { CKM_ECDSA, NULL, 0 };
    unsigned char hash[32] = { 1, 2, 3 }, signature[64];
    long count = 0;
    double start = now();
    while (now() - start < seconds) {
        for (int i = 0; i < 50; i++) {
            CK_ULONG length = sizeof signature;
            check(p11->C_SignInit(session, &mechanism, key), "C_SignInit");
            check(p11->C_Sign(session, hash, sizeof hash, signature, &length), "C_Sign");
            count++;
        }
    }
    *(double *)out = count / (now() - start);
    p11->C_CloseSession(session);
    return NULL;
}

static double run(int threads) {
    pthread_t ids[2];
    double rates[2] = { 0, 0 }, total = 0;
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, signer, &rates[i]);
    for (int i = 0; i < threads; i++) { pthread_join(ids[i], NULL); total += rates[i]; }
    return total;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: p11bench MODULE TOKEN_LABEL PIN SECONDS\n"); return 2; }
    seconds = atof(argv[4]);
    void *module = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!module) { fprintf(stderr, "%s\n", dlerror()); return 1; }
    CK_C_GetFunctionList get = (CK_C_GetFunctionList)dlsym(module, "C_GetFunctionList");
    check(get(&p11), "C_GetFunctionList");
    CK_C_INITIALIZE_ARGS args = { NULL, NULL, NULL, NULL, CKF_OS_LOCKING_OK, NULL };
    check(p11->C_Initialize(&args), "C_Initialize");
    CK_SLOT_ID slots[64];
    CK_ULONG count = 64;
    check(p11->C_GetSlotList(CK_TRUE, slots, &count), "C_GetSlotList");
    int found = 0;
    for (CK_ULONG i = 0; i < count && !found; i++) {
        CK_TOKEN_INFO info;
        if (p11->C_GetTokenInfo(slots[i], &info) != CKR_OK) continue;
        char label[33];
        memcpy(label, info.label, 32);
        label[32] = 0;
        for (int j = 31; j >= 0 && label[j] == ' '; j--) label[j] = 0;
        if (strcmp(label, argv[2]) == 0) { slot = slots[i]; found = 1; }
    }
    if (!found) { fprintf(stderr, "no token labelled %s\n", argv[2]); return 1; }
    CK_SESSION_HANDLE session;
    check(p11->C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, NULL, NULL, &session), "C_OpenSession");
    check(p11->C_Login(session, CKU_USER, (CK_UTF8CHAR_PTR)argv[3], strlen(argv[3])), "C_Login");
    CK_BBOOL yes = CK_TRUE;
    CK_BYTE curve[] = { 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };
    CK_ATTRIBUTE publicTemplate[] = { { CKA_EC_PARAMS, curve, sizeof curve }, { CKA_TOKEN, &yes, 1 }, { CKA_VERIFY, &yes, 1 } };
    CK_ATTRIBUTE privateTemplate[] = { { CKA_TOKEN, &yes, 1 }, { CKA_SIGN, &yes, 1 }, { CKA_PRIVATE, &yes, 1 }, { CKA_SENSITIVE, &yes, 1 } };
    CK_MECHANISM generate = { CKM_EC_KEY_PAIR_GEN, NULL, 0 };
    CK_OBJECT_HANDLE publicKey;
    check(p11->C_GenerateKeyPair(session, &generate, publicTemplate, 3, privateTemplate, 4, &publicKey, &key), "C_GenerateKeyPair");
    double one = run(1), two = run(2);
    printf("%.0f %.0f\n", one, two);
    p11->C_DestroyObject(session, key);
    p11->C_DestroyObject(session, publicKey);
    p11->C_Logout(session);
    p11->C_Finalize(NULL);
    return 0;
}
