import Crypto

/// SHA-256 of the input bytes, as lowercase hex (`source.sha256`).
enum SHA256 {
    static func hex(_ bytes: [UInt8]) -> String {
        Crypto.SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
