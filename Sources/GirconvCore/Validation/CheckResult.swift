import Foundation

/// The outcome of one arithmetic identity.
public enum CheckStatus: String, Sendable, Codable {
    case pass
    case fail
    /// An operand is missing or unreadable: nothing can be said (this is not a pass).
    case notAssessable = "not assessable"
    /// The identity chose how a row printed run together splits into cells (a `recovered` figure): it
    /// holds by construction, so it is no evidence that the figures are right (1.3).
    case usedForRecovery = "used for recovery"
}

/// One arithmetic identity evaluated on a record.
public struct CheckResult: Sendable, Equatable {
    /// A stable rule id, e.g. `t3.balance.total`.
    public var rule: String
    public var description: String
    /// The figures on the side that should be the sum (e.g. a 总计).
    public var totalPaths: [String]
    /// The figures that should add up to it.
    public var partPaths: [String]
    /// Σ parts, when every part is known.
    public var expected: Decimal?
    /// Σ totals as printed, when known.
    public var found: Decimal?
    public var status: CheckStatus
}
