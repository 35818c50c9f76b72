import GirconvCore

/// A destination that keeps records rather than bytes — a database. A `RecordWriter` turns records into a
/// document that is written out as a stream; a store takes the records themselves, in one transaction: what
/// a run stored becomes visible at once when it completes, and nothing of it when it fails or is killed.
///
/// A store keeps one record per input: storing a record of an input it holds already (the same
/// `source.path`) replaces that input's record, so a second run over the same files adds nothing twice.
public protocol RecordStore {
    /// Runs `body` inside one transaction, giving it the function that stores one record. When `body`
    /// returns, everything it stored is committed at once; when it throws, nothing of it is kept (the error
    /// is rethrown), and a process killed meanwhile leaves the destination as it was.
    func transaction(_ body: (_ store: (CanonicalRecord) throws -> Void) throws -> Void) throws
}

/// A kind of record store girconv writes into (`--to NAME -o PATH`): its name and how a store at a path is
/// opened. The stores' own targets make their formats (GirconvSQLite's `SQLiteRecordStore.format`), so that
/// this module, and every product that writes bytes only, links no database.
public struct StoreFormat: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    private let open: @Sendable (String) throws -> any RecordStore

    public init(name: String, open: @escaping @Sendable (_ path: String) throws -> any RecordStore) {
        self.name = name
        self.open = open
    }

    /// The store at `path`, made if it does not exist.
    public func store(at path: String) throws -> any RecordStore { try open(path) }

    public var description: String { name }
    public static func == (a: StoreFormat, b: StoreFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
