import Foundation
import PTCEModel

/// The precision every output gives a figure: 12 significant digits, so that sums of decimals
/// read as typed (`143.2`, not `143.20000000000002`) and the JSON and the dashboard show the
/// same number.
public enum FigurePrecision {
    /// `value` rounded to 12 significant digits.
    public static func rounded(_ value: Double) -> Double {
        Double(String(format: "%.12g", value)) ?? value
    }
}

/// What a coverage counts.
public enum CoverageBasis: String, Sendable, Hashable, Codable {
    /// Members of the year (indicators on members' figures).
    case members
    /// Survey respondents of the year.
    case respondents
    /// Rows of the year in the indicator's file (cooperations, budget lines, projects).
    case rows
}

/// How many members (or respondents, or rows) an indicator's value rests on.
public struct Coverage: Sendable, Hashable, Codable {
    /// Members (respondents, rows) whose inputs were all reported.
    public let reported: Int
    /// Members not concerned by an input, which count as 0 (an insertion figure of a member that
    /// is not an insertion structure): apart from those that reported.
    public let notApplicable: Int
    /// Members (respondents, rows) of the year.
    public let of: Int
    /// What is counted: members (the default), respondents or rows.
    public let basis: CoverageBasis

    /// Creates a coverage: `reported` and `notApplicable` (by default 0) out of `of`, counting members unless `basis`
    /// says otherwise.
    public init(reported: Int, notApplicable: Int = 0, of: Int, basis: CoverageBasis = .members) {
        self.reported = reported
        self.notApplicable = notApplicable
        self.of = of
        self.basis = basis
    }

    /// The members the value rests on: those that reported and those not concerned.
    public var counted: Int { reported + notApplicable }
    /// Members that did not report an input.
    public var notReported: Int { of - counted }
    /// `counted ÷ of`, or `nil` when there is nothing to cover.
    public var share: Double? { of == 0 ? nil : Double(counted) / Double(of) }
    /// Whether every member of the year is counted.
    public var isComplete: Bool { counted == of }

    /// "5 / 7", followed when some did not report by the ``summary(_:)``: "5 / 7 — sur 7
    /// membres : 3 déclarants, 2 non concernés, 2 non déclarés".
    public func label(_ language: Language) -> String {
        "\(counted) / \(of)" + (isComplete ? "" : " — " + summary(language))
    }

    /// How many reported, were not concerned and did not report, in words: "sur 7 membres :
    /// 3 déclarants, 2 non concernés, 2 non déclarés"; "3 répondants sur 6".
    public func summary(_ language: Language) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count > 1 ? "s" : "")" }
        switch basis {
        case .respondents:
            return language.text("\(plural(counted, "répondant")) sur \(of)", "\(counted) of \(of) respondents")
        case .rows:
            return language.text("\(plural(counted, "ligne")) sur \(of)", "\(counted) of \(of) rows")
        case .members:
            var parts = [language.text(plural(reported, "déclarant"), "\(reported) reported")]
            if notApplicable > 0 { parts.append(language.text(plural(notApplicable, "non concerné"), "\(notApplicable) not concerned")) }
            if notReported > 0 { parts.append(language.text(plural(notReported, "non déclaré"), "\(notReported) not reported")) }
            return language.text("sur \(plural(of, "membre")) : ", "of \(of) member\(of > 1 ? "s" : ""): ") + parts.joined(separator: ", ")
        }
    }
}

/// A change recomputed over the members that reported the inputs in both years, when the
/// members behind the two years' values differ (Indicators/README.md, "like for like").
public struct LikeForLikeChange: Sendable, Hashable {
    /// The indicator this year, over those members only.
    public let value: Double?
    /// The indicator the previous year, over the same members.
    public let previous: Double?
    /// How many members reported the inputs in both years.
    public let members: Int

