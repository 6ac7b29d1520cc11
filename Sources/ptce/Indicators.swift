import ArgumentParser
import Foundation
import PTCEIndicators
import PTCEModel
import PTCEStandardLibrary

extension PTCECommand {
    /// `ptce indicators`: the indicator library, with formulas and references.
    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the indicator library.",
            subcommands: [List.self, Explain.self, Export.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List every indicator by theme.")

            @OptionGroup var library: LibraryOptions

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let lang = language.lang
                let library = try library.library(language: lang)
                for theme in library.themes {
                    print("\(theme.id) — \(theme.label[lang])")
                    for indicator in library.indicators where indicator.theme == theme.id {
                        print("  \(indicator.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(indicator.label[lang]) (\(indicator.unit.label[lang]))")
                    }
                }
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Explain one indicator: label, unit, formula, references.")

            @Argument(help: "The indicator id, e.g. emp.insertion_share.")
            var id: String

            @OptionGroup var library: LibraryOptions

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let lang = language.lang
                let library = try library.library(language: lang)
                guard let indicator = library.indicator(id) else {
                    throw ValidationError("unknown indicator \(id); see ptce indicators list")
                }
                let french = lang == .fr
                print("\(indicator.id): \(indicator.label[lang])")
                print(indicator.description[lang])
                print("\(french ? "Thème" : "Theme"): \(library.theme(indicator.theme)?.label[lang] ?? indicator.theme)")
                print("\(french ? "Unité" : "Unit"): \(indicator.unit.label[lang])")
                print("\(french ? "Sens" : "Direction"): \(indicator.direction.label[lang]) (\(indicator.direction.rawValue))")
                print("\(french ? "Formule" : "Formula"): \(indicator.formula)")
                if let minimum = indicator.minimumCoverage {
                    print("\(french ? "Couverture minimale" : "Minimum coverage"): \(minimum)")
                }
                for reference in indicator.references {
                    let parts = [reference.source, reference.id, reference.note, reference.url].compactMap { $0 }
                    print("\(french ? "Référence" : "Reference"): \(parts.joined(separator: " — "))")
                }
                print("\(french ? "Défini dans" : "Defined in"): \(indicator.location.file):\(indicator.location.line ?? 0)")
            }
        }

        /// `ptce indicators export DIR`: the standard library's files, to start a custom library from.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the standard indicator library into a folder, to start a custom library (--indicators DIR).",
                discussion: "The folder is created if needed; a file already there is never overwritten (nothing is written then).")

            @Argument(help: "The folder to write the library into.", completion: .directory)
            var folder: String

            func run() throws {
                let out = try OutputFolder(folder, option: nil)
                let files = StandardLibrary.files
                let existing = files.map(\.name).filter { FileManager.default.fileExists(atPath: out.url.appendingPathComponent($0).path) }
                guard existing.isEmpty else {
                    throw ValidationError("\(folder) already holds \(existing.joined(separator: ", ")): nothing was written")
                }
                try writeAllOrNone(into: out, failure: { "\(folder): the library cannot be written: \($0)" }) { staging in
                    for file in files { try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name)) }
                    return files.map(\.name)
                }
                for file in files { print(out.url.appendingPathComponent(file.name).path) }
            }
        }
    }
}
