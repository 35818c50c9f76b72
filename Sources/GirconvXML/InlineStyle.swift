/// The one question girconv asks of an inline `style` attribute: does it hide the element?
enum InlineStyle {
    /// True when a declaration sets `display: none` or `visibility: hidden` (or `collapse`), in any case,
    /// with any spacing and with or without `!important`. Other properties (`mso-display`, `font-size`)
    /// are not read.
    static func hides(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var declaration: [UInt8] = []
        declaration.reserveCapacity(32)
        func judge() -> Bool {
            defer { declaration.removeAll(keepingCapacity: true) }
            guard let colon = declaration.firstIndex(of: UInt8(ascii: ":")) else { return false }
            let property = declaration[..<colon], value = declaration[(colon + 1)...]
            if property.elementsEqual("display".utf8) { return value.starts(with: "none".utf8) }
            if property.elementsEqual("visibility".utf8) {
                return value.starts(with: "hidden".utf8) || value.starts(with: "collapse".utf8)
            }
            return false
        }
        for byte in style {
            switch byte {
            case UInt8(ascii: ";"): if judge() { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C: continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): declaration.append(byte | 0x20)
            default: declaration.append(byte)
            }
        }
        return judge()
    }
}
