import PTCEModel

/// A unit of the library (`Indicators/units.toml`): how values are labelled and rounded.
public struct IndicatorUnit: Sendable, Hashable {
    /// The id indicators name it by: `eur_per_fte`.
    public let id: String
    /// Its name in both languages (`ETP`, `€ par ETP`), from which the default ``suffix`` is made.
    public let label: LocalizedText
    /// Digits after the decimal mark when shown (a share of 0.548 with 1 decimal shows 54,8 %).
    public let decimals: Int
    /// Whether values are fractions shown as percentages.
    public let isShare: Bool
    /// Whether values are yes (1) or no (0), shown as words: such a value has no arithmetic change.
    public let isFlag: Bool
    /// Whether values add up across members (counts, FTE, euros, tonnes), so that comparing
    /// poles of different sizes divides them by the size.
    public let isVolume: Bool
    /// What follows the number when a value is shown: a no-break space and the label unless
    /// the library says otherwise (`nil`: the number alone, as for counts and euros).
    public let suffix: LocalizedText?
    /// What the formula checker compares: `eur/fte`.
    let quantity: Quantity

    /// Whether values are amounts of euros (possibly per something), shown with `€`.
    public var isMoney: Bool { quantity.exponents["eur"] == 1 }

    /// A unit; unless `showsUnit` is false (the number alone), a value is followed by `suffix`,
    /// by default a no-break space and the label (for money, the label without its `€`:
    /// "par ETP" in "€ par ETP", since the amount already says `€`).
    init(
        id: String, label: LocalizedText, decimals: Int, isShare: Bool = false, isFlag: Bool = false, isVolume: Bool = false,
        showsUnit: Bool = true, suffix: LocalizedText? = nil, quantity: Quantity
    ) {
        self.id = id
        self.label = label
        self.decimals = decimals
        self.isShare = isShare
        self.isFlag = isFlag
        self.isVolume = isVolume
        self.quantity = quantity
        let isMoney = quantity.exponents["eur"] == 1
        func following(_ label: String) -> String {
            "\u{00A0}" + (isMoney ? String(label.drop { $0 == "€" || $0 == " " || $0 == "\u{00A0}" }) : label)
        }
        self.suffix = showsUnit ? suffix ?? LocalizedText(fr: following(label.fr), en: following(label.en)) : nil
    }
}

/// Which way is better, for colouring changes.
public enum Direction: String, Sendable, Hashable, Codable {
    /// A rise is good news (`direction = "higher"`).
    case higherIsBetter = "higher"
    /// A fall is good news (`"lower"`).
    case lowerIsBetter = "lower"
    /// Neither (the default): changes are not coloured, and comparisons do not rank poles.
    case neutral

    /// The direction in words, for reports.
    public var label: LocalizedText {
        switch self {
        case .higherIsBetter: LocalizedText(fr: "plus haut, mieux c'est", en: "higher is better")
        case .lowerIsBetter: LocalizedText(fr: "plus bas, mieux c'est", en: "lower is better")
        case .neutral: LocalizedText(fr: "neutre", en: "neutral")
        }
    }
}

/// A framework or source an indicator answers (IRIS+ metric, AMI call, decree, Labo de l'ESS…).
public struct IndicatorReference: Sendable, Hashable, Codable {
    /// The framework or body, as the library writes it: `IRIS+`, `IAE`.
    public let source: String
    /// The identifier within the source, e.g. `OI8869`.
    public let id: String?
    /// What the reference says or which metric it is, as written; `nil` when not given.
    public let note: String?
    /// A link to the reference; `nil` when not given.
    public let url: String?
}

/// A theme of the library: a group of indicators (economic weight, insertion, …) declared by one
/// indicator file's `[theme]` table, a section of every report.
public struct IndicatorTheme: Sendable, Hashable {
    /// The prefix of its indicators' ids: `eco`.
    public let id: String
    /// Its title in both languages, as the report's section heading: "Emploi et insertion".
    public let label: LocalizedText
    /// What reports show beside its indicators (`shows = [...]`), in the order given.
    public let views: [SectionView]
}

/// The units of the two terms of a ratio.
public struct QuotientUnits: Sendable, Hashable {
    /// The unit of the numerator's sum: `fte` in "55,7 ETP sur 133,7".
    public let numerator: IndicatorUnit
    /// The unit of the denominator's sum.
    public let denominator: IndicatorUnit
}

