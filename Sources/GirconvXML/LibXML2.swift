import CLibXML2

/// libxml2 is initialised once per process, before the first parse (and its error printing silenced).
let libxml2Initialised: Void = { clibxml2_initialize() }()

/// HTML parser options as an option set (RECOVER | NONET | NOERROR | NOWARNING by default).
package struct HTMLParseOptions: OptionSet, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }
    package static let recover = HTMLParseOptions(rawValue: Int32(HTML_PARSE_RECOVER.rawValue))
    package static let noNetwork = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NONET.rawValue))
    package static let noErrors = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NOERROR.rawValue))
    package static let noWarnings = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NOWARNING.rawValue))
    package static let `default`: HTMLParseOptions = [.recover, .noNetwork, .noErrors, .noWarnings]
}

/// Why an HTML page could not be parsed at all (libxml2 recovers from nearly everything; an empty page
/// is refused).
package struct HTMLParseError: Error, Sendable, CustomStringConvertible {
    package let description: String

    /// libxml2 made no document (or, for the SAX parse, no parser).
    static let notParsed = HTMLParseError(description: "libxml2 could not parse the page")
}

extension Array where Element == UInt8 {
    /// The bytes as the `const char *` and `int` size libxml2 takes, or nil when there are none or more
    /// than an `int` can count.
    func withLibxml2Buffer<R>(_ body: (UnsafePointer<CChar>, Int32) -> R?) -> R? {
        withUnsafeBufferPointer { $0.withLibxml2Buffer(body) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes as the `const char *` and `int` size libxml2 takes, or nil when there are none or more
    /// than an `int` can count.
    func withLibxml2Buffer<R>(_ body: (UnsafePointer<CChar>, Int32) -> R?) -> R? {
        guard count <= Int(Int32.max), let base = baseAddress else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: count) { body($0, Int32(count)) }
    }
}

extension String {
    /// The UTF-8 bytes, read in place (no copy), as libxml2 takes them; nil as for a byte array.
    mutating func withLibxml2Buffer<R>(_ body: (UnsafePointer<CChar>, Int32) -> R?) -> R? {
        withUTF8 { $0.withLibxml2Buffer(body) }
    }
}
