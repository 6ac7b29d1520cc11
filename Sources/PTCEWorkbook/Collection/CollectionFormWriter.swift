import Foundation
import PTCEModel

/// Writes the forms of a ``CollectionPlan`` (`ptce collect`, spec §8), each a workbook that checks
/// itself while it is filled in and that `ptce import` reads back by its defined names
/// (``FormInterface``), the name `ptce_form` saying which kind of form it is:
///
/// - a member's form: a cover sheet; the sheet of its figures, a row per column of `members.csv`
///   (identity first, then each member figure of the catalogue) with label, unit, last year's
///   value, the input cell and the help, each input cell named after its column (`member_id`,
///   `year`, `name`… `fte`, `turnover`); the sheet of its cooperations, whose input columns are
///   named `cooperations_member_b`, `cooperations_kind`, `cooperations_amount`,
///   `cooperations_description` (ranges of the same rows), the partner chosen from the hidden
///   range `member_list` (a label, then the member's id);
/// - the questionnaire: cells named `respondent`, `year` and `role`, and the ranges `question`
///   (the questions' ids), `answer` and `comment`, row by row.
///
/// Sheets are protected without a password: only input cells can be changed.
public enum CollectionFormWriter {
    /// The empty cooperation rows a form offers after those it starts from; never fewer than ``minimumCooperationRows`` rows in all.
    static let spareCooperationRows = 15
    /// The fewest cooperation rows a form offers.
    static let minimumCooperationRows = 20

    /// Writes every form of `plan` into `folder` (which must exist), in `language`, dated
    /// `created`; returns the files written, in order: the members' forms, the new member's, the
    /// questionnaire.
    public static func write(_ plan: CollectionPlan, into folder: URL, language: Language, created: Date) throws(XLSXError) -> [String] {
        let forms = plan.memberForms + [plan.newMemberForm]
        for form in forms {
            try writeMemberForm(form, of: plan, to: folder.appendingPathComponent(form.file).path, language: language, created: created)
        }
        try writeQuestionnaire(of: plan, to: folder.appendingPathComponent(plan.questionnaire.file).path, language: language, created: created)
        return forms.map(\.file) + [plan.questionnaire.file]
    }

    // MARK: Member forms

    /// The columns of a form's figures sheet (0-based).
    private enum Column {
        static let label = 0, unit = 1, previous = 2, input = 3, help = 4
    }

    /// A cell a member fills in: framed, pale yellow, editable in the protected sheet; text that
    /// wraps reads from the top.
    private static func input(numberFormat: String?, wrap: Bool = false) -> CellStyle {
        CellStyle(numberFormat: numberFormat, wrap: wrap, background: 0xFFF2CC, alignTop: wrap, unlocked: true, boxed: true)
    }

    /// A value given by the pole that the member cannot change: framed, grey, long text wrapped.
    private static func locked(numberFormat: String?, wrap: Bool) -> CellStyle {
        CellStyle(numberFormat: numberFormat, wrap: wrap, background: 0xEDEDED, boxed: true)
    }

    /// The height of the row of an open question, in points: room for a few lines of answer.
    static let openAnswerHeight = 90.0

    /// Writes the form `form` of `plan` at `path`.
    public static func writeMemberForm(_ form: MemberForm, of plan: CollectionPlan, to path: String, language: Language, created: Date) throws(XLSXError) {
        let words = Words(language: language)
        let workbook = try XLSXWorkbook(path: path, constantMemory: false, listsSheetName: words("Listes", "Lists"))
        let who = form.member.map(CollectionPlan.partnerLabel) ?? words("nouveau membre", "new member")
        try workbook.setProperties(
            title: words("Collecte \(plan.year) : \(who)", "Data collection \(plan.year): \(who)"),
            subject: plan.profile.name, author: Engine.name, keywords: "PTCE, " + words("collecte", "data collection"), created: created)
        try workbook.defineName(FormInterface.kindName, text: (form.member == nil ? FormInterface.Kind.newMember : .member).rawValue)
        let names = FormSheetNames(words: words)
        try writeCover(of: form, plan: plan, names: names, on: try workbook.addSheet(names.cover), words: words)
        try writeFigures(of: form, plan: plan, on: try workbook.addSheet(names.figures), words: words)
        let cooperations = try workbook.addSheet(names.cooperations)
        let partners = plan.partners(of: form)
        let partnerList = partners.isEmpty ? nil : try writePartners(partners, on: try workbook.addSheet(names.partners))
        try writeCooperations(of: form, plan: plan, partnerList: partnerList, on: cooperations, words: words)
        try workbook.close()
    }

