import Foundation

/// A percentage printed next to a figure ("同意公开1345宗,占41.67%"): checked against part ÷ whole.
public struct StatedShare: Sendable, Equatable {
    /// The figure the percentage belongs to.
    public var path: String
    /// The figure it is a share of.
    public var wholePath: String
    /// The percentage as printed (41.67 for "41.67%").
    public var percent: Decimal
    /// Decimal places printed, which set the rounding tolerance.
    public var decimals: Int
    public var location: SourceLocation

    public init(path: String, wholePath: String, percent: Decimal, decimals: Int, location: SourceLocation) {
        self.path = path; self.wholePath = wholePath; self.percent = percent; self.decimals = decimals; self.location = location
    }
}
