import Foundation
import PTCEModel

/// Writes the data-entry workbook of one table of a pole folder (`ptce init --xlsx`): the table
/// on the first sheet — the headers the CSV templates write, bold and frozen, with a filter; each
/// column typed and checked as the catalogue declares it (number format, dropdown, bounds, a
/// message when a cell is selected and another when a value does not fit) — and its help on the
/// second. Everything comes from the table's ``TableDeclaration``; the importer reads the file back
/// as the table (`members.xlsx`).
public enum TemplateWorkbookWriter {
    /// The last row (1-based) whose cells are checked: the header is row 1, the data from row 2.
    /// A survey of twelve questions holds some 800 respondent-years.
    static let lastRow = 10_000

    /// Writes the template of `table` at `path`, its help, messages and lists in `language` (its
    /// headers: the French ones of the CSV templates, or the canonical names in English), dated
    /// `created`. Throws ``XLSXError`` when libxlsxwriter cannot create or write the file.
    public static func write(_ table: TableDeclaration, to path: String, language: Language = .fr, created: Date) throws {
        let words = Words(language: language)
        let workbook = try XLSXWorkbook(path: path, constantMemory: false, listsSheetName: words("Listes", "Lists"))
        let name = table.label[language]
        try workbook.setProperties(
            title: words("Modèle de saisie : \(name) (\(table.workbookFile))", "Data entry template: \(name) (\(table.workbookFile))"),
            subject: words("Données d'un pôle territorial de coopération économique", "Data of a territorial economic cooperation pole"),
            author: Engine.name, keywords: ["PTCE", name].joined(separator: ", "), created: created)
        let columns = table.fields.map { TemplateColumn($0, language: language) }
        try writeTable(columns, on: try workbook.addSheet(name))
        try writeHelp(of: table, columns: columns, on: try workbook.addSheet(words("Aide", "Help")), words: words)
        try workbook.close()
    }

    /// `SOURCE_DATE_EPOCH` when set, else 1 January 2025 (UTC): a template depends on the engine,
    /// not on the day it is written, so the same engine writes the same bytes.
    public static func creationDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        SourceDate.fixed(in: environment) ?? Date(timeIntervalSince1970: 1_735_689_600)
    }

    /// The headers, each column's format, width and validation, the filter and the frozen header.
    private static func writeTable(_ columns: [TemplateColumn], on sheet: XLSXSheet) throws(XLSXError) {
        let rows = 1...(lastRow - 1)
        for (index, column) in columns.enumerated() {
            try sheet.write(.text(column.header), row: 0, column: index, style: .header)
            try sheet.setColumn(index, width: column.width, style: column.numberFormat.map { CellStyle(numberFormat: $0) })
            try sheet.validate(rows: rows, column: index, rule: column.rule)
        }
        try sheet.autofilter(firstRow: 0, lastRow: rows.upperBound, columns: columns.count)
        sheet.freeze(rows: 1)
        try sheet.setUpPrinting(headerRows: 0, width: columns.map(\.width).reduce(0, +), keptColumns: 0)
    }

    /// What the table is, how to fill it in, then a row per column: its header, meaning, type,
    /// unit, whether it is required and the values it accepts.
    private static func writeHelp(
        of table: TableDeclaration, columns: [TemplateColumn], on sheet: XLSXSheet, words: Words
    ) throws(XLSXError) {
        var buffer = SheetBuffer()
        let name = table.label[words.language]
        buffer.put(.text("\(name) — \(table.workbookFile)"), row: 0, column: 0, style: .title)
        buffer.put(.text(words("Chaque ligne décrit \(table.row.fr).", "Each row is \(table.row.en).")), row: 1, column: 0)
        buffer.put(.text(words(
            "Saisissez les données dans la feuille « \(name) », sous ses en-têtes, sans les renommer.",
            "Type the data in the sheet \"\(name)\", below its headers, without renaming them.")), row: 2, column: 0)
        buffer.put(.text(words(
            "Une cellule vide ou « NC » : non communiqué, jamais compté comme 0. Vérifiez le dossier avec : ptce validate DOSSIER",
            "An empty cell or \"NC\": not reported, never counted as 0. Check the folder with: ptce validate FOLDER")), row: 3, column: 0)
        let headerRow = 5
        let headers = [words("Colonne", "Column"), words("Signification", "Meaning"), words("Type", "Type"), words("Unité", "Unit"),
                       words("Obligatoire", "Required"), words("Valeurs acceptées", "Accepted values")]
        for (index, header) in headers.enumerated() {
            buffer.put(.text(header), row: headerRow, column: index, style: .header)
        }
        for (offset, column) in columns.enumerated() {
            let row = headerRow + 1 + offset
            buffer.put(.text(column.header), row: row, column: 0, style: CellStyle(bold: true))
            for (index, text) in [column.meaning, column.typeName, column.unit, column.requirement, column.accepted].enumerated() {
                buffer.put(.text(text), row: row, column: index + 1, style: .wrapped)
            }
        }
        buffer.fixedWidths = [0: 24, 1: 56, 2: 18, 3: 16, 4: 30, 5: 44]
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth, oneAcross: true)
    }
}

