import Foundation
import RareSynthTable

/// Small file-system helpers that report failures as `DataError`s naming the path.
public enum FileSystem {
    public static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DataError(file: path, "cannot create the output directory")
        }
    }

    public static func writeAtomically(_ data: Data, to path: String) throws {
        try AtomicFile.write(to: path) { out in try out.write([UInt8](data)) }
    }
}
