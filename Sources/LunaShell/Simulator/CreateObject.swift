import LunaSim

/// `simulator createObject -keyType AES|RSA|EC [-size N] -label L`: a key or key pair on the
/// current slot; on an HA slot on the primary, replicated when synchronization is on.
struct CreateObject: WriteCommand {
    enum KeyType: String, ChoiceValue { case AES, RSA, EC }
    static let keyTypeOption = RequiredOption<KeyType>("keyType", shortcuts: ["kt"], value: "AES|RSA|EC", help: "Key type")
    static let sizeOption = Option<Int>("size", shortcuts: ["s"], value: "bits", help: "AES 128/192/256 (256), RSA 1024-4096 (2048), EC 256/384 (256)")
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "label", help: "Object label")
    static let spec = CommandSpec(name: "createObject", shortNames: ["co"],
                                  summary: "Create an AES key or an RSA or EC key pair on the current slot (HA slot: on the primary, replicated if sync is on)",
                                  options: [keyTypeOption, sizeOption, labelOption], simulatorExtension: true)
    let keyType: KeyType
    let size: Int?
    let label: String
    init(_ options: ParsedOptions) {
        keyType = options[Self.keyTypeOption]
        size = options[Self.sizeOption]
        label = options[Self.labelOption]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let slot = try CryptoLogin.requireSlot(context)
        let kind = try material()
        let created = try context.write { transaction throws(LunaError) in
            try ObjectService.create(kind, label: label, slot: slot, transaction)
        }
        context.write(ObjectRenderer.created(created))
    }

    /// The key material the options ask for, with LunaCM-sim's default sizes.
    func material() throws(LunaError) -> KeyMaterial.Kind {
        switch keyType {
        case .AES: return .aes(bits: size ?? 256)
        case .RSA: return .rsa(bits: size ?? 2048)
        case .EC:
            switch size ?? 256 {
            case 256: return .ec(curve: .p256)
            case 384: return .ec(curve: .p384)
            default: throw LunaError(.keySizeRange, "EC keys are on P-256 (-size 256) or P-384 (-size 384).")
            }
        }
    }
}
