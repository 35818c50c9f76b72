import Foundation
import GirconvLayoutNodes
import Yams

/// `girconv-embed-layouts OUTPUT FILE...`: writes a Swift source declaring `EmbeddedLayouts.files`, each
/// layout file's name and its text as a raw string literal (delimited by more `#` than the text ever puts
/// after a quote, so any text stays exact), and `EmbeddedLayouts.nodes`, each file's YAML node tree in
/// `LayoutNodes`' compact form (nil for a file Yams cannot compose: it is parsed, and its problems reported,
/// at run time as before). Run by the EmbedLayouts build plugin.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: girconv-embed-layouts OUTPUT FILE...\n".utf8))
    exit(64)
}

/// The number of `#` a raw string needs around `text`: one more than the longest run of `#` in it.
func hashCount(_ text: String) -> Int {
    var longest = 0, run = 0
    for scalar in text.unicodeScalars {
        run = scalar == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    return longest + 1
}

var source = """
// Generated at build time by girconv-embed-layouts (the EmbedLayouts plugin) from
// Sources/GirconvAdapters/Layouts/: do not edit; edit the layout files.

/// The built-in layout files, name and text, in name order.
enum EmbeddedLayouts {
    static let files: [(name: String, text: String)] = [

"""
var forms: [String?] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("girconv-embed-layouts: cannot read \(path) as UTF-8\n".utf8))
        exit(65)
    }
    let hashes = String(repeating: "#", count: hashCount(text))
    source += "        (\(String(reflecting: url.lastPathComponent)), \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
    // Composed as LayoutFileParser composes a layout file's text (a test compares the decoded trees with the
    // ones composed at run time from `files`).
    forms.append((try? Yams.compose(yaml: text, LayoutNodes.resolver)).flatMap { $0 }.flatMap(LayoutNodes.encode))
}
source += """
    ]

    /// Each file's YAML node tree in compact form (`LayoutNodes`), in the order of `files`.
    static let nodes: [String?] = [

"""
for form in forms { source += "        \(form.map { String(reflecting: $0) } ?? "nil"),\n" }
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("girconv-embed-layouts: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
