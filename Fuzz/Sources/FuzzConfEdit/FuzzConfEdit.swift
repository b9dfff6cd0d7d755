import ChrystokiConf

/// A fresh client's Chrystoki.conf with one HA group, as `hagroup createGroup` leaves it.
let base = """
    Chrystoki2 = {
       LibUNIX64 = /usr/safenet/lunaclient/lib/libCryptoki2_64.so;
    }

    CardReader = {
       LunaG5Slots = 3;
    }

    VirtualToken = {
       VirtualToken00Label = first;
       VirtualToken00SN = 1154438865287;
       VirtualToken00Members = 154438865287;
    }

    HASynchronize = {
       first = 1;
    }

    """

/// User text that reaches Chrystoki.conf (group labels, `configurator setValue` entries, the HA
/// log path): each edit is refused, or its result re-parses to exactly what was asked, with no
/// extra entry or section (an injected `;`, `}` or newline would add one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfEdit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let text = String(validating: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self) else {
        return 0
    }
    let document = try! ConfDocument.parse(base)
    let entryCount = document.sectionNames.map { document.entries(in: $0).count }.reduce(0, +)
    func parsedAgain(_ edited: ConfDocument) -> ConfDocument {
        guard let again = try? ConfDocument.parse(edited.text) else {
            preconditionFailure("an accepted edit produced a conf that does not parse: \(edited.text)")
        }
        precondition(again.text == edited.text)
        return again
    }
    func count(_ doc: ConfDocument) -> Int { doc.sectionNames.map { doc.entries(in: $0).count }.reduce(0, +) }

    switch data[0] % 4 {
    case 0:  // hagroup createGroup -label TEXT, then deleteGroup
        var ha = HAConfig(document)
        guard ha.group(text) == nil, (try? ha.addGroup(label: text, serial: "1238700701509", members: ["1238700701509"])) != nil else {
            return 0
        }
        let again = HAConfig(parsedAgain(ha.document))
        precondition(again.groups.count == 2, "group count after adding '\(text)': \(again.groups.count)")
        precondition(again.group(text)?.members == ["1238700701509"], "group '\(text)' not read back")
        precondition(count(again.document) == entryCount + 4, "extra entries after adding '\(text)'")
        _ = try? ha.setSynchronize(label: text, enabled: false)
        precondition((try? ha.deleteGroup(label: text)) == true)
        let afterDelete = HAConfig(parsedAgain(ha.document))
        precondition(afterDelete.groups.map(\.label) == ["first"], "deleteGroup left \(afterDelete.groups.map(\.label))")
    case 1:  // configurator setValue -s Misc -e KEY -v TEXT
        var edited = document
        guard (try? edited.set("Key", to: text, in: "Misc")) != nil else { return 0 }
        let again = parsedAgain(edited)
        precondition(again.value("Key", in: "Misc") == text, "value '\(text)' read back as \(again.value("Key", in: "Misc") ?? "nil")")
        precondition(count(again) == entryCount + 1, "extra entries after setting '\(text)'")
    case 2:  // configurator setValue -s Misc -e TEXT -v 1
        var edited = document
        guard (try? edited.set(text, to: "1", in: "Misc")) != nil else { return 0 }
        let again = parsedAgain(edited)
        precondition(again.value(text, in: "Misc") == "1", "key '\(text)' not read back")
        precondition(count(again) == entryCount + 1, "extra entries after adding key '\(text)'")
    default:  // hagroup haLog -path TEXT, or a section name
        var ha = HAConfig(document)
        if (try? ha.setLogPath(text)) != nil {
            let again = HAConfig(parsedAgain(ha.document))
            precondition(again.logPath == text, "log path '\(text)' read back as \(again.logPath ?? "nil")")
            precondition(count(again.document) == entryCount + 1)
        }
        var edited = document
        if (try? edited.set("Key", to: "1", in: text)) != nil {
            let again = parsedAgain(edited)
            precondition(again.value("Key", in: text) == "1", "section '\(text)' not read back")
            precondition(count(again) == entryCount + 1)
        }
    }
    return 0
}
