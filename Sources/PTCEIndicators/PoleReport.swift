import PTCEModel

/// How many members (or respondents, or rows) an indicator's value rests on.
public struct Coverage: Sendable, Hashable, Codable {
    public let reported: Int
    public let of: Int

    public init(reported: Int, of: Int) {
        self.reported = reported
        self.of = of
    }

    /// `reported ÷ of`, or `nil` when there is nothing to cover.
    public var share: Double? { of == 0 ? nil : Double(reported) / Double(of) }
}

/// Survey figures of a question or a dimension: n, mean, the distribution of scores 1–5,
/// the share of scores ≥ 4, and for yes/no questions the share of yes.
public struct SurveyStatistics: Sendable, Hashable {
    /// Answers counted.
    public let n: Int
    public let mean: Double?
    /// Counts of scores 1, 2, 3, 4, 5 (scale questions only).
    public let distribution: [Int]
    public let shareAtLeast4: Double?
    public let yesShare: Double?
}

/// The survey results of a question of the bank in the report year.
public struct QuestionResult: Sendable, Hashable {
    public let question: SurveyQuestion
    public let statistics: SurveyStatistics
}

/// An open answer or a comment, kept as a quotation for the writers (never computed on).
public struct Quotation: Sendable, Hashable {
    public let questionID: String
    public let respondent: String
    public let role: RespondentRole
    public let text: String
    public let origin: RecordOrigin
}

/// The value of one indicator in the report year, with what a funder needs to trust it.
public struct IndicatorResult: Sendable {
    public let definition: IndicatorDefinition
    public let value: Double?
    /// The same indicator computed on the previous year, when the data holds it.
    public let previous: Double?
    public let coverage: Coverage?
    /// Why `value` is missing.
    public let missingReason: MissingReason?
    /// Survey figures, for `qual.<dimension>` indicators.
    public let survey: SurveyStatistics?

    /// `value − previous`, when both exist.
    public var change: Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }
}

/// Everything computed for one pole and one year: the input of every writer.
public struct PoleReport: Sendable {
    public let profile: PoleProfile
    public let year: Int
    /// The previous year, when the data holds members for it.
    public let previousYear: Int?
    public let results: [IndicatorResult]
    public let questions: [QuestionResult]
    public let quotations: [Quotation]
    public let findings: [Finding]
    public let sources: [SourceFile]
    public let library: IndicatorLibrary
    /// The dataset the report was computed from (the writers' data sheets).
    public let dataset: PoleDataset

    public func result(_ id: String) -> IndicatorResult? {
        results.first { $0.definition.id == id }
    }

    /// The rows of the report year, viewed without copying (the writers' data sheets).
    public var members: YearSlice<Member> { dataset.members(in: year) }
    public var cooperations: YearSlice<Cooperation> { dataset.cooperations(in: year) }
    public var finances: YearSlice<FinanceLine> { dataset.finances(in: year) }
    public var projects: YearSlice<Project> { dataset.projects(in: year) }
    public var survey: YearSlice<SurveyAnswer> { dataset.survey(in: year) }
}
