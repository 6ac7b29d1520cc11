import CXlsxWriter
import Foundation
import PTCEIndicators
import PTCEModel

/// How a report workbook is written.
public struct WorkbookOptions: Sendable {
    public var language: Language
    /// The creation date stored in the file (fixed, so the same report gives the same bytes).
    public var created: Date
    /// Above this many members in the report year, libxlsxwriter's constant-memory mode is used
    /// (data sheets then get a plain filter instead of an Excel table). The members decide
    /// because their sheet is written first, before the other files are read.
    public var constantMemoryAbove: Int
    /// Data rows per sheet; more are continued on another sheet (Excel holds 1,048,576 rows
    /// with the header).
    public var rowsPerSheet: Int

    public init(language: Language, created: Date, constantMemoryAbove: Int = 20_000, rowsPerSheet: Int = 1_048_575) {
        self.language = language
        self.created = created
        self.constantMemoryAbove = constantMemoryAbove
        self.rowsPerSheet = rowsPerSheet
    }

    /// `SOURCE_DATE_EPOCH` when set, else 1 January after the report year (UTC): never "now".
    public static func creationDate(reportYear: Int, environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: reportYear + 1, month: 1, day: 1))!
    }
}

/// Writes a pole's report as the funder workbook: summary with live formulas over the data
/// sheets, every indicator, the survey, the data sheets of the report year, data quality and method.
public enum ReportWorkbookWriter {
    /// Writes the workbook at `path` (the caller writes to a temporary name and renames).
    /// Returns what the reader should know about the file itself (a table split over sheets).
    @discardableResult
    public static func write(_ report: PoleReport, to path: String, options: WorkbookOptions) throws -> [Finding] {
        let draft = try ReportWorkbookDraft(
            profile: report.profile, members: report.dataset.members, catalogue: report.dataset.catalogue, year: report.year,
            path: path, options: options)
        try draft.writeDataSheets(of: report.dataset)
        return try draft.finish(with: report)
    }
}

/// A report workbook written in steps, so that the long ones can run while the rest of the
/// data is read and the indicators computed: the members sheet as soon as the members are read,
/// the other data sheets once every file is, then, given the report, the sheets that show the
/// indicators, and the file is written.
///
/// Not for use by two threads at once; handing it from one thread to another is safe.
public final class ReportWorkbookDraft: @unchecked Sendable {
    private let workbook: XLSXWorkbook
    private let options: WorkbookOptions
    private let data: DataSheets
    private let summary, indicators, qualitative: XLSXSheet
    private var members, cooperations, finances: DataSheetLayout?
    /// What the reader should know about the file itself (a table split over sheets).
    private var notices: [Finding] = []
    private var hasDataSheets = false

    /// Creates the workbook at `path` and writes the members sheet of `year`, a column per figure
    /// of `catalogue` (the catalogue the members were read with).
    public init(
        profile: PoleProfile, members: [Member], catalogue: FieldCatalogue = .standard, year: Int, path: String, options: WorkbookOptions
    ) throws {
        data = DataSheets(
            profile: profile, members: members, figures: catalogue.memberFigures, year: year, words: Words(language: options.language))
        let words = data.words
        workbook = try XLSXWorkbook(path: path, constantMemory: data.members.count > options.constantMemoryAbove)
        self.options = options
        try workbook.setProperties(
            title: words("Rapport d'impact \(year) — \(profile.name)", "Impact report \(year) — \(profile.name)"),
            subject: words("Indicateurs d'impact territorial d'un PTCE", "Territorial impact indicators of a PTCE"),
            author: profile.name,
            keywords: ["PTCE", words("ESS", "social economy"), "impact", profile.territory].joined(separator: ", "),
            created: options.created)

        // Sheets in reading order; the summary's formulas point into the data sheets written after it.
        summary = try workbook.addSheet(words.summary)
        indicators = try workbook.addSheet(words.indicators)
        qualitative = try workbook.addSheet(words.qualitative)
        self.members = try write(data.members, name: words.members, columns: data.memberColumns, table: "Membres", file: "members.csv")
    }

