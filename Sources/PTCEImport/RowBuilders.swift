import PTCEModel

/// A key that must be unique within a year: a member or project id.
struct YearScopedKey: Hashable {
    var year: Int
    var id: String
}

/// A survey answer's key, unique within a year: one answer per respondent and question.
struct AnswerKey: Hashable {
    var year: Int
    var respondent: String
    var question: String
}

/// The keys that must not repeat among the rows kept so far (a member's year and id, one answer
/// per respondent and question).
///
/// The kept rows themselves hold the keys: only their positions are held here, through
/// ``HashSlots`` (8 to 16 bytes a row), as a national file has a million keys. Every candidate
/// recorded is the row kept next, so positions here are positions among the kept rows.
struct KeptKeys<Row, Key: Hashable> {
    private var slots: HashSlots
    /// The key of the row at an address: read in place, where a row passed as a value was
    /// copied (a member is 216 bytes) at every look-up.
    private let key: (UnsafePointer<Row>) -> Key

    /// `expected`: about how many rows will be kept, so that the table is not grown step by step.
    init(expected: Int, key: @escaping (UnsafePointer<Row>) -> Key) {
        slots = HashSlots(expected: expected)
        self.key = key
    }

    /// The position among `kept` (the rows recorded, in order) of the first row with `key`;
    /// nothing is recorded.
    func row(with key: Key, among kept: UnsafeBufferPointer<Row>) -> Int? {
        let keyOf = self.key
        return slots.position(hash: key.hashValue) { keyOf(kept.baseAddress.unsafelyUnwrapped + $0) == key }
    }

    /// The position among `kept` (the rows kept so far, in order) of the first row whose key
    /// `candidate` repeats; `nil` when none has it, and `candidate` is then recorded as the row
    /// kept next, which the caller must keep.
    mutating func repeatedRow(by candidate: Row, among kept: UnsafeBufferPointer<Row>) -> Int? {
        let keyOf = self.key, key = withUnsafePointer(to: candidate, keyOf)
        if let position = row(with: key, among: kept) { return position }
        precondition(slots.count == kept.count, "every row recorded is kept")
        slots.append(hash: key.hashValue) { keyOf(kept.baseAddress.unsafelyUnwrapped + $0).hashValue }
        return nil
    }
}

/// A row with an id unique within its year, and the line it came from.
protocol IdentifiedRecord {
    var origin: RecordOrigin { get }
    var year: Int { get }
    var id: String { get }
}

extension Member: IdentifiedRecord {}
extension Project: IdentifiedRecord {}

extension KeptKeys where Key == YearScopedKey, Row: IdentifiedRecord {
    /// Keys of the rows' years and ids.
    init(expected: Int) {
        self.init(expected: expected) { YearScopedKey(year: $0.pointee.year, id: $0.pointee.id) }
    }

    /// Records `candidate` as the row kept next unless it repeats the id of a kept row of its
    /// year: then says so at the id's cell of `reader`'s row (`column`), naming the first line,
    /// and returns true (the candidate is then left out).
    mutating func isRepeated(
        _ candidate: borrowing Row, in column: some CellColumn, of reader: CellReader, among kept: UnsafeBufferPointer<Row>,
        _ findings: inout Findings
    ) -> Bool {
        guard let first = repeatedRow(by: candidate, among: kept) else { return false }
        findings.error(
            ImportMessage.appearsTwice(column.declaration.name, id: candidate.id, year: candidate.year, firstLine: kept[first].origin.line),
            at: reader.location(column))
        return true
    }
}

/// `members.csv` rows.
enum MemberRows {
    /// `figures`: the member figures of the catalogue the table's schema comes from; `accepted`
    /// hears of each member kept, as soon as its row is read.
    static func read(
        _ table: Table, figures: [MemberFigure], accepted: ((Member) -> Void)? = nil, _ findings: inout Findings
    ) -> [Member] {
        var ids: KeptKeys<Member, YearScopedKey>?
        return read(table, figures: figures, accepted: accepted, ids: &ids, &findings)
    }

    /// As ``read(_:figures:accepted:_:)``; `ids` gets the members' table by year and id made on
    /// the way (positions into the members returned), for a ``MemberRoster`` not to make it again.
    static func read(
        _ table: Table, figures: [MemberFigure], accepted: ((Member) -> Void)? = nil,
        ids: inout KeptKeys<Member, YearScopedKey>?, _ findings: inout Findings
    ) -> [Member] {
        var builder = MemberRowBuilder(table, figures: figures)
        var kept = KeptKeys<Member, YearScopedKey>(expected: table.expectedRecordCount)
        defer { ids = kept }
        return table.rows(&findings) { row, findings, members in
            guard let member = builder.member(from: row, &findings),
                  !kept.isRepeated(member, in: StandardFields.Members.memberID, of: row, among: members, &findings)
            else { return nil }
            accepted?(member)
            return member
        }
    }
}

