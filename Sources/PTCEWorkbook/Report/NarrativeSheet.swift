import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    /// The pole's own words for the year (`report.md`): the presentation, then each section with
    /// its title; paragraphs and list items wrapped over the sheet's width, tables as cells, links
    /// with their address. Text from the file is written as text, never as a formula.
    func writeNarrative(_ sheet: XLSXSheet) throws {
        var buffer = SheetBuffer()
        let columns = 0...5
        buffer.put(.text(words("Le pôle en \(year)", "The pole in \(year)")), row: 0, column: 0, style: CellStyle.title)
        var row = 2
        let sections = report.narrative
        if sections.isEmpty {
            buffer.put(words(
                "Le pôle n'a pas écrit de texte pour \(year) : un fichier report.md (ou rapport.md) dans son dossier donne sa présentation et, sous un titre « # \(year) », les sections de l'année (faits marquants, difficultés, perspectives).",
                "The pole wrote no text for \(year): a report.md (or rapport.md) file in its folder gives its presentation and, under a \"# \(year)\" heading, the year's sections (highlights, difficulties, next steps)."),
                row: row, columns: columns, style: CellStyle.wrapped)
        }
        for section in sections {
            if let title = section.title {
                buffer.put(.text(title), row: row, column: 0, style: CellStyle(bold: true, fontSize: 12))
                row += 1
            }
            for block in section.blocks {
                switch block {
                case .heading(_, let runs):
                    buffer.put(.text(MarkdownInline.plain(runs)), row: row, column: 0, style: CellStyle(bold: true))
                case .paragraph(let runs):
                    buffer.put(MarkdownInline.plain(runs), row: row, columns: columns, style: CellStyle.wrapped)
                case .list(let ordered, let items):
                    for (index, item) in items.enumerated() {
                        buffer.put((ordered ? "\(index + 1). " : "• ") + MarkdownInline.plain(item), row: row, columns: columns, style: CellStyle.wrapped)
                        row += 1
                    }
                    row -= 1
                case .table(let header, let rows):
                    for (column, cell) in header.enumerated() where column < 12 {
                        buffer.put(.text(MarkdownInline.plain(cell)), row: row, column: column, style: CellStyle.header)
                    }
                    for cells in rows {
                        row += 1
                        for (column, cell) in cells.enumerated() where column < 12 {
                            buffer.put(.text(MarkdownInline.plain(cell)), row: row, column: column, style: CellStyle.wrapped)
                        }
                    }
                }
                row += 2
            }
            row += 1
        }
        buffer.fixedWidths = Dictionary(uniqueKeysWithValues: columns.map { ($0, 18.0) })
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth, oneAcross: true)
    }
}
