import PTCEModel

/// A unit of the library (`Indicators/units.toml`): how values are labelled and rounded.
public struct IndicatorUnit: Sendable, Hashable {
    public let id: String
    public let label: LocalizedText
    /// Digits after the decimal mark when shown (a share of 0.548 with 1 decimal shows 54,8 %).
    public let decimals: Int
    /// Whether values are fractions shown as percentages.
    public let isShare: Bool
    let dimension: Dimension

    /// Whether values are amounts of euros (possibly per something), shown with `€`.
    public var isMoney: Bool { dimension.exponents["eur"] == 1 }
    /// Whether values are yes (1) or no (0): such a value has no arithmetic change.
    public var isFlag: Bool { id == "flag" }
}

/// Which way is better, for colouring changes.
public enum Direction: String, Sendable, Hashable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
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
    public let source: String
    /// The identifier within the source, e.g. `OI8869`.
    public let id: String?
    public let note: String?
    public let url: String?
}

/// A group of indicators (economic weight, insertion, …), with its labels.
public struct IndicatorDimension: Sendable, Hashable {
    public let id: String
    public let label: LocalizedText
}

/// The units of the two terms of a ratio.
public struct QuotientUnits: Sendable, Hashable {
    public let numerator: IndicatorUnit
    public let denominator: IndicatorUnit
}

/// One indicator of the library, checked: its formula parsed and typed.
public struct IndicatorDefinition: Sendable {
    /// Stable dotted id, e.g. `emp.insertion_share`.
    public let id: String
    public let dimension: String
    public let label: LocalizedText
    public let description: LocalizedText
    public let unit: IndicatorUnit
    public let direction: Direction
    /// The formula as written in the library.
    public let formula: String
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
    /// Where the definition is written.
    public let location: SourceLocation
    let checked: CheckedFormula
}