/// Makes the members of a `members.csv` table's rows, one row at a time, each cell checked
/// (whether an id repeats within its year is for the caller, who keeps the members: ``KeptKeys``).
struct MemberRowBuilder {
    typealias C = StandardFields.Members
    /// The names and legal forms met: each year repeats them.
    private var texts: SharedTexts
    private let figures: [MemberFigure]
    private let checks: FigureChecks
    /// The columns other than the figures, resolved once: each row then reads them by position.
    private let year, memberID, name, actorType, legalForm, insertionStructure, commune: ResolvedColumn

    /// `figures`: the member figures of the catalogue the table's schema comes from; `texts`:
    /// the names met (``SharedTexts``: a name met before is given the `String` of its first
    /// appearance, for members that are kept; not shared when the members are let go).
    init(_ table: Table, figures: [MemberFigure], texts: SharedTexts = SharedTexts()) {
        self.texts = texts
        self.figures = figures
        checks = FigureChecks(figures, in: table)
        year = ResolvedColumn(StandardFields.year, in: table)
        memberID = ResolvedColumn(C.memberID, in: table)
        name = ResolvedColumn(C.name, in: table)
        actorType = ResolvedColumn(C.actorType, in: table)
        legalForm = ResolvedColumn(C.legalForm, in: table)
        insertionStructure = ResolvedColumn(C.insertionStructure, in: table)
        commune = ResolvedColumn(C.commune, in: table)
    }

    /// Resolves the columns in `table`, another part of the same file (the same header), whose
    /// rows come next: the texts met so far are kept.
    mutating func resolveColumns(in table: Table) {
        self = MemberRowBuilder(table, figures: figures, texts: texts)
    }

    /// The member of `row`, or `nil` when the row is left out (a required cell invalid); what is
    /// wrong goes to `findings`.
    mutating func member(from row: CellReader, _ findings: inout Findings) -> Member? {
        let year = row.year(in: self.year, &findings)
        let id = row.identifier(self.memberID, &findings)
        let name = row.text(self.name, sharing: &texts, &findings)
        let actorType = row.choice(self.actorType, as: ActorType.self, &findings)
        var member = Member(
            origin: row.origin, year: year ?? 0, id: id ?? "",
            name: name ?? "", actorType: actorType,
            legalForm: row.text(legalForm, sharing: &texts, &findings),
            insertionStructure: row.boolean(insertionStructure, &findings),
            commune: row.communeCode(commune, &findings),
            extras: row.extras)
        checks.read(into: &member, row, &findings)
        // An invalid actor_type is an error; the member still counts (in no type) when the report is forced.
        guard year != nil, id != nil, name != nil else {
            findings.warning(ImportMessage.memberLeftOut, at: row.recordLocation)
            return nil
        }
        return member
    }
}

/// How a member's figures are read and checked, worked out once per table from their
/// declarations: the loop over rows then touches only positions and resolved columns.
private struct FigureChecks {
    /// A ``FieldRule`` with the figure it names resolved.
    enum Rule {
        case partOf(whole: Int, because: LocalizedText)
        case atMostTimes(other: Int, factor: Double, because: LocalizedText)
    }

    /// Where each figure is stored in a member (``MemberFigure/index``), in catalogue order.
    let storage: [Int]
    /// The figures' columns, resolved in the table, in catalogue order.
    let columns: [ResolvedColumn]
    /// Whether each figure concerns insertion structures only.
    let insertionOnly: [Bool]
    /// The rules of each figure, in order.
    let rules: [[Rule]]
    private static let tolerance = 1e-9

    init(_ figures: [MemberFigure], in table: Table) {
        storage = figures.map(\.index)
        columns = figures.map { ResolvedColumn($0.field, in: table) }
        insertionOnly = figures.map { $0.field.applicability == .insertionStructuresOnly }
        let names = figures.map(\.field.name)
        rules = figures.map { figure in
            figure.field.rules.compactMap { rule in
                switch rule {
                case .partOf(let whole, let because): names.firstIndex(of: whole).map { Rule.partOf(whole: $0, because: because) }
                case .atMostTimes(let other, let factor, let because):
                    names.firstIndex(of: other).map { Rule.atMostTimes(other: $0, factor: factor, because: because) }
                }
            }
        }
    }

