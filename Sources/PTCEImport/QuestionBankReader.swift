import PTCEModel

/// Reads the survey question bank, `questions.toml` of an indicator library:
/// `[[dimension]]` tables (id, fr, en) and `[[question]]` tables (id, kind, fr, en).
public enum QuestionBankReader {
    /// The bank's file name in an indicator library folder.
    public static let fileName = "questions.toml"

    /// Reads the bank from TOML text; `file` names it in findings.
    public static func read(_ text: String, file: String = fileName, findings: inout Findings) -> QuestionBank? {
        var local = Findings()
        guard let toml = TOMLTableReader.parse(text, file: file, findings: &local) else {
            findings.append(contentsOf: local)
            return nil
        }
        toml.warnUnknownKeys(known: ["dimension", "question"], &local)
        var dimensions: [SurveyDimension] = []
        for table in toml.tables("dimension", source: text, findings: &local) {
            table.warnUnknownKeys(known: ["id", "fr", "en"], &local)
            guard let id = table.string("id", required: true, &local),
                  let fr = table.string("fr", required: true, &local),
                  let en = table.string("en", required: true, &local)
            else { continue }
            dimensions.append(SurveyDimension(id: id, label: LocalizedText(fr: fr, en: en)))
        }
        var questions: [SurveyQuestion] = []
        var seen: Set<String> = []
        for table in toml.tables("question", source: text, findings: &local) {
            table.warnUnknownKeys(known: ["id", "kind", "fr", "en"], &local)
            guard let id = table.string("id", required: true, &local),
                  let kindName = table.string("kind", required: true, &local),
                  let fr = table.string("fr", required: true, &local),
                  let en = table.string("en", required: true, &local)
            else { continue }
            guard let kind = QuestionKind(rawValue: kindName) else {
                local.error(ImportMessage.unknownQuestionKind(kindName), at: table.location("kind"))
                continue
            }
            guard id.contains("."), !id.hasPrefix("."), !id.hasSuffix(".") else {
                local.error(ImportMessage.invalidQuestionID(id), at: table.location("id"))
                continue
            }
            guard seen.insert(id).inserted else {
                local.error(ImportMessage.questionDefinedTwice(id), at: table.location("id"))
                continue
            }
            let question = SurveyQuestion(id: id, kind: kind, wording: LocalizedText(fr: fr, en: en))
            if kind == .scale, !dimensions.contains(where: { $0.id == question.dimension }) {
                local.error(ImportMessage.questionWithoutDimension(id, dimension: question.dimension), at: table.location("id"))
                continue
            }
            questions.append(question)
        }
        findings.append(contentsOf: local)
        return local.hasErrors ? nil : QuestionBank(questions, dimensions: dimensions)
    }
}