    /// Writes the data sheets of the other files of `dataset` (the dataset the members came from).
    public func writeDataSheets(of dataset: PoleDataset) throws {
        precondition(!hasDataSheets, "the data sheets are written once")
        hasDataSheets = true
        let words = data.words, year = data.year
        cooperations = try write(dataset.cooperations(in: year), name: words.cooperations,
                                 columns: data.cooperationColumns, table: "Cooperations", file: "cooperations.csv")
        finances = try write(dataset.finances(in: year), name: words.finances,
                             columns: data.financeColumns, table: "Financements", file: "finances.csv")
        _ = try write(dataset.projects(in: year), name: words.projects,
                      columns: data.projectColumns, table: "Projets", file: "projects.csv")
        _ = try write(dataset.survey(in: year), name: words.survey,
                      columns: data.surveyColumns, table: "Enquete", file: "survey.csv")
    }

    /// Writes the sheets that show `report` — the report of the dataset and year the draft was
    /// made from — and then the file. Returns the notices about the file itself.
    public func finish(with report: PoleReport) throws -> [Finding] {
        precondition(report.year == data.year && hasDataSheets, "the report is of the data sheets written")
        let words = data.words
        let dataQuality = try workbook.addSheet(words.dataQuality)
        let method = try workbook.addSheet(words.method)
        let sheets = ReportWorkbook(report: report, options: options)
        try sheets.writeSummary(summary, workbook: workbook, members: members, cooperations: cooperations, finances: finances)
        try sheets.writeIndicators(indicators)
        try sheets.writeQualitative(qualitative, workbook: workbook)
        try sheets.writeDataQuality(dataQuality, notices: notices)
        try sheets.writeMethod(method)
        try workbook.close()
        return notices
    }

    /// Writes `rows` on a sheet, or on several when they exceed the rows of a sheet (with a
    /// notice). Returns where the columns are, or `nil` when split (formulas then cannot point at one range).
    private func write<Row>(
        _ rows: YearSlice<Row>, name: String, columns: [DataColumn<Row>], table: String, file: String
    ) throws -> DataSheetLayout? {
        let size = options.rowsPerSheet, year = data.year
        let parts = stride(from: 0, to: max(rows.count, 1), by: size).map { rows[$0..<min($0 + size, rows.count)] }
        var layouts: [DataSheetLayout] = []
        for (index, part) in parts.enumerated() {
            let sheet = try workbook.addSheet(index == 0 ? name : "\(name) (\(index + 1))")
            layouts.append(try sheet.writeDataTable(part, columns: columns, tableName: index == 0 ? table : "\(table)_\(index + 1)"))
        }
        guard layouts.count > 1 else { return layouts.first }
        notices.append(Finding(
            .warning, WorkbookMessage.rowsSpreadOverSheets(rows.count, year: year, sheets: layouts.map(\.sheetName)),
            at: SourceLocation(file: file)))
        return nil
    }
}

extension ReportWorkbookDraft {
    /// The data sheets of `year` as cells (header row first) with each column's number format:
    /// for the benchmark, which has libxlsxwriter alone write the very same cells (the floor).
    package static func dataSheetCells(of dataset: PoleDataset, year: Int, language: Language) -> [(numberFormats: [String?], rows: [[CellValue]])] {
        let data = DataSheets(
            profile: dataset.profile, members: dataset.members, figures: dataset.catalogue.memberFigures, year: year,
            words: Words(language: language))
        func cells<Row>(_ rows: YearSlice<Row>, _ columns: [DataColumn<Row>]) -> (numberFormats: [String?], rows: [[CellValue]]) {
            (columns.map(\.style?.numberFormat), [columns.map { .text($0.header) }] + rows.map { row in columns.map { $0.value(row) } })
        }
        return [
            cells(data.members, data.memberColumns),
            cells(dataset.cooperations(in: year), data.cooperationColumns),
            cells(dataset.finances(in: year), data.financeColumns),
            cells(dataset.projects(in: year), data.projectColumns),
            cells(dataset.survey(in: year), data.surveyColumns),
        ]
    }
}