    /// Reads the figures of `row` into `member`, then checks the rules between them: a part
    /// cannot exceed its whole (an error, the part then not reported, so that a total stays
    /// right, and its later rules not checked); a figure can be flagged above a multiple of
    /// another (FTE above headcount, a warning).
    func read(into member: inout Member, _ row: CellReader, _ findings: inout Findings) {
        for index in columns.indices {
            member[figureAt: storage[index]] = row.figure(columns[index], &findings)
            // For a member that is not an insertion structure, an empty insertion cell means none.
            if insertionOnly[index], member.insertionStructure == false, row.isEmpty(columns[index]) {
                member.setNotApplicable(figureAt: storage[index])
            }
        }
        for index in rules.indices where !rules[index].isEmpty {
            for rule in rules[index] {
                guard let value = member[figureAt: storage[index]] else { break }
                switch rule {
                case .partOf(let whole, let because):
                    guard let total = member[figureAt: storage[whole]], value > total + Self.tolerance else { continue }
                    findings.error(
                        ImportMessage.figureAbove(
                            columns[index].declaration.name, CellReader.plain(value), columns[whole].declaration.name, CellReader.plain(total), because: because),
                        at: row.location(columns[index]))
                    member[figureAt: storage[index]] = nil
                case .atMostTimes(let other, let factor, let because):
                    guard let bound = member[figureAt: storage[other]], value > bound * factor + Self.tolerance else { continue }
                    findings.warning(
                        ImportMessage.figureAbove(
                            columns[index].declaration.name, CellReader.plain(value), columns[other].declaration.name, CellReader.plain(bound), because: because),
                        at: row.location(columns[index]))
                }
            }
        }
    }
}

/// `cooperations.csv` rows: both members must be members that year, and differ.
enum CooperationRows {
    typealias C = StandardFields.Cooperations

    static func read(_ table: Table, rosters: MemberRoster, _ findings: inout Findings) -> [Cooperation] {
        // Resolved once: a national file has hundreds of thousands of rows.
        let yearColumn = ResolvedColumn(StandardFields.year, in: table), memberAColumn = ResolvedColumn(C.memberA, in: table)
        let memberBColumn = ResolvedColumn(C.memberB, in: table), kindColumn = ResolvedColumn(C.kind, in: table)
        let amountColumn = ResolvedColumn(C.amount, in: table), descriptionColumn = ResolvedColumn(C.description, in: table)
        var descriptions = SharedTexts()  // a kind of cooperation is often described alike on many rows
        return table.rows(&findings) { row, findings in
            let year = row.year(in: yearColumn, &findings)
            var memberA = row.identifier(memberAColumn, &findings)
            var memberB = row.identifier(memberBColumn, &findings)
            let kind = row.choice(kindColumn, as: CooperationKind.self, &findings)
            let amount = row.figure(amountColumn, &findings)
            let description = row.text(descriptionColumn, sharing: &descriptions, &findings)
            /// `id` when it names a member of the row's year; else an error at `column`, and `nil`.
            func rostered(_ id: String?, in column: ResolvedColumn) -> String? {
                guard let id, let year, !rosters.contains(id, in: year) else { return id }
                findings.error(rosters.explainAbsence(of: id, in: year), at: row.location(column))
                return nil
            }
            memberA = rostered(memberA, in: memberAColumn)
            memberB = rostered(memberB, in: memberBColumn)
            if let a = memberA, let b = memberB, a == b {
                findings.error(ImportMessage.cooperationWithItself(a), at: row.location(memberBColumn))
                memberB = nil
            }
            guard let year, let memberA, let memberB, let kind else {
                findings.warning(ImportMessage.cooperationLeftOut, at: row.recordLocation)
                return nil
            }
            return Cooperation(
                origin: row.origin, year: year, memberA: memberA,
                memberB: memberB, kind: kind, amount: amount, description: description, extras: row.extras)
        }
    }
}

/// `finances.csv` rows.
enum FinanceRows {
    typealias C = StandardFields.Finances

    static func read(_ table: Table, _ findings: inout Findings) -> [FinanceLine] {
        table.rows(&findings) { row, findings in
            let year = row.year(&findings)
            let source = row.text(C.source, &findings)
            let kind = row.choice(C.kind, as: FundingKind.self, &findings)
            let amount = row.figure(C.amount, &findings)
            let planned = row.figure(C.planned, &findings)
            guard let year, let source, let kind, let amount else {
                findings.warning(ImportMessage.budgetLineLeftOut, at: row.recordLocation)
                return nil
            }
            return FinanceLine(
                origin: row.origin, year: year, source: source, kind: kind,
                amount: amount, planned: planned, extras: row.extras)
        }
    }
}

