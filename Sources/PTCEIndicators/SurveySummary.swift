import PTCEModel

/// The survey results of a year: per question and per dimension of the bank, and quotations.
struct SurveySummary {
    let questions: [QuestionResult]
    /// Statistics of the scale questions of each dimension, by dimension id.
    let dimensions: [String: SurveyStatistics]
    let quotations: [Quotation]

    /// Tallies the answers in one pass, without copying them.
    init(rows: YearRows, bank: QuestionBank) {
        var byQuestion: [String: AnswerTally] = [:]
        for answer in rows.survey {
            byQuestion[answer.questionID, default: AnswerTally()].add(answer.answer)
        }
        questions = bank.questions.compactMap { question in
            guard let tally = byQuestion[question.id], question.kind != .open else { return nil }
            return QuestionResult(question: question, statistics: tally.statistics)
        }
        var byDimension: [String: AnswerTally] = [:]
        for question in bank.questions where question.kind == .scale {
            if let tally = byQuestion[question.id] { byDimension[question.dimension, default: AnswerTally()].add(tally) }
        }
        var dimensions: [String: SurveyStatistics] = [:]
        for dimension in bank.dimensions {
            dimensions[dimension.id] = byDimension[dimension.id]?.statistics
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
}

/// The answers to a question or a dimension, counted one at a time.
struct AnswerTally {
    /// Answers per score, 1 to 5.
    private var distribution = [Int](repeating: 0, count: 5)
    private var yes = 0, no = 0

    mutating func add(_ answer: SurveyAnswerValue) {
        switch answer {
        case .scale(let score): distribution[score - 1] += 1
        case .yesNo(let value): if value { yes += 1 } else { no += 1 }
        default: break
        }
    }

    mutating func add(_ other: AnswerTally) {
        for score in 0..<5 { distribution[score] += other.distribution[score] }
        yes += other.yes
        no += other.no
    }

    var statistics: SurveyStatistics {
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
