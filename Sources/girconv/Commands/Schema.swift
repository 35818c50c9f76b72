import ArgumentParser
import GirconvExport

/// `girconv schema`: prints the JSON Schema of the canonical record.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the canonical record.")

    func run() throws {
        print(RecordSchema.text(), terminator: "")
    }
}
