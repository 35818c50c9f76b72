import Foundation

/// The most structure one input may have. Memory grows with the number of lines, elements and table cells
/// far more than with bytes (a 4 MB text of short tab-separated lines once took 1.1 GB: 263 times its size),
/// so bytes alone (`--max-bytes`) cannot bound it. A report has a few thousand lines and elements; an input
/// with more than these limits is not one, and is refused before anything is built from it.
public enum InputStructure {
    /// Counts a markup input's elements (its `<`) and lines; throws `inputTooComplex` past the limits.
    public static func checkMarkup(_ text: String, limits: ReadingLimits, path: String) throws {
        var text = text
        try text.withUTF8 { try checkMarkup($0, limits: limits, path: path) }
    }

    /// The same on UTF-8 bytes (a .docx's word/document.xml).
    public static func checkMarkup(_ bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits, path: String) throws {
        let tags = count(0x3C, in: bytes), lines = count(0x0A, in: bytes)
        if tags > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(tags) markup tags, more than the \(limits.maxParts) a report can have")
        }
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
    }

    /// Counts a text's lines and fields (what table rows are split into: runs of whitespace, and each tab
    /// and `|`, which make a cell even when empty); throws `inputTooComplex` past the limits.
    public static func checkText(_ text: String, limits: ReadingLimits, path: String) throws {
        var lines = 0, fields = 0
        var inWhitespace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                lines += 1
                if !inWhitespace { fields += 1; inWhitespace = true }
            case "\t", "|", "｜":
                fields += 1
                inWhitespace = false
            default:
                let white = TextNormalizer.isWhitespace(scalar)
                if white && !inWhitespace { fields += 1 }
                inWhitespace = white
            }
        }
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
        if fields > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(fields) fields, more than the \(limits.maxParts) a report can have")
        }
    }

    /// How many times `byte` occurs (memchr: vectorised by the C library).
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var at = bytes.baseAddress else { return 0 }
        let end = at + bytes.count
        var found = 0
        while at < end, let hit = memchr(at, Int32(byte), end - at) {
            found += 1
            at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }
}
