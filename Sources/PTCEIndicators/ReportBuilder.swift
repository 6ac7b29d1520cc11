import Dispatch
import Foundation
import PTCEModel

/// Computes a pole's report for a year: every indicator of the library in dependency order,
/// with previous-year value and coverage, and the survey results.
public struct ReportBuilder: Sendable {
    /// The library whose indicators every report computes.
    public let library: IndicatorLibrary

    /// Creates a builder computing with `library`.
    public init(library: IndicatorLibrary) {
        self.library = library
    }

    /// Computes the report of `dataset` for `year`.
    public func report(for dataset: PoleDataset, year: Int) -> PoleReport {
        let memberYears = dataset.memberYears
        /// The rows of `year`, if any member reported for it.
        func rowsWithMembers(in year: Int) -> YearRows? {
            memberYears.contains(year) ? YearRows(dataset: dataset, year: year, bank: library.questionBank) : nil
        }
        let current = YearRows(dataset: dataset, year: year, bank: library.questionBank)
        let previous = rowsWithMembers(in: year - 1)
        let previousYear = previous?.year
        // The year before the previous one gives the previous year its own comparisons (a
        // like-for-like change), not its previous() results: the chain stops there.
        let yearBefore = previous == nil ? nil : rowsWithMembers(in: year - 2)
        let previousValues: [(EvaluatedValue, UsedRows)]?
        let values: [(EvaluatedValue, UsedRows)]
        if let previous, !library.indicators.contains(where: { $0.checked.expression.calls("previous") }) {
            // No formula reads the previous year's results: both years are computed at once, on two cores.
            let years = [current, previous]
            let results = ResultSlots(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let rows = years[index]
                results[index] = evaluateAll(
                    rows: rows, previous: index == 0 ? (previous, nil) : yearBefore.map { ($0, nil) }, profile: dataset.profile)
            }
            (values, previousValues) = (results[0], results[1])
        } else {
            previousValues = previous.map { evaluateAll(rows: $0, previous: yearBefore.map { ($0, nil) }, profile: dataset.profile) }
            values = evaluateAll(rows: current, previous: previous.map { ($0, previousValues!) }, profile: dataset.profile)
        }

        // The earlier years of the series: every year with members before the previous one, each
        // computed with its own previous year's rows (not its previous() results, as for the previous year).
        var rowsByYear: [Int: YearRows?] = [year: current, year - 1: previous]
        // The year before the previous one, when read already for the previous year's comparisons.
        if previous != nil { rowsByYear[year - 2] = .some(yearBefore) }
        func yearRows(_ year: Int) -> YearRows? {
            if let known = rowsByYear[year] { return known }
            let rows = rowsWithMembers(in: year)
            rowsByYear[year] = rows
            return rows
        }
        let earlierRows = memberYears.filter({ $0 < year - 1 }).sorted().compactMap { earlierYear in
            yearRows(earlierYear).map { (rows: $0, before: yearRows(earlierYear - 1)) }
        }
        // Each earlier year depends on no other's results: they are computed side by side, on every core.
        let earlierValues = ResultSlots(count: earlierRows.count)
        DispatchQueue.concurrentPerform(iterations: earlierRows.count) { index in
            let (rows, before) = earlierRows[index]
            earlierValues[index] = evaluateAll(rows: rows, previous: before.map { ($0, nil) }, profile: dataset.profile)
        }
        let earlier = earlierRows.indices.map { (rows: earlierRows[$0].rows, values: earlierValues[$0]) }

        let survey = SurveySummary(rows: current, bank: library.questionBank)
        let targetsByIndicator = Dictionary(grouping: dataset.targets, by: \.indicator)
        var pairing: MemberPairing?
        let results = library.indicators.enumerated().map { index, definition in
            let (value, used) = values[index]
            let coverage = Self.coverage(used, rows: current, tables: definition.checked.tables)
            var number: Double?
            var reason: MissingReason?
            switch value {
            case .number(let result) where result.isFinite: number = result
            case .missing(let why): reason = why
            default: reason = .noData
            }
            if number != nil, !Self.meetsMinimum(definition, coverage) {
                number = nil
                reason = .lowCoverage
            }
            let before = previous.flatMap { rows in previousValues.map { Self.shown($0[index], of: definition, over: rows) } }
            let (previousNumber, previousCoverage) = (before?.value, before?.coverage)
            let previousPoint = previous.flatMap { rows in before.map { (rows.year, $0) } }
            let series = earlier.map { year in (year.rows.year, Self.shown(year.values[index], of: definition, over: year.rows)) }
                + (previousPoint.map { [$0] } ?? []) + [(year, (number, coverage))]
            var likeForLike: LikeForLikeChange?
            if definition.comparesLikeForLike, number != nil, previousNumber != nil, let previous, let previousValues {
                let pairs = pairing ?? MemberPairing(current: current, previous: previous)
                pairing = pairs
                likeForLike = self.likeForLike(
                    index, pairing: pairs, current: (current, used), previous: (previous, previousValues[index].1),
                    profile: dataset.profile)
            }
            var quotient: QuotientTerms?
            if number != nil, let units = definition.quotientUnits, let terms = used.quotient {
                quotient = QuotientTerms(numerator: terms.numerator, denominator: terms.denominator, units: units)
            }
            let points = series.map { SeriesPoint(year: $0.0, value: $0.1.value, coverage: $0.1.coverage) }
            let objectives = (targetsByIndicator[definition.id] ?? []).map {
                ObjectiveProgress($0, definition: definition, series: points, year: year)
            }
            return IndicatorResult(
                definition: definition, value: number, previous: previousNumber, coverage: coverage,
                previousCoverage: previousCoverage, missingReason: reason, survey: definition.surveyDimension.flatMap { survey.dimensions[$0] },
                likeForLike: likeForLike, quotient: quotient,
                series: points,
                breakdown: definition.isBrokenDownByActorType ? breakdown(of: index, rows: current, profile: dataset.profile) : [],
                objectives: objectives,
                conditions: definition.conditions.map { condition in
                    ConditionResult(label: condition.label, isMet: self.isMet(
                        condition, rows: current, values: values, previous: previous.map { ($0, previousValues) }, profile: dataset.profile))
                })
        }
        var yearFindings = Findings()
        if let narrative = dataset.narrative, narrative.sectionsByYear[year] == nil, !narrative.sectionsByYear.isEmpty {
            yearFindings.warning(
                IndicatorMessage.noNarrativeForYear(year, written: narrative.sectionsByYear.keys.sorted(), hasPresentation: narrative.presentation != nil),
                at: SourceLocation(file: narrative.file))
        }
        var findings = dataset.findings
        findings.append(contentsOf: yearFindings)
        return PoleReport(
            profile: dataset.profile, year: year, previousYear: previousYear, results: results,
            questions: survey.questions, quotations: survey.quotations, findings: findings.sorted, yearFindings: yearFindings.sorted,
            sources: dataset.sources, library: library, dataset: dataset)
    }

