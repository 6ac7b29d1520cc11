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
    let members: YearSlice<Member>
    /// The member figures, a column each.
    let figures: [MemberFigure]

    init(profile: PoleProfile, members: [Member], figures: [MemberFigure], year: Int, words: Words) {
        self.words = words
        self.figures = figures
        self.year = year
        territory = Set(profile.communes)
        self.members = YearSlice(members, year: year) { $0.year }
    }

    private var language: Language { words.language }

    private func source(_ origin: RecordOrigin) -> CellValue { .text("\(origin.file):\(origin.line)") }

    private typealias M = StandardFields.Members

    /// The data-sheet column of a declared field: keyed by its name, headed by its label.
    private func column<Row>(_ field: FieldDeclaration, _ value: @escaping (Row) -> CellValue) -> DataColumn<Row> {
        DataColumn(key: field.name, header: field.label[language], value: value)
    }

    var memberColumns: [DataColumn<Member>] {
        return [
            column(M.memberID) { .text($0.id) },
            column(M.name) { .text($0.name) },
            column(M.actorType) { text($0.actorType?.label[language]) },
            column(M.legalForm) { text($0.legalForm) },
            column(M.insertionStructure) { text(words.yesNo($0.insertionStructure)) },
            column(M.commune) { text($0.commune) },
            DataColumn(key: "in_territory", header: words("Sur le territoire", "In the territory")) {
                text(words.yesNo($0.commune.map(territory.contains)))
            },
        ] + figures.map { figure in
            var column: DataColumn<Member> = column(figure.field) { number($0[figure]) }
            column.style = CellStyle(numberFormat: NumberFormats.format(figure.field.format))
            return column
        } + [
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }

    var cooperationColumns: [DataColumn<Cooperation>] {
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return [
            DataColumn(key: "member_a", header: words("Membre A", "Member A")) { .text($0.memberA) },
            DataColumn(key: "name_a", header: words("Nom A", "Name A")) { text(names[$0.memberA]) },
            DataColumn(key: "member_b", header: words("Membre B", "Member B")) { .text($0.memberB) },
            DataColumn(key: "name_b", header: words("Nom B", "Name B")) { text(names[$0.memberB]) },
            DataColumn(key: "kind", header: words("Type de coopération", "Kind")) { .text($0.kind.label[language]) },
            DataColumn(key: "amount", header: words("Montant", "Amount"), style: CellStyle(numberFormat: NumberFormats.money)) { number($0.amount) },
            DataColumn(key: "description", header: words("Objet", "Description"), style: CellStyle.wrapped) { text($0.description) },
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }

    var financeColumns: [DataColumn<FinanceLine>] {
        [
            DataColumn(key: "source_name", header: words("Financeur", "Source")) { .text($0.source) },
            DataColumn(key: "kind", header: words("Type de financement", "Kind")) { .text($0.kind.label[language]) },
            DataColumn(key: "public", header: words("Public", "Public")) { text(words.yesNo($0.kind.isPublic)) },
            DataColumn(key: "amount", header: words("Montant", "Amount"), style: CellStyle(numberFormat: NumberFormats.money)) { .number($0.amount) },
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }

    var projectColumns: [DataColumn<Project>] {
        [
            DataColumn(key: "id", header: words("Identifiant", "Project id")) { .text($0.id) },
            DataColumn(key: "name", header: words("Nom", "Name")) { .text($0.name) },
            DataColumn(key: "stage", header: words("Étape", "Stage")) { .text($0.stage.label[language]) },
            DataColumn(key: "sector", header: words("Filière", "Sector")) { text($0.sector) },
            DataColumn(key: "members", header: words("Membres", "Members")) { $0.members.isEmpty ? .blank : .text($0.members.joined(separator: " | ")) },
            DataColumn(key: "jobs_created", header: words("Emplois créés", "Jobs created"), style: CellStyle(numberFormat: NumberFormats.count)) { number($0.jobsCreated) },
            DataColumn(key: "budget", header: words("Budget", "Budget"), style: CellStyle(numberFormat: NumberFormats.money)) { number($0.budget) },
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }

    var surveyColumns: [DataColumn<SurveyAnswer>] {
        [
            DataColumn(key: "respondent", header: words("Répondant", "Respondent")) { .text($0.respondent) },
            DataColumn(key: "role", header: words("Rôle", "Role")) { .text($0.role.label[language]) },
            DataColumn(key: "question", header: words("Question", "Question")) { .text($0.questionID) },
            DataColumn(key: "answer", header: words("Réponse", "Answer")) { answer in
                switch answer.answer {
                case .scale(let score): .number(Double(score))
                case .yesNo(let yes): .text(words.yesNo(yes)!)
                case .text(let text): text.isEmpty ? .blank : .text(text)
                case .notAnswered: .blank
                }
            },
            DataColumn(key: "comment", header: words("Commentaire", "Comment"), style: CellStyle.wrapped) { text($0.comment) },
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }
}
