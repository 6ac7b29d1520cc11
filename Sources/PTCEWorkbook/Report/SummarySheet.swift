import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    // MARK: Summary

    /// `SUMIF(<by>,"<label>",<of>)` over a data sheet's columns, for a chart's table; `nil` when
    /// the sheet is split or lacks a column.
    private func sumIf(_ layout: DataSheetLayout?, by key: String, of value: String) -> ((String) -> String?)? {
        guard let criteria = layout?.range(key), let values = layout?.range(value) else { return nil }
        return { label in "SUMIF(\(criteria),\"\(label)\",\(values))" }
    }

    /// The key figures of the library, each with its spreadsheet formula over the data sheets
    /// when the library gives one and every sheet it reads is whole on one sheet with rows
    /// (`dataSheets` lacks a split one); the formula is written with the engine's value cached.
    func writeSummary(_ sheet: XLSXSheet, workbook: XLSXWorkbook, dataSheets: [String: DataSheetLayout]) throws {
        var buffer = SheetBuffer()
        let profile = report.profile
        buffer.put(.text(profile.name), row: 0, column: 0, style: CellStyle.title)
        buffer.put(.text(words("Rapport d'impact \(year)", "Impact report \(year)") + " — " + profile.territory), row: 1, column: 0)
        let layouts = dataSheets.filter { $0.value.rowCount > 0 }
        /// A library's spreadsheet formula over these data sheets; `nil` when a sheet it reads is
        /// split, empty or lacks the column.
        func filled(_ formula: SpreadsheetFormula, group: String = "") -> String? {
            formula.text(column: { table, field in layouts[table]?.range(field) }, yesNo: { words.yesNo($0)! }, group: group)
        }
        let figures = report.keyFigures.map { result in
            (result: result, formula: result.definition.spreadsheetFormula.flatMap { filled($0) })
        }
        let headers = [words("Chiffre clé", "Key figure"), String(year), report.previousYear.map(String.init) ?? words("Année précédente", "Previous year")]
            + resultHeaders
        // The year's highlights, as the pole wrote them, above its figures.
        var headerRow = 3
        if let summary = report.highlightsSummary {
            buffer.put(.text(summary.title + " \(year)"), row: 3, column: 0, style: CellStyle(bold: true, fontSize: 12))
            var row = 4
            for line in NarrativeLines.lines(of: summary.blocks) {
                buffer.put(line, row: row, columns: 0...(headers.count - 1), style: CellStyle.wrapped)
                row += 1
            }
            if !summary.isComplete {
                buffer.put(.text(words("La suite sur la feuille Rapport.", "Continued on the Report sheet.")), row: row, column: 0, style: CellStyle(italic: true))
                row += 1
            }
            headerRow = row + 1
        }
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: headerRow, column: column, style: CellStyle.header) }
        var highlights: [(row: Int, result: IndicatorResult)] = []
        for (offset, figure) in figures.enumerated() {
            let row = headerRow + 1 + offset
            try putResult(figure.result, formula: figure.formula, row: row, into: &buffer)
            highlights.append((row, figure.result))
        }
        buffer.fixedWidths[0] = 42
        fitResultColumns(&buffer)

        // Below the figures, each chart under the table it draws: the first indicator the library
        // breaks down by actor type (the FTE), then the funding mix of the pole budget when the
        // library shows it. A type whose members all said "NC" is not charted as 0.
        let charts = report.sections.flatMap(\.charts)
        let broken = charts.lazy.compactMap { chart -> IndicatorResult? in if case .actorTypes(let result) = chart { result } else { nil } }.first
        let funding = charts.lazy.compactMap { chart -> [FundingAmount]? in if case .fundingMix(let amounts) = chart { amounts } else { nil } }
            .first ?? []
        // The two tables side by side below the figures, each chart below its table: the whole
        // summary prints on one page.
        let tablesRow = headerRow + figures.count + 2
        var placed: [(chart: XLSXChart.Kind, title: String, rows: (Int, Int), column: Int)] = []
        if let broken {
            let parts = broken.breakdown.compactMap { part in part.value.map { (part.actorType.label[language], $0) } }
            let unit = broken.definition.unit
            if !parts.isEmpty {
                let rows = putChartTable(
                    header: (words("Type d'acteur", "Actor type"), unit.label[language]), at: tablesRow, rows: parts,
                    formula: broken.definition.breakdownSpreadsheetFormula.map { formula in { label in filled(formula, group: label) } },
                    numberFormat: words.formats.value(unit), into: &buffer)
                let label = broken.definition.label
                placed.append((.column, words("\(label.fr) par type d'acteur", "\(label.en) by actor type"), rows, 0))
            }
        }
        if !funding.isEmpty {
            let column = ResultColumn.changeScope.rawValue
            let rows = putChartTable(
                header: (words("Financement du pôle", "Pole funding"), words("Montant", "Amount")), at: tablesRow, column: column,
                rows: funding.map { ($0.kind.label[language], $0.amount) },
                formula: sumIf(layouts[StandardFields.Finances.table.formulaName], by: StandardFields.Finances.kind.name,
                               of: StandardFields.Finances.amount.name),
                numberFormat: words.formats.euros, into: &buffer)
            placed.append((.doughnut, words("Financement du budget du pôle", "Funding mix of the pole budget"), rows, column))
        }
        let chartRow = (placed.map(\.rows.1).max() ?? tablesRow) + 2
        let row = placed.isEmpty ? tablesRow : chartRow + Self.chartRows + 1
        buffer.put(.text(words(
            "Les valeurs de l'année sont, quand la bibliothèque le permet, des formules sur les feuilles de données : sélectionnez une cellule pour lire sa formule. La feuille Indicateurs donne tous les indicateurs, la feuille Méthode leurs définitions.",
            "Where the library allows, this year's values are formulas over the data sheets: select a cell to read its formula. The Indicators sheet lists every indicator, the Method sheet their definitions.")),
            row: row, column: 0, style: CellStyle(italic: true))
        try buffer.flush(to: sheet)
        try highlightChanges(highlights, on: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth, onePage: true)

        for placement in placed {
            let chart = try workbook.addChart(placement.chart)
            try chart.addSeries(categories: sheet.range(column: placement.column, firstRow: placement.rows.0, lastRow: placement.rows.1),
                                values: sheet.range(column: placement.column + 1, firstRow: placement.rows.0, lastRow: placement.rows.1))
            chart.setTitle(placement.title)
            if placement.chart == .column { chart.hideLegend() }
            try sheet.insert(chart, row: chartRow, column: placement.column)
        }
    }

    /// The rows a chart of the summary takes (it is 288 points high: 15 rows of 20 px).
    private static let chartRows = 15

    /// A two-column table that a chart reads: a header, then one label and value per row, the value
    /// a formula over the data sheets (result cached) when `formula` gives one for the label. Returns its first and
    /// last data rows.
    private func putChartTable(
        header: (String, String), at headerRow: Int, column: Int = 0, rows: [(label: String, value: Double)],
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

}
