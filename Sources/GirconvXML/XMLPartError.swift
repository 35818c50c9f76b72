import CLibXML2

/// Why an XML part (a .docx's `word/document.xml`) was refused by `LibXML2Tree(xmlPart:maxDepth:)`.
/// The part is parsed strictly, as Word reads it: a part Word would refuse is not guessed at.
package enum XMLPartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part declares a DTD (`<!DOCTYPE …>`). Word never writes one; a DTD is where entities are
    /// declared, and expanding them is how a few kilobytes become gigabytes ("billion laughs").
    case declaresDTD
    /// An element nested deeper than the limit (Word documents nest a few dozen levels at most).
    case tooDeep(limit: Int)
    /// Not well-formed XML: libxml2's message, with the line and column it stopped at (0 when unknown).
    case malformed(line: Int, column: Int, message: String)
    /// Larger than libxml2 can be given in one call (2 GiB).
    case tooLarge(bytes: Int)

    /// The default nesting limit: libxml2's own without XML_PARSE_HUGE (its tree builder refuses an element
    /// below 257 open ones), checked by girconv so that the refusal can say what it is.
    package static let defaultMaxDepth = Int(CLIBXML2_TREE_DEPTH_LIMIT)

    package var description: String {
        switch self {
        case .declaresDTD:
            return "declares a DTD (<!DOCTYPE …>), which Word never writes and which could declare entities that expand without bound"
        case .tooDeep(let limit):
            return "nests elements more than \(limit) deep"
        case let .malformed(line, column, message):
            let place = line > 0 ? (column > 0 ? " at line \(line), column \(column)" : " at line \(line)") : ""
            return "is not well-formed XML\(place): \(message)"
        case .tooLarge(let bytes):
            return "is \(bytes) bytes, more than the XML parser takes (2 GiB)"
        }
    }
}
