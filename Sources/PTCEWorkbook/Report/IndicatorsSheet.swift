import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    func writeIndicators(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let headers = [words("Indicateur", "Indicator"), words("Valeur", "Value"), words("Année précédente", "Previous year")]
            + resultHeaders + [words("Identifiant", "Id")]
        let idColumn = ResultColumn.allCases.count + 3
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: 0, column: column, style: CellStyle.header) }
        var row = 0
        var highlights: [(row: Int, result: IndicatorResult)] = []
        for section in report.sections {
            row += 1
            buffer.put(.text(section.theme.label[language]), row: row, column: 0, style: CellStyle.section)
            for result in section.results {
                row += 1
                try putResult(result, formula: nil, row: row, into: &buffer)
                buffer.put(.text(result.definition.id), row: row, column: idColumn)
                highlights.append((row, result))
                if let unmet = result.unmetConditionsLabel {
                    row += 1
                    buffer.put(unmet[language], row: row, columns: 0...ResultColumn.change.rawValue, style: CellStyle(italic: true, wrap: true))
                }
            }
        }
        buffer.fixedWidths[0] = 44
        fitResultColumns(&buffer)
        try buffer.flush(to: sheet)
        try highlightChanges(highlights, on: sheet)
        sheet.freeze(rows: 1, columns: 1)
        try sheet.setUpPrinting(headerRows: 0, width: buffer.totalWidth)
    }
}