    /// `value − previous`, when both exist.
    public var change: Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }

    /// What the change compares: "à périmètre constant (6 membres présents les deux années)".
    public var scopeLabel: LocalizedText {
        let plural = members > 1
        return LocalizedText(
            fr: "à périmètre constant (\(members) membre\(plural ? "s" : "") présent\(plural ? "s" : "") les deux années)",
            en: "like for like (\(members) member\(members == 1 ? "" : "s") in both years)")
    }
}

/// The two terms a ratio's value rests on: "55,7 ETP sur 133,7".
public struct QuotientTerms: Sendable, Hashable {
    /// The sum divided, in ``units``' numerator unit: 55,7 in "55,7 ETP sur 133,7".
    public let numerator: Double
    /// The sum it is divided by, in ``units``' denominator unit: 133,7.
    public let denominator: Double
    /// The units the two sums are shown in.
    public let units: QuotientUnits
}

/// How a yes/no indicator moved since the previous year: it has no arithmetic change.
public enum FlagChange: Sendable, Hashable {
    /// Met both years, or neither.
    case unchanged
    /// Met this year, not the previous one.
    case nowMet
    /// Met the previous year, not this one.
    case noLongerMet

    /// "inchangé", "désormais atteint", "n'est plus atteint".
    public var label: LocalizedText {
        switch self {
        case .unchanged: LocalizedText(fr: "inchangé", en: "unchanged")
        case .nowMet: LocalizedText(fr: "désormais atteint", en: "now met")
        case .noLongerMet: LocalizedText(fr: "n'est plus atteint", en: "no longer met")
        }
    }
}

/// What a reader is told of an indicator's change since the previous year, decided once for
/// every writer: a yes/no indicator says whether it is now met; when the members behind the two
/// years differ, the change over those present in both comes first; else the change over all.
public enum ChangeStatement: Sendable, Hashable {
    /// A yes/no indicator, which has no arithmetic change.
    case flag(FlagChange)
    /// The members differ between the years: the change over those present in both (`nil` when
    /// it cannot be computed), what it compares ("à périmètre constant (6 membres…)"), and the
    /// change over all members, when both years have a value.
    case likeForLike(Double?, scope: LocalizedText, total: Double?)
    /// The change over all members, in the indicator's unit (a fraction for shares), with, for a
    /// survey score resting on few respondents, the warning to show beside it.
    case total(Double, smallSample: LocalizedText?)
}

/// Survey figures of a question or a dimension: n, mean, the distribution of scores 1–5,
/// the share of scores ≥ 4, and for yes/no questions the share of yes.
public struct SurveyStatistics: Sendable, Hashable {
    /// Answers counted.
    public let n: Int
    /// The mean score, 1–5, of the scale answers; `nil` when there is none (a yes/no question).
    public let mean: Double?
    /// Counts of scores 1, 2, 3, 4, 5 (scale questions only).
    public let distribution: [Int]
    /// The fraction (0–1) of scale answers scoring 4 or 5; `nil` when there is none.
    public let shareAtLeast4: Double?
    /// The fraction (0–1) of yes/no answers that are yes; `nil` when there is none (a scale question).
    public let yesShare: Double?
}

/// The survey results of a question of the bank in the report year.
public struct QuestionResult: Sendable, Hashable {
    /// The question of the bank: a scale or yes/no one (open answers are quotations).
    public let question: SurveyQuestion
    /// Its answers of the year; questions skipped are not counted.
    public let statistics: SurveyStatistics
}

/// An open answer or a comment, kept as a quotation for the writers (never computed on).
public struct Quotation: Sendable, Hashable {
    /// The id of the question answered or commented, e.g. `cooperation.pooling`.
    public let questionID: String
    /// The respondent's identifier, as `survey.csv` writes it.
    public let respondent: String
    /// The respondent's role.
    public let role: RespondentRole
    /// The open answer or the comment, as written (never empty).
    public let text: String
    /// The `survey.csv` line it comes from.
    public let origin: RecordOrigin
}

/// An indicator's value in one year of the series.
public struct SeriesPoint: Sendable, Hashable {
    public let year: Int
    /// `nil` when missing that year (never 0).
    public let value: Double?
    /// What the value rests on that year; `nil` when the formula reads no table.
    public let coverage: Coverage?
}

