import PTCEModel

/// How the poles of a comparison stand on one indicator.
public struct ComparisonRow: Sendable {
    /// The indicator compared.
    public let definition: IndicatorDefinition
    /// One cell per pole, in the order of ``PoleComparison/poles``.
    public let cells: [ComparisonCell]
    /// Over the poles whose value is comparable; `nil` when none has one.
    public let median: Double?
    /// The lowest comparable value among the poles; `nil` when none has one.
    public let minimum: Double?
    /// The highest comparable value among the poles; `nil` when none has one.
    public let maximum: Double?
    /// The comparable values' median, quartiles and extremes; `nil` when none has one.
    public let valueSpread: ValueSpread?
    /// The normalised views that make sense for this indicator (volumes only).
    public let normalisations: [Normalisation]
    /// The view ranks and colours follow: per member for volumes (so that a small pole is not
    /// last on every volume), `nil` when the value itself is compared.
    public let rankedBy: Normalisation?
    /// The median, minimum and maximum of each normalised view over the poles that have it.
    public let normalisedSpreads: [Normalisation: ValueSpread]
    /// Where the poles stand on the view ranks follow (``rankedBy``, else the value), over the
    /// comparable poles: median, quartiles, extremes; `nil` when none has a value.
    public let rankedSpread: ValueSpread?
    /// The same within each peer group (``PoleComparison/grouping``), by group id; empty without grouping.
    public let groupSpreads: [String: ValueSpread]
}

extension ComparisonRow {
    /// The value of `cell` on the view ranks follow: per member for a volume, else the value;
    /// `nil` when missing or not comparable.
    public func rankedValue(_ cell: ComparisonCell) -> Double? {
        guard cell.comparable else { return nil }
        return rankedBy.map { cell.normalised[$0] } ?? cell.value
    }
}

/// Where the poles' values of one view lie: extremes, quartiles (linear interpolation between
/// the sorted values, as Excel's QUARTILE.INC) and how many values.
public struct ValueSpread: Sendable, Hashable {
    public let median: Double
    public let minimum: Double
    public let maximum: Double
    /// The first quartile: a quarter of the values lie below it.
    public let lowerQuartile: Double
    /// The third quartile: a quarter of the values lie above it.
    public let upperQuartile: Double
    /// How many values the spread is over.
    public let count: Int
    /// Their mean; for a yes/no indicator, the share of poles that meet it.
    public let mean: Double

    /// The spread of `values` (sorted), `nil` when there is none.
    init?(sorted values: [Double]) {
        guard let median = ComparisonBuilder.median(values), let minimum = values.first, let maximum = values.last else { return nil }
        (self.median, self.minimum, self.maximum, count) = (median, minimum, maximum, values.count)
        // Each value divided before adding, in sorted order: no overflow, the same sum every run.
        mean = values.reduce(0) { $0 + $1 / Double(values.count) }
        lowerQuartile = Self.quantile(0.25, of: values)
        upperQuartile = Self.quantile(0.75, of: values)
    }

    /// The `fraction` quantile of `sorted` (not empty), interpolated between neighbours.
    static func quantile(_ fraction: Double, of sorted: [Double]) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let weight = position - Double(below)
        guard weight > 0, below + 1 < sorted.count else { return sorted[below] }
        // Weighted before adding: two values near the largest Double do not overflow.
        return sorted[below] * (1 - weight) + sorted[below + 1] * weight
    }
}

/// A way to put poles of different sizes on the same footing.
public enum Normalisation: String, Sendable, CaseIterable {
    /// Divided by the members the value rests on (those that reported or were not concerned),
    /// or by the pole's members of the year when the value counts rows: a mean per member that
    /// a missing figure does not lower.
    case perMember = "per_member"
    /// Divided by the pole's population, in thousands (`pole.toml`).
    case perThousandInhabitants = "per_1000_inhabitants"

    /// The view in words, as it follows a value: "par membre", "per 1,000 inhabitants".
    public var label: LocalizedText {
        switch self {
        case .perMember: LocalizedText(fr: "par membre", en: "per member")
        case .perThousandInhabitants: LocalizedText(fr: "pour 1\u{00A0}000 habitants", en: "per 1,000 inhabitants")
        }
    }
}

