/* C_Initialize and C_Finalize as PKCS#11 v2.40 section 5.4 fixes them, checked from a plain C
   host: no arguments, CKF_OS_LOCKING_OK, the application's own mutex functions (which the
   library must then use), a partial set of them, and the calls around. Prints one line per
   check; exits 1 on any failure. Usage: p11init MODULE */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <p11-kit/pkcs11.h>

static int failures;
static int locks;

static void expect(const char *what, CK_RV got, CK_RV want) {
    printf("%s %s (0x%lx)\n", got == want ? "ok  " : "FAIL", what, got);
    if (got != want) failures++;
}

static CK_RV create(void **mutex) {
    pthread_mutex_t *m = malloc(sizeof *m);
    pthread_mutex_init(m, NULL);
    *mutex = m;
    return CKR_OK;
}
static CK_RV destroy(void *mutex) { pthread_mutex_destroy(mutex); free(mutex); return CKR_OK; }
static CK_RV lock(void *mutex) { __atomic_add_fetch(&locks, 1, __ATOMIC_SEQ_CST); pthread_mutex_lock(mutex); return CKR_OK; }
static CK_RV unlock(void *mutex) { pthread_mutex_unlock(mutex); return CKR_OK; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: p11init MODULE\n"); return 2; }
    void *module = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!module) { fprintf(stderr, "%s\n", dlerror()); return 1; }
    CK_FUNCTION_LIST_PTR p11;
    ((CK_C_GetFunctionList)dlsym(module, "C_GetFunctionList"))(&p11);
    CK_INFO info;
    CK_ULONG count = 0;

    expect("C_GetInfo before C_Initialize", p11->C_GetInfo(&info), CKR_CRYPTOKI_NOT_INITIALIZED);
    expect("C_Finalize before C_Initialize", p11->C_Finalize(NULL), CKR_CRYPTOKI_NOT_INITIALIZED);
    expect("C_Initialize(NULL)", p11->C_Initialize(NULL), CKR_OK);
    expect("a second C_Initialize", p11->C_Initialize(NULL), CKR_CRYPTOKI_ALREADY_INITIALIZED);
    expect("C_GetInfo", p11->C_GetInfo(&info), CKR_OK);
    expect("C_Finalize with a reserved pointer", p11->C_Finalize(&count), CKR_ARGUMENTS_BAD);
    expect("C_Finalize", p11->C_Finalize(NULL), CKR_OK);

    CK_C_INITIALIZE_ARGS os = { NULL, NULL, NULL, NULL, CKF_OS_LOCKING_OK, NULL };
    expect("C_Initialize with CKF_OS_LOCKING_OK", p11->C_Initialize(&os), CKR_OK);
    expect("C_GetSlotList", p11->C_GetSlotList(CK_TRUE, NULL, &count), CKR_OK);
    expect("C_Finalize", p11->C_Finalize(NULL), CKR_OK);

    CK_C_INITIALIZE_ARGS partial = { create, NULL, lock, unlock, 0, NULL };
    expect("C_Initialize with some mutex functions only", p11->C_Initialize(&partial), CKR_ARGUMENTS_BAD);
    CK_C_INITIALIZE_ARGS reserved = { NULL, NULL, NULL, NULL, 0, &count };
    expect("C_Initialize with pReserved set", p11->C_Initialize(&reserved), CKR_ARGUMENTS_BAD);

    CK_C_INITIALIZE_ARGS own = { create, destroy, lock, unlock, 0, NULL };
    expect("C_Initialize with the application's mutex functions", p11->C_Initialize(&own), CKR_OK);
    expect("C_GetSlotList", p11->C_GetSlotList(CK_TRUE, NULL, &count), CKR_OK);
    printf("%s the library locked with the application's mutex (%d times)\n", locks > 0 ? "ok  " : "FAIL", locks);
    if (locks == 0) failures++;
    expect("C_Finalize", p11->C_Finalize(NULL), CKR_OK);

    expect("C_Initialize again after C_Finalize", p11->C_Initialize(NULL), CKR_OK);
    CK_SESSION_HANDLE session = 0;
    expect("C_DeriveKey (not offered)", p11->C_DeriveKey(session, NULL, 0, NULL, 0, NULL), CKR_FUNCTION_NOT_SUPPORTED);
    expect("C_CloseSession of no session", p11->C_CloseSession(999), CKR_SESSION_HANDLE_INVALID);
    expect("C_GetSlotInfo of a missing slot", p11->C_GetSlotInfo(999, NULL), CKR_ARGUMENTS_BAD);
    CK_SLOT_INFO slotInfo;
    expect("C_GetSlotInfo of a missing slot", p11->C_GetSlotInfo(999, &slotInfo), CKR_SLOT_ID_INVALID);

    /* Hostile or careless calls on an open session get a code, never a crash. */
    CK_SLOT_ID slots[16];
    count = 16;
    expect("C_GetSlotList", p11->C_GetSlotList(CK_TRUE, slots, &count), CKR_OK);
    expect("C_OpenSession", p11->C_OpenSession(slots[0], CKF_SERIAL_SESSION, NULL, NULL, &session), CKR_OK);
    CK_BYTE buffer[64];
    CK_ULONG length = sizeof buffer;
    expect("C_GenerateRandom of 2^40 bytes", p11->C_GenerateRandom(session, buffer, (CK_ULONG)1 << 40), CKR_DATA_LEN_RANGE);
    expect("C_Sign without C_SignInit", p11->C_Sign(session, buffer, 32, buffer, &length), CKR_OPERATION_NOT_INITIALIZED);
    expect("C_SignInit without a mechanism", p11->C_SignInit(session, NULL, 1), CKR_ARGUMENTS_BAD);
    CK_MECHANISM md5 = { CKM_MD5, NULL, 0 };
    expect("C_DigestInit with MD5", p11->C_DigestInit(session, &md5), CKR_MECHANISM_INVALID);
    CK_ATTRIBUTE label = { CKA_LABEL, buffer, sizeof buffer };
    expect("C_GetAttributeValue of no object", p11->C_GetAttributeValue(session, 0x7fff, &label, 1), CKR_OBJECT_HANDLE_INVALID);
    expect("C_GetAttributeValue with 2^40 attributes", p11->C_GetAttributeValue(session, 1, &label, (CK_ULONG)1 << 40), CKR_ARGUMENTS_BAD);
    expect("C_FindObjectsInit", p11->C_FindObjectsInit(session, NULL, 0), CKR_OK);
    CK_OBJECT_HANDLE found[1024]; /* the caller vouches for the buffer; the tests hold far fewer objects */
    expect("C_FindObjects with a maximum beyond what exists", p11->C_FindObjects(session, found, 1024, &count), CKR_OK);
    expect("C_FindObjectsFinal", p11->C_FindObjectsFinal(session), CKR_OK);
    expect("C_Login with an unknown user type", p11->C_Login(session, 77, (CK_UTF8CHAR_PTR)"userpin1", 8), CKR_USER_TYPE_INVALID);
    expect("C_CloseSession", p11->C_CloseSession(session), CKR_OK);
    expect("C_Finalize", p11->C_Finalize(NULL), CKR_OK);
    printf("%d failed checks\n", failures);
    return failures ? 1 : 0;
}
