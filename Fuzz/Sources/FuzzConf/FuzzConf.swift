import ChrystokiConf

/// Chrystoki.conf and crystoki.ini text: whatever parses must print back byte for byte, and the
/// printed text must parse again to the same text. The typed HA view must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConf(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for (grammar, path) in [(ConfGrammar?.none, "Chrystoki.conf"), (.some(.brace), "Chrystoki.conf"), (.some(.ini), "crystoki.ini")] {
        guard let document = try? ConfDocument.parse(bytes: bytes, grammar: grammar, path: path) else { continue }
        let printed = document.bytes
        precondition(printed == bytes, "print(parse(x)) != x for grammar \(document.grammar)")
        guard let again = try? ConfDocument.parse(document.text, grammar: document.grammar, path: path) else {
            preconditionFailure("the printed document does not parse again")
        }
        precondition(again.text == document.text, "parse(print(doc)).text != print(doc)")
        let ha = HAConfig(document)
        for group in ha.groups {
            _ = ha.group(group.label)
        }
        _ = ha.logEnabled
        _ = ha.logPath
        _ = ha.logLength
        _ = ha.cloudMembersJoinAsStandby
        for section in document.sectionNames {
            for entry in document.entries(in: section) { _ = document.value(entry.key, in: section) }
        }
    }
    return 0
}