/// One pole's standing on one indicator.
public struct ComparisonCell: Sendable {
    /// The pole's value in the indicator's unit (a share as a fraction 0–1), given even when not ``comparable``;
    /// `nil` when missing or when the pole has no report for the year.
    public let value: Double?
    /// Why ``value`` is missing; `nil` when there is a value or when the pole has no report for the year.
    public let missingReason: MissingReason?
    /// How many members (respondents, rows) the value rests on; `nil` when the pole has no report for the year or the
    /// formula reads no table.
    public let coverage: Coverage?
    /// For a ratio: the sums it divides.
    public let quotient: QuotientTerms?
    /// 1 is best, following the indicator's direction; `nil` for neutral indicators, missing or
    /// not comparable values. Ties share a rank (1, 2, 2, 4).
    public let rank: Int?
    /// The share of the other comparable poles with a worse value, plus half of those with an
    /// equal one, × 100 (spec §5): 100 is best. `nil` when ``rank`` is, or when no other pole has a value.
    public let percentile: Double?
    /// The rank among the poles of the same peer group; `nil` without grouping or when ``rank`` is.
    public let groupRank: Int?
    /// The percentile among the other poles of the same peer group; `nil` without grouping, when
    /// ``rank`` is, or when the pole is alone in its group.
    public let groupPercentile: Double?
    /// The value's coverage share is below ``PoleComparison/lowCoverageThreshold``: fewer than half of the
    /// members (respondents, rows) counted, members not concerned counting as covered.
    public let lowCoverage: Bool
    /// False when the value cannot be set beside the others (a survey dimension asked with other questions).
    public let comparable: Bool
    /// The value divided by the pole's size, for each of the row's normalisations.
    public let normalised: [Normalisation: Double]
    /// The pole's value in each of ``PoleComparison/trendYears``, oldest first (`nil` where
    /// missing); empty when the pole has no report for the year.
    public let trend: [Double?]
}

/// A pole in a comparison: its report for the year, or why it has none.
public struct ComparedPole: Sendable {
    /// The pole's metadata, from `pole.toml`.
    public let profile: PoleProfile
    /// `nil` when the pole has no member for the year: it is listed, never skipped.
    public let report: PoleReport?
    /// The years the pole's data holds.
    public let years: [Int]
    /// The pole's peer group when the comparison groups poles (``PoleComparison/grouping``).
    public let group: PeerGroup?
}

/// Several poles side by side for one year: the same indicators, medians, ranks and normalised views.
public struct PoleComparison: Sendable {
    /// The year compared.
    public let year: Int
    /// The poles, in the order their datasets were given, those without a report included.
    public let poles: [ComparedPole]
    /// One row per indicator of the library, in library order.
    public let rows: [ComparisonRow]
    /// The years up to ``year`` in which every pole with a report has members, oldest first: the
    /// common years over which each pole's trend is given.
    public let trendYears: [Int]
    /// The indicator library every pole was computed with.
    public let library: IndicatorLibrary
    /// How poles are grouped with their peers; `nil` when they are not.
    public let grouping: PeerGrouping?

    /// Below this share of members reporting, a pole's value is flagged.
    public static let lowCoverageThreshold = 0.5

    /// The peer groups of the poles with data for the year, bands in their order and regions by
    /// name; empty without grouping.
    public var groups: [PeerGroup] {
        var seen = Set<String>()
        return poles.filter { $0.report != nil }.compactMap(\.group).filter { seen.insert($0.id).inserted }.sorted(by: PeerGroup.precedes)
    }

    /// The indices of ``poles`` in natural order of their names ("Pôle 2" before "Pôle 10").
    public var naturalOrder: [Int] {
        poles.indices.sorted { NaturalOrder.precedes(poles[$0].profile.name, poles[$1].profile.name) }
    }