private let wrapStyle = CellStyle(wrap: true, alignTop: true)
private let betterStyle = CellStyle(fontColor: 0x006100, background: 0xC6EFCE)
private let worseStyle = CellStyle(fontColor: 0x9C0006, background: 0xFFC7CE)

private func number(_ value: Double?) -> CellValue { value.map(CellValue.number) ?? .blank }
private func number(_ value: Int?) -> CellValue { value.map { CellValue.number(Double($0)) } ?? .blank }
private func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .blank }

/// The columns of the data sheets of the report year, one sheet per file.
private struct DataSheets {
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
            DataColumn(key: "description", header: words("Objet", "Description"), style: wrapStyle) { text($0.description) },
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
            DataColumn(key: "comment", header: words("Commentaire", "Comment"), style: wrapStyle) { text($0.comment) },
            DataColumn(key: "source", header: words("Source", "Source")) { source($0.origin) },
        ]
    }
}

private struct ReportWorkbook {
    let report: PoleReport
    let options: WorkbookOptions
    let words: Words
    let year: Int
    let members: YearSlice<Member>
    let finances: YearSlice<FinanceLine>

    init(report: PoleReport, options: WorkbookOptions) {
        self.report = report
        self.options = options
        words = Words(language: options.language)
        year = report.year
        members = report.members
        finances = report.finances
    }

    private var language: Language { options.language }

    // MARK: Summary

    /// `SUMIF(<by>,"<label>",<of>)` over a data sheet's columns, for a chart's table; `nil` when
    /// the sheet is split or lacks a column.
    private func sumIf(_ layout: DataSheetLayout?, by key: String, of value: String) -> ((String) -> String?)? {
        guard let criteria = layout?.range(key), let values = layout?.range(value) else { return nil }
        return { label in "SUMIF(\(criteria),\"\(label)\",\(values))" }
    }