/// One column of a template, in one language: its header, how its cells are formatted and
/// checked, and what the help says of it — all from its ``FieldDeclaration``.
struct TemplateColumn {
    let field: FieldDeclaration
    let language: Language

    init(_ field: FieldDeclaration, language: Language) {
        self.field = field
        self.language = language
    }

    private func words(_ french: String, _ english: String) -> String { language.text(french, english) }

    /// The French header of the CSV templates, or the canonical name in English (both read back).
    var header: String { language == .fr ? field.frenchHeader : field.name }

    /// The values a dropdown offers: the French names of a list (canonical names in English), or yes and no.
    var offered: [String]? {
        switch field.type {
        case .choice(let list): language == .fr ? list.frenchNames : list.values
        case .boolean: [true, false].map(shown)
        default: nil
        }
    }

    /// The cells' number format: the figure's own (`1 380 000 €`), whole for a year, text (`@`)
    /// for anything that is not a number, so that Excel changes no identifier or code as typed.
    var numberFormat: String? {
        let formats = NumberFormats(language: language)
        return switch field.type {
        case .year: formats.year
        case .count, .quantity, .money: formats.figure(field.format)
        default: formats.text
        }
    }

    /// Wide enough for the header, a dropdown's longest value or what the column usually holds.
    var width: Double {
        let content: Int = switch field.type {
        case .text, .memberList, .answer: 30
        case .identifier: 18
        case .money, .target: 15
        default: 10
        }
        let longest = (offered ?? []).map { $0.count + 4 }.max() ?? 0
        return max(Double(header.count) * 1.1 + 2, Double(max(content, longest)))
    }

    /// What the cells accept: the list, the numbers between 0 (or 1990) and the catalogue's bound,
    /// five characters for a commune code; any text elsewhere.
    var criterion: ValidationCriterion {
        if let offered { return .list(offered) }
        switch field.type {
        case .year: return .whole(minimum: FieldType.years.lowerBound, maximum: FieldType.years.upperBound)
        // The bound is exclusive: the last whole number or decimal below it.
        case .count: return .whole(minimum: 0, maximum: field.upperBound.map { Int($0.rounded(.up)) - 1 })
        case .quantity, .money: return .decimal(minimum: 0, maximum: field.upperBound?.nextDown)
        case .communeCode: return .textLength(5)
        default: return .any
        }
    }

    /// The column's validation: a required value must fit (Excel refuses it otherwise); an optional
    /// one may be kept after a warning, so that `NC` (not reported) stays possible.
    var rule: ValidationRule {
        ValidationRule(
            accepts: criterion, prompt: (header, meaning + "\n" + requirement),
            alert: field.isRequired ? .stop : .warning,
            error: (field.isRequired ? words("Valeur non valide", "Invalid value") : words("Valeur inattendue", "Unexpected value"),
                    words("Valeur attendue : ", "Expected: ") + accepted + "\n" + requirement))
    }

    /// The rule of a form's input cell `cell` (`D21`), where every member figure is named after its
    /// field: the column's own, and for a figure with rules against others of its row (part of the
    /// FTE, at most one FTE per person), a custom formula checking the number and, by their names,
    /// those rules — a figure beside an empty or `NC` one is not held against it.
    func rule(ofCell cell: String) -> ValidationRule {
        guard !field.rules.isEmpty, let bound = field.upperBound else { return rule }
        var conditions = ["ISNUMBER(\(cell))", "\(cell)>=0", "\(cell)<\(Self.formulaNumber(bound))"]
        if field.type == .count { conditions.append("INT(\(cell))=\(cell)") }
        var reasons: [String] = []
        for fieldRule in field.rules {
            switch fieldRule {
            case .partOf(let whole, let because):
                conditions.append("OR(NOT(ISNUMBER(\(whole))),\(cell)<=\(whole))")
                reasons.append(because[language])
            case .atMostTimes(let other, let factor, let because):
                conditions.append("OR(NOT(ISNUMBER(\(other))),\(cell)<=\(Self.formulaNumber(factor))*\(other))")
                reasons.append(because[language])
            }
        }
        var rule = self.rule
        rule.accepts = .formula("AND(" + conditions.joined(separator: ",") + ")")
        let separator = words(" ; ", "; ")
        rule.error.message = words("Valeur attendue : ", "Expected: ") + ([accepted] + reasons).joined(separator: separator) + "\n" + requirement
        return rule
    }

