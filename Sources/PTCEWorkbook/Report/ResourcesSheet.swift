import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    /// The year's resources against the budget plan, as a grant's financial report shows them:
    /// each line's planned and actual amounts and the gap in euros and as a share of the plan ("—"
    /// where nothing was planned), then the totals over the lines with a plan and over all lines.
    /// Gaps and totals are live formulas over the amounts, with the engine's results cached.
    func writeResources(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        buffer.put(.text(words("Ressources \(year) : prévu et réalisé", "Resources \(year): planned and actual")),
                   row: 0, column: 0, style: CellStyle.title)
        let headerRow = 3
        let headers = [
            words("Financeur", "Funder"), words("Type de financement", "Funding type"), words("Prévu", "Planned"),
            words("Réalisé", "Actual"), words("Écart", "Gap"), words("Écart en % du prévu", "Gap, % of planned"),
        ]
        guard let resources = report.resources else {
            buffer.put(words(
                "Aucun montant prévu pour \(year) : la colonne prévu (budget prévisionnel) de finances.csv donne, ligne par ligne, le montant que le budget prévoyait.",
                "No planned amount for \(year): the planned column of finances.csv gives, line by line, the amount the budget planned."),
                row: 1, columns: 0...5, style: CellStyle.wrapped)
            buffer.fixedWidths[0] = 36
            try buffer.flush(to: sheet)
            return
        }
        buffer.put(words(
            "L'écart est le réalisé moins le prévu : positif, la ligne a rapporté plus que prévu. « — » : rien n'était prévu pour la ligne. Les totaux comparent les lignes qui ont un montant prévu.",
            "The gap is actual minus planned: positive, the line brought more than planned. \"—\": nothing was planned for the line. The totals compare the lines with a planned amount."),
            row: 1, columns: 0...5, style: CellStyle.wrapped)
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: headerRow, column: column, style: CellStyle.header) }
        let euros = CellStyle(numberFormat: words.formats.euros)
        var shadedEuros = CellStyle(numberFormat: NumberFormats.signed(words.formats.euros), background: Self.formulaShade, alignRight: true)
        let shadedShare = CellStyle(numberFormat: NumberFormats.signed(words.formats.share(decimals: 1)), background: Self.formulaShade, alignRight: true)
        let firstRow = headerRow + 1
        for (offset, line) in resources.lines.enumerated() {
            let row = firstRow + offset
            let (planned, actual) = (XLSXSheet.reference(row: row, column: 2), XLSXSheet.reference(row: row, column: 3))
            buffer.put(.text(line.source), row: row, column: 0)
            buffer.put(.text(line.kind.label[language]), row: row, column: 1)
            buffer.put(line.planned.map(CellValue.number) ?? .text(Self.dash), row: row, column: 2,
                       style: line.planned == nil ? Self.dashCell : euros)
            buffer.put(.number(line.actual), row: row, column: 3, style: euros)
            buffer.put(Self.formula("IF(ISNUMBER(\(planned)),\(actual)-\(planned),\"\(Self.dash)\")", cached: line.gap), row: row, column: 4,
                       style: shadedEuros)
            buffer.put(Self.formula("IF(AND(ISNUMBER(\(planned)),\(planned)<>0),(\(actual)-\(planned))/\(planned),\"\(Self.dash)\")",
                               cached: line.gapShare), row: row, column: 5, style: shadedShare)
        }
        let lastRow = firstRow + resources.lines.count - 1
        let plannedRange = XLSXSheet.reference(row: firstRow, column: 2) + ":" + XLSXSheet.reference(row: lastRow, column: 2)
        let actualRange = XLSXSheet.reference(row: firstRow, column: 3) + ":" + XLSXSheet.reference(row: lastRow, column: 3)
        // The lines with a plan, then every line.
        let totalRow = lastRow + 1
        let (plannedTotal, actualTotal) = (XLSXSheet.reference(row: totalRow, column: 2), XLSXSheet.reference(row: totalRow, column: 3))
        let bold = CellStyle(bold: true)
        var boldEuros = euros
        boldEuros.bold = true
        shadedEuros.bold = true
        buffer.put(.text(words("Total des lignes prévues (\(resources.plannedLines.count) sur \(resources.lines.count))",
                               "Total of the planned lines (\(resources.plannedLines.count) of \(resources.lines.count))")),
                   row: totalRow, column: 0, style: bold)
        buffer.put(.formula("SUM(\(plannedRange))", cached: resources.planned), row: totalRow, column: 2, style: boldEuros)
        buffer.put(.formula("SUMPRODUCT(ISNUMBER(\(plannedRange))*\(actualRange))", cached: resources.actualOfPlannedLines),
                   row: totalRow, column: 3, style: boldEuros)
        buffer.put(.formula("\(actualTotal)-\(plannedTotal)", cached: resources.gap), row: totalRow, column: 4, style: shadedEuros)
        buffer.put(Self.formula("IF(\(plannedTotal)<>0,(\(actualTotal)-\(plannedTotal))/\(plannedTotal),\"\(Self.dash)\")", cached: resources.gapShare),
                   row: totalRow, column: 5, style: shadedShare)
        if !resources.isFullyPlanned {
            buffer.put(.text(words("Total des ressources (toutes les lignes)", "Total resources (every line)")),
                       row: totalRow + 1, column: 0, style: bold)
            buffer.put(.formula("SUM(\(actualRange))", cached: resources.actual), row: totalRow + 1, column: 3, style: boldEuros)
        }
        buffer.fixedWidths[0] = 36
        try buffer.flush(to: sheet)
        sheet.freeze(rows: headerRow + 1)
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth)
    }
}
