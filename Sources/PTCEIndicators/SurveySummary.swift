import PTCEModel

/// The survey results of a year: per question and per dimension of the bank, and quotations.
struct SurveySummary {
    let questions: [QuestionResult]
    /// Statistics of the scale questions of each dimension, by dimension id.
    let dimensions: [String: SurveyStatistics]
    let quotations: [Quotation]

    init(rows: YearRows, bank: QuestionBank) {
        let answersByQuestion = Dictionary(grouping: rows.survey, by: \.questionID)
        questions = bank.questions.compactMap { question in
            guard let answers = answersByQuestion[question.id], question.kind != .open else { return nil }
            return QuestionResult(question: question, statistics: Self.statistics(answers.map(\.answer)))
        }
        var dimensions: [String: SurveyStatistics] = [:]
        for dimension in bank.dimensions {
            let answers = rows.survey.filter { answer in
                bank[answer.questionID].map { $0.kind == .scale && $0.dimension == dimension.id } ?? false
            }
            if !answers.isEmpty { dimensions[dimension.id] = Self.statistics(answers.map(\.answer)) }
        }
        self.dimensions = dimensions
        quotations = rows.survey.flatMap { answer -> [Quotation] in
            var texts: [String] = []
            if case .text(let text) = answer.answer, !text.isEmpty { texts.append(text) }
            if let comment = answer.comment, !comment.isEmpty { texts.append(comment) }
            return texts.map {
                Quotation(questionID: answer.questionID, respondent: answer.respondent, role: answer.role, text: $0, origin: answer.origin)
            }
        }
    }

    static func statistics(_ answers: [SurveyAnswerValue]) -> SurveyStatistics {
        var distribution = [Int](repeating: 0, count: 5)
        var yes = 0, no = 0
        for answer in answers {
            switch answer {
            case .scale(let score): distribution[score - 1] += 1
            case .yesNo(let value): if value { yes += 1 } else { no += 1 }
            default: break
            }
        }
        let scored = distribution.reduce(0, +)
        let total = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return SurveyStatistics(
            n: scored + yes + no,
            mean: scored > 0 ? Double(total) / Double(scored) : nil,
            distribution: distribution,
            shareAtLeast4: scored > 0 ? Double(distribution[3] + distribution[4]) / Double(scored) : nil,
            yesShare: yes + no > 0 ? Double(yes) / Double(yes + no) : nil)
    }
}