    /// The poles with a report for the year in the order a ranking lists them: by rank (a
    /// neutral indicator by value, highest first), ties and names in natural order; then those
    /// without a value on the row's ranked view (missing, not comparable), in natural order.
    public func ranking(of row: ComparisonRow) -> [Int] {
        let order = naturalOrder.filter { poles[$0].report != nil }
        let valued = order.filter { row.rankedValue(row.cells[$0]) != nil }
        let ranked = valued.enumerated().sorted { lhs, rhs in
            let (left, right) = (row.cells[lhs.element], row.cells[rhs.element])
            if let leftRank = left.rank, let rightRank = right.rank, leftRank != rightRank { return leftRank < rightRank }
            if left.rank == nil, let leftValue = row.rankedValue(left), let rightValue = row.rankedValue(right), leftValue != rightValue {
                return leftValue > rightValue
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return ranked + order.filter { row.rankedValue(row.cells[$0]) == nil }
    }

    /// The index of the pole whose id is `id`, if any.
    public func index(ofPole id: String) -> Int? {
        poles.firstIndex { $0.profile.id == id }
    }
}

/// Builds comparisons from the poles' datasets with one indicator library.
public struct ComparisonBuilder: Sendable {
    /// The library every pole's report is computed with.
    public let library: IndicatorLibrary

    /// Creates a builder computing with `library`.
    public init(library: IndicatorLibrary) {
        self.library = library
    }

    /// The latest year any pole holds members for.
    public static func latestYear(of datasets: [PoleDataset]) -> Int? {
        datasets.flatMap { $0.members.map(\.year) }.max()
    }

    /// Sets `datasets` side by side for `year`: the report of each pole that has members that year (a pole without is
    /// listed, with no report), then for each indicator the cells, medians, quartiles, ranks, percentiles and
    /// normalised views, overall and, with `grouping`, within each pole's peer group.
    public func compare(_ datasets: [PoleDataset], year: Int, grouping: PeerGrouping? = nil) -> PoleComparison {
        let builder = ReportBuilder(library: library)
        let poles = datasets.map { dataset in
            let report = dataset.members.contains { $0.year == year } ? builder.report(for: dataset, year: year) : nil
            return ComparedPole(profile: dataset.profile, report: report, years: dataset.years,
                                group: grouping?.group(of: dataset.profile, fte: report.flatMap(Self.sizeFTE), year: year))
        }
        let reported = poles.compactMap(\.report)
        let trendYears = reported.map { Set($0.seriesYears) }.reduce(reported.isEmpty ? [] : Set(reported[0].seriesYears)) {
            $0.intersection($1)
        }.sorted()
        let rows = library.indicators.map { definition in row(definition, poles: poles, trendYears: trendYears) }
        return PoleComparison(year: year, poles: poles, rows: rows, trendYears: trendYears, library: library, grouping: grouping)
    }

    private func row(_ definition: IndicatorDefinition, poles: [ComparedPole], trendYears: [Int]) -> ComparisonRow {
        let results = poles.map { $0.report?.result(definition.id) }
        let comparable = comparability(definition, poles: poles)
        let normalisations = Self.normalisations(for: definition)
        let values: [Double?] = results.enumerated().map { index, result in comparable[index] ? result?.value : nil }
        let present = values.compactMap { $0 }.sorted()
        let normalised: [[Normalisation: Double]] = poles.indices.map { index in
            guard let value = values[index], let report = poles[index].report, let result = results[index] else { return [:] }
            var views: [Normalisation: Double] = [:]
            for normalisation in normalisations {
                // A tiny size must not turn a quotient infinite: then it is not shown.
                if let size = Self.size(normalisation, of: result, in: report), size > 0, (value / size).isFinite {
                    views[normalisation] = value / size
                }
            }
            return views
        }
        let rankedBy: Normalisation? = normalisations.contains(.perMember) ? .perMember : nil
        // Ranked at the precision every output shows: values that read the same tie.
        let basis: [Double?] = (rankedBy.map { view in normalised.map { $0[view] } } ?? values).map { $0.map(FigurePrecision.rounded) }
        let ranked = basis.compactMap { $0 }.sorted()
        // Each group's values of the ranked view, sorted, by group id; a pole whose group is not
        // given has no peers to be ranked among.
        var groupValues: [String: [Double]] = [:]
        for index in poles.indices {
            guard let group = poles[index].group, group.isPeerGroup, let value = basis[index] else { continue }
            groupValues[group.id, default: []].append(value)
        }
        for id in groupValues.keys { groupValues[id]!.sort() }
        let direction = definition.direction
        let cells = poles.indices.map { index -> ComparisonCell in
            let result = results[index]
            let peers = poles[index].group.flatMap { groupValues[$0.id] }
            return ComparisonCell(
                value: result?.value, missingReason: result?.missingReason, coverage: result?.coverage, quotient: result?.quotient,
                rank: basis[index].flatMap { Self.rank($0, among: ranked, direction: direction) },
                percentile: basis[index].flatMap { Self.percentile($0, among: ranked, direction: direction) },
                groupRank: basis[index].flatMap { value in peers.flatMap { Self.rank(value, among: $0, direction: direction) } },
                groupPercentile: basis[index].flatMap { value in peers.flatMap { Self.percentile(value, among: $0, direction: direction) } },
                lowCoverage: (result?.coverage?.share).map { $0 < PoleComparison.lowCoverageThreshold } ?? false,
                comparable: comparable[index], normalised: normalised[index],
                trend: result.map { result in trendYears.map(result.series.value(in:)) } ?? [])
        }
        var spreads: [Normalisation: ValueSpread] = [:]
        for normalisation in normalisations {
            spreads[normalisation] = ValueSpread(sorted: normalised.compactMap { $0[normalisation] }.sorted())
        }
        return ComparisonRow(
            definition: definition, cells: cells, median: Self.median(present), minimum: present.first, maximum: present.last,
            valueSpread: ValueSpread(sorted: present),
            normalisations: normalisations, rankedBy: rankedBy, normalisedSpreads: spreads, rankedSpread: ValueSpread(sorted: ranked),
            groupSpreads: groupValues.compactMapValues { ValueSpread(sorted: $0) })
    }

    /// The FTE a pole's size band is read from: the library's consolidated FTE (`eco.fte`) when
    /// at least half of the members reported it (``PoleComparison/lowCoverageThreshold``); `nil`
    /// otherwise, and the pole's size is then not given.
    static func sizeFTE(of report: PoleReport) -> Double? {
        guard let fte = report.result("eco.fte"), let value = fte.value, let share = fte.coverage?.share,
              share >= PoleComparison.lowCoverageThreshold else { return nil }
        return value
    }

    /// For a survey dimension, a pole is comparable when it asked the same questions of the
    /// dimension as most poles did; every other indicator is comparable.
    private func comparability(_ definition: IndicatorDefinition, poles: [ComparedPole]) -> [Bool] {
        guard let dimension = definition.surveyDimension else { return poles.map { _ in true } }
        let asked: [Set<String>?] = poles.map { pole in
            guard let report = pole.report else { return nil }
            let questions = Set(report.dataset.survey.filter { answer in
                answer.year == report.year && library.questionBank[answer.questionID]?.dimension == dimension
                    && library.questionBank[answer.questionID]?.kind == .scale
            }.map(\.questionID))
            return questions.isEmpty ? nil : questions
        }
        var votes: [Set<String>: Int] = [:]
        for set in asked.compactMap({ $0 }) { votes[set, default: 0] += 1 }
        let reference = votes.max { lhs, rhs in
            (lhs.value, lhs.key.count, rhs.key.sorted().joined()) < (rhs.value, rhs.key.count, lhs.key.sorted().joined())
        }?.key
        return asked.map { set in set == nil || set == reference }
    }

    /// Normalising makes sense for quantities that grow with the pole's size (the library says
    /// which do not: `scales_with_size = false`).
    static func normalisations(for definition: IndicatorDefinition) -> [Normalisation] {
        guard definition.unit.isVolume, definition.scalesWithSize else { return [] }
        return [.perMember, .perThousandInhabitants]
    }

    /// What a view divides `result` by: the population in thousands, or the members the value
    /// rests on (the pole's members of the year when it counts respondents or rows).
    private static func size(_ normalisation: Normalisation, of result: IndicatorResult, in report: PoleReport) -> Double? {
        switch normalisation {
        case .perThousandInhabitants:
            return report.profile.population.map { Double($0) / 1000 }
        case .perMember:
            guard let coverage = result.coverage, coverage.basis == .members else { return Double(report.members.count) }
            return Double(coverage.counted)
        }
    }

    static func rank(_ value: Double, among sorted: [Double], direction: Direction) -> Int? {
        switch direction {
        case .neutral: nil
        case .higherIsBetter: sorted.filter { $0 > value }.count + 1
        case .lowerIsBetter: sorted.filter { $0 < value }.count + 1
        }
    }

    /// The share of the other values of `sorted` (which holds `value` once) that are worse than
    /// `value` in `direction`, plus half of those equal to it, × 100; `nil` for a neutral
    /// indicator or when `value` is alone.
    static func percentile(_ value: Double, among sorted: [Double], direction: Direction) -> Double? {
        guard direction != .neutral, sorted.count > 1 else { return nil }
        let below = sorted.filter { $0 < value }.count
        let equal = sorted.filter { $0 == value }.count - 1
        let above = sorted.count - 1 - below - equal
        let worse = direction == .higherIsBetter ? below : above
        return (Double(worse) + Double(equal) / 2) / Double(sorted.count - 1) * 100
    }

    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        // Halved before adding: two values near the largest Double do not overflow.
        return sorted.count % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2
    }
}
