/// The language of labels and reports.
public enum Language: String, Sendable, Codable, CaseIterable {
    case fr
    case en
}

extension Language {
    /// The text in this language: `language.text("Membres", "Members")`.
    public func text(_ french: String, _ english: String) -> String {
        self == .fr ? french : english
    }

    /// "Oui"/"Non" or "Yes"/"No".
    public func yesNo(_ value: Bool) -> String {
        value ? text("Oui", "Yes") : text("Non", "No")
    }
}

/// A text in both report languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}

/// The engine's name and version, written into reports so a funder knows what produced them.
public enum Engine {
    public static let name = "ptce"
    public static let version = "0.2.0"
}