    /// The sheet names of a member's form, in its language.
    private struct FormSheetNames {
        let cover, figures, cooperations, partners: String

        init(words: Words) {
            cover = words("Mode d'emploi", "Instructions")
            figures = words("Vos chiffres", "Your figures")
            cooperations = words("Coopérations", "Cooperations")
            partners = words("Membres du pôle", "Pole members")
        }
    }

    /// What the form is for, what to fill in and how to send it back.
    private static func writeCover(of form: MemberForm, plan: CollectionPlan, names: FormSheetNames, on sheet: XLSXSheet, words: Words) throws(XLSXError) {
        let (year, last) = (plan.year, plan.year - 1)
        var lines: [String] = []
        if let member = form.member {
            lines.append(words("Ce classeur recueille les chiffres \(year) de votre structure, \(member.name) (identifiant \(member.id)), pour le rapport d'impact du pôle.",
                               "This workbook collects the \(year) figures of your organisation, \(member.name) (ID \(member.id)), for the pole's impact report."))
        } else {
            lines.append(words("Ce classeur recueille les chiffres \(year) d'une structure qui rejoint le pôle, pour son rapport d'impact. Remplissez d'abord son identité : l'identifiant est le SIRET de la structure, ou le code que le pôle vous a donné.",
                               "This workbook collects the \(year) figures of an organisation joining the pole, for its impact report. Fill in its identity first: the ID is the organisation's SIRET, or the code the pole gave you."))
        }
        lines += [
            words("1. Feuille « \(names.figures) » : remplissez les cellules jaunes encadrées de la colonne « \(year) ». La colonne « \(last) » rappelle le chiffre que le pôle a reçu l'an dernier ; « non renseigné » : il ne l'a pas reçu.",
                  "1. Sheet \"\(names.figures)\": fill in the framed yellow cells of the column \"\(year)\". The column \"\(last)\" recalls the figure the pole received last year; \"not reported\": it received none."),
            words("2. Un chiffre que vous ne connaissez pas : laissez la cellule vide ou écrivez NC (non communiqué) et confirmez. Il ne sera jamais compté comme 0 ; un vrai zéro s'écrit 0.",
                  "2. A figure you do not know: leave the cell empty or type NC (not reported) and confirm. It will never count as 0; a true zero is written 0."),
            words("3. Feuille « \(names.cooperations) » : une ligne par coopération avec un autre membre du pôle en \(year) ; choisissez la structure partenaire et le type dans les listes. Les lignes déjà remplies reprennent les coopérations déclarées pour \(last) : effacez celles qui ont pris fin et indiquez le montant \(year) des autres.",
                  "3. Sheet \"\(names.cooperations)\": one row per cooperation with another member of the pole in \(year); choose the partner and the type from the lists. Rows already filled in carry over the cooperations declared for \(last): clear those that ended and give the \(year) amount of the others."),
            words("4. Les cellules grises (identifiant, année, identité connue du pôle) sont verrouillées : si l'une est fausse, dites-le au coordinateur du pôle. Les feuilles sont protégées sans mot de passe, pour éviter d'effacer une rubrique par erreur.",
                  "4. Grey cells (ID, year, identity the pole knows) are locked: if one is wrong, tell the pole's coordinator. The sheets are protected without a password, so that no heading is erased by mistake."),
            words("5. Une aide s'affiche quand vous sélectionnez une cellule, et Excel ou LibreOffice signale une valeur qui ne convient pas.",
                  "5. Help shows when you select a cell, and Excel or LibreOffice points out a value that does not fit."),
            words("6. Enregistrez le classeur au format .xlsx, sans changer ses feuilles ni ses rubriques, et renvoyez-le au coordinateur du pôle.",
                  "6. Save the workbook as .xlsx, without changing its sheets or headings, and return it to the pole's coordinator."),
            words("Le questionnaire d'opinion sur le pôle est un fichier à part, anonyme : il n'est pas dans ce classeur.",
                  "The opinion questionnaire about the pole is a separate, anonymous file: it is not in this workbook."),
        ]
        var buffer = SheetBuffer()
        buffer.put(.text("\(plan.profile.name) — " + words("collecte \(year)", "data collection \(year)")), row: 0, column: 0, style: .title)
        for (index, line) in lines.enumerated() {
            buffer.put(.text(line), row: index + 2, column: 0, style: .wrapped)
        }
        buffer.fixedWidths = [0: 100]
        try buffer.flush(to: sheet)
        sheet.protect()
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth, onePage: true)
    }

    /// The member's identity and figures, a row each: label, unit, last year's value, the input cell (named after its column) and the help.
    private static func writeFigures(of form: MemberForm, plan: CollectionPlan, on sheet: XLSXSheet, words: Words) throws(XLSXError) {
        let language = words.language
        var buffer = SheetBuffer()
        let title = form.member.map { "\($0.name) — " } ?? words("Nouveau membre — ", "New member — ")
        buffer.put(.text(title + words("chiffres \(plan.year)", "\(plan.year) figures")), row: 0, column: 0, style: .title)
        buffer.put(.text(plan.profile.name), row: 1, column: 0)
        buffer.put(words("Remplissez les cellules jaunes de la colonne « \(plan.year) ». Vide ou NC : non communiqué, jamais compté comme 0.",
                         "Fill in the yellow cells of the column \"\(plan.year)\". Empty or NC: not reported, never counted as 0."),
                   row: 2, columns: Column.label...Column.help, style: .wrapped)
        let headerRow = 4
        let headers = [words("Rubrique", "Item"), words("Unité", "Unit"), words("Rappel \(plan.year - 1)", "\(plan.year - 1) (reminder)"),
                       words("À remplir : \(plan.year)", "To fill in: \(plan.year)"), words("Aide", "Help")]
        for (column, header) in headers.enumerated() {
            buffer.put(.text(header), row: headerRow, column: column, style: .header)
        }
        var row = headerRow + 1
        var validations: [(row: Int, rule: ValidationRule)] = []
        var names: [(name: String, row: Int)] = []
        func section(_ text: String) {
            for column in Column.label...Column.help { buffer.put(column == 0 ? .text(text) : .blank, row: row, column: column, style: .section) }
            row += 1
        }

        section(words("Identité", "Identity"))
        for field in plan.catalogue.members.fields where !field.isFigure {
            let column = TemplateColumn(field, language: language)
            buffer.put(.text(field.label[language]), row: row, column: Column.label)
            if let value = identity(field, of: form, year: plan.year, column: column) {
                buffer.put(value, row: row, column: Column.input, style: locked(numberFormat: column.numberFormat, wrap: !field.type.isNumeric))
            } else {
                buffer.put(.blank, row: row, column: Column.input, style: input(numberFormat: column.numberFormat))
                validations.append((row, column.rule))
            }
            buffer.put(.text(column.meaning), row: row, column: Column.help, style: .wrapped)
            names.append((field.name, row))
            row += 1
        }

        section(words("Chiffres \(plan.year)", "\(plan.year) figures"))
        for figure in plan.catalogue.memberFigures {
            let column = TemplateColumn(figure.field, language: language)
            buffer.put(.text(figure.field.label[language]), row: row, column: Column.label)
            buffer.put(.text(column.unit), row: row, column: Column.unit, style: .wrapped)
            buffer.put(previousValue(of: figure, in: form, words: words), row: row, column: Column.previous,
                       style: form.previous?[figure] == nil ? .missing : CellStyle(numberFormat: column.numberFormat))
            buffer.put(.blank, row: row, column: Column.input, style: input(numberFormat: column.numberFormat))
            buffer.put(.text(column.meaning), row: row, column: Column.help, style: .wrapped)
            validations.append((row, column.rule(ofCell: XLSXSheet.reference(row: row, column: Column.input))))
            names.append((figure.field.name, row))
            row += 1
        }

        buffer.fixedWidths = [Column.label: 30, Column.unit: 16, Column.previous: 14, Column.input: 30, Column.help: 60]
        try buffer.flush(to: sheet)
        for validation in validations {
            try sheet.validate(rows: validation.row...validation.row, column: Column.input, rule: validation.rule)
        }
        for name in names {
            try sheet.workbook.defineName(name.name, reference: sheet.cell(row: name.row, column: Column.input))
        }
        sheet.freeze(rows: headerRow + 1)
        sheet.protect()
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth, oneAcross: true)
    }

    /// The value an identity cell of `form` holds, as its column shows it: the form's year, the
    /// member's id, name, actor type… `nil` for a cell left to fill in (a new member's, or one the pole does not know).
    private static func identity(_ field: FieldDeclaration, of form: MemberForm, year: Int, column: TemplateColumn) -> CellValue? {
        typealias M = StandardFields.Members
        if field.name == StandardFields.year.name { return .number(Double(year)) }
        guard let member = form.member else { return nil }
        let text: String? = switch field.name {
        case M.memberID.name: member.id
        case M.name.name: member.name
        case M.actorType.name: member.actorType.map(column.shown)
        case M.legalForm.name: member.legalForm
        case M.insertionStructure.name: member.insertionStructure.map(column.shown)
        case M.commune.name: member.commune
        default: nil
        }
        return text.map(CellValue.text)
    }

    /// Last year's value of `figure`: the number, "sans objet" when the member is not concerned,
    /// "non renseigné" when it was not reported, "—" when the member has no row last year.
    private static func previousValue(of figure: MemberFigure, in form: MemberForm, words: Words) -> CellValue {
        guard let previous = form.previous else { return .text("—") }
        if previous.isNotApplicable(figure) { return .text(words("sans objet (0)", "not applicable (0)")) }
        return previous[figure].map(CellValue.number) ?? .text(words("non renseigné", "not reported"))
    }

    /// Writes the partners a cooperation may name, a row each (label, then id), hidden; returns
    /// the range of the labels, which the partner dropdown offers.
    private static func writePartners(_ partners: [Member], on sheet: XLSXSheet) throws(XLSXError) -> String {
        for (row, member) in partners.enumerated() {
            try sheet.write(.text(CollectionPlan.partnerLabel(member)), row: row, column: 0)
            try sheet.write(.text(member.id), row: row, column: 1, style: CellStyle(numberFormat: "@"))
        }
        try sheet.workbook.defineName(FormInterface.memberListName, reference: sheet.range(rows: 0...(partners.count - 1), columns: 0...1))
        sheet.hide()
        return sheet.range(column: 0, firstRow: 0, lastRow: partners.count - 1)
    }

    /// The cooperations' input rows: partner, kind, amount and description of this year, last year's amount beside.
    private static func writeCooperations(
        of form: MemberForm, plan: CollectionPlan, partnerList: String?, on sheet: XLSXSheet, words: Words
    ) throws(XLSXError) {
        let language = words.language
        typealias C = StandardFields.Cooperations
        let fields = C.table.fields.filter { $0.name != StandardFields.year.name && $0.name != C.memberA.name }
        var buffer = SheetBuffer()
        buffer.put(.text(words("Coopérations \(plan.year) avec les autres membres du pôle", "\(plan.year) cooperations with the pole's other members")),
                   row: 0, column: 0, style: .title)
        var explanation = partnerList == nil
            ? words("Le pôle n'avait pas d'autre membre en \(plan.sourceYear) : écrivez le nom et l'identifiant de la structure partenaire.",
                    "The pole had no other member in \(plan.sourceYear): type the partner's name and ID.")
            : words("Une ligne par coopération avec un autre membre du pôle en \(plan.year) : choisissez la structure partenaire et le type dans les listes.",
                    "One row per cooperation with another member of the pole in \(plan.year): choose the partner and the type from the lists.")
        if !form.cooperations.isEmpty {
            explanation += words(" Les lignes remplies reprennent les coopérations déclarées pour \(plan.year - 1) : effacez celles qui ont pris fin, indiquez le montant \(plan.year) des autres.",
                                 " The rows filled in carry over the cooperations declared for \(plan.year - 1): clear those that ended, give the \(plan.year) amount of the others.")
        }
        let previousColumn = fields.count
        buffer.put(explanation, row: 1, columns: 0...previousColumn, style: .wrapped)
        let headerRow = 3
        let partnersByID = Dictionary(plan.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = (headerRow + 1)...(headerRow + max(minimumCooperationRows, form.cooperations.count + spareCooperationRows))
        var widths: [Int: Double] = [:]
        for (index, field) in fields.enumerated() {
            let column = TemplateColumn(field, language: language)
            let isPartner = field.name == C.memberB.name
            let header = isPartner ? words("Structure partenaire", "Partner")
                : field.type == .money ? "\(field.label[language]) \(plan.year)" : field.label[language]
            buffer.put(.text(header), row: headerRow, column: index, style: .header)
            let style = input(numberFormat: isPartner ? "@" : column.numberFormat, wrap: isPartner || field.type == .text)
            for row in rows {
                let prefilled = row - rows.lowerBound < form.cooperations.count ? form.cooperations[row - rows.lowerBound] : nil
                let value: CellValue = switch field.name {
                case C.memberB.name: prefilled.flatMap { partnersByID[$0.partner] }.map { .text(CollectionPlan.partnerLabel($0)) } ?? .blank
                case C.kind.name: prefilled.map { .text(column.shown($0.kind)) } ?? .blank
                case C.description.name: prefilled?.description.map(CellValue.text) ?? .blank
                default: .blank
                }
                buffer.put(value, row: row, column: index, style: style)
            }
            let rule = isPartner
                ? ValidationRule(
                    accepts: partnerList.map { .listIn(range: $0) } ?? .any,
                    prompt: (header, words("La structure du pôle avec qui vous coopérez, choisie dans la liste.",
                                           "The member of the pole you cooperate with, chosen from the list.")),
                    alert: .stop, error: (words("Valeur non valide", "Invalid value"),
                                          words("Choisissez la structure dans la liste des membres du pôle.", "Choose the organisation from the list of the pole's members.")))
                : column.rule
            try sheet.validate(rows: rows, column: index, rule: rule)
            widths[index] = isPartner || field.type == .text ? 40 : field.type == .money ? 18 : 24
        }
        buffer.put(.text(words("Montant \(plan.year - 1)", "\(plan.year - 1) amount")), row: headerRow, column: previousColumn, style: .header)
        for (offset, cooperation) in form.cooperations.enumerated() {
            if let amount = cooperation.previousAmount {
                buffer.put(.number(amount), row: rows.lowerBound + offset, column: previousColumn,
                           style: CellStyle(numberFormat: NumberFormats(language: language).euros))
            }
        }
        widths[previousColumn] = 18
        buffer.fixedWidths = widths
        try buffer.flush(to: sheet)
        for (index, field) in fields.enumerated() {
            try sheet.workbook.defineName(FormInterface.cooperationName(field), reference: sheet.range(column: index, firstRow: rows.lowerBound, lastRow: rows.upperBound))
        }
        sheet.freeze(rows: headerRow + 1)
        sheet.protect()
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth, oneAcross: true)
    }

    // MARK: Questionnaire

    /// Writes the anonymous questionnaire of `plan` at `path`: who answers, then a row per
    /// question of the bank (wording, answer, comment, the question's id).
    public static func writeQuestionnaire(of plan: CollectionPlan, to path: String, language: Language, created: Date) throws(XLSXError) {
        let words = Words(language: language)
        typealias S = StandardFields.Survey
        let workbook = try XLSXWorkbook(path: path, constantMemory: false, listsSheetName: words("Listes", "Lists"))
        try workbook.setProperties(
            title: words("Questionnaire \(plan.year)", "Questionnaire \(plan.year)"), subject: plan.profile.name,
            author: Engine.name, keywords: "PTCE, " + words("enquête", "survey"), created: created)
        try workbook.defineName(FormInterface.kindName, text: FormInterface.Kind.questionnaire.rawValue)
        let sheet = try workbook.addSheet(words("Questionnaire", "Questionnaire"))
        var buffer = SheetBuffer()
        let (answerColumn, commentColumn, idColumn) = (1, 2, 3)
        buffer.put(.text("\(plan.profile.name) — " + words("questionnaire \(plan.year)", "questionnaire \(plan.year)")), row: 0, column: 0, style: .title)
        let lines = [
            words("Ce questionnaire est anonyme : n'y écrivez pas votre nom ni celui de votre structure. Vos réponses, avec celles des autres, nourrissent le rapport d'impact du pôle.",
                  "This questionnaire is anonymous: do not write your name or your organisation's in it. Your answers, with the others', feed the pole's impact report."),
            words("Pour chaque affirmation, choisissez de 1 (pas du tout d'accord) à 5 (tout à fait d'accord), ou oui/non ; laissez vide une question à laquelle vous ne souhaitez pas répondre. Enregistrez le fichier au format .xlsx et renvoyez-le au coordinateur du pôle.",
                  "For each statement, choose from 1 (strongly disagree) to 5 (strongly agree), or yes/no; leave empty a question you prefer not to answer. Save the file as .xlsx and return it to the pole's coordinator."),
            words("Pour le coordinateur : chaque copie remise doit porter son propre numéro de répondant. Avant d'envoyer les copies, numérotez-les : \(plan.questionnaire.respondent), puis …-002, …-003. Le numéro ne dit pas qui a répondu : ne notez pas à qui va quelle copie.",
                  "For the coordinator: each copy handed out must carry its own respondent number. Before sending the copies, number them: \(plan.questionnaire.respondent), then …-002, …-003. The number does not say who answered: do not note who gets which copy."),
        ]
        for (index, line) in lines.enumerated() {
            buffer.put(line, row: index + 1, columns: 0...idColumn, style: .wrapped)
        }
        var row = lines.count + 2
        let text = NumberFormats(language: language).text
        let role = TemplateColumn(S.role, language: language)
        var validations: [(row: Int, column: Int, rule: ValidationRule)] = []
        let identity: [(label: String, name: String, value: CellValue, style: CellStyle, rule: ValidationRule?)] = [
            (words("Numéro de répondant", "Respondent number"), S.respondent.name, .text(plan.questionnaire.respondent), input(numberFormat: text), nil),
            (StandardFields.year.label[language], StandardFields.year.name, .number(Double(plan.year)), locked(numberFormat: NumberFormats(language: language).year, wrap: false), nil),
            (words("Vous répondez en tant que", "You answer as"), S.role.name, .blank, input(numberFormat: text), role.rule),
        ]
        for cell in identity {
            buffer.put(.text(cell.label), row: row, column: 0, style: CellStyle(bold: true))
            buffer.put(cell.value, row: row, column: answerColumn, style: cell.style)
            if let rule = cell.rule { validations.append((row, answerColumn, rule)) }
            try workbook.defineName(cell.name, reference: sheet.cell(row: row, column: answerColumn))
            row += 1
        }
        row += 1
        let headerRow = row
        for (column, header) in [S.question.label[language], S.answer.label[language], S.comment.label[language], words("Code", "Code")].enumerated() {
            buffer.put(.text(header), row: headerRow, column: column, style: .header)
        }
        let first = headerRow + 1
        for (offset, question) in plan.questions.enumerated() {
            let row = first + offset
            buffer.put(.text(question.wording[language]), row: row, column: 0, style: .wrapped)
            buffer.put(.blank, row: row, column: answerColumn, style: input(numberFormat: question.kind == .open ? text : nil, wrap: question.kind == .open))
            buffer.put(.blank, row: row, column: commentColumn, style: input(numberFormat: text, wrap: true))
            buffer.put(.text(question.id), row: row, column: idColumn, style: CellStyle(fontColor: 0x7F7F7F))
            validations.append((row, answerColumn, answerRule(question.kind, words: words)))
            validations.append((row, commentColumn, ValidationRule(
                accepts: .any, prompt: (S.comment.label[language], words("Un commentaire si vous le souhaitez ; il pourra être cité tel quel, sans votre nom.",
                                                                           "A comment if you wish; it may be quoted as it is, without your name.")),
                alert: .warning, error: ("", ""))))
        }
        buffer.fixedWidths = [0: 60, answerColumn: 20, commentColumn: 40, idColumn: 24]
        try buffer.flush(to: sheet)
        for validation in validations {
            try sheet.validate(rows: validation.row...validation.row, column: validation.column, rule: validation.rule)
        }
        for (offset, question) in plan.questions.enumerated() where question.kind == .open {
            try sheet.setRow(first + offset, height: openAnswerHeight)
        }
        let last = first + max(plan.questions.count, 1) - 1
        for (name, column) in [(S.question.name, idColumn), (S.answer.name, answerColumn), (S.comment.name, commentColumn)] {
            try workbook.defineName(name, reference: sheet.range(column: column, firstRow: first, lastRow: last))
        }
        sheet.protect()
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth, oneAcross: true)
        try workbook.close()
    }

    /// The answer a question takes: 1 to 5 or yes/no from a dropdown, any text for an open one.
    private static func answerRule(_ kind: QuestionKind, words: Words) -> ValidationRule {
        let title = StandardFields.Survey.answer.label[words.language]
        let invalid = words("Valeur non valide", "Invalid value")
        switch kind {
        case .scale:
            let scale = words("1 = pas du tout d'accord … 5 = tout à fait d'accord ; vide : pas de réponse.",
                              "1 = strongly disagree … 5 = strongly agree; empty: no answer.")
            return ValidationRule(accepts: .list((1...5).map(String.init)), prompt: (title, scale), alert: .stop,
                                  error: (invalid, words("Choisissez un chiffre de 1 à 5.", "Choose a number from 1 to 5.") + "\n" + scale))
        case .yesNo:
            let choices = [true, false].map { TemplateColumn.shown($0, in: words.language) }
            return ValidationRule(accepts: .list(choices), prompt: (title, words("Oui ou non ; vide : pas de réponse.", "Yes or no; empty: no answer.")),
                                  alert: .stop, error: (invalid, words("Choisissez ", "Choose ") + choices.joined(separator: words(" ou ", " or ")) + "."))
        case .open:
            return ValidationRule(accepts: .any, prompt: (title, words("Votre réponse en quelques phrases.", "Your answer in a few sentences.")),
                                  alert: .warning, error: ("", ""))
        }
    }
}
