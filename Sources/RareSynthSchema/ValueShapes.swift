/// Recognisers for what a text value looks like, used to spot identifiers and personal data that
/// the column's name does not announce. Hand-written byte scanners rather than `Regex`: they run on
/// every cell of every text column.
enum ValueShapes {
    private static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    private static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    private static func isLower(_ b: UInt8) -> Bool { b &- 97 < 26 }
    private static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }

    /// `local@domain.tld`: one `@`, no spaces, a dot in the domain, a top-level domain of ≥ 2 letters.
    static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0,
              !bytes.contains(UInt8(ascii: " ")), bytes.lastIndex(of: UInt8(ascii: "@")) == at,
              let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > at + 1 else { return false }
        let tld = bytes[(dot + 1)...]
        return tld.count >= 2 && tld.allSatisfy(isLetter)
    }

    /// A telephone number: only digits, spaces and `+ - ( ) .`, 9 to 15 digits (E.164 allows 15),
    /// and at least one separator or a leading `+` (a bare digit string is a number or a code).
    static func isPhoneNumber(_ text: String) -> Bool {
        var digits = 0, separators = 0
        for b in text.utf8 {
            if isDigit(b) { digits += 1 } else if " +-().".utf8.contains(b) { separators += 1 } else { return false }
        }
        return (9...15).contains(digits) && separators > 0
    }

    /// A capitalised person's name: 2–3 words (`Ada Lovelace`, `Mary-Jane O'Neil`, `John F. Kennedy`)
    /// or `Lovelace, Ada`.
    static func isPersonName(_ text: String) -> Bool {
        var parts = text.split(separator: " ", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].hasSuffix(",") { parts[0] = parts[0].dropLast() } // "Last, First"
        guard (2...3).contains(parts.count) else { return false }
        for (k, part) in parts.enumerated() {
            let bytes = Array(part.utf8)
            if k > 0, k < parts.count - 1, bytes.count == 2, isUpper(bytes[0]), bytes[1] == UInt8(ascii: ".") {
                continue // middle initial
            }
            guard bytes.count >= 2, isUpper(bytes[0]), bytes.contains(where: isLower),
                  bytes.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") })
            else { return false }
        }
        return true
    }

    /// A code: 2–40 characters of letters, digits and `- _ . / : #`, at least one digit, no spaces
    /// (`P00123`, `AB-1234`, `00042`).
    static func isCodeLike(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (2...40).contains(bytes.count) else { return false }
        var digit = false
        for b in bytes {
            if isDigit(b) { digit = true } else if !isLetter(b) && !"-_./:#".utf8.contains(b) { return false }
        }
        return digit
    }

    /// Words in a value (runs separated by spaces).
    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }
}
