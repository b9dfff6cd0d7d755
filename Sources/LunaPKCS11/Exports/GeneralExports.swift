import CPKCS11
import LunaSim

// PKCS#11 v2.40 section 5.4: general-purpose functions. C_GetFunctionList is in CPKCS11.

@_cdecl("C_Initialize")
func p11Initialize(_ arguments: UnsafeMutableRawPointer?) -> CK_RV {
    entry { try Library.initialize(arguments) }
}

@_cdecl("C_Finalize")
func p11Finalize(_ reserved: UnsafeMutableRawPointer?) -> CK_RV {
    entry { try Library.finalize(reserved) }
}

@_cdecl("C_GetInfo")
func p11GetInfo(_ info: UnsafeMutablePointer<CK_INFO>?) -> CK_RV {
    withRuntime { _ in
        guard let info else { throw P11Error.argumentsBad }
        var value = CK_INFO()
        value.cryptokiVersion = CK_VERSION(2, 40)
        fill(&value.manufacturerID, "Safenet, Inc.")
        fill(&value.libraryDescription, "lunasim PKCS#11 library")
        value.libraryVersion = CK_VERSION(7, 3)
        info.pointee = value
    }
}