extension Array where Element == SeriesPoint {
    /// The value of `year`, `nil` when the series has no such year or no value in it (never 0).
    public func value(in year: Int) -> Double? {
        first { $0.year == year }?.value ?? nil
    }
}

/// An indicator computed over the members of one actor type.
public struct ActorTypePart: Sendable, Hashable {
    /// The actor type of the members it is computed over.
    public let actorType: ActorType
    /// `nil` when no member of the type reported the inputs (not 0).
    public let value: Double?
    /// Members of the type whose inputs were used, and members of the type.
    public let reported: Int, members: Int
}

/// One condition of a yes/no indicator (``IndicatorCondition``) in the report year.
public struct ConditionResult: Sendable, Hashable {
    /// What it requires: "au moins une entreprise".
    public let label: LocalizedText
    /// Whether the year's data meets it; `nil` when it cannot be said (an input not reported).
    public let isMet: Bool?
}

/// The value of one indicator in the report year, with what a funder needs to trust it.
public struct IndicatorResult: Sendable {
    /// The indicator computed.
    public let definition: IndicatorDefinition
    /// The value in the indicator's unit (a share as a fraction 0–1, a yes/no as 1 or 0); `nil` when missing,
    /// ``missingReason`` saying why.
    public let value: Double?
    /// The same indicator computed on the previous year, when the data holds it.
    public let previous: Double?
    /// How many members (respondents, rows) the value rests on; `nil` when the formula reads no table, directly or
    /// through the indicators it reads.
    public let coverage: Coverage?
    /// The coverage of `previous`, when the previous year is in the data.
    public let previousCoverage: Coverage?
    /// Why `value` is missing.
    public let missingReason: MissingReason?
    /// Survey figures, for the scores of survey dimensions.
    public let survey: SurveyStatistics?
    /// For member sums and ratios whose members differ between the two years: the change over
    /// the members present in both. Writers show it first; ``change`` stays the total change.
    public let likeForLike: LikeForLikeChange?
    /// For a ratio: the sums it divides.
    public let quotient: QuotientTerms?
    /// The indicator in every year with members up to the report year, oldest first: each year
    /// computed on its own rows (a ratio recomputed, never averaged).
    public let series: [SeriesPoint]
    /// For an indicator the library breaks down by actor type: its value over the members of
    /// each type present in the year, in the order of ``ActorType``.
    public let breakdown: [ActorTypePart]
    /// The pole's objectives on this indicator (`targets.csv`), measured in the report year, in file order.
    public let objectives: [ObjectiveProgress]
    /// For a yes/no indicator the library writes as conditions: each condition in the report
    /// year, in library order; empty otherwise.
    public let conditions: [ConditionResult]

    /// The conditions not met in the report year, in library order: what a reader is told when
    /// the indicator is "no"; none when the indicator has no value (then its missing reason is told).
    public var unmetConditions: [ConditionResult] { value == nil ? [] : conditions.filter { $0.isMet == false } }

    /// "Condition non remplie : au moins une entreprise", when some are not met; `nil` otherwise.
    public var unmetConditionsLabel: LocalizedText? {
        let unmet = unmetConditions
        guard !unmet.isEmpty else { return nil }
        let (fr, en) = (unmet.map(\.label.fr).joined(separator: " ; "), unmet.map(\.label.en).joined(separator: "; "))
        return unmet.count == 1 ? LocalizedText(fr: "Condition non remplie : \(fr)", en: "Condition not met: \(en)")
            : LocalizedText(fr: "Conditions non remplies : \(fr)", en: "Conditions not met: \(en)")
    }

    /// Survey changes resting on fewer respondents than this (in either year) are a small sample.
    public static let smallSampleRespondents = 10

    /// `value − previous`, when both exist; `nil` for a yes/no indicator (see ``flagChange``).
    public var change: Double? {
        guard let value, let previous, !definition.unit.isFlag else { return nil }
        return value - previous
    }

