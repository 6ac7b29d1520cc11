import PTCEModel

/// Where an objective stands in the report year.
public enum ObjectiveStatus: String, Sendable, Hashable, CaseIterable {
    /// The period starts after the report year.
    case notStarted = "not_started"
    /// A stock where lower is better, without a baseline: its progress cannot be measured.
    case noBaseline = "no_baseline"
    /// No value for the year the objective is measured on (for a flow, for any year of the period).
    case noData = "no_data"
    /// A flow missing a year of the period up to the report year: its total is partial.
    case incomplete
    /// The target is met.
    case reached
    /// The period is over and the target was not met.
    case missed
    /// Progress is at least the share of the period elapsed.
    case onTrack = "on_track"
    /// Progress is below the share of the period elapsed.
    case behind

    /// The status in words: "atteint", "en bonne voie", "en retard"…
    public var label: LocalizedText {
        switch self {
        case .notStarted: LocalizedText(fr: "pas encore commencé", en: "not started")
        case .noBaseline: LocalizedText(fr: "sans valeur de départ", en: "no baseline")
        case .noData: LocalizedText(fr: "pas de donnée", en: "no data")
        case .incomplete: LocalizedText(fr: "incomplet", en: "incomplete")
        case .reached: LocalizedText(fr: "atteint", en: "reached")
        case .missed: LocalizedText(fr: "non atteint", en: "missed")
        case .onTrack: LocalizedText(fr: "en bonne voie", en: "on track")
        case .behind: LocalizedText(fr: "en retard", en: "behind")
        }
    }

    /// Good news (`true`: reached, on track), bad news (`false`: missed, behind), or neither.
    public var isGoodNews: Bool? {
        switch self {
        case .reached, .onTrack: true
        case .missed, .behind: false
        case .notStarted, .noBaseline, .noData, .incomplete: nil
        }
    }
}

/// An objective of `targets.csv` measured in the report year Y: its actual value, its progress
/// from the baseline to the target, and its status.
///
/// With E = min(Y, `to`), the actual value of a flow is the sum of its yearly values from `from`
/// to E, that of a stock its value in E. Progress is `(actual − baseline) ÷ (target − baseline)`
/// for a stock with a baseline, else `actual ÷ target`.
public struct ObjectiveProgress: Sendable, Hashable {
    /// The objective as `targets.csv` states it.
    public let objective: Target
    /// The report year the objective is measured in.
    public let year: Int
    /// Whether the indicator is a flow: ``actual`` is then the total of the period's years up to
    /// ``lastYear``, compared with the target itself; else a stock, its value in ``lastYear``.
    public let isFlow: Bool
    /// The value to reach, in the indicator's unit (a share as a fraction).
    public let target: Double
    /// The value the period starts from: given in the file, else, for a stock, the indicator's
    /// value in `from − 1` (``baselineYear``); `nil` when neither exists.
    public let baseline: Double?
    /// The year the baseline was taken from, when the data gave it; `nil` when the file gave it or there is none.
    public let baselineYear: Int?
    /// The last year measured, min(report year, `to`); before `from` when the period has not started.
    public let lastYear: Int
    /// The value reached: for a flow, the sum over the years of the period up to ``lastYear`` that
    /// have a value (partial when ``missingYears`` is not empty); for a stock, the value in ``lastYear``.
    public let actual: Double?
    /// The share of the way from the baseline to the target covered, 1 when reached; `nil` when it
    /// cannot be computed (no actual, a partial total, no baseline where one is needed, a target
    /// equal to its baseline or, without baseline, a target of 0).
    public let progress: Double?
    /// The share of the period elapsed at the report year, (Y − from + 1) ÷ (to − from + 1),
    /// between 0 and 1: the progress an objective on track has at least.
    public let elapsed: Double
    /// For a flow, the years of the period up to ``lastYear`` without a value.
    public let missingYears: [Int]
    /// Where the objective stands.
    public let status: ObjectiveStatus
    /// Whether progress is measured from ``baseline``, `(actual − baseline) ÷ (target − baseline)`:
    /// for a stock that has one. A flow's total, and a stock without baseline, are compared with
    /// the target itself; a baseline is then not used.
    public let isMeasuredFromBaseline: Bool

    /// The period as reports write it: "2023–2025" (one year: "2024").
    public var period: String { Self.span(objective.from, objective.to) }

    /// Where the baseline comes from when the data gave it: "valeur 2022"; `nil` when the file gave it or there is none.
    public var baselineSource: LocalizedText? {
        baselineYear.map { LocalizedText(fr: "valeur \($0)", en: "\($0) value") }
    }