/// One indicator of the library, checked: its formula parsed and typed.
public struct IndicatorDefinition: Sendable {
    /// Stable dotted id, e.g. `emp.insertion_share`.
    public let id: String
    /// The id of its theme (``IndicatorTheme``): `emp`.
    public let theme: String
    /// An amount produced during the year (jobs created, tonnes reused, a budget), which adds up
    /// over a period; otherwise a stock, a state in the year (members, FTE, shares, scores),
    /// whose value over a period is its last year's (`flow = true` in the library).
    public let isFlow: Bool
    /// Its name in both languages, as reports title it.
    public let label: LocalizedText
    /// What it measures, in plain words in both languages: the method text of reports.
    public let description: LocalizedText
    /// The unit of its values (a share is a fraction 0–1, a yes/no value 1 or 0).
    public let unit: IndicatorUnit
    /// Which change is good news (neutral unless the library says).
    public let direction: Direction
    /// The formula as written in the library; for an indicator written as its ``conditions``,
    /// the formula they make: `if((…) and (…), 1, 0)`.
    public let formula: String
    /// For a yes/no indicator written as conditions (`conditions` in the library): each condition
    /// with its label, in library order; the indicator is 1 when all are met. Empty otherwise.
    public let conditions: [IndicatorCondition]
    /// The frameworks it answers, in the order the library lists them; empty when none.
    public let references: [IndicatorReference]
    /// Below this share of members reporting the inputs, the value is withheld (`low_coverage`).
    public let minimumCoverage: Double?
    /// Whether the library marks it a member sum or member ratio (`like_for_like = true`): where
    /// the members behind this year's and the previous year's values differ, its change is also
    /// given over the members that reported the inputs in both years.
    public let comparesLikeForLike: Bool
    /// For a ratio or a division: the units of its numerator and denominator, to show what the
    /// value rests on ("55,7 ETP sur 133,7").
    public let quotientUnits: QuotientUnits?
    /// Whether reports and comparisons show it among the key figures (`key_figure = true`).
    public let isKeyFigure: Bool
    /// The same figure as a spreadsheet formula over the workbook's data sheets, if the library
    /// gives one (`spreadsheet_formula`): the summary then shows a formula a funder can audit.
    public let spreadsheetFormula: SpreadsheetFormula?
    /// Whether it grows with a pole's size, so that comparisons also show it per member, per
    /// 1,000 inhabitants and, for money, per FTE (`scales_with_size`, true unless the library says
    /// false; only counts, FTE, euros and tonnes are concerned).
    public let scalesWithSize: Bool
    /// Whether reports also show it computed over the members of each actor type (`breakdown =
    /// "actor_type"`), as a chart.
    public let isBrokenDownByActorType: Bool
    /// That breakdown as a spreadsheet formula, `{group}` standing for an actor type's label.
    public let breakdownSpreadsheetFormula: SpreadsheetFormula?
    /// The survey dimension (of the question bank) whose score it is, for the indicators made by
    /// the library's `[per_survey_dimension]` template.
    public let surveyDimension: String?
    /// Where the definition is written.
    public let location: SourceLocation
    let checked: CheckedFormula
}

/// One condition of a yes/no indicator: what it requires, in words and as a formula.
public struct IndicatorCondition: Sendable {
    /// What it requires, as a report names it when it is not met: "au moins une entreprise".
    public let label: LocalizedText
    /// Its formula as written: `count(members where actor_type == "company") >= 1`.
    public let formula: String
    let checked: CheckedFormula

    /// The formula of an indicator that is 1 when every condition holds, else 0.
    static func formula(allOf conditions: [String]) -> String {
        "if(" + conditions.map { "(\($0))" }.joined(separator: " and ") + ", 1, 0)"
    }
}

/// A spreadsheet formula given by the library for an indicator, such as
/// `SUM({members.fte})`: each `{table.field}` stands for the column of that field in the table's
/// data sheet, and `{yes}` / `{no}` for the words the data sheets write in the report's language.
public struct SpreadsheetFormula: Sendable, Hashable {
    /// A piece of the formula: text as written, a column, or a yes/no word.
    public enum Part: Sendable, Hashable {
        /// Formula text, as written.
        case text(String)
        /// `{table.field}`: the range of that field's column in the table's data sheet.
        case column(table: String, field: String)
        /// `{yes}` (`true`) or `{no}` (`false`): the word the data sheets write, in the report's language.
        case yesNo(Bool)
        /// The label of the group a breakdown's row is about (an actor type).
        case group
    }

    /// The pieces of the formula, in the order written.
    public let parts: [Part]

    /// The formula with each column and word replaced: `column` gives a column's range
    /// (`nil` when the workbook has no single range for it), `yesNo` the word.
    public func text(column: (String, String) -> String?, yesNo: (Bool) -> String, group: String = "") -> String? {
        var text = ""
        for part in parts {
            switch part {
            case .text(let piece): text += piece
            case .column(let table, let field):
                guard let range = column(table, field) else { return nil }
                text += range
            case .yesNo(let value): text += yesNo(value)
            case .group: text += group
            }
        }
        return text
    }

    /// Reads `text`, reporting a placeholder that names no field of `fields`.
    static func parse(_ text: String, fields: Fields, at location: SourceLocation, findings: inout Findings) -> SpreadsheetFormula? {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                findings.error(IndicatorMessage.unclosedPlaceholder, at: location)
                return nil
            }
            let name = String(rest[rest.index(after: open)..<close])
            switch name {
            case "yes": parts.append(.yesNo(true))
            case "no": parts.append(.yesNo(false))
            case "group": parts.append(.group)
            default:
                let pieces = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard pieces.count == 2, let table = DataTable(rawValue: pieces[0]), fields.field(pieces[1], of: table) != nil else {
                    findings.error(IndicatorMessage.unknownPlaceholder(name), at: location)
                    return nil
                }
                parts.append(.column(table: pieces[0], field: pieces[1]))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return SpreadsheetFormula(parts: parts)
    }
}
