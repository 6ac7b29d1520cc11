/// How a survey question is answered.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 1 (strongly disagree) to 5 (strongly agree).
    case scale
    /// Yes or no.
    case yesNo = "yes_no"
    /// Free text, kept as a quotation.
    case open
}

/// One question of the survey question bank.
public struct SurveyQuestion: Sendable, Hashable, Codable {
    /// `dimension.name`, e.g. `cooperation.pooling`.
    public var id: String
    /// How it is answered: a 1–5 scale, yes/no or free text.
    public var kind: QuestionKind
    /// The question as respondents read it, in both languages.
    public var wording: LocalizedText

    /// Creates a question.
    public init(id: String, kind: QuestionKind, wording: LocalizedText) {
        self.id = id
        self.kind = kind
        self.wording = wording
    }

    /// The part of the id before the first dot: the qualitative dimension it feeds.
    public var dimension: String { Self.dimension(of: id) }

    /// The part of question id `id` before its first dot, found in its UTF-8 bytes (survey
    /// indicators ask it of every answer); the whole id when it has no dot.
    public static func dimension(of id: String) -> String {
        id.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(id[..<$0]) } ?? id
    }
}

/// A qualitative dimension of the survey: the part of question ids before the dot.
public struct SurveyDimension: Sendable, Hashable, Codable {
    /// The prefix of its questions' ids: `cooperation`.
    public var id: String
    /// Its name in reports, in both languages.
    public var label: LocalizedText

    /// Creates a dimension.
    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// The survey questions a pole's `survey.csv` may answer, in the order of the bank.
public struct QuestionBank: Sendable, Hashable {
    /// The questions, in the order of the bank.
    public private(set) var questions: [SurveyQuestion]
    /// The dimensions of scale questions, with their labels, in the order of the bank.
    public private(set) var dimensions: [SurveyDimension]
    private var indexByID: [String: Int]

    /// Creates a bank of `questions`, with the `dimensions` of its scale questions; for an id given twice, lookups
    /// find the first.
    public init(_ questions: [SurveyQuestion], dimensions: [SurveyDimension]) {
        self.questions = questions
        self.dimensions = dimensions
        indexByID = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The question whose id is `id`, or `nil` when the bank has none.
    public subscript(id: String) -> SurveyQuestion? {
        indexByID[id].map { questions[$0] }
    }
}
