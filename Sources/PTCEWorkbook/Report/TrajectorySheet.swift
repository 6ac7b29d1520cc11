import Foundation
import PTCEIndicators
import PTCEModel

/// Where the Trajectoire sheet put each indicator's value of each year: the cells the
/// Objectifs sheet's formulas read.
struct TrajectoryLayout {
    /// The Trajectoire sheet.
    let sheet: XLSXSheet
    /// The row of each indicator, by id.
    let rowByIndicator: [String: Int]
    /// The column of each year of the series.
    let columnByYear: [Int: Int]

    /// `'Trajectoire'!$E$7`: indicator `id`'s value in `year`; `nil` when the sheet has no such cell.
    func cell(_ id: String, year: Int) -> String? {
        guard let row = rowByIndicator[id], let column = columnByYear[year] else { return nil }
        return sheet.cell(row: row, column: column)
    }

    /// `'Trajectoire'!$D$7:$E$7`: indicator `id`'s values in the years of `years` that the series
    /// has; `nil` when it has none of them.
    func range(_ id: String, years: ClosedRange<Int>) -> String? {
        let columns = years.compactMap { columnByYear[$0] }
        guard let row = rowByIndicator[id], let first = columns.min(), let last = columns.max() else { return nil }
        return sheet.range(row: row, columns: first...last)
    }
}

extension ReportSheets {
    /// The charts of the key figures: three across, each 60 % of a chart's default size.
    private static let chartScale = 0.6, chartsAcross = 3, chartRows = 10

    /// Every indicator in every year with members up to the report year, one row per indicator
    /// and one column per year, each year's coverage beside, then a line chart per key figure.
    /// Returns where the values are, for the Objectifs sheet.
    func writeTrajectory(_ sheet: XLSXSheet, workbook: XLSXWorkbook) throws -> TrajectoryLayout {
        var buffer = SheetBuffer()
        let years = report.seriesYears
        let span = years.count > 1 ? "\(years.first!)–\(years.last!)" : String(year)
        buffer.put(.text(words("Trajectoire \(span)", "Trajectory \(span)")), row: 0, column: 0, style: CellStyle.title)
        let headerRow = 3, firstYearColumn = 2
        let coverageColumn = firstYearColumn + years.count
        buffer.put(words(
            "Chaque indicateur pour chaque année où des membres ont déclaré, calculé sur les membres de cette année-là : un ratio est recalculé chaque année, jamais moyenné. Une cellule vide n'a pas de valeur cette année-là (non déclaré, couverture insuffisante, dénominateur nul), ce n'est jamais 0. Un flux (emplois créés, personnes formées, budget…) s'additionne sur une période ; un stock se lit à sa dernière année.",
            "Each indicator in each year members reported for, computed over that year's members: a ratio is recomputed each year, never averaged. An empty cell has no value that year (not reported, too little coverage, a zero denominator); it is never 0. A flow (jobs created, people trained, budget…) adds up over a period; a stock is read in its last year."),
            row: 1, columns: 0...(coverageColumn + years.count - 1), style: CellStyle.wrapped)
        let headers = [words("Indicateur", "Indicator"), words("Nature", "Kind")] + years.map(String.init)
            + years.map { words("Couverture \($0)", "Coverage \($0)") }
        // Coverage ("6 / 7") is aligned right, as the values beside it, and so is its header.
        var coverageHeader = CellStyle.header
        coverageHeader.alignRight = true
        let coverageStyle = CellStyle(alignRight: true)
        for (column, header) in headers.enumerated() {
            buffer.put(.text(header), row: headerRow, column: column, style: column >= coverageColumn ? coverageHeader : CellStyle.header)
        }
        var row = headerRow
        var rowByIndicator: [String: Int] = [:]
        for section in report.sections {
            row += 1
            buffer.put(.text(section.theme.label[language]), row: row, column: 0, style: CellStyle.section)
            for result in section.results {
                row += 1
                rowByIndicator[result.definition.id] = row
                buffer.put(.text(result.definition.label[language]), row: row, column: 0)
                buffer.put(.text(result.definition.isFlow ? words("flux", "flow") : words("stock", "stock")), row: row, column: 1)
                let style = CellStyle(numberFormat: words.formats.value(result.definition.unit))
                for (offset, point) in result.series.enumerated() {
                    buffer.put(point.value.map(CellValue.number) ?? .blank, row: row, column: firstYearColumn + offset, style: style)
                    if let coverage = point.coverage {
                        buffer.put(.text("\(coverage.counted) / \(coverage.of)"), row: row, column: coverageColumn + offset, style: coverageStyle)
                    }
                }
            }
        }
        buffer.fixedWidths[0] = 44
        // "6 / 7" under a header that wraps: the years and their coverage print across one page.
        for offset in years.indices { buffer.fixedWidths[coverageColumn + offset] = 10 }
        try buffer.flush(to: sheet)
        sheet.freeze(rows: headerRow + 1, columns: 1)
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth)

        // A line per key figure, over the years: only with two years or more, and never for a yes/no value.
        let charted = years.count > 1 ? report.keyFigures.filter { !$0.definition.unit.isFlag && rowByIndicator[$0.definition.id] != nil } : []
        let chartsRow = row + 2
        for (index, result) in charted.enumerated() {
            let chart = try workbook.addChart(.line)
            let valuesRow = rowByIndicator[result.definition.id]!
            let columns = firstYearColumn...(firstYearColumn + years.count - 1)
            try chart.addSeries(categories: sheet.range(row: headerRow, columns: columns), values: sheet.range(row: valuesRow, columns: columns))
            chart.setTitle(result.definition.label[language], fontSize: 10)
            chart.hideLegend()
            chart.setValueAxisFormat(words.formats.value(result.definition.unit))
            // From 0, so that a small change does not look large (unless a value is below 0).
            if result.series.allSatisfy({ ($0.value ?? 0) >= 0 }) { chart.setValueAxisMinimum(0) }
            // Each chart anchored in a column of its own (an offset past a column's width is read
            // differently by LibreOffice): the first under the labels, the others under the years.
            let across = index % Self.chartsAcross
            try sheet.insert(
                chart, row: chartsRow + (index / Self.chartsAcross) * Self.chartRows, column: across == 0 ? 0 : firstYearColumn + (across - 1) * 2,
                scale: Self.chartScale,
                description: words("\(result.definition.label.fr), \(span)", "\(result.definition.label.en), \(span)"))
        }
        return TrajectoryLayout(
            sheet: sheet, rowByIndicator: rowByIndicator,
            columnByYear: Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, firstYearColumn + $0) }))
    }
}