    /// A number as a formula writes it: `10000000`, `1.05`.
    private static func formulaNumber(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// `value`, a value of the column's list, as its dropdown offers it (``offered``).
    func shown(_ value: any Vocabulary) -> String {
        language == .fr ? value.frenchName : value.rawValue
    }

    /// Yes or no as the column's dropdown offers it (``offered``): `oui`, `non`.
    func shown(_ flag: Bool) -> String {
        Self.shown(flag, in: language)
    }

    /// Yes or no as a dropdown in `language` offers it: `oui`, `non`, `yes`, `no`.
    static func shown(_ flag: Bool, in language: Language) -> String {
        language.yesNo(flag).lowercased()
    }

    /// What the column holds: its help, else its label.
    var meaning: String { (field.help ?? field.label)[language] }

    /// Whether a value is needed, and what an empty cell means.
    var requirement: String {
        if field.isRequired { return words("Obligatoire.", "Required.") }
        let notReported = words("Facultatif : vide ou NC si non communiqué.", "Optional: empty or NC when not reported.")
        return switch field.applicability {
        case .everyRow: notReported
        case .insertionStructuresOnly: notReported + words(" Vide compte 0 hors SIAE.", " Empty counts as 0 outside a SIAE.")
        }
    }

    /// The kind of value, in a word or two.
    var typeName: String {
        switch field.type {
        case .text: words("texte", "text")
        case .identifier: words("identifiant", "identifier")
        case .count: words("nombre entier", "whole number")
        case .quantity: words("nombre décimal", "decimal number")
        case .money: words("montant", "amount")
        case .boolean: words("oui/non", "yes/no")
        case .year: words("année", "year")
        case .communeCode: words("code INSEE", "INSEE code")
        case .choice: words("liste", "list")
        case .memberList: words("identifiants de membres", "member IDs")
        case .answer: words("réponse", "answer")
        case .target: words("nombre", "number")
        }
    }

    /// The unit of a figure (`ETP`, `€`, `tonnes`); a dash for a count, a year or text.
    var unit: String {
        switch field.unit {
        case "fte": words("ETP (équivalents temps plein)", "FTE (full-time equivalents)")
        case "eur": words("euros (€)", "euros (€)")
        case "tonnes": words("tonnes", "tonnes")
        case nil, "count", "year": "—"
        case let other?: other
        }
    }

    /// The values the column accepts, in words.
    var accepted: String {
        if let offered { return offered.joined(separator: ", ") }
        let below = field.writtenUpperBound.map { words(", inférieur à \($0)", ", below \($0)") } ?? ""
        return switch field.type {
        case .year: words("une année de \(FieldType.years.lowerBound) à \(FieldType.years.upperBound)",
                          "a year from \(FieldType.years.lowerBound) to \(FieldType.years.upperBound)")
        case .count: words("un nombre entier ≥ 0", "a whole number ≥ 0") + below
        case .quantity: words("un nombre ≥ 0", "a number ≥ 0") + below
        case .money: words("un montant en euros ≥ 0", "an amount in euros ≥ 0") + below
        case .communeCode: words("5 caractères, comme 60141 ou 2A004", "5 characters, such as 60141 or 2A004")
        case .identifier: words("un code, gardé comme texte", "a code, kept as text")
        case .memberList: words("des identifiants de membres séparés par |", "member IDs separated by |")
        case .answer: words("1 à 5, oui/non ou un texte, selon la question", "1 to 5, yes/no or text, depending on the question")
        case .target: words("un nombre dans l'unité de l'indicateur : 20, 25 %, 250 000 €",
                            "a number in the indicator's unit: 20, 25 %, 250 000 €")
        default: words("du texte", "text")
        }
    }
}
