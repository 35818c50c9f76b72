import Foundation

/// A figure the text states twice with different values ("共收到申请75件" … "共收到申请74件"): neither is
/// kept, and a `text.*` check says so, failing (`validate` reports it).
public struct StatedTwice: Sendable, Equatable {
    public var path: String
    /// The first value stated and the later, different one (nil: a statement that could not be read).
    public var first: Decimal?
    public var second: Decimal?
    /// Where the later statement is.
    public var location: SourceLocation

    public init(path: String, first: Decimal?, second: Decimal?, location: SourceLocation) {
        self.path = path; self.first = first; self.second = second; self.location = location
    }
}