/// `targets.csv` rows: a period that does not end before it starts and, when the library's
/// indicators are given, an indicator of the library whose objective can be followed, with a
/// target and a baseline in its unit.
enum TargetRows {
    typealias C = StandardFields.Targets

    static func read(_ table: Table, indicators: [String: IndicatorTraits]?, _ findings: inout Findings) -> [Target] {
        table.rows(&findings) { row, findings in
            var indicator = row.identifier(C.indicator, &findings)
            var from = row.year(in: C.from, &findings)
            let to = row.year(in: C.to, &findings)
            var target = row.target(C.target, &findings)
            var baseline = row.target(C.baseline, &findings)
            let comment = row.text(C.comment, &findings)
            var baselineIsValid = true
            if let start = from, let to, to < start {
                findings.error(ImportMessage.periodReversed(from: start, to: to), at: row.location(C.to))
                from = nil
            }
            if let indicators, let id = indicator {
                if let traits = indicators[id] {
                    if traits.isFlow, traits.lowerIsBetter {
                        findings.error(ImportMessage.objectiveOnLowerFlow(id), at: row.location(C.indicator))
                        indicator = nil
                    }
                    /// Whether `number` is in the indicator's unit; if not, says so at `column`.
                    func fits(_ number: Target.Number, _ column: FieldDeclaration) -> Bool {
                        guard let problem = unitProblem(of: number, traits: traits, indicator: id) else { return true }
                        findings.error(ImportMessage.targetUnit(row.written(column), problem), at: row.location(column))
                        return false
                    }
                    if let number = target, !fits(number, C.target) { target = nil }
                    if let number = baseline, !fits(number, C.baseline) {
                        baseline = nil
                        baselineIsValid = false
                    }
                } else {
                    findings.error(ImportMessage.unknownIndicator(id, suggestion: suggestion(for: id, among: indicators.keys)),
                                   at: row.location(C.indicator))
                    indicator = nil
                }
            }
            guard let indicator, let from, let to, let target, baselineIsValid else {
                findings.warning(ImportMessage.objectiveLeftOut, at: row.recordLocation)
                return nil
            }
            return Target(
                origin: row.origin, indicator: indicator, from: from, to: to,
                target: target, baseline: baseline, comment: comment)
        }
    }

    /// What is wrong with `number` as a value of an indicator with `traits`, or `nil` when it fits:
    /// a share is written `25 %` or as a fraction, a yes/no is 1 or 0, `%` and `€` only where the
    /// unit is a share or money.
    private static func unitProblem(of number: Target.Number, traits: IndicatorTraits, indicator: String) -> LocalizedText? {
        if traits.isShare {
            return number.unit == .percent || (number.unit == .none && number.value <= 1) ? nil
                : ImportMessage.TargetUnitProblem.share(indicator)
        }
        if traits.isFlag {
            return number.unit == .none && (number.value == 0 || number.value == 1) ? nil : ImportMessage.TargetUnitProblem.flag(indicator)
        }
        switch number.unit {
        case .none: return nil
        case .percent: return ImportMessage.TargetUnitProblem.notShare(indicator)
        case .euros: return traits.isMoney ? nil : ImportMessage.TargetUnitProblem.notMoney(indicator)
        }
    }

    /// The indicator id closest to a mistyped one (at most 3 edits), else `nil`.
    private static func suggestion(for id: String, among ids: Dictionary<String, IndicatorTraits>.Keys) -> String? {
        ids.map { ($0, NameMatching.distance(id.lowercased(), $0)) }.filter { $0.1 <= 3 }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }
}

/// `projects.csv` rows: ids unique within a year, carriers members that year.
enum ProjectRows {
    typealias C = StandardFields.Projects

