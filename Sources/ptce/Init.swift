import ArgumentParser
import Foundation
import PTCEImport
import PTCEModel
import PTCEWorkbook

extension PTCECommand {
    /// `ptce init DIR [--xlsx]`: a new pole folder with `pole.toml` and the tables' templates, CSV
    /// files or workbooks.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a pole folder: pole.toml and the tables' templates with French headers, ready for Excel.",
            discussion: """
            The tables are CSV files, or with --xlsx one workbook per table: the table on the first sheet \
            (typed columns, dropdowns, checks as you type), its help on the second.
            """
        )

        @Argument(help: "The folder to create (or an empty existing one).", completion: .directory)
        var folder: String

        @Flag(help: "Write the tables as workbooks (members.xlsx and the others) instead of CSV files.")
        var xlsx = false

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            if language.lang == .en, !xlsx {
                throw ValidationError("--lang en applies to the workbooks of --xlsx; the CSV templates have French headers")
            }
        }

        func run() throws {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            let poleID = PoleTemplate.poleID(fromFolderName: url.lastPathComponent)
            let tables = FieldCatalogue.standard.tables
            let names = [PoleTemplate.profileFile] + tables.map { xlsx ? $0.workbookFile : $0.file } + [PoleTemplate.reportFile]
            // A table already there in either format would be overwritten, or given twice.
            let fileManager = FileManager.default
            let existing = ([PoleTemplate.profileFile] + tables.flatMap { [$0.file, $0.workbookFile] } + PoleTemplate.reportFiles)
                .filter { fileManager.fileExists(atPath: url.appendingPathComponent($0).path) }
            guard existing.isEmpty else {
                throw ValidationError("\(folder) already holds \(existing.joined(separator: ", ")): nothing was written")
            }
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            if xlsx {
                try Data(PoleTemplate.profile(poleID: poleID, tables: .xlsx))
                    .write(to: url.appendingPathComponent(PoleTemplate.profileFile), options: .atomic)
                let created = TemplateWorkbookWriter.creationDate()
                for table in tables {
                    // Written under a hidden name, then renamed: a file is there whole or not at all.
                    let temporary = url.appendingPathComponent(".\(table.workbookFile).\(getpid()).tmp")
                    defer { try? fileManager.removeItem(at: temporary) }
                    try TemplateWorkbookWriter.write(table, to: temporary.path, language: language.lang, created: created)
                    try fileManager.moveItem(at: temporary, to: url.appendingPathComponent(table.workbookFile))
                }
            } else {
                for file in PoleTemplate.files(poleID: poleID) {
                    try Data(file.bytes).write(to: url.appendingPathComponent(file.name), options: .atomic)
                }
            }
            // The skeleton's year: the one a report written now is about (SOURCE_DATE_EPOCH fixes "now").
            let now = SourceDate.fixed() ?? Date()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let reportYear = calendar.component(.year, from: now) - 1
            try Data(PoleTemplate.report(year: reportYear)).write(to: url.appendingPathComponent(PoleTemplate.reportFile), options: .atomic)
            print("Created \(folder): " + names.joined(separator: ", "))
            print("Fill in pole.toml, then the \(xlsx ? "workbooks" : "CSV files"), and check them with: ptce validate \(folder)")
        }
    }
}
