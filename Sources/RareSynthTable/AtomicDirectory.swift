/// Writes an output directory (FHIR ndjson files, OMOP CSV tables) so that it appears whole or
/// not at all: it is built as a hidden directory beside the destination (`.name.tmp-<random>`,
/// same file system) and renamed into place only when every file in it was written. If anything
/// throws, the temporary directory and its files are removed and the destination is untouched.
///
/// An existing destination is replaced; since `rename` cannot replace a non-empty directory, the
/// old one is first moved aside and removed only after the new one is in place.
public enum AtomicDirectory {
    /// Runs `body` with the path of a new, empty temporary directory, then renames it to `path`.
    /// - Throws: `DataError` naming `path` when it cannot be created or moved; whatever `body` throws.
    public static func replace<T>(_ path: String, _ body: (_ temporaryPath: String) throws -> T) throws -> T {
        let temporary = AtomicFile.temporaryPath(for: path)
        guard SystemIO.makeDirectory(temporary) else { throw AtomicFile.writeError(path) }
        do {
            let result = try body(temporary)
            let aside = AtomicFile.temporaryPath(for: path)
            let hadOld = SystemIO.moveReplacing(path, aside)
            guard SystemIO.moveReplacing(temporary, path) else {
                let error = AtomicFile.writeError(path)
                if hadOld { _ = SystemIO.moveReplacing(aside, path) }
                throw error
            }
            if hadOld { SystemIO.removeTree(aside) }
            return result
        } catch {
            SystemIO.removeTree(temporary)
            throw error
        }
    }
}