    /// How a yes/no indicator moved, when both years have a value.
    public var flagChange: FlagChange? {
        guard definition.unit.isFlag, let value, let previous else { return nil }
        let (now, then) = (value >= 1, previous >= 1)
        return now == then ? .unchanged : now ? .nowMet : .noLongerMet
    }

    /// What a reader is told of the change; `nil` when there is none to tell (no value in one of
    /// the two years).
    public var changeStatement: ChangeStatement? {
        if let flagChange { return .flag(flagChange) }
        if let likeForLike { return .likeForLike(likeForLike.change, scope: likeForLike.scopeLabel, total: change) }
        if let change { return .total(change, smallSample: smallSampleLabel) }
        return nil
    }

    /// The change a reader should see first: like for like when the members differ, else the total.
    public var headlineChange: Double? {
        likeForLike.map(\.change) ?? change
    }

    /// For a survey score whose change rests on fewer than ``smallSampleRespondents``
    /// respondents in either year: the smaller number of respondents. Such a change is shown,
    /// but not coloured as good or bad news.
    public var smallSample: Int? {
        guard survey != nil, previous != nil, let coverage, let previousCoverage else { return nil }
        let respondents = min(coverage.reported, previousCoverage.reported)
        return respondents < Self.smallSampleRespondents ? respondents : nil
    }

    /// Whether the change rests on a small sample (``smallSample`` is not `nil`).
    public var isSmallSample: Bool { smallSample != nil }

    /// "petit échantillon (3 répondants) : à lire avec prudence", for a small sample.
    public var smallSampleLabel: LocalizedText? {
        smallSample.map {
            LocalizedText(fr: "petit échantillon (\($0) répondants) : à lire avec prudence",
                          en: "small sample (\($0) respondents): read with care")
        }
    }

    /// What is missing from the value, for the list of incomplete indicators: why it has none,
    /// then what it rests on ("aucune donnée · sur 6 membres : 0 déclarant, 6 non déclarés").
    public func gap(_ language: Language) -> String {
        [value == nil ? missingReason?.label[language] : nil, coverage?.summary(language)].compactMap { $0 }
            .joined(separator: " · ")
    }

    /// Whether ``headlineChange`` is good news (`true`), bad news (`false`), or neither (`nil`:
    /// no change, a neutral indicator, or a small sample).
    public var changeIsBetter: Bool? {
        guard let change = headlineChange, change != 0, !isSmallSample else { return nil }
        switch definition.direction {
        case .neutral: return nil
        case .higherIsBetter: return change > 0
        case .lowerIsBetter: return change < 0
        }
    }
}

/// The rules every figure follows, in words for the method section of every report.
public enum ReportMethod {
    /// The principles, in both languages: not reported is never 0, not applicable counts as 0, ratios show their
    /// base, changes are given like for like, small samples are flagged.
    public static let principles = LocalizedText(
        fr: "Chaque valeur est calculée à partir des chiffres déclarés par les membres pour l'année. Une donnée non renseignée (case vide, « NC ») reste manquante, jamais 0. Un membre non concerné compte pour 0 : une case vide d'ETP, de personnes ou de sorties en insertion chez un membre qui n'est pas une structure d'insertion ; la couverture le montre à part. Les ratios ne retiennent que les membres qui ont déclaré toutes les données utilisées, et leur base (numérateur et dénominateur) est donnée quand des membres manquent. Quand les membres qui ont déclaré une donnée diffèrent d'une année à l'autre, l'évolution est d'abord donnée à périmètre constant, sur les membres présents les deux années ; l'évolution de l'ensemble reste indiquée. Une évolution de score d'enquête reposant sur moins de \(IndicatorResult.smallSampleRespondents) répondants est signalée comme petit échantillon et n'est pas colorée.",
        en: "Each value is computed from the figures the members reported for the year. A figure not reported (an empty cell, \"NC\") stays missing, never 0. A member not concerned counts as 0: an empty work-integration FTE, people or exits cell of a member that is not a work-integration enterprise (SIAE); coverage shows such members apart. Ratios use only the members that reported every input, and their base (numerator and denominator) is given when members are missing. When the members that reported a figure differ from one year to the next, the change is first given like for like, over the members present in both years; the change over all members stays visible. A survey score change resting on fewer than \(IndicatorResult.smallSampleRespondents) respondents is marked as a small sample and not coloured.")
}

