/// What a column's name says about its role, before any value is looked at.
///
/// Names are split into lower-case words at non-alphanumerics and camelCase boundaries
/// (`patientName` → `patient name`, `alk.phos` → `alk phos`), so that `mobile` matches but
/// `mobility` does not.
enum ColumnNameHints {
    static func words(_ name: String) -> [String] {
        var words: [String] = [], current = ""
        var previousWasLower = false
        for ch in name {
            guard ch.isLetter || ch.isNumber else {
                if !current.isEmpty { words.append(current.lowercased()); current = "" }
                previousWasLower = false
                continue
            }
            if ch.isUppercase, previousWasLower, !current.isEmpty { words.append(current.lowercased()); current = "" }
            current.append(ch)
            previousWasLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The name alone makes the column an identifier: `^(id|seqno|pid|mrn|patient_?id)$`
    /// (case-insensitive), or it ends in `_id`, `.id`, `-id`, ` id` or camelCase `Id`/`ID`.
    static func isIdentifier(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["id", "seqno", "pid", "mrn", "patientid", "patient_id"].contains(lower) { return true }
        if ["_id", ".id", "-id", " id"].contains(where: lower.hasSuffix) { return true }
        let ws = words(name)
        return ws.count > 1 && ws.last == "id"
    }

    /// Words that make an all-unique integer or code-shaped column an identifier (`patient_no`,
    /// `case`, `subject`), weaker than `isIdentifier` so they need the values' help.
    static func soundsLikeIdentifier(_ name: String) -> Bool {
        let hints: Set = ["id", "no", "nr", "key", "code", "subject", "patient", "case", "seq", "seqno",
                          "record", "identifier", "accession", "barcode", "uuid", "guid", "sample"]
        return words(name).contains(where: hints.contains)
    }

    /// The column's name says it holds dates (`date`, `dob`, `dt`, `birthday`, `visit_date`).
    static func suggestsDate(_ name: String) -> Bool {
        let ws = words(name)
        return name.lowercased().contains("date") || ws.contains { ["dob", "dod", "dt", "birthday"].contains($0) }
    }

    /// The kind of personal data the name says the column holds, if any.
    static func piiKind(_ name: String) -> PIIKind? {
        let ws = Set(words(name))
        let joined = words(name).joined()
        func has(_ candidates: String...) -> Bool { candidates.contains(where: ws.contains) }
        func joinedHas(_ candidates: String...) -> Bool { candidates.contains(where: joined.contains) }

        if joinedHas("email") || has("mail") { return .email }
        if joinedHas("phone") || has("tel", "mobile", "fax") { return .phone }
        if has("ssn", "passport") || joinedHas("socialsecurity", "nhsnumber", "medicalrecord", "insurancenumber")
            || has("nhs") && has("number", "no", "num") {
            return .recordNumber
        }
        if has("address", "addr", "street", "city", "town", "zip", "zipcode", "postcode", "postal", "postalcode")
            || joinedHas("streetname") {
            return .address
        }
        let personal: Set = ["first", "last", "given", "family", "full", "middle", "maiden", "patient",
                             "person", "mother", "father", "contact", "sur", "fore"]
        if name.lowercased() == "name" || ws.contains("name") && !ws.isDisjoint(with: personal)
            || has("surname", "forename", "firstname", "lastname", "givenname", "familyname", "fullname",
                   "patientname") {
            return .name
        }
        return nil
    }
}
