import Foundation
import GirconvText
import GirconvCore

/// XML 1.0, UTF-8, nested like the JSON form: objects become elements, arrays repeat an `<item>`
/// element, null is an empty element with `null="true"`. Keys that are not XML names (none in the
/// canonical record today) are written as `<entry key="…">`. Characters illegal in XML 1.0 are dropped.
///
/// Written by hand rather than with XMLCoder: the record is an ordered tree with dynamic keys (figure
/// paths), which XMLCoder's Codable mapping neither orders nor names as wanted, and the writer must strip
/// characters XML 1.0 forbids, which XMLCoder does not do.
public struct XMLRecordWriter: RecordWriter {
    public init() {}

    /// The declaration, and for a stream the opening `<girconvRecords>`.
    public func begin(_ shape: DocumentShape) -> [UInt8] { Array((shape == .single ? Self.declaration : openCollection()).utf8) }
    /// A `<girconvRecord>` element: the root of a single record, a child of `<girconvRecords>` in a stream.
    public func part(for record: CanonicalRecord, in shape: DocumentShape) -> [UInt8] {
        Array(recordElement(record, indent: shape == .single ? 0 : 1).utf8)
    }
    public func end(_ shape: DocumentShape) -> [UInt8] { shape == .single ? [] : Array(closeCollection().utf8) }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// For streams of records: the declaration and the opening `<girconvRecords>`.
    package func openCollection() -> String { Self.declaration + "<girconvRecords>\n" }
    /// One `<girconvRecord>` element.
    package func recordElement(_ record: CanonicalRecord, indent: Int = 1) -> String {
        var out = ""
        element("girconvRecord", record.tree(), into: &out, indent: indent)
        return out
    }
    package func closeCollection() -> String { "</girconvRecords>\n" }

    private func element(_ name: String, _ value: TreeValue, into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        let (open, close) = Self.isName(name) ? (name, name) : ("entry key=\"\(Self.escape(name, attribute: true))\"", "entry")
        switch value {
        case .object(let pairs):
            if pairs.isEmpty { out += "\(pad)<\(open)/>\n"; return }
            out += "\(pad)<\(open)>\n"
            for (key, item) in pairs { element(key, item, into: &out, indent: indent + 1) }
            out += "\(pad)</\(close)>\n"
        case .array(let items):
            if items.isEmpty { out += "\(pad)<\(open)/>\n"; return }
            out += "\(pad)<\(open)>\n"
            for item in items { element("item", item, into: &out, indent: indent + 1) }
            out += "\(pad)</\(close)>\n"
        case .string(let s): out += "\(pad)<\(open)>\(Self.escape(s, attribute: false))</\(close)>\n"
        case .number(let d): out += "\(pad)<\(open)>\(TreeValue.format(d))</\(close)>\n"
        case .integer(let i): out += "\(pad)<\(open)>\(i)</\(close)>\n"
        case .bool(let b): out += "\(pad)<\(open)>\(b)</\(close)>\n"
        case .null: out += "\(pad)<\(open) null=\"true\"/>\n"
        }
    }

    /// True for a valid XML element name made of ASCII letters, digits, "_", "-" and ".".
    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
            && !s.lowercased().hasPrefix("xml")
    }

    /// Escapes markup characters and drops characters XML 1.0 does not allow (`MarkupText`).
    static func escape(_ s: String, attribute: Bool) -> String {
        MarkupText.escaped(s, quotes: attribute)
    }
}
