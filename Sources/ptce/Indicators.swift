import ArgumentParser
import PTCEIndicators
import PTCEModel

extension PTCECommand {
    /// `ptce indicators`: the indicator library, with formulas and references.
    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the indicator library.",
            subcommands: [List.self, Explain.self],
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
    }
}
