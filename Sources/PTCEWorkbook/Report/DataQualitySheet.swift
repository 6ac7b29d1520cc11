import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    func writeDataQuality(_ sheet: XLSXSheet, notices: [Finding]) throws {
        var buffer = SheetBuffer()
        var row = 0
        buffer.put(.text(words("Constats sur les données", "Findings about the data")), row: row, column: 0, style: CellStyle.title)
        let findings = report.findings + notices
        putHeader([words("Gravité", "Severity"), words("Fichier", "File"), words("Ligne", "Line"), words("Colonne", "Column"),
                   words("Message", "Message")].enumerated().map { ($0, $1) },
                  orElse: findings.isEmpty ? words("Aucun constat sur les fichiers : toutes les cellules lues sont conformes.",
                                                   "No finding about the files: every cell read is as expected.") : nil,
                  row: &row, into: &buffer)
        for finding in findings {
            row += 1
            buffer.put(.text(finding.severity.label[language]), row: row, column: 0)
            buffer.put(.text(finding.location.file), row: row, column: 1)
            buffer.put(finding.location.line.map { .number(Double($0)) } ?? .blank, row: row, column: 2)
            buffer.put(finding.location.column.map(CellValue.text) ?? .blank, row: row, column: 3)
            buffer.put(.text(finding.message[language]), row: row, column: 4, style: CellStyle.wrapped)
        }
        // Sound files can still leave figures unreported: the indicators without a value, or
        // resting on part of the members only.
        row += 2
        buffer.put(.text(words("Indicateurs incomplets en \(year)", "Incomplete indicators in \(year)")), row: row, column: 0, style: CellStyle.title)
        let gaps = report.gaps
        putHeader([(0, words("Indicateur", "Indicator")), (1, words("Valeur", "Value")), (2, words("Ce qui manque", "What is missing"))],
                  orElse: gaps.isEmpty ? words("Chaque indicateur a une valeur et repose sur tous les membres de l'année.",
                                               "Every indicator has a value and rests on every member of the year.") : nil,
                  row: &row, into: &buffer)
        for result in gaps {
            row += 1
            buffer.put(.text(result.definition.label[language]), row: row, column: 0, style: CellStyle.wrapped)
            if let value = result.value {
                buffer.put(.number(value), row: row, column: 1, style: CellStyle(numberFormat: words.formats.value(result.definition.unit)))
            } else {
                buffer.put(.text(MissingReason.shown(nil)[language]), row: row, column: 1, style: CellStyle.missing)
            }
            buffer.put(result.gap(language), row: row, columns: 2...4, style: CellStyle.wrapped)
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
            buffer.put(.text("\(field.label[language]) (\(field.name))"), row: row, column: 0)
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
        buffer.fixedWidths[0] = 36
        buffer.fixedWidths[4] = 90
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: 1, width: buffer.totalWidth)
    }

    /// A table's header row below `row` (each header at its column), then, when the table has no
    /// rows, `note` in italics; `row` is left on the last row written.
    private func putHeader(_ headers: [(Int, String)], orElse note: String?, row: inout Int, into buffer: inout SheetBuffer) {
        row += 1
        for (column, header) in headers { buffer.put(.text(header), row: row, column: column, style: CellStyle.header) }
        guard let note else { return }
        row += 1
        buffer.put(.text(note), row: row, column: 0, style: CellStyle(italic: true))
    }
}
