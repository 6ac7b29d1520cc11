import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    func writeIndicators(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let headers = [words("Indicateur", "Indicator"), words("Valeur", "Value"), words("Année précédente", "Previous year")]
            + resultHeaders + [words("Identifiant", "Id"), words("Donnée manquante", "Missing because")]
        let idColumn = ResultColumn.allCases.count + 3
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: 0, column: column, style: CellStyle.header) }
        var row = 0
        var highlights: [(row: Int, result: IndicatorResult)] = []
        for theme in report.library.themes {
            let results = report.results.filter { $0.definition.theme == theme.id }
            guard !results.isEmpty else { continue }
            row += 1
            buffer.put(.text(theme.label[language]), row: row, column: 0, style: CellStyle.section)
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
}