    /// The key figures of the library, each with its spreadsheet formula over the data sheets
    /// when the library gives one and every sheet it reads is whole on one sheet with rows
    /// (`nil` layout: split); the formula is written with the engine's value cached.
    func writeSummary(
        _ sheet: XLSXSheet, workbook: XLSXWorkbook, members membersLayout: DataSheetLayout?, cooperations: DataSheetLayout?,
        finances: DataSheetLayout?
    ) throws {
        var buffer = SheetBuffer()
        let profile = report.profile
        buffer.put(.text(profile.name), row: 0, column: 0, style: CellStyle.title)
        buffer.put(.text(words("Rapport d'impact \(year)", "Impact report \(year)") + " — " + profile.territory), row: 1, column: 0)
        let layouts = ["members": membersLayout, "cooperations": cooperations, "finances": finances]
            .compactMapValues { $0.flatMap { $0.rowCount > 0 ? $0 : nil } }
        /// A library's spreadsheet formula over these data sheets; `nil` when a sheet it reads is
        /// split, empty or lacks the column.
        func filled(_ formula: SpreadsheetFormula, group: String = "") -> String? {
            formula.text(column: { table, field in layouts[table]?.range(field) }, yesNo: { words.yesNo($0)! }, group: group)
        }
        let figures = report.library.keyFigures.map { definition in
            (id: definition.id, formula: definition.spreadsheetFormula.flatMap { filled($0) })
        }
        let headers = [words("Chiffre clé", "Key figure"), String(year), report.previousYear.map(String.init) ?? words("Année précédente", "Previous year")]
            + resultHeaders
        let headerRow = 3
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: headerRow, column: column, style: CellStyle.header) }
        var highlights: [(row: Int, result: IndicatorResult)] = []
        for (offset, figure) in figures.enumerated() {
            guard let result = report.result(figure.id) else { continue }
            let row = headerRow + 1 + offset
            try putResult(result, formula: figure.formula, row: row, into: &buffer)
            highlights.append((row, result))
        }
        buffer.fixedWidths[0] = 42

        // Chart data beside the figures: FTE by actor type, and the funding mix of the pole budget.
        // The first indicator the library breaks down by actor type (the FTE), over the types whose
        // members reported it: a type whose members all said "NC" is not charted as 0.
        let chartColumn = ResultColumn.allCases.count + 4
        let broken = report.library.indicators.first(where: \.isBrokenDownByActorType).flatMap { report.result($0.id) }
        let parts = (broken?.breakdown ?? []).compactMap { part in part.value.map { (part.actorType.label[language], $0) } }
        let unit = broken?.definition.unit
        let breakdownFormula = broken?.definition.breakdownSpreadsheetFormula
        let breakdownRows = putChartTable(
            header: (words("Type d'acteur", "Actor type"), unit?.label[language] ?? ""), at: headerRow, column: chartColumn,
            rows: parts,
            formula: breakdownFormula.map { formula in { label in filled(formula, group: label) } },
            numberFormat: unit.map(NumberFormats.format(for:)) ?? NumberFormats.decimal, into: &buffer)
        let kindsPresent = FundingKind.allCases.filter { kind in self.finances.contains { $0.kind == kind } }
        let fundingRows = putChartTable(
            header: (words("Financement du pôle", "Pole funding"), words("Montant", "Amount")), at: breakdownRows.1 + 2, column: chartColumn,
            rows: kindsPresent.map { kind in (kind.label[language], self.finances.filter { $0.kind == kind }.map(\.amount).reduce(0, +)) },
            formula: sumIf(layouts["finances"], by: "kind", of: "amount"),
            numberFormat: NumberFormats.money, into: &buffer)
        // Charts go below the figures (about 15 rows high); the note on formulas comes after them.
        let chartRow = headerRow + figures.count + 2
        let notesRow = chartRow + 16
        buffer.put(.text(words(
            "Les valeurs de l'année sont des formules sur les feuilles de données (cliquez pour les suivre) ; la feuille Indicateurs donne tous les indicateurs, la feuille Méthode leurs définitions.",
            "This year's values are formulas over the data sheets (click to trace them); the Indicators sheet lists every indicator, the Method sheet their definitions.")),
            row: notesRow, column: 0, style: CellStyle(italic: true))
        try buffer.flush(to: sheet)
        try highlightChanges(highlights, on: sheet)
        try sheet.setUpPrinting(headerRows: nil)

        if let unit, !parts.isEmpty {
            let chart = try workbook.addChart(LXW_CHART_COLUMN)
            chart_add_series(chart, sheet.range(column: chartColumn, firstRow: breakdownRows.0, lastRow: breakdownRows.1),
                             sheet.range(column: chartColumn + 1, firstRow: breakdownRows.0, lastRow: breakdownRows.1))
            chart_title_set_name(chart, words("\(unit.label.fr) par type d'acteur", "\(unit.label.en) by actor type"))
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
            try sheet.insert(chart, row: chartRow, column: 0)
        }
        if !kindsPresent.isEmpty {
            let chart = try workbook.addChart(LXW_CHART_DOUGHNUT)
            chart_add_series(chart, sheet.range(column: chartColumn, firstRow: fundingRows.0, lastRow: fundingRows.1),
                             sheet.range(column: chartColumn + 1, firstRow: fundingRows.0, lastRow: fundingRows.1))
            chart_title_set_name(chart, words("Financement du budget du pôle", "Funding mix of the pole budget"))
            try sheet.insert(chart, row: chartRow, column: 4)
        }
    }

    /// A two-column table that a chart reads: a header, then one label and value per row, the value
    /// a formula over the data sheets (result cached) when `formula` gives one for the label. Returns its first and
    /// last data rows.
    private func putChartTable(
        header: (String, String), at headerRow: Int, column: Int, rows: [(label: String, value: Double)],
        formula: ((String) -> String?)?, numberFormat: String, into buffer: inout SheetBuffer
    ) -> (Int, Int) {
        buffer.put(.text(header.0), row: headerRow, column: column, style: CellStyle.header)
        buffer.put(.text(header.1), row: headerRow, column: column + 1, style: CellStyle.header)
        for (offset, item) in rows.enumerated() {
            let row = headerRow + 1 + offset
            buffer.put(.text(item.label), row: row, column: column)
            buffer.put(formula?(item.label).map { .formula($0, cached: item.value) } ?? .number(item.value),
                       row: row, column: column + 1, style: CellStyle(numberFormat: numberFormat))
        }
        return (headerRow + 1, headerRow + rows.count)
    }

    /// The columns of a result after its label, value and previous value (columns 0–2).
    private enum ResultColumn: Int, CaseIterable {
        /// The change a reader should see first: like for like when the members differ.
        case change = 3
        /// What the change compares: "à périmètre constant (6 membres présents les deux années)".
        case changeScope
        /// The change over all members, when the headline is like for like.
        case totalChange
        case unit
        case coverage
        /// The two terms of a ratio.
        case numerator, denominator
    }

    private var resultHeaders: [String] {
        [words("Évolution", "Change"), words("Périmètre de l'évolution", "Change compares"),
         words("Évolution, ensemble des membres", "Change, all members"), words("Unité", "Unit"),
         words("Couverture", "Coverage"), words("Base : numérateur", "Base: numerator"), words("Base : dénominateur", "Base: denominator")]
    }

    /// A result on one row: label, value (a formula when given), previous value, then the
    /// ``ResultColumn``s.
    private func putResult(_ result: IndicatorResult, formula: String?, row: Int, into buffer: inout SheetBuffer) throws {
        let definition = result.definition
        let unit = definition.unit
        let valueStyle = CellStyle(numberFormat: NumberFormats.format(for: unit))
        func put(_ value: CellValue, _ column: ResultColumn, style: CellStyle? = nil) {
            buffer.put(value, row: row, column: column.rawValue, style: style)
        }
        buffer.put(.text(definition.label[language]), row: row, column: 0)
        if let value = result.value {
            buffer.put(formula.map { .formula($0, cached: value) } ?? .number(value), row: row, column: 1, style: valueStyle)
        } else {
            buffer.put(.text("n.d. — " + words.missingReason(result.missingReason)), row: row, column: 1, style: CellStyle.missing)
        }
        buffer.put(result.previous.map(CellValue.number) ?? .blank, row: row, column: 2, style: valueStyle)
        let changeStyle = CellStyle(numberFormat: NumberFormats.change(for: unit))
        let scale = unit.isShare ? 100.0 : 1
        /// `value − previous` as a live formula over this row's cells.
        func totalChange(_ change: Double) -> CellValue {
            let (current, previous) = (XLSXSheet.reference(row: row, column: 1), XLSXSheet.reference(row: row, column: 2))
            return .formula("(\(current)-\(previous))" + (unit.isShare ? "*100" : ""), cached: change * scale)
        }
        if let flag = result.flagChange {
            put(.text(flag.label[language]), .change)
        } else if let likeForLike = result.likeForLike {
            if let change = likeForLike.change { put(.number(change * scale), .change, style: changeStyle) }
            put(.text(likeForLike.scopeLabel[language]), .changeScope)
            if let change = result.change { put(totalChange(change), .totalChange, style: changeStyle) }
        } else if let change = result.change {
            put(totalChange(change), .change, style: changeStyle)
            if let smallSample = result.smallSampleLabel { put(.text(smallSample[language]), .changeScope) }
        }
        put(.text(unit.label[language]), .unit)
        if let coverage = result.coverage {
            put(.text(coverage.label(language)), .coverage)
        }
        if let quotient = result.quotient {
            put(.number(quotient.numerator), .numerator, style: CellStyle(numberFormat: NumberFormats.format(for: quotient.units.numerator)))
            put(.number(quotient.denominator), .denominator, style: CellStyle(numberFormat: NumberFormats.format(for: quotient.units.denominator)))
        }
    }

    /// Colours each headline change by the indicator's direction (never a small sample's or a
    /// neutral indicator's), with a rule on the cell's sign so that the colour follows an edit.
    private func highlightChanges(_ rows: [(row: Int, result: IndicatorResult)], on sheet: XLSXSheet) throws {
        for (row, result) in rows where result.changeIsBetter != nil {
            let higherIsBetter = result.definition.direction == .higherIsBetter
            let column = ResultColumn.change.rawValue
            try sheet.highlight(row: row, column: column, whenAbove: true, threshold: 0, style: higherIsBetter ? betterStyle : worseStyle)
            try sheet.highlight(row: row, column: column, whenAbove: false, threshold: 0, style: higherIsBetter ? worseStyle : betterStyle)
        }
    }

    // MARK: Indicators

    func writeIndicators(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let headers = [words("Indicateur", "Indicator"), words("Valeur", "Value"), words("Année précédente", "Previous year")]
            + resultHeaders + [words("Identifiant", "Id"), words("Donnée manquante", "Missing because")]
        let idColumn = ResultColumn.allCases.count + 3
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: 0, column: column, style: CellStyle.header) }
        var row = 0
        var highlights: [(row: Int, result: IndicatorResult)] = []
        for dimension in report.library.dimensions {
            let results = report.results.filter { $0.definition.dimension == dimension.id }
            guard !results.isEmpty else { continue }
            row += 1
            buffer.put(.text(dimension.label[language]), row: row, column: 0, style: CellStyle.section)
            for result in results {
                row += 1
                try putResult(result, formula: nil, row: row, into: &buffer)
                buffer.put(.text(result.definition.id), row: row, column: idColumn)
                if result.value == nil { buffer.put(.text(words.missingReason(result.missingReason)), row: row, column: idColumn + 1) }
                highlights.append((row, result))
            }
        }
        buffer.fixedWidths[0] = 48
        try buffer.flush(to: sheet)
        try highlightChanges(highlights, on: sheet)
        sheet.freeze(rows: 1, columns: 1)
        try sheet.setUpPrinting(headerRows: 0)
    }

    // MARK: Qualitative

    func writeQualitative(_ sheet: XLSXSheet, workbook: XLSXWorkbook) throws {
        var buffer = SheetBuffer()
        let bank = report.library.questionBank
        let scoreStyle = CellStyle(numberFormat: NumberFormats.score), shareStyle = CellStyle(numberFormat: NumberFormats.share)
        var row = 0
        buffer.put(.text(words("Enquête \(year) : scores par dimension (1 = pas du tout d'accord, 5 = tout à fait d'accord)",
                               "Survey \(year): scores by dimension (1 = strongly disagree, 5 = strongly agree)")),
                   row: row, column: 0, style: CellStyle.title)
        row += 1
        let dimensionHeaders = [words("Dimension", "Dimension"), words("Score moyen", "Mean score"), words("Réponses", "Answers"),
                                words("Part ≥ 4", "Share ≥ 4"), "1", "2", "3", "4", "5"]
        for (column, header) in dimensionHeaders.enumerated() { buffer.put(.text(header), row: row, column: column, style: CellStyle.header) }
        let firstDimensionRow = row + 1
        for dimension in bank.dimensions {
            guard let score = report.library.score(ofSurveyDimension: dimension.id), let result = report.result(score.id) else { continue }
            row += 1
            buffer.put(.text(dimension.label[language]), row: row, column: 0)
            if let value = result.value {
                buffer.put(.number(value), row: row, column: 1, style: scoreStyle)
            } else {
                buffer.put(.text("n.d."), row: row, column: 1, style: CellStyle.missing)
            }
            if let statistics = result.survey {
                buffer.put(.number(Double(statistics.n)), row: row, column: 2)
                buffer.put(statistics.shareAtLeast4.map(CellValue.number) ?? .blank, row: row, column: 3, style: shareStyle)
                for (index, count) in statistics.distribution.enumerated() {
                    buffer.put(.number(Double(count)), row: row, column: 4 + index)
                }
            } else {
                buffer.put(.number(0), row: row, column: 2)
            }
        }
        let lastDimensionRow = row

        row += 2
        buffer.put(.text(words("Questions", "Questions")), row: row, column: 0, style: CellStyle.title)
        row += 1
        let questionHeaders = [words("Question", "Question"), words("Score moyen", "Mean score"), words("Réponses", "Answers"),
                               words("Part ≥ 4", "Share ≥ 4"), "1", "2", "3", "4", "5", words("Part de oui", "Share of yes"),
                               words("Identifiant", "Id")]
        for (column, header) in questionHeaders.enumerated() { buffer.put(.text(header), row: row, column: column, style: CellStyle.header) }
        for result in report.questions {
            row += 1
            let statistics = result.statistics
            buffer.put(.text(result.question.wording[language]), row: row, column: 0, style: wrapStyle)
            buffer.put(statistics.mean.map(CellValue.number) ?? .blank, row: row, column: 1, style: scoreStyle)
            buffer.put(.number(Double(statistics.n)), row: row, column: 2)
            buffer.put(statistics.shareAtLeast4.map(CellValue.number) ?? .blank, row: row, column: 3, style: shareStyle)
            if result.question.kind == .scale {
                for (index, count) in statistics.distribution.enumerated() { buffer.put(.number(Double(count)), row: row, column: 4 + index) }
            }
            buffer.put(statistics.yesShare.map(CellValue.number) ?? .blank, row: row, column: 9, style: shareStyle)
            buffer.put(.text(result.question.id), row: row, column: 10)
        }

        row += 2
        buffer.put(.text(words("Citations", "Quotations")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Citation", "Quotation"), words("Rôle", "Role"), words("Question", "Question"), words("Source", "Source")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for quotation in report.quotations {
            row += 1
            buffer.put(.text(quotation.text), row: row, column: 0, style: wrapStyle)
            buffer.put(.text(quotation.role.label[language]), row: row, column: 1)
            buffer.put(.text(bank[quotation.questionID]?.wording[language] ?? quotation.questionID), row: row, column: 2, style: wrapStyle)
            buffer.put(.text("\(quotation.origin.file):\(quotation.origin.line)"), row: row, column: 3)
        }
        buffer.fixedWidths[0] = 60
        buffer.fixedWidths[2] = 12
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil)

        if lastDimensionRow >= firstDimensionRow {
            let chart = try workbook.addChart(LXW_CHART_BAR)
            let series = chart_add_series(chart, sheet.range(column: 0, firstRow: firstDimensionRow, lastRow: lastDimensionRow),
                                          sheet.range(column: 1, firstRow: firstDimensionRow, lastRow: lastDimensionRow))
            chart_series_set_name(series, words("Score moyen", "Mean score"))
            chart_title_set_name(chart, words("Scores de l'enquête par dimension", "Survey scores by dimension"))
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
            chart_axis_set_min(chart.pointee.x_axis, 1)
            chart_axis_set_max(chart.pointee.x_axis, 5)
            try sheet.insert(chart, row: 1, column: 11)
        }
    }

    // MARK: Data quality and method

    func writeDataQuality(_ sheet: XLSXSheet, notices: [Finding]) throws {
        var buffer = SheetBuffer()
        var row = 0
        buffer.put(.text(words("Constats sur les données", "Findings about the data")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Gravité", "Severity"), words("Fichier", "File"), words("Ligne", "Line"),
                                 words("Colonne", "Column"), words("Message", "Message")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        let findings = report.findings + notices
        if findings.isEmpty {
            row += 1
            buffer.put(.text(words("Aucun constat : toutes les cellules sont conformes.", "No finding: every cell is as expected.")),
                       row: row, column: 0, style: CellStyle(italic: true))
        }
        for finding in findings {
            row += 1
            buffer.put(.text(finding.severity.label[language]), row: row, column: 0)
            buffer.put(.text(finding.location.file), row: row, column: 1)
            buffer.put(finding.location.line.map { .number(Double($0)) } ?? .blank, row: row, column: 2)
            buffer.put(text(finding.location.column), row: row, column: 3)
            buffer.put(.text(finding.message[language]), row: row, column: 4, style: wrapStyle)
        }
        row += 2
        buffer.put(.text(words("Couverture des champs des membres en \(year)", "Coverage of member fields in \(year)")),
                   row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Champ", "Field"), words("Renseigné par", "Reported by"), words("Non concernés", "Not concerned"),
                                 words("Membres", "Members"), words("Part couverte", "Share covered")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        let fields: [(String, (Member) -> (reported: Bool, notApplicable: Bool))] = [("commune", { ($0.commune != nil, false) })]
            + report.dataset.catalogue.memberFigures.map { figure in
                (figure.field.name, { member in (member[figure] != nil && !member.isNotApplicable(figure), member.isNotApplicable(figure)) })
            }
        for (field, state) in fields {
            row += 1
            var reported = 0, notApplicable = 0
            for member in members {
                let (isReported, isNotApplicable) = state(member)
                if isReported { reported += 1 }
                if isNotApplicable { notApplicable += 1 }
            }
            buffer.put(.text(field), row: row, column: 0)
            buffer.put(.number(Double(reported)), row: row, column: 1)
            buffer.put(.number(Double(notApplicable)), row: row, column: 2)
            buffer.put(.number(Double(members.count)), row: row, column: 3)
            let (part, apart, whole) = (XLSXSheet.reference(row: row, column: 1), XLSXSheet.reference(row: row, column: 2),
                                        XLSXSheet.reference(row: row, column: 3))
            if !members.isEmpty {
                buffer.put(.formula("(\(part)+\(apart))/\(whole)", cached: Double(reported + notApplicable) / Double(members.count)),
                           row: row, column: 4, style: CellStyle(numberFormat: NumberFormats.share))
            }
        }
        buffer.fixedWidths[4] = 90
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: 1)
    }

    func writeMethod(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let profile = report.profile
        var row = 0
        buffer.put(.text(words("Méthode et sources", "Method and sources")), row: row, column: 0, style: CellStyle.title)
        let facts: [(String, String)] = [
            (words("Pôle", "Pole"), "\(profile.name) (\(profile.id))"),
            (words("Territoire", "Territory"), profile.territory),
            (words("Communes du territoire", "Communes of the territory"), profile.communes.joined(separator: ", ")),
            (words("Population", "Population"), profile.population.map(String.init) ?? words("non renseignée", "not given")),
            (words("Année du rapport", "Report year"), String(year)),
            (words("Année précédente", "Previous year"), report.previousYear.map(String.init) ?? words("aucune", "none")),
            (words("Produit par", "Produced by"), "\(Engine.name) \(Engine.version)"),
            (words("Règles de calcul", "Computation rules"), ReportMethod.principles[language]),
        ]
        for (label, value) in facts {
            row += 1
            buffer.put(.text(label), row: row, column: 0, style: CellStyle(bold: true))
            buffer.put(.text(value), row: row, column: 1, style: wrapStyle)
        }
        row += 2
        buffer.put(.text(words("Définitions des indicateurs", "Indicator definitions")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Identifiant", "Id"), words("Indicateur", "Indicator"), words("Définition", "Definition"),
                                 words("Formule", "Formula"), words("Unité", "Unit"), words("Sens", "Direction"),
                                 words("Références", "References")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for definition in report.library.indicators {
            row += 1
            buffer.put(.text(definition.id), row: row, column: 0)
            buffer.put(.text(definition.label[language]), row: row, column: 1, style: wrapStyle)
            buffer.put(.text(definition.description[language]), row: row, column: 2, style: wrapStyle)
            buffer.put(.text(definition.formula), row: row, column: 3, style: wrapStyle)
            buffer.put(.text(definition.unit.label[language]), row: row, column: 4)
            buffer.put(.text(definition.direction.label[language]), row: row, column: 5)
            let references = definition.references.map { [$0.source, $0.id, $0.note, $0.url].compactMap { $0 }.joined(separator: " ") }
            if !references.isEmpty { buffer.put(.text(references.joined(separator: " ; ")), row: row, column: 6, style: wrapStyle) }
        }
        row += 2
        buffer.put(.text(words("Fichiers lus", "Files read")), row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Fichier", "File"), words("Encodage", "Encoding"), words("Séparateur", "Delimiter"),
                                 words("Lignes", "Records"), "SHA-256"].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for file in report.sources {
            row += 1
            buffer.put(.text(file.name), row: row, column: 0)
            buffer.put(.text(file.encoding), row: row, column: 1)
            buffer.put(.text(file.delimiter == "\t" ? words("tabulation", "tab") : file.delimiter), row: row, column: 2)
            buffer.put(.number(Double(file.records)), row: row, column: 3)
            buffer.put(.text(file.sha256), row: row, column: 4)
        }
        buffer.fixedWidths = [0: 30, 1: 36, 2: 60, 3: 48, 4: 22, 5: 18, 6: 40]
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil)
    }
}
