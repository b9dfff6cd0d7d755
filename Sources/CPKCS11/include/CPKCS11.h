#ifndef LUNASIM_CPKCS11_H
#define LUNASIM_CPKCS11_H

/* The PKCS#11 v2.40 types and prototypes come from the system (p11-kit's pkcs11.h, Debian package
   libp11-kit-dev), never from a copy in this repository. */
#include <p11-kit/pkcs11.h>

#endif