    /// An indicator's value as reports show it for a year, with its coverage: `nil` when missing,
    /// not finite, or resting on fewer members than the indicator's minimum coverage.
    private static func shown(
        _ evaluated: (EvaluatedValue, UsedRows), of definition: IndicatorDefinition, over rows: YearRows
    ) -> (value: Double?, coverage: Coverage?) {
        let coverage = coverage(evaluated.1, rows: rows, tables: definition.checked.tables)
        guard case .number(let value) = evaluated.0, value.isFinite, meetsMinimum(definition, coverage) else { return (nil, coverage) }
        return (value, coverage)
    }

    /// Evaluates every indicator for one year, in dependency order; results by library index.
    /// `previous` gives the previous year's rows and, when computed, its results (for `previous()`).
    private func evaluateAll(
        rows: YearRows, previous: (rows: YearRows, results: [(EvaluatedValue, UsedRows)]?)?, profile: PoleProfile
    ) -> [(EvaluatedValue, UsedRows)] {
        var results = [(EvaluatedValue, UsedRows)](repeating: (.missing(.noData), UsedRows()), count: library.indicators.count)
        for index in library.evaluationOrder {
            let evaluator = self.evaluator(rows: rows, results: results, previous: previous, profile: profile)
            var used = UsedRows()
            let value = evaluator.evaluate(library.indicators[index].checked.expression, used: &used)
            results[index] = (value, used)
        }
        return results
    }

    /// The evaluator of a year's formulas, the indicators already computed that year in
    /// `results`, the previous year's rows and results (when computed) for `previous(...)`.
    private func evaluator(
        rows: YearRows, results: [(EvaluatedValue, UsedRows)], previous: (rows: YearRows, results: [(EvaluatedValue, UsedRows)]?)?,
        profile: PoleProfile
    ) -> FormulaEvaluator {
        FormulaEvaluator(
            rows: rows, previousRows: previous?.rows, profile: profile,
            indicatorValue: { id in results[library.index(of: id)!] },
            previousEvaluator: previous.flatMap { previous in
                previous.results.map { results in
                    {
                        FormulaEvaluator(
                            rows: previous.rows, previousRows: nil, profile: profile,
                            indicatorValue: { id in results[library.index(of: id)!] }, previousEvaluator: nil)
                    }
                }
            })
    }

    /// Whether the year's rows meet `condition`, evaluated as the indicator is (the year's
    /// `values`, the previous year's rows and results at hand); `nil` when an input is missing.
    private func isMet(
        _ condition: IndicatorCondition, rows: YearRows, values: [(EvaluatedValue, UsedRows)],
        previous: (rows: YearRows, results: [(EvaluatedValue, UsedRows)]?)?, profile: PoleProfile
    ) -> Bool? {
        let evaluator = self.evaluator(rows: rows, results: values, previous: previous, profile: profile)
        var used = UsedRows()
        guard case .bool(let met) = evaluator.evaluate(condition.checked.expression, used: &used) else { return nil }
        return met
    }