/// The highlights as a one-page summary shows them: their paragraphs and list items up to the
/// first subheading, at most ``lineLimit`` lines (a table, a subsection and what is past the
/// limit stay with the full section).
public struct HighlightsSummary: Sendable, Hashable {
    /// At most this many paragraphs and list items are shown.
    public static let lineLimit = 8
    /// The section's title as written: "Faits marquants".
    public let title: String
    /// The paragraphs and lists shown.
    public let blocks: [MarkdownBlock]
    /// Whether the blocks are the whole section; when not, the summary says where the rest is.
    public let isComplete: Bool

    init(_ section: NarrativeSection) {
        title = section.title ?? ""
        var shown: [MarkdownBlock] = []
        var lines = 0
        var complete = true
        scan: for block in section.blocks {
            guard lines < Self.lineLimit else {
                complete = false
                break scan
            }
            switch block {
            case .paragraph:
                shown.append(block)
                lines += 1
            case .list(let ordered, let items):
                let kept = Array(items.prefix(Self.lineLimit - lines))
                shown.append(.list(ordered: ordered, items: kept))
                lines += kept.count
                if kept.count < items.count { complete = false }
            case .table:
                complete = false
            case .heading:
                complete = false
                break scan
            }
        }
        blocks = shown
        isComplete = complete
    }
}

/// Everything computed for one pole and one year: the input of every writer.
public struct PoleReport: Sendable {
    /// The pole's metadata, from `pole.toml`.
    public let profile: PoleProfile
    /// The year reported on.
    public let year: Int
    /// The previous year, when the data holds members for it.
    public let previousYear: Int?
    /// Every indicator of the library for the year, with or without a value, in library order.
    public let results: [IndicatorResult]
    /// The results in sections, one per theme of the library, with their charts.
    public let sections: [ReportSection]
    /// The key figures of the library (`key_figure = true`) with their results, in library order.
    public let keyFigures: [IndicatorResult]
    /// The score of each dimension of the question bank, in the bank's order.
    public let surveyScores: [SurveyDimensionScore]
    /// The results of each scale or yes/no question answered in the year, in the bank's order.
    public let questions: [QuestionResult]
    /// The open answers and comments of the year, in file order.
    public let quotations: [Quotation]
    /// Every finding made while reading the dataset (all years), then about the report year,
    /// by file, line and column.
    public let findings: [Finding]
    /// The findings about the report year alone (a `report.md` without its sections), made
    /// while computing: those a command prints after the reading's.
    public let yearFindings: [Finding]
    /// The CSV files read, in reading order, with their encoding, delimiter and SHA-256.
    public let sources: [SourceFile]
    /// The indicator library the report was computed with.
    public let library: IndicatorLibrary
    /// The dataset the report was computed from (the writers' data sheets).
    public let dataset: PoleDataset
    /// The year's resources against the budget plan, when a budget line of the year has a planned amount.
    public let resources: ResourcesAgainstPlan?

    init(
        profile: PoleProfile, year: Int, previousYear: Int?, results: [IndicatorResult], questions: [QuestionResult],
        quotations: [Quotation], findings: [Finding], yearFindings: [Finding], sources: [SourceFile], library: IndicatorLibrary,
        dataset: PoleDataset
    ) {
        self.profile = profile
        self.year = year
        self.previousYear = previousYear
        self.results = results
        self.questions = questions
        self.quotations = quotations
        self.findings = findings
        self.yearFindings = yearFindings
        self.sources = sources
        self.library = library
        self.dataset = dataset
        resources = ResourcesAgainstPlan(dataset: dataset, year: year)
        let byID = Dictionary(results.map { ($0.definition.id, $0) }, uniquingKeysWith: { first, _ in first })
        keyFigures = library.keyFigures.compactMap { byID[$0.id] }
        surveyScores = library.questionBank.dimensions.compactMap { dimension in
            library.score(ofSurveyDimension: dimension.id).flatMap { byID[$0.id] }.map { SurveyDimensionScore(dimension: dimension, result: $0) }
        }
        sections = ReportSection.sections(library: library, results: results, surveyScores: surveyScores, dataset: dataset, year: year)
    }

