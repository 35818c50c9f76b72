import Foundation

/// Per-document memo of costly readings (the narrative, the appendix tables, the title) that several
/// detectors and the chosen adapter all need: each is computed once per document.
package final class DocumentCache: @unchecked Sendable {
    private var storage: [String: Any] = [:]
    private let lock = NSLock()

    package init() {}

    /// The value stored under `key`, computing it with `make` the first time.
    package func value<T>(_ key: String, _ make: () -> T) -> T {
        lock.lock()
        // (Check presence first: a stored nil must count as a hit, and a missing key as a miss.)
        if let stored = storage[key], let hit = stored as? T { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        storage[key] = made
        lock.unlock()
        return made
    }
}