    /// The change of indicator `index` over the members that reported its inputs in both years,
    /// or `nil` when the same members are behind both values.
    private func likeForLike(
        _ index: Int, pairing: MemberPairing, current: (rows: YearRows, used: UsedRows),
        previous: (rows: YearRows, used: UsedRows), profile: PoleProfile
    ) -> LikeForLikeChange? {
        let usedNow = current.used.byTable[.members] ?? RowSet(rowCount: current.rows.members.count)
        let usedThen = previous.used.byTable[.members] ?? RowSet(rowCount: previous.rows.members.count)
        var maskNow = RowSet(rowCount: current.rows.members.count), maskThen = RowSet(rowCount: previous.rows.members.count)
        var both = 0
        for row in usedNow.indices {
            guard let earlier = pairing.previousRow[row], usedThen.contains(earlier) else { continue }
            maskNow.insert(row)
            maskThen.insert(earlier)
            both += 1
        }
        guard both != usedNow.count || both != usedThen.count else { return nil }
        return LikeForLikeChange(
            value: value(of: index, rows: current.rows, memberMask: maskNow, profile: profile),
            previous: value(of: index, rows: previous.rows, memberMask: maskThen, profile: profile),
            members: both)
    }

    /// Indicator `index` over the members of `memberMask` only, with the indicators it reads
    /// computed over the same members.
    private func value(of index: Int, rows: YearRows, memberMask: RowSet, profile: PoleProfile) -> Double? {
        evaluated(index, rows: rows, memberMask: memberMask, profile: profile).value
    }

    /// As ``value(of:rows:memberMask:profile:)``, with the members whose inputs were used.
    private func evaluated(_ index: Int, rows: YearRows, memberMask: RowSet, profile: PoleProfile) -> (value: Double?, used: Int) {
        func evaluate(_ index: Int) -> (EvaluatedValue, UsedRows) {
            let evaluator = FormulaEvaluator(
                rows: rows, previousRows: nil, profile: profile, memberMask: memberMask,
                indicatorValue: { id in evaluate(library.index(of: id)!) }, previousEvaluator: nil)
            var used = UsedRows()
            return (evaluator.evaluate(library.indicators[index].checked.expression, used: &used), used)
        }
        let (result, used) = evaluate(index)
        let count = used.byTable[.members]?.count ?? 0
        guard case .number(let value) = result, value.isFinite else { return (nil, count) }
        return (value, count)
    }

    /// Indicator `index` over the members of each actor type present in the year.
    private func breakdown(of index: Int, rows: YearRows, profile: PoleProfile) -> [ActorTypePart] {
        ActorType.allCases.compactMap { type in
            var mask = RowSet(rowCount: rows.members.count)
            for row in rows.members.indices where rows.members.withUnsafeElement(at: row, { $0.pointee.actorType }) == type { mask.insert(row) }
            guard mask.count > 0 else { return nil }
            let (value, used) = evaluated(index, rows: rows, memberMask: mask, profile: profile)
            // No member of the type reported the inputs: not reported, never 0.
            return ActorTypePart(actorType: type, value: used > 0 ? value : nil, reported: used, members: mask.count)
        }
    }

    private static func meetsMinimum(_ definition: IndicatorDefinition, _ coverage: Coverage?) -> Bool {
        guard let minimum = definition.minimumCoverage, let share = coverage?.share else { return true }
        return share >= minimum
    }

    /// Members first: the members whose inputs were used, out of the members of the year; for
    /// survey-only indicators, respondents; otherwise the rows of the table.
    private static func coverage(_ used: UsedRows, rows: YearRows, tables: Set<DataTable>) -> Coverage? {
        let referenced = tables.union(used.byTable.keys)
        if referenced.contains(.members) {
            let notApplicable = used.notApplicableByTable[.members]?.count ?? 0
            let counted = used.likeForLikeMembers.map { $0.count } ?? used.byTable[.members]?.count ?? 0
            return Coverage(reported: counted - notApplicable, notApplicable: notApplicable, of: rows.members.count)
        }
        if referenced.contains(.survey) {
            return Coverage(reported: used.respondents.count, of: rows.respondentCount, basis: .respondents)
        }
        guard let table = referenced.sorted(by: { $0.rawValue < $1.rawValue }).first else { return nil }
        return Coverage(reported: used.byTable[table]?.count ?? 0, of: rows.count(of: table), basis: .rows)
    }
}

/// Each member row of a year matched with the same member's row (by `member_id`) the year before.
private struct MemberPairing {
    /// For each row of the current year, the previous year's row of the same member, if any.
    let previousRow: [Int?]

    init(current: YearRows, previous: YearRows) {
        // Each id read in place: mapping the members would copy each (216 bytes).
        previousRow = current.members.indices.map { row in current.members.withUnsafeElement(at: row) { previous.memberRows[$0.pointee.id] } }
    }
}

/// The results of the years computed at once: each slot written by one thread, read after all end.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[(EvaluatedValue, UsedRows)]]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    subscript(index: Int) -> [(EvaluatedValue, UsedRows)] {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
}