    /// What a reader should know is incomplete, in library order: the indicators without a value,
    /// and those whose value rests on only part of the members (respondents, rows).
    public var gaps: [IndicatorResult] {
        results.filter { $0.value == nil || $0.coverage?.isComplete == false }
    }

    /// Every objective of `targets.csv` with the result of its indicator, in file order.
    public var objectives: [(result: IndicatorResult, progress: ObjectiveProgress)] {
        results.flatMap { result in result.objectives.map { (result, $0) } }.sorted { $0.progress.objective.origin.line < $1.progress.objective.origin.line }
    }

    /// The pole's own words for the report year (`report.md`): its presentation, then the
    /// year's sections; empty when the folder has no `report.md`.
    public var narrative: [NarrativeSection] {
        dataset.narrative?.sections(for: year) ?? []
    }

    /// The year's highlights (a section of `report.md` titled "Faits marquants", "Temps forts",
    /// "Faits saillants" or "Highlights"); `nil` when the year has none.
    public var highlights: NarrativeSection? {
        dataset.narrative?.sectionsByYear[year]?.first(where: \.isHighlights)
    }

    /// What the one-page summaries (the dashboard's first printed page, the workbook's Synthèse)
    /// show of the highlights; `nil` when the year has none.
    public var highlightsSummary: HighlightsSummary? {
        highlights.map(HighlightsSummary.init)
    }

    /// The pole's history up to the report year (`[[milestone]]` of `pole.toml`), oldest first.
    public var milestones: [Milestone] {
        profile.milestones.filter { $0.year <= year }
    }

    /// The pole's governance as of the report year (its meetings of that year and before);
    /// `nil` when `pole.toml` gives none, or nothing of it up to the year.
    public var governance: Governance? {
        profile.governance.flatMap { $0.asOf(year) }
    }

    /// The years of the series, oldest first: every year with members up to the report year.
    public var seriesYears: [Int] {
        results.first?.series.map(\.year) ?? [year]
    }

    /// The result of indicator `id` (`eco.fte`), or `nil` when the library has no such indicator.
    public func result(_ id: String) -> IndicatorResult? {
        results.first { $0.definition.id == id }
    }

    /// How many members of the year reported each member field that can be left empty: the
    /// commune, then each figure of the catalogue (members not concerned by an insertion figure
    /// apart). Computed on each call, over every member of the year.
    public func memberFieldCoverage() -> [(field: FieldDeclaration, coverage: Coverage)] {
        let members = self.members, figures = dataset.catalogue.memberFigures
        // One pass over the members, each read in place: communes reported, then for each figure
        // the members that reported it and those it does not concern.
        var communes = 0
        var reported = [Int](repeating: 0, count: figures.count), notApplicable = reported
        members.forEachInPlace { member in
            if member.commune != nil { communes += 1 }
            for (index, figure) in figures.enumerated() {
                if member.isNotApplicable(figure) {
                    notApplicable[index] += 1
                } else if member[figure] != nil {
                    reported[index] += 1
                }
            }
        }
        return [(StandardFields.Members.commune, Coverage(reported: communes, notApplicable: 0, of: members.count))]
            + figures.indices.map { index in
                (figures[index].field, Coverage(reported: reported[index], notApplicable: notApplicable[index], of: members.count))
            }
    }

    /// The members of the report year, viewed without copying.
    public var members: YearSlice<Member> { dataset.members(in: year) }
}
