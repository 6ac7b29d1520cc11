import ArgumentParser
import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEWorkbook

extension PTCECommand {
    /// `ptce collect DIR`: the year's collection forms (spec §8) — one per member, one for a new
    /// member, the anonymous questionnaire — written all or none into the forms folder.
    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a year's collection forms: FORMS/<member>.xlsx per member, nouveau-membre.xlsx and questionnaire.xlsx.",
            discussion: """
            Each member of the year before (or of the year itself, when the data has members for it) gets a \
            workbook with its identity locked, last year's figures beside each input, checks as it is filled in, \
            and a sheet for its cooperations. Existing forms are never overwritten: nothing is written then. \
            With data errors nothing is written and the exit status is 1.
            """
        )

        @Argument(help: "The pole folder.", completion: .directory)
        var folder: String

        @Option(help: "The year to collect (default: the latest year with members + 1).")
        var year: CommandYear?

        @Option(help: "The folder the forms are written to.", completion: .directory)
        var out = "forms"

        @OptionGroup var language: LanguageOptions

        @OptionGroup var library: LibraryOptions

        func run() throws {
            let language = self.language.lang
            let library = try library.library(language: language)
            let url = try existingFolder(folder)
            let out = try OutputFolder(self.out)
            guard let dataset = readPole(folder: folder, url: url, library: library, language: language, keepGoing: false, output: .forms)
            else { throw ExitCode(1) }
            guard let year = year?.value ?? CollectionPlan.defaultYear(of: dataset) else {
                printToStandardError(language.text("\(folder) : aucun membre n'a pu être lu ; rien n'a été écrit",
                                                   "\(folder): no member could be read; nothing was written"))
                throw ExitCode(1)
            }
            guard let plan = CollectionPlan(dataset: dataset, year: year, questionBank: library.questionBank) else {
                let years = Set(dataset.members.map(\.year)).sorted().map(String.init).joined(separator: ", ")
                throw ValidationError("\(folder): no member in \(year - 1) or \(year) to send forms to; years in the data: \(years)")
            }
            let files = plan.memberForms.map(\.file) + [plan.newMemberForm.file, plan.questionnaire.file]
            let existing = files.filter { FileManager.default.fileExists(atPath: out.url.appendingPathComponent($0).path) }
            guard existing.isEmpty else {
                let shown = existing.prefix(5).joined(separator: ", ") + (existing.count > 5 ? ", … (\(existing.count) in all)" : "")
                throw ValidationError("\(self.out) already holds \(shown): nothing was written (move them away or choose another --out)")
            }
            try writeAllOrNone(into: out, failure: { "\(self.out): the forms cannot be written: \($0)" }) { staging in
                try CollectionFormWriter.write(plan, into: staging, language: language, created: TemplateWorkbookWriter.creationDate())
            }
            for file in files { print(out.url.appendingPathComponent(file).path) }
            let forms = language.counted(plan.memberForms.count, LocalizedText(fr: "formulaire", en: "member form"))
            printToStandardError(language.text(
                "\(forms) de membre pour \(year) (membres de \(plan.sourceYear)), un pour un nouveau membre et le questionnaire",
                "\(forms) for \(year) (members of \(plan.sourceYear)), one for a new member and the questionnaire"))
        }
    }
}
