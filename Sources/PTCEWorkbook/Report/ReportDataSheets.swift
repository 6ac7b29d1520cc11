import Foundation
import PTCEIndicators
import PTCEModel

private func number(_ value: Double?) -> CellValue { value.map(CellValue.number) ?? .blank }
private func number(_ value: Int?) -> CellValue { value.map { CellValue.number(Double($0)) } ?? .blank }
private func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .blank }

/// The columns of the data sheets of the report year, one sheet per file.
struct DataSheets {
    let words: Words
    let year: Int
    /// The pole's communes, for the "in the territory" column.
    let territory: Set<String>
    /// The member figures, a column each.
    let figures: [MemberFigure]

    init(profile: PoleProfile, figures: [MemberFigure], year: Int, words: Words) {
        self.words = words
        self.figures = figures
        self.year = year
        territory = Set(profile.communes)
    }

    private var language: Language { words.language }

    private typealias M = StandardFields.Members
    private typealias C = StandardFields.Cooperations
    private typealias F = StandardFields.Finances
    private typealias P = StandardFields.Projects
    private typealias S = StandardFields.Survey

    /// The data-sheet column of a declared field: keyed by its name (what the library's
    /// spreadsheet formulas name), headed by its label, in its number format unless `style` is given.
    private func column<Row>(_ field: FieldDeclaration, style: CellStyle? = nil, _ value: @escaping (Row) -> CellValue) -> DataColumn<Row> {
        DataColumn(key: field.name, header: field.label[language],
                   style: style ?? words.formats.figure(field.format).map { CellStyle(numberFormat: $0) }, value: value)
    }

    /// The last column of every data sheet: the file and line a row was read from.
    private func origin<Row>(_ origin: @escaping (Row) -> RecordOrigin) -> DataColumn<Row> {
        DataColumn(key: "origin", header: words("Source", "Source")) { row in
            let origin = origin(row)
            return .text("\(origin.file):\(origin.line)")
        }
    }

    var memberColumns: [DataColumn<Member>] {
        [
            column(M.memberID) { .text($0.id) },
            column(M.name) { .text($0.name) },
            column(M.actorType) { text($0.actorType?.label[language]) },
            column(M.legalForm) { text($0.legalForm) },
            column(M.insertionStructure) { text(words.yesNo($0.insertionStructure)) },
            column(M.commune) { text($0.commune) },
            column(M.inTerritory) { text(words.yesNo($0.commune.map(territory.contains))) },
        ] + figures.map { figure in
            column(figure.field) { number($0[figure]) }
        } + [origin(\.origin)]
    }

    /// The cooperations' columns, each member named as in `members` (the year's).
    func cooperationColumns(members: YearSlice<Member>) -> [DataColumn<Cooperation>] {
        // The first member of each id, found by its row: a dictionary of a national year's names took 17 MB.
        let rows = RowsByMemberID(members)
        let names = { (id: String) in rows[id].map { row in members.withUnsafeElement(at: row) { $0.pointee.name } } }
        return [
            column(C.memberA) { .text($0.memberA) },
            DataColumn(key: "name_a", header: words("Nom A", "Name A")) { text(names($0.memberA)) },
            column(C.memberB) { .text($0.memberB) },
            DataColumn(key: "name_b", header: words("Nom B", "Name B")) { text(names($0.memberB)) },
            column(C.kind) { .text($0.kind.label[language]) },
            column(C.amount) { number($0.amount) },
            column(C.description, style: CellStyle.wrapped) { text($0.description) },
            origin(\.origin),
        ]
    }

    var financeColumns: [DataColumn<FinanceLine>] {
        [
            column(F.source) { .text($0.source) },
            column(F.kind) { .text($0.kind.label[language]) },
            column(F.isPublic) { text(words.yesNo($0.kind.isPublic)) },
            column(F.amount) { .number($0.amount) },
            origin(\.origin),
        ]
    }

    var projectColumns: [DataColumn<Project>] {
        [
            column(P.projectID) { .text($0.id) },
            column(P.name) { .text($0.name) },
            column(P.stage) { .text($0.stage.label[language]) },
            column(P.sector) { text($0.sector) },
            column(P.members) { $0.members.isEmpty ? .blank : .text($0.members.joined(separator: " | ")) },
            column(P.jobsCreated) { number($0.jobsCreated) },
            column(P.budget) { number($0.budget) },
            origin(\.origin),
        ]
    }

    /// The survey's columns; each question's wording from `bank` follows its code.
    func surveyColumns(bank: QuestionBank) -> [DataColumn<SurveyAnswer>] {
        [
            column(S.respondent) { .text($0.respondent) },
            column(S.role) { .text($0.role.label[language]) },
            column(S.question) { .text($0.questionID) },
            DataColumn(key: "wording", header: words("Intitulé de la question", "Question wording"), style: CellStyle.wrapped) {
                text(bank[$0.questionID]?.wording[language])
            },
            column(S.answer, style: CellStyle.wrapped) { answer in
                switch answer.answer {
                case .scale(let score): .number(Double(score))
                case .yesNo(let yes): .text(words.yesNo(yes)!)
                case .text(let text): text.isEmpty ? .blank : .text(text)
                case .notAnswered: .blank
                }
            },
            column(S.comment, style: CellStyle.wrapped) { text($0.comment) },
            origin(\.origin),
        ]
    }
}
