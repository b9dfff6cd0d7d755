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

/// The same client's file after years of hand edits: comments before, inside and after sections,
/// trailing comments on entries, blank lines and sections no Luna tool knows. Every edit must keep
/// all of them, byte for byte and in order.
let annotated = """
    # Chrystoki.conf, edited by hand and by other tools
    // do not remove the next section

    Chrystoki2 = {
       # the 64-bit library
       LibUNIX64 = /usr/safenet/lunaclient/lib/libCryptoki2_64.so;   // trailing comment
    }

    VendorTool = {
       Colour = blue;

       // a blank line above
    }

    CardReader = {
       LunaG5Slots = 3;  # slots
    }


    VirtualToken = {
       VirtualToken00Label = first;
       # between the group's entries
       VirtualToken00SN = 1154438865287;

       VirtualToken00Members = 154438865287;
    }

    HASynchronize = {
       first = 1;
    }
    # trailing comment at the end of the file

    """

/// The comment and blank lines of `text`, in order.
func trivia(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter {
        let line = $0.drop { $0 == " " }
        return line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//")
    }
}

/// `old`'s comment and blank lines appear in `new` in the same order (an edit may add blank lines).
func keepsTrivia(_ old: String, _ new: String) -> Bool {
    var lines = new.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
    outer: for line in trivia(old) {
        while let candidate = lines.next() { if candidate == line { continue outer } }
        return false
    }
    return true
}

/// Parsed once: parsing per input cost more than the edits themselves.
let parsedBase = parsed(base), parsedAnnotated = parsed(annotated)

func parsed(_ text: String) -> (String, ConfDocument, Int) {
    let document = try! ConfDocument.parse(text)
    return (text, document, document.sectionNames.map { document.entries(in: $0).count }.reduce(0, +))
}

/// User text that reaches Chrystoki.conf (group labels, `configurator setValue` entries, the HA
/// log path): each edit is refused, or its result re-parses to exactly what was asked, with no
/// extra entry or section (an injected `;`, `}` or newline would add one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfEdit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let text = String(validating: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self) else {
        return 0
    }
    // Bit 2 of the first byte picks the file: the plain one or the one full of comments.
    let (source, document, entryCount) = data[0] & 4 == 0 ? parsedBase : parsedAnnotated
    func parsedAgain(_ edited: ConfDocument) -> ConfDocument {
        guard let again = try? ConfDocument.parse(edited.text) else {
            preconditionFailure("an accepted edit produced a conf that does not parse: \(edited.text)")
        }
        precondition(again.text == edited.text)
        precondition(keepsTrivia(source, edited.text), "an edit lost a comment or blank line: \(edited.text)")
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