    static func read(_ table: Table, rosters: MemberRoster, _ findings: inout Findings) -> [Project] {
        var ids = KeptKeys<Project, YearScopedKey>(expected: table.expectedRecordCount)
        return table.rows(&findings) { row, findings, kept in
            let year = row.year(&findings)
            let id = row.identifier(C.projectID, &findings)
            let name = row.text(C.name, &findings)
            let stage = row.choice(C.stage, as: ProjectStage.self, &findings)
            var members = row.memberList(C.members, &findings)
            if let year {
                let unknown = members.filter { !rosters.contains($0, in: year) }
                for id in unknown {
                    findings.error(rosters.explainAbsence(of: id, in: year), at: row.location(C.members))
                }
                members.removeAll { unknown.contains($0) }
            }
            let project = Project(
                origin: row.origin, year: year ?? 0, id: id ?? "",
                name: name ?? "", stage: stage ?? .idea, sector: row.text(C.sector, &findings), members: members,
                jobsCreated: row.count(C.jobsCreated, &findings), budget: row.figure(C.budget, &findings),
                extras: row.extras)
            guard year != nil, id != nil, name != nil, stage != nil else {
                findings.warning(ImportMessage.projectLeftOut, at: row.recordLocation)
                return nil
            }
            return ids.isRepeated(project, in: C.projectID, of: row, among: kept, &findings) ? nil : project
        }
    }
}

/// `survey.csv` rows: questions of the bank, answers in range for the question's kind,
/// one answer per respondent and question in a year.
enum SurveyRows {
    typealias C = StandardFields.Survey

    static func read(_ table: Table, bank: QuestionBank, _ findings: inout Findings) -> [SurveyAnswer] {
        var answered = KeptKeys<SurveyAnswer, AnswerKey>(expected: table.expectedRecordCount) {
            AnswerKey(year: $0.pointee.year, respondent: $0.pointee.respondent, question: $0.pointee.questionID)
        }
        // Resolved once: a national survey has hundreds of thousands of answers. An answer may
        // be empty (a question skipped).
        var optionalAnswer = C.answer
        optionalAnswer.isRequired = false
        let yearColumn = ResolvedColumn(StandardFields.year, in: table), answerColumn = ResolvedColumn(optionalAnswer, in: table)
        let respondentColumn = ResolvedColumn(C.respondent, in: table), roleColumn = ResolvedColumn(C.role, in: table)
        let questionColumn = ResolvedColumn(C.question, in: table), commentColumn = ResolvedColumn(C.comment, in: table)
        var comments = SharedTexts()  // the same remark comes back from respondent to respondent
        return table.rows(&findings) { row, findings, keptAnswers in
            let year = row.year(in: yearColumn, &findings)
            let respondent = row.identifier(respondentColumn, &findings)
            let role = row.choice(roleColumn, as: RespondentRole.self, &findings)
            let questionID = row.identifier(questionColumn, &findings)
            let comment = row.text(commentColumn, sharing: &comments, &findings)
            var question: SurveyQuestion?
            if let questionID {
                question = bank[questionID]
                if question == nil {
                    findings.error(
                        ImportMessage.unknownQuestion(questionID, known: bank.questions.map(\.id)), at: row.location(questionColumn))
                }
            }
            let answer = question.flatMap { answerValue(row, answerColumn, question: $0, comment: comment, &findings) }
            guard let year, let respondent, let role, let question, let answer else {
                findings.warning(ImportMessage.answerLeftOut, at: row.recordLocation)
                return nil
            }
            let candidate = SurveyAnswer(
                origin: row.origin, year: year, respondent: respondent,
                role: role, questionID: question.id, answer: answer, comment: comment, extras: row.extras)
            if let first = answered.repeatedRow(by: candidate, among: keptAnswers) {
                findings.error(
                    ImportMessage.answeredTwice(respondent, question: question.id, year: year, firstLine: keptAnswers[first].origin.line),
                    at: row.location(respondentColumn))
                return nil
            }
            return candidate
        }
    }

    /// The answer in `column` (the answer column, not required), typed by the question's kind;
    /// `nil` (with an error) when out of range. An empty answer is a question the respondent
    /// skipped (`.notAnswered`, in no statistic), except an open one with a comment: its text
    /// is in the comment.
    private static func answerValue(
        _ row: CellReader, _ column: ResolvedColumn, question: SurveyQuestion, comment: String?, _ findings: inout Findings
    ) -> SurveyAnswerValue? {
        let cell = row.reported(column, &findings)
        switch question.kind {
        case .open:
            return cell == nil && comment == nil ? .notAnswered : .text(cell ?? "")
        case .scale:
            guard let cell else { return .notAnswered }
            guard let score = Int(cell), (1...5).contains(score) else {
                findings.error(ImportMessage.notAScore(cell, question: question.id), at: row.location(column))
                return nil
            }
            return .scale(score)
        case .yesNo:
            guard let cell else { return .notAnswered }
            guard let value = CellReader.yesNo(cell) else {
                findings.error(ImportMessage.notAYesNoAnswer(cell, question: question.id), at: row.location(column))
                return nil
            }
            return .yesNo(value)
        }
    }
}
