import GirconvCore

/// The adapters that ship with girconv.
public enum BuiltinAdapters {
    /// Every built-in adapter, in registration order.
    public static let all: [any ReportAdapter] = [
        StandardTablesAdapter.trial2019,
        StandardTablesAdapter.revised2021,
    ]

    /// A registry holding the built-in adapters and readers.
    public static func registry() -> AdapterRegistry {
        AdapterRegistry(adapters: all)
    }
}
