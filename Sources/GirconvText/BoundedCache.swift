import Foundation

/// A small thread-safe cache, emptied when it reaches its limit (memory stays bounded over a corpus).
package final class BoundedCache<Key: Hashable, Value>: @unchecked Sendable {
    private var entries: [Key: Value] = [:]
    private let lock = NSLock()
    private let limit: Int
    package init(limit: Int) { self.limit = limit }
    package func get(_ key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }
    package func set(_ key: Key, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
    }
}
