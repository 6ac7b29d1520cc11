import Foundation
import PTCEModel

/// `ptce import` (spec §8): returned collection forms and questionnaires read, checked with the
/// rules of the tables, and merged into a pole folder's tables for one year Y.
///
/// - A member's form replaces that member's row of Y in `members.csv` (in place; added at the end
///   for a member without one), and the cooperations of Y it declared (`member_a` is the member
///   that declared a cooperation); a pair of members declared by both, for the same kind of
///   cooperation, is kept once.
/// - A questionnaire replaces the answers of Y of its respondent in `survey.csv`.
/// - Every other row keeps its bytes; the rows written follow each file's encoding, delimiter,
///   decimal mark and words (``TableFileEditor``).
///
/// Nothing is to be written when a finding is an error: ``changes`` is then empty.
public struct FormImport: Sendable {
    /// The year imported; `nil` when no form was filled in, or the forms' years disagree without `--year`.
    public let year: Int?
    /// What the forms and the folder's tables showed, forms first; the forms' findings name the
    /// form's path, the tables' the folder's path and the file.
    public let findings: Findings
    /// The tables to write, in the folder's order; empty when a finding is an error or nothing changes.
    public let changes: [TableChange]
    /// The forms read and imported, by kind.
    public let importedMembers: Int, importedQuestionnaires: Int

    /// Reads the forms at `forms` (paths, which findings name) and works out the tables of the
    /// folder at `folder` (named `folderPath` in findings) as they will be, for `year` (by default
    /// the forms' year). `dataset` is the folder as read (its members say who is in the pole; its
    /// catalogue which figures a form has).
    public init(forms: [String], folder: URL, folderPath: String, dataset: PoleDataset, questionBank: QuestionBank, year requestedYear: Int?) {
        var merge = Merge(dataset: dataset, folder: folder, folderPath: folderPath)
        merge.read(forms, questionBank: questionBank, year: requestedYear)
        year = merge.year
        importedMembers = merge.members.count
        importedQuestionnaires = Set(merge.answers.map(\.respondent)).count
        if !merge.findings.hasErrors, let year = merge.year {
            changes = merge.changes(year: year)
        } else {
            changes = []
        }
        findings = merge.findings
    }
}

/// A table file as `ptce import` changes it.
public struct TableChange: Sendable {
    /// The file's name in the folder: `members.csv`.
    public let file: String
    /// Its new bytes.
    public let bytes: [UInt8]
    /// Whether the folder had no such file.
    public let isNew: Bool
    /// The columns added at the end of its header, as written.
    public let addedColumns: [String]
    /// What changes, a line each: the rows replaced, removed and added.
    public let lines: [LocalizedText]
}

/// The work of ``FormImport``, step by step.
private struct Merge {
    let dataset: PoleDataset
    let folder: URL
    let folderPath: String
    var findings = Findings()
    var year: Int?
    /// The members read, each with its form, in the order of the forms.
    var members: [(member: Member, form: ReturnedForm, fields: [String])] = []
    var cooperations: [(cooperation: Cooperation, form: ReturnedForm)] = []
    var answers: [SurveyAnswer] = []
    /// Answers by respondent, with the questionnaire.
    var questionnaires: [(respondent: String, form: ReturnedForm)] = []

    /// The questions the survey may answer.
    private(set) var questionBank = QuestionBank([], dimensions: [])
    /// What the folder's tables settle about decimal marks, which an ambiguous number typed in
    /// a form, and the numbers the import writes, follow as the reader would.
    let conventions: FolderConventions

    init(dataset: PoleDataset, folder: URL, folderPath: String) {
        (self.dataset, self.folder, self.folderPath) = (dataset, folder, folderPath)
        conventions = FolderConventions(schemas: dataset.catalogue.tables.map(TableSchema.init)) { TableSource.file($0, in: folder) }
    }

    /// Rows of a table gathered from a form, read and checked as the table's file would be.
    private mutating func rows<Row>(
        _ gathered: GatheredTable, _ table: TableDeclaration, _ build: (Table, inout Findings) -> [Row]
    ) -> [Row] {
        var local = Findings()
        // Named after no file of the folder, so that every one of them counts as "the folder's other files".
        let schema = TableSchema(table).reading("\u{0}form")
        guard let table = Table(schema: schema, document: gathered.document, folder: conventions, gathered: gathered.places, findings: &local)
        else {
            findings.append(contentsOf: local)
            return []
        }
        let rows = build(table, &local)
        // The cells a form shares between its rows (its year, member, role) give a finding once.
        var seen: Set<Finding> = []
        for finding in local.all where seen.insert(finding).inserted { findings.append(finding) }
        return rows
    }

