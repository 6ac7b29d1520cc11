import ArgumentParser
import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel

extension PTCECommand {
    /// `ptce import FORM… --into DIR`: returned collection forms merged into the pole's tables
    /// (spec §8), all tables written or none.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge returned collection forms and questionnaires into a pole folder's tables.",
            discussion: """
            Each member's form replaces that member's row of the year in members.csv and the cooperations it \
            declared; each questionnaire replaces its respondent's answers of the year in survey.csv. Every other \
            row is left as it was. The forms are checked with the rules of the tables: with any error nothing is \
            written and the exit status is 1. The tables are written all or none; --dry-run only prints the changes.
            """
        )

        @Argument(help: "Returned forms (.xlsx), or folders holding them.", completion: .file(extensions: ["xlsx"]))
        var forms: [String]

        @Option(help: "The pole folder whose tables the forms are merged into.", completion: .directory)
        var into: String

        @Option(help: "The year imported (default: the forms' year).")
        var year: CommandYear?

        @Flag(help: "Print what would change, and change nothing.")
        var dryRun = false

        @OptionGroup var language: LanguageOptions

        @OptionGroup var library: LibraryOptions

        func run() throws {
            let language = self.language.lang
            let library = try library.library(language: language)
            let url = try existingFolder(into)
            let files = try formFiles()
            var findings = Findings()
            guard let dataset = PoleFolderReader(library: library).read(folder: url, findings: &findings) else {
                printFindings(findings, folder: into, language: language, includingNotes: false, toStandardError: true)
                printToStandardError(language.text("\(into) : pole.toml ne peut pas être lu ; rien n'a été écrit",
                                                   "\(into): pole.toml cannot be read; nothing was written"))
                throw ExitCode(1)
            }
            if findings.hasErrors {
                let errors = counted(.error, in: findings, language: language)
                printToStandardError(language.text(
                    "\(into) : le dossier a déjà \(errors) (ptce validate les montre) ; l'import n'y touche pas",
                    "\(into): the folder already has \(errors) (ptce validate shows them); the import leaves them as they are"))
            }
            let folderPath = into.hasSuffix("/") ? String(into.dropLast()) : into
            let merge = FormImport(forms: files, folder: url, folderPath: folderPath, dataset: dataset,
                                   questionBank: library.questionBank, year: year?.value)
            let all = merge.findings
            for finding in all.all { printToStandardError(finding.formatted(language)) }
            guard !all.hasErrors else {
                printToStandardError(language.text("\(counted(.error, in: all, language: language)) : rien n'a été écrit",
                                                   "\(counted(.error, in: all, language: language)): nothing was written"))
                throw ExitCode(1)
            }
            guard let year = merge.year, !merge.changes.isEmpty else {
                printToStandardError(language.text("rien à importer : aucun formulaire rempli", "nothing to import: no form filled in"))
                return
            }
            for change in merge.changes {
                print("\(folderPath)/\(change.file)" + (change.isNew ? language.text(" (nouveau fichier)", " (new file)") : ""))
                if !change.addedColumns.isEmpty {
                    print("  " + language.text("colonnes ajoutées : ", "columns added: ") + change.addedColumns.joined(separator: ", "))
                }
                for line in change.lines { print("  " + line[language]) }
            }
            let summary = language.text(
                "\(language.counted(merge.importedMembers, LocalizedText(fr: "formulaire", en: "form"))) de membre et \(language.counted(merge.importedQuestionnaires, LocalizedText(fr: "questionnaire", en: "questionnaire"))) pour \(year)",
                "\(language.counted(merge.importedMembers, LocalizedText(fr: "formulaire", en: "member form"))) and \(language.counted(merge.importedQuestionnaires, LocalizedText(fr: "questionnaire", en: "questionnaire"))) for \(year)")
            if dryRun {
                printToStandardError(language.text("--dry-run : \(summary) lus ; rien n'a été écrit", "--dry-run: \(summary) read; nothing was written"))
                return
            }
            try write(merge.changes, into: url)
            printToStandardError(language.text("\(summary) importés", "\(summary) imported"))
        }

        /// The forms named on the command line, a folder standing for the `.xlsx` files in it (not
        /// the lock files `~$…` Excel leaves beside an open workbook), in name order.
        private func formFiles() throws -> [String] {
            var files: [String] = []
            for path in forms {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    throw ValidationError("\(path): no such file or folder")
                }
                guard isFolder.boolValue else {
                    files.append(path)
                    continue
                }
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }.sorted()
                files += names.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            }
            guard !files.isEmpty else { throw ValidationError("no form to import in \(forms.joined(separator: ", ")) (.xlsx files)") }
            return files
        }

        /// Writes the tables into the folder, all or none (as the reports are: a hidden folder,
        /// then one rename each; the folder is left as it was on an error or a signal).
        private func write(_ changes: [TableChange], into url: URL) throws {
            let folder = try OutputFolder(into, option: "--into")
            try writeAllOrNone(into: folder, failure: { "\(into): the tables cannot be written: \($0); nothing was changed" }) { staging in
                for change in changes {
                    let staged = staging.appendingPathComponent(change.file)
                    try Data(change.bytes).write(to: staged)
                    // The table keeps who may read and write it.
                    if let permissions = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(change.file).path)[.posixPermissions] {
                        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: staged.path)
                    }
                }
                return changes.map(\.file)
            }
        }
    }
}
