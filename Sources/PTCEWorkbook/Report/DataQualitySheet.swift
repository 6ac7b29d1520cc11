import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
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
            buffer.put(finding.location.column.map(CellValue.text) ?? .blank, row: row, column: 3)
            buffer.put(.text(finding.message[language]), row: row, column: 4, style: CellStyle.wrapped)
        }
        row += 2
        buffer.put(.text(words("Couverture des champs des membres en \(year)", "Coverage of member fields in \(year)")),
                   row: row, column: 0, style: CellStyle.title)
        row += 1
        for (column, header) in [words("Champ", "Field"), words("Renseigné par", "Reported by"), words("Non concernés", "Not concerned"),
                                 words("Membres", "Members"), words("Part couverte", "Share covered")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        for (field, coverage) in report.memberFieldCoverage() {
            row += 1
            buffer.put(.text(field.name), row: row, column: 0)
            buffer.put(.number(Double(coverage.reported)), row: row, column: 1)
            buffer.put(.number(Double(coverage.notApplicable)), row: row, column: 2)
            buffer.put(.number(Double(coverage.of)), row: row, column: 3)
            let (part, apart, whole) = (XLSXSheet.reference(row: row, column: 1), XLSXSheet.reference(row: row, column: 2),
                                        XLSXSheet.reference(row: row, column: 3))
            if let share = coverage.share {
                buffer.put(.formula("(\(part)+\(apart))/\(whole)", cached: share), row: row, column: 4,
                           style: CellStyle(numberFormat: words.formats.share()))
            }
        }
        buffer.fixedWidths[4] = 90
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: 1, width: buffer.totalWidth)
    }
}