    mutating func read(_ forms: [String], questionBank: QuestionBank, year requested: Int?) {
        self.questionBank = questionBank
        let catalogue = dataset.catalogue
        var returned: [ReturnedForm] = []
        for path in forms {
            let bytes: [UInt8]
            switch TextFile.contents(at: path) {
            case .bytes(let read): bytes = read
            case .unreadable(let reason):
                findings.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: path))
                continue
            case .absent:
                findings.error(ImportMessage.cannotBeRead(ImportMessage.UnreadableReason.removedWhileRead), at: SourceLocation(file: path))
                continue
            }
            guard let read = ReturnedForm.read(bytes, file: path, catalogue: catalogue, findings: &findings) else { continue }
            if read.isFilledIn {
                returned.append(read)
            } else {
                findings.warning(ImportMessage.formNotFilledIn, at: SourceLocation(file: path))
            }
        }
        var memberRows: [(Member, ReturnedForm)] = []
        var answerRows: [([SurveyAnswer], ReturnedForm)] = []
        for form in returned {
            if let gathered = form.member {
                let read = rows(gathered, catalogue.members) { MemberRows.read($0, figures: catalogue.memberFigures, &$1) }
                if let member = read.first { memberRows.append((member, form)) }
            } else if let gathered = form.answers {
                let read = rows(gathered, StandardFields.Survey.table) { SurveyRows.read($0, bank: questionBank, &$1) }
                if !read.isEmpty { answerRows.append((read, form)) }
            }
        }
        // The year: the one asked for, else the forms'.
        let years = Set(memberRows.map(\.0.year) + answerRows.compactMap(\.0.first?.year)).sorted()
        guard let year = requested ?? (years.count == 1 ? years[0] : nil) else {
            if years.count > 1 {
                for form in returned { findings.error(ImportMessage.formsOfSeveralYears(years), at: form.yearPlace) }
            }
            return
        }
        self.year = year
        let pole = Dictionary(dataset.members.filter { $0.year == year || $0.year == year - 1 }.map { ($0.id, $0) }, uniquingKeysWith: { last, _ in last })
        var formOf: [String: String] = [:]
        for (member, form) in memberRows {
            guard member.year == year else {
                findings.error(ImportMessage.formOfAnotherYear(member.year, expected: year), at: form.yearPlace)
                continue
            }
            if let first = formOf[member.id] {
                findings.error(ImportMessage.formReturnedTwice(member.id, first: first), at: form.idPlace)
                continue
            }
            switch (form.kind, pole[member.id]) {
            case (.member, nil):
                findings.error(ImportMessage.unknownFormMember(member.id, years: (year - 1)...year), at: form.idPlace)
                continue
            case (.newMember, let known?):
                findings.warning(ImportMessage.newMemberFormOfMember(member.id, name: known.name), at: form.idPlace)
            default:
                break
            }
            formOf[member.id] = form.file
            members.append((member, form, form.member?.fields ?? []))
        }
        readCooperations(year: year)
        var respondentForm: [String: String] = [:]
        for (read, form) in answerRows {
            guard let first = read.first, first.year == year else {
                if let found = read.first?.year { findings.error(ImportMessage.formOfAnotherYear(found, expected: year), at: form.yearPlace) }
                continue
            }
            if let earlier = respondentForm[first.respondent] {
                findings.error(ImportMessage.respondentTwice(first.respondent, first: earlier), at: form.idPlace)
                continue
            }
            respondentForm[first.respondent] = form.file
            questionnaires.append((first.respondent, form))
            answers += read
        }
    }

    /// The cooperations the members' forms declare, partners checked against the members of the
    /// year once the forms are in (those of last year whose form is not in yet are kept, with a warning).
    private mutating func readCooperations(year: Int) {
        var roster = MemberRoster(dataset.members.filter { $0.year == year })
        for (member, _, _) in members { roster.insert(member.id, year: year) }
        let awaited = Set(dataset.members.filter { $0.year == year - 1 }.map(\.id)).filter { !roster.contains($0, in: year) }
        var lenient = roster
        for id in awaited { lenient.insert(id, year: year) }
        for (_, form, _) in members {
            guard let gathered = form.cooperations, !gathered.isEmpty else { continue }
            let read = rows(gathered, StandardFields.Cooperations.table) { CooperationRows.read($0, rosters: lenient, &$1) }
            let pending = read.filter { awaited.contains($0.memberB) }
            if let first = pending.first {
                var ids: [String] = []
                for cooperation in pending where !ids.contains(cooperation.memberB) { ids.append(cooperation.memberB) }
                findings.warning(ImportMessage.partnersAwaited(ids, year: year),
                                 at: gathered.place(of: StandardFields.Cooperations.memberB.name, inRecordAt: first.origin))
            }
            cooperations += read.map { ($0, form) }
        }
    }

    // MARK: The tables as they will be

    /// The table files as they will be, in the folder's order; an error finding instead when one
    /// cannot be written as the import needs.
    mutating func changes(year: Int) -> [TableChange] {
        let catalogue = dataset.catalogue
        var changes: [TableChange] = []
        var members = open(catalogue.members, like: nil)
        guard var membersEditor = members else { return [] }
        if !self.members.isEmpty {
            changes += change(&membersEditor, lines: mergeMembers(into: &membersEditor, year: year))
        }
        members = membersEditor
        let cooperationsTable = catalogue.tables.first { $0.file == StandardFields.Cooperations.table.file }!
        if !self.members.isEmpty, var editor = open(cooperationsTable, like: members) {
            let lines = mergeCooperations(into: &editor, year: year)
            if editor.changesSomething { changes += change(&editor, lines: lines) }
        }
        let surveyTable = catalogue.tables.first { $0.file == StandardFields.Survey.table.file }!
        if !questionnaires.isEmpty, var editor = open(surveyTable, like: members) {
            changes += change(&editor, lines: mergeAnswers(into: &editor, year: year))
        }
        guard !findings.hasErrors else { return [] }
        verify(changes, year: year)
        return findings.hasErrors ? [] : changes
    }

    /// Reads the folder again as the import leaves it: every row it does not touch must read as
    /// before (a row that did not read before may now, once its member is in), and every member
    /// it writes as its form says. Anything else is an error, and nothing is written: the safety
    /// net under the file editor's choices (decimal marks, words, empty cells).
    private mutating func verify(_ changes: [TableChange], year: Int) {
        let edited = Dictionary(changes.map { ($0.file, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let folder = self.folder
        var dropped = Findings()
        let reread = PoleFolderReader(questionBank: questionBank, catalogue: dataset.catalogue).read(
            profile: dataset.profile, isPresent: { edited[$0] != nil || FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) },
            contents: { edited[$0].map(TableSource.bytes) ?? TableSource.file($0, in: folder) }, findings: &dropped)
        let imported = Set(members.map(\.member.id)), respondents = Set(questionnaires.map(\.respondent))
        let newMembers = imported.subtracting(dataset.members.filter { $0.year == year }.map(\.id))
        let place = { (origin: RecordOrigin) in "\(origin.file):\(origin.line)" }
        // Every row compared has its origin replaced by this one, made once.
        let noOrigin = RecordOrigin(file: "", line: 0)
        /// `row` with its origin cleared, and `adjusted`: what is compared of it.
        func compared<Row>(_ row: Row, _ origin: WritableKeyPath<Row, RecordOrigin>, _ adjusted: (inout Row) -> Void) -> Row {
            var row = row
            row[keyPath: origin] = noOrigin
            adjusted(&row)
            return row
        }
        /// The origin of the first row of `before` that `after` lacks (origins aside), in order.
        func firstMissing<Row: Hashable>(
            _ before: [Row], _ after: [Row], origin: WritableKeyPath<Row, RecordOrigin>, adjusted: (inout Row) -> Void = { _ in }
        ) -> RecordOrigin? {
            var left = Dictionary(after.map { (compared($0, origin, adjusted), 1) }, uniquingKeysWith: +)
            for row in before {
                let key = compared(row, origin, adjusted)
                guard let count = left[key], count > 0 else { return row[keyPath: origin] }
                left[key] = count - 1
            }
            return nil
        }
        let untouchedMember = { (member: Member) in !(member.year == year && imported.contains(member.id)) }
        let untouchedCooperation = { (cooperation: Cooperation) in !(cooperation.year == year && imported.contains(cooperation.memberA)) }
        let untouchedAnswer = { (answer: SurveyAnswer) in !(answer.year == year && respondents.contains(answer.respondent)) }
        let missing = firstMissing(dataset.members.filter(untouchedMember), reread.members.filter(untouchedMember), origin: \.origin)
            ?? firstMissing(dataset.cooperations.filter(untouchedCooperation), reread.cooperations.filter(untouchedCooperation), origin: \.origin)
            ?? firstMissing(dataset.survey.filter(untouchedAnswer), reread.survey.filter(untouchedAnswer), origin: \.origin)
            ?? firstMissing(dataset.finances, reread.finances, origin: \.origin)
            // A project may now name a member that joins with this import.
            ?? firstMissing(dataset.projects, reread.projects, origin: \.origin) { project in
                if project.year == year { project.members.removeAll { newMembers.contains($0) } }
            }
        // Every member written reads as its form says (where its row came from, and the columns of
        // the pole's own it keeps, aside).
        let normalMember = { (member: Member) in compared(member, \.origin) { $0.extras = [] } }
        let written = Set(reread.members.filter { !untouchedMember($0) }.map(normalMember))
        let unfaithful = members.first { !written.contains(normalMember($0.member)) }
        if let origin = missing ?? unfaithful?.member.origin {
            findings.error(ImportMessage.importWouldMisread(place(origin)), at: SourceLocation(file: folderPath))
        }
    }

    /// The table's file opened to be changed (a new one, like `like`, when the folder has none);
    /// `nil` with an error when it is a workbook or cannot be rewritten as it is.
    private mutating func open(_ table: TableDeclaration, like: TableFileEditor?) -> TableFileEditor? {
        let place = SourceLocation(file: folderPath + "/" + table.file)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(table.workbookFile).path) {
            findings.error(ImportMessage.importNeedsCSV(table.workbookFile, csv: table.file), at: SourceLocation(file: folderPath + "/" + table.workbookFile))
            return nil
        }
        let url = folder.appendingPathComponent(table.file)
        let bytes = FileManager.default.fileExists(atPath: url.path) ? (try? Data(contentsOf: url)).map { [UInt8]($0) } : nil
        do {
            return try TableFileEditor(bytes: bytes, schema: TableSchema(table), like: like, folderConvention: conventions.convention(besides: table.file))
        } catch {
            findings.error(error == .repairedText ? ImportMessage.tableCannotBeRewritten : ImportMessage.emptyFile(required: []), at: place)
            return nil
        }
    }

    private mutating func change(_ editor: inout TableFileEditor, lines: [LocalizedText]) -> [TableChange] {
        do {
            let bytes = try editor.bytes()
            return [TableChange(file: editor.schema.file, bytes: bytes, isNew: editor.isNew, addedColumns: editor.addedColumns, lines: lines)]
        } catch {
            findings.error(ImportMessage.unwritableCharacter(error.character, in: error.text, file: editor.schema.file),
                           at: SourceLocation(file: folderPath + "/" + editor.schema.file))
            return []
        }
    }

    /// Each member read replaces its row of the year (in place), or is added at the end.
    private func mergeMembers(into editor: inout TableFileEditor, year: Int) -> [LocalizedText] {
        typealias M = StandardFields.Members
        var rowsOf: [String: [Int]] = [:]
        for (index, record) in editor.records.enumerated() where editor.year(of: record) == year {
            rowsOf[editor.cell(M.memberID.name, of: record), default: []].append(index)
        }
        var lines: [LocalizedText] = []
        for (member, form, fields) in members {
            let values = Self.values(of: member, fields: fields, catalogue: dataset.catalogue)
            let who = "\(member.id) (\(member.name))"
            if let rows = rowsOf[member.id], let first = rows.first {
                editor.replace(first, with: values)
                lines.append(LocalizedText(fr: "ligne \(editor.records[first].line) remplacée : \(who), \(form.file)",
                                           en: "line \(editor.records[first].line) replaced: \(who), \(form.file)"))
                for extra in rows.dropFirst() {
                    editor.remove(extra)
                    lines.append(LocalizedText(fr: "ligne \(editor.records[extra].line) supprimée : \(who) en double",
                                               en: "line \(editor.records[extra].line) removed: \(who) twice"))
                }
            } else {
                editor.insert(values, at: nil)
                lines.append(LocalizedText(fr: "ligne ajoutée : \(who), \(form.file)", en: "row added: \(who), \(form.file)"))
            }
        }
        return lines
    }

    /// The cooperations of the year declared by the members read are replaced by those their forms
    /// declare, where the first of them was; a pair already declared (by the other partner, or
    /// twice) for the same kind is kept once.
    private mutating func mergeCooperations(into editor: inout TableFileEditor, year: Int) -> [LocalizedText] {
        typealias C = StandardFields.Cooperations
        let declarants = Set(members.map(\.member.id))
        let kinds = VocabularyAliases.of(.cooperationKind)
        let amounts = Dictionary(dataset.cooperations.map { ($0.origin.line, $0.amount) }, uniquingKeysWith: { first, _ in first })
        var declared: [String: (by: LocalizedText, amount: Double?)] = [:]
        var lines: [LocalizedText] = []
        /// Where each declarant's earlier rows were: its new ones go there.
        var placeOf: [String: Int] = [:]
        /// The pairs a declarant's removed rows held, to tell a pair its partner's form has left.
        var removedPairs: [(declarant: String, partner: String, kind: String, line: Int)] = []
        func key(_ a: String, _ b: String, _ kind: String) -> String { [min(a, b), max(a, b), kind].joined(separator: "\u{1F}") }
        for (index, record) in editor.records.enumerated() where editor.year(of: record) == year {
            let (a, b) = (editor.cell(C.memberA.name, of: record), editor.cell(C.memberB.name, of: record))
            let kind = kinds.canonical(editor.cell(C.kind.name, of: record))
            if declarants.contains(a) {
                editor.remove(index)
                if placeOf[a] == nil { placeOf[a] = index }
                if let kind { removedPairs.append((a, b, kind, record.line)) }
                lines.append(LocalizedText(fr: "ligne \(record.line) supprimée : \(a) – \(b), déclarée par \(a), remplacée par son formulaire",
                                           en: "line \(record.line) removed: \(a) – \(b), declared by \(a), replaced by its form"))
            } else if let kind {
                declared[key(a, b, kind)] = (
                    LocalizedText(fr: "\(editor.schema.file) ligne \(record.line)", en: "\(editor.schema.file) line \(record.line)"),
                    amounts[record.line] ?? nil)
            }
        }
        for (cooperation, form) in cooperations {
            let (a, b, kind) = (cooperation.memberA, cooperation.memberB, cooperation.kind)
            let pair = key(a, b, kind.rawValue)
            if let first = declared[pair] {
                let differ = first.amount != nil && cooperation.amount != nil && first.amount != cooperation.amount
                let message = ImportMessage.cooperationDeclaredTwice(
                    a, b, kind: kind.label, first: first.by,
                    amounts: differ ? (CellReader.plain(first.amount!), CellReader.plain(cooperation.amount!)) : nil)
                let place = form.cooperations?.place(of: C.memberB.name, inRecordAt: cooperation.origin) ?? cooperation.origin.location
                if differ { findings.warning(message, at: place) } else { findings.note(message, at: place) }
                continue
            }
            declared[pair] = (LocalizedText(fr: form.file, en: form.file), cooperation.amount)
            editor.insert([
                StandardFields.year.name: .number(Double(year)), C.memberA.name: .text(a), C.memberB.name: .text(b),
                C.kind.name: .choice(kind.rawValue), C.amount.name: cooperation.amount.map(TableValue.number),
                C.description.name: cooperation.description.map(TableValue.text),
            ], at: placeOf[a])
            lines.append(LocalizedText(fr: "ligne ajoutée : \(a) – \(b) (\(kind.label.fr.lowercased())), \(form.file)",
                                       en: "row added: \(a) – \(b) (\(kind.label.en.lowercased())), \(form.file)"))
        }
        // A pair its declarant's new form leaves out, whose partner's form for the year is in: the
        // partner may have declared it too (kept once, under the other's name). Said, not guessed.
        let imported = Set(dataset.members.filter { $0.year == year }.map(\.id))
        for removed in removedPairs where declared[key(removed.declarant, removed.partner, removed.kind)] == nil && imported.contains(removed.partner) {
            let form = members.first { $0.member.id == removed.declarant }!.form
            findings.warning(ImportMessage.cooperationNoLongerDeclared(removed.declarant, removed.partner, line: removed.line), at: form.idPlace)
        }
        return lines
    }

    /// The answers of the year of each questionnaire's respondent are replaced by its answers,
    /// where the first of them was; other answers under the same number are an error (two
    /// people's copies with one number), the same answers again change nothing.
    private mutating func mergeAnswers(into editor: inout TableFileEditor, year: Int) -> [LocalizedText] {
        typealias S = StandardFields.Survey
        let respondents = Dictionary(questionnaires.map { ($0.respondent, $0.form) }, uniquingKeysWith: { first, _ in first })
        var removed: [String: [Int]] = [:]
        for (index, record) in editor.records.enumerated() where editor.year(of: record) == year {
            let respondent = editor.cell(S.respondent.name, of: record)
            guard respondents[respondent] != nil else { continue }
            editor.remove(index)
            removed[respondent, default: []].append(index)
        }
        var lines: [LocalizedText] = []
        for (respondent, form) in questionnaires {
            let own = answers.filter { $0.respondent == respondent }
            if let rows = removed[respondent] {
                let earlier = dataset.survey.filter { $0.year == year && $0.respondent == respondent }
                    .map { [$0.questionID, "\($0.answer)", $0.comment ?? "", $0.role.rawValue] }
                let now = own.map { [$0.questionID, "\($0.answer)", $0.comment ?? "", $0.role.rawValue] }
                if earlier != now {
                    findings.error(ImportMessage.respondentAlreadyAnswered(respondent, count: rows.count, year: year), at: form.idPlace)
                }
                let span = "\(editor.records[rows.first!].line)–\(editor.records[rows.last!].line)"
                lines.append(LocalizedText(fr: "lignes \(span) supprimées : \(rows.count) réponse(s) de \(respondent)",
                                           en: "lines \(span) removed: \(rows.count) answer(s) of \(respondent)"))
            }
            for answer in own {
                let value: TableValue? = switch answer.answer {
                case .scale(let score): .number(Double(score))
                case .yesNo(let flag): .flag(flag)
                case .text(let text): text.isEmpty ? nil : .text(text)
                case .notAnswered: nil
                }
                editor.insert([
                    StandardFields.year.name: .number(Double(year)), S.respondent.name: .text(respondent),
                    S.role.name: .choice(answer.role.rawValue), S.question.name: .text(answer.questionID), S.answer.name: value,
                    S.comment.name: answer.comment.map(TableValue.text),
                ], at: removed[respondent]?.first)
            }
            lines.append(LocalizedText(fr: "\(own.count) ligne(s) ajoutée(s) : réponses de \(respondent), \(form.file)",
                                       en: "\(own.count) row(s) added: answers of \(respondent), \(form.file)"))
        }
        return lines
    }

    /// A member's row as values of the `fields` its form gave: a figure it is not concerned by is
    /// an empty cell, which reads as such again (the member not being an insertion structure), and
    /// one not reported `NC` where an empty cell would read as not concerned.
    static func values(of member: Member, fields: [String], catalogue: FieldCatalogue) -> [String: TableValue?] {
        typealias M = StandardFields.Members
        var values: [String: TableValue?] = [:]
        for name in fields {
            let value: TableValue? = switch name {
            case StandardFields.year.name: .number(Double(member.year))
            case M.memberID.name: .text(member.id)
            case M.name.name: .text(member.name)
            case M.actorType.name: member.actorType.map { .choice($0.rawValue) }
            case M.legalForm.name: member.legalForm.map(TableValue.text)
            case M.insertionStructure.name: member.insertionStructure.map(TableValue.flag)
            case M.commune.name: member.commune.map(TableValue.text)
            default:
                catalogue.memberFigure(named: name).flatMap { figure -> TableValue? in
                    if member.isNotApplicable(figure) { return .notApplicable }
                    // Empty, an insertion figure of a member that is not an insertion structure
                    // would read as not applicable: not reported is written so.
                    let readsAsNotApplicable = figure.field.applicability == .insertionStructuresOnly && member.insertionStructure == false
                    return member[figure].map(TableValue.number) ?? (readsAsNotApplicable ? .notReported : nil)
                }
            }
            values[name] = .some(value)
        }
        return values
    }
}
