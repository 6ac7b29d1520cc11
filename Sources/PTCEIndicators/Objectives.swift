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

    /// Measures `objective` for `year` on `series`, the values of `definition` in each year with
    /// members up to `year`, oldest first.
    init(_ objective: Target, definition: IndicatorDefinition, series: [SeriesPoint], year: Int) {
        self.objective = objective
        target = objective.target.value
        let valueByYear = Dictionary(series.map { ($0.year, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let given = objective.baseline {
            (baseline, baselineYear) = (given.value, nil)
        } else if !definition.isFlow, let value = valueByYear[objective.from - 1] ?? nil {
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
            let values = measured.compactMap { valueByYear[$0] ?? nil }
            missingYears = measured.filter { (valueByYear[$0] ?? nil) == nil }
            // Added in year order: the same total every run.
            actual = values.isEmpty ? nil : FigurePrecision.rounded(values.reduce(0, +))
        } else {
            missingYears = []
            actual = measured.isEmpty ? nil : valueByYear[lastYear] ?? nil
        }
        let needsBaseline = !definition.isFlow && definition.direction == .lowerIsBetter
        let measuredFromBaseline = !definition.isFlow && baseline != nil
        let distance = measuredFromBaseline ? target - baseline! : target
        if let actual, missingYears.isEmpty, distance != 0, !(needsBaseline && baseline == nil) {
            progress = FigurePrecision.rounded(((measuredFromBaseline ? actual - baseline! : actual)) / distance)
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
