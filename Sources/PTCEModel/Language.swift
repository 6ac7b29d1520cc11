/// The language of labels and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// French, the default of reports and messages.
    case fr
    /// English.
    case en
}

extension Language {
    /// The text in this language: `language.text("Membres", "Members")`.
    public func text(_ french: String, _ english: String) -> String {
        self == .fr ? french : english
    }

    /// A count and its noun: "0 erreur", "3 erreurs", "0 errors", "1 error" — French keeps 0 and
    /// 1 in the singular, English only 1. `word` is the singular; the plural adds an `s`.
    public func counted(_ count: Int, _ word: LocalizedText) -> String {
        let isPlural = self == .fr ? count > 1 : count != 1
        return "\(count) \(word[self])" + (isPlural ? "s" : "")
    }

    /// "Oui"/"Non" or "Yes"/"No".
    public func yesNo(_ value: Bool) -> String {
        value ? text("Oui", "Yes") : text("Non", "No")
    }
}

/// A text in both report languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The French text.
    public var fr: String
    /// The English text.
    public var en: String

    /// Creates a text from its French and English versions.
    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    /// The text in `language`.
    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}

/// The engine's name and version, written into reports so a funder knows what produced them.
public enum Engine {
    /// The command's name: `ptce`.
    public static let name = "ptce"
    /// The engine's version, written beside its name in every report.
    public static let version = "0.3.0"
}