    /// What ``actual`` is, to write beside it: for a flow, the years it adds up ("somme 2023–2024";
    /// "somme partielle 2022–2024 : pas de donnée pour 2023" when years are missing); for a stock
    /// measured before the report year, the year ("valeur 2023"). `nil` for a stock measured in the
    /// report year, and when there is no actual value.
    public var actualScope: LocalizedText? {
        guard actual != nil else { return nil }
        guard isFlow else { return lastYear == year ? nil : LocalizedText(fr: "valeur \(lastYear)", en: "\(lastYear) value") }
        let years = Self.span(objective.from, lastYear)
        guard !missingYears.isEmpty else { return LocalizedText(fr: "somme \(years)", en: "total \(years)") }
        let missing = missingYears.map(String.init)
        let listed = LocalizedText(fr: Self.list(missing, and: "et"), en: Self.list(missing, and: "and"))
        return LocalizedText(fr: "somme partielle \(years) : pas de donnée pour \(listed.fr)",
                             en: "partial total \(years): no data for \(listed.en)")
    }

    /// How objectives are measured, in words for the reports: flows added up, stocks measured from
    /// their baseline, on track against the share of the period elapsed.
    public static let method = LocalizedText(
        fr: "Un indicateur qui s'additionne d'une année sur l'autre (emplois créés, personnes formées…) est suivi par la somme de ses valeurs sur les années écoulées de la période, comparée à la cible. Les autres le sont par leur valeur de la dernière année écoulée de la période, et l'avancement se mesure depuis la valeur de départ : celle donnée avec l'objectif, sinon celle de l'année qui précède la période, sinon 0 (quand plus bas, mieux c'est, une valeur de départ est nécessaire). Un objectif est en bonne voie quand son avancement atteint au moins la part de la période écoulée.",
        en: "An indicator that adds up from year to year (jobs created, people trained…) is tracked by the sum of its values over the elapsed years of the period, compared with the target. The others are tracked by their value in the last elapsed year of the period, and progress is measured from the baseline: the one given with the objective, otherwise the value for the year before the period, otherwise 0 (where lower is better, a baseline is needed). An objective is on track when its progress is at least the share of the period elapsed.")

    /// "2023–2025", or "2024" when the two years are the same.
    private static func span(_ first: Int, _ last: Int) -> String {
        first == last ? String(first) : "\(first)–\(last)"
    }

    /// "2022, 2023 et 2024": the items joined by commas, the last by `and`.
    private static func list(_ items: [String], and: String) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }

    /// Measures `objective` for `year` on `series`, the values of `definition` in each year with
    /// members up to `year`, oldest first.
    init(_ objective: Target, definition: IndicatorDefinition, series: [SeriesPoint], year: Int) {
        self.objective = objective
        self.year = year
        isFlow = definition.isFlow
        target = objective.target.value
        if let given = objective.baseline {
            (baseline, baselineYear) = (given.value, nil)
        } else if !definition.isFlow, let value = series.value(in: objective.from - 1) {
            // A flow's total over the period is measured against its target alone: the year
            // before is not where its sum starts, so it is not taken as a baseline.
            (baseline, baselineYear) = (value, objective.from - 1)
        } else {
            (baseline, baselineYear) = (nil, nil)
        }
        lastYear = min(year, objective.to)
        let periodYears = objective.to - objective.from + 1
        elapsed = min(max(Double(year - objective.from + 1) / Double(periodYears), 0), 1)
        let measured = objective.from <= lastYear ? Array(objective.from...lastYear) : []
        if definition.isFlow {
            let values = measured.compactMap(series.value(in:))
            missingYears = measured.filter { series.value(in: $0) == nil }
            // Added in year order: the same total every run.
            actual = values.isEmpty ? nil : FigurePrecision.rounded(values.reduce(0, +))
        } else {
            missingYears = []
            actual = measured.isEmpty ? nil : series.value(in: lastYear)
        }
        let needsBaseline = !definition.isFlow && definition.direction == .lowerIsBetter
        isMeasuredFromBaseline = !definition.isFlow && baseline != nil
        let distance = isMeasuredFromBaseline ? target - baseline! : target
        if let actual, missingYears.isEmpty, distance != 0, !(needsBaseline && baseline == nil) {
            progress = FigurePrecision.rounded(((isMeasuredFromBaseline ? actual - baseline! : actual)) / distance)
        } else {
            progress = nil
        }

        if year < objective.from {
            status = .notStarted
        } else if needsBaseline, baseline == nil {
            status = .noBaseline
        } else if let actual {
            if !missingYears.isEmpty {
                status = .incomplete
            } else if let progress {
                status = progress >= 1 ? .reached : year >= objective.to ? .missed : progress >= elapsed ? .onTrack : .behind
            } else {
                // A target equal to its baseline (or, without one, a target of 0): the actual value
                // compared with the target in the indicator's direction.
                let met = switch definition.direction {
                case .higherIsBetter: actual >= target
                case .lowerIsBetter: actual <= target
                case .neutral: FigurePrecision.rounded(actual) == FigurePrecision.rounded(target)
                }
                status = met ? .reached : year >= objective.to ? .missed : .behind
            }
        } else {
            status = .noData
        }
    }
}
