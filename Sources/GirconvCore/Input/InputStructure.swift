import Foundation
import GirconvText

/// The most structure one input may have. Memory grows with the number of lines, elements and table cells
/// far more than with bytes (a 4 MB text of short tab-separated lines once took 1.1 GB: 263 times its size),
/// so bytes alone (`--max-bytes`) cannot bound it. A report has a few thousand lines and elements; an input
/// with more than these limits is not one, and is refused before anything is built from it.
package enum InputStructure {
    /// Counts a markup input's elements (its `<`) and lines; throws `inputTooComplex` past the limits.
    package static func checkMarkup(_ text: String, limits: ReadingLimits, path: String) throws {
        var text = text
        try text.withUTF8 { try checkMarkup($0, limits: limits, path: path) }
    }

    /// The same on UTF-8 bytes (a .docx's word/document.xml).
    package static func checkMarkup(_ bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits, path: String) throws {
        let tags = ByteScan.count(0x3C, in: bytes), lines = ByteScan.count(0x0A, in: bytes)
        if tags > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(tags) markup tags, more than the \(limits.maxParts) a report can have")
        }
        // libxml2 compares each attribute of a tag with every earlier one (to find repeats): a tag with
        // tens of thousands of attributes takes minutes. Only a page with many `=` in all can hold such a tag,
        // so only such a page is read tag by tag.
        if ByteScan.count(0x3D, in: bytes) > Self.equalsSignsBeforeTagScan, let most = ByteScan.mostAttributesInOneTag(bytes),
           most > limits.maxAttributesPerTag {
            throw GirconvError.inputTooComplex(path: path, reason: "a tag with \(most) attributes, more than the \(limits.maxAttributesPerTag) a report's tags have")
        }
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
    }

    /// Counts a text's lines and fields (what table rows are split into: runs of whitespace, and each tab
    /// and `|`, which make a cell even when empty); throws `inputTooComplex` past the limits.
    package static func checkText(_ text: String, limits: ReadingLimits, path: String) throws {
        let (lines, fields) = ByteScan.linesAndFields(text)
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
        if fields > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(fields) fields, more than the \(limits.maxParts) a report can have")
        }
    }

    /// Below this many `=` in a page no tag can have enough attributes to be slow (40,000 take 4 s).
    static let equalsSignsBeforeTagScan = 20_000

}
