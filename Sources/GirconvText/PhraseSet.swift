#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phrases looked for in UTF-8 text: one pass over the text's characters, a bit test per character, and a
/// byte comparison only where some phrase starts with the character.
package struct UTF8PhraseSet: Sendable {
    private let byFirstScalar: [UInt32: [[UInt8]]]
    private let firstScalars: ScalarBitSet

    /// Empty phrases are left out (they would occur everywhere).
    package init<S: Sequence>(_ phrases: S) where S.Element == String {
        var index: [UInt32: [[UInt8]]] = [:]
        for phrase in phrases {
            guard let first = phrase.unicodeScalars.first else { continue }
            index[first.value, default: []].append(Array(phrase.utf8))
        }
        byFirstScalar = index
        firstScalars = ScalarBitSet(index.keys)
    }

    /// True when some phrase's bytes occur in `text`.
    package func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            let count = bytes.count
            while i < count {
                guard let (value, length) = FastText.scalar(at: i, in: bytes) else { break }
                if firstScalars.mayContain(value), let candidates = byFirstScalar[value] {
                    for phrase in candidates where i + phrase.count <= count
                        && phrase.withUnsafeBufferPointer({ memcmp(base + i, $0.baseAddress!, phrase.count) == 0 }) {
                        return true
                    }
                }
                i += length
            }
            return false
        }
    }
}
