import ArgumentParser
import Foundation
import PTCEImport

extension PTCECommand {
    /// `ptce init DIR`: a new pole folder with `pole.toml` and the CSV templates.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a pole folder: pole.toml and the CSV templates with French headers, ready for Excel."
        )

        @Argument(help: "The folder to create (or an empty existing one).", completion: .directory)
        var folder: String

        func run() throws {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            let files = PoleTemplate.files(poleID: PoleTemplate.poleID(fromFolderName: url.lastPathComponent))
            let fileManager = FileManager.default
            let existing = files.map(\.name).filter { fileManager.fileExists(atPath: url.appendingPathComponent($0).path) }
            guard existing.isEmpty else {
                throw ValidationError("\(folder) already holds \(existing.joined(separator: ", ")): nothing was written")
            }
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            for file in files {
                try Data(file.bytes).write(to: url.appendingPathComponent(file.name), options: .atomic)
            }
            print("Created \(folder): " + files.map(\.name).joined(separator: ", "))
            print("Fill in pole.toml, then the CSV files, and check them with: ptce validate \(folder)")
        }
    }
}
