import Foundation

/// One figure of a report: a value (or null when it could not be read) and its provenance.
public struct Figure: Sendable, Equatable {
    /// `nil` when the report gives the figure but it could not be read, or does not apply ("/").
    public var value: Decimal?
    public var provenance: Provenance

    public init(value: Decimal?, provenance: Provenance) {
        self.value = value
        self.provenance = provenance
    }
}

/// A note about something read with doubt or skipped. Travels inside the record.
public struct ReportWarning: Sendable, Equatable, Codable {
    /// A stable machine-readable code, e.g. `row-not-found`, `cell-unreadable`.
    public var code: String
    public var message: String
    /// The figure path concerned, if any.
    public var path: String?
    public var location: SourceLocation?

    public init(code: String, message: String, path: String? = nil, location: SourceLocation? = nil) {
        self.code = code; self.message = message; self.path = path; self.location = location
    }
}
