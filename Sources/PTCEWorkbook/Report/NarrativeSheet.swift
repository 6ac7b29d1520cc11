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
            row += 3
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
                case .paragraph, .list:
                    for line in NarrativeLines.lines(of: [block]) {
                        buffer.put(line, row: row, columns: columns, style: CellStyle.wrapped)
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
        row = writeHistory(into: &buffer, from: row, columns: columns)
        buffer.fixedWidths = Dictionary(uniqueKeysWithValues: columns.map { ($0, 18.0) })
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth, oneAcross: true)
    }

    /// The pole's milestones up to the year and its governance (`pole.toml`), from `row`; returns
    /// the row after them.
    private func writeHistory(into buffer: inout SheetBuffer, from start: Int, columns: ClosedRange<Int>) -> Int {
        var row = start
        let subtitle = CellStyle(bold: true, fontSize: 12)
        let milestones = report.milestones
        if !milestones.isEmpty {
            buffer.put(.text(words("Repères", "Milestones")), row: row, column: 0, style: subtitle)
            for milestone in milestones {
                row += 1
                buffer.put(.text(String(milestone.year)), row: row, column: 0, style: CellStyle(bold: true))
                buffer.put(milestone.label, row: row, columns: 1...columns.upperBound, style: CellStyle.wrapped)
            }
            row += 3
        }
        guard let governance = report.governance else { return row }
        buffer.put(.text(words("Gouvernance", "Governance")), row: row, column: 0, style: subtitle)
        if let legalForm = governance.legalForm {
            row += 1
            buffer.put(.text(words("Forme juridique", "Legal form")), row: row, column: 0)
            buffer.put(.text(legalForm), row: row, column: 1)
        }
        for college in governance.colleges {
            row += 1
            buffer.put(words("Collège : ", "Voting college: ") + college.name, row: row, columns: 0...1, style: CellStyle.wrapped)
            buffer.put(college.seats.map { .number(Double($0)) } ?? .blank, row: row, column: 2)
            if let seats = college.seats { buffer.put(.text(seats == 1 ? words("siège", "seat") : words("sièges", "seats")), row: row, column: 3) }
        }
        if !governance.meetings.isEmpty {
            row += 2
            for (column, header) in [words("Année", "Year"), words("Instance", "Body"), "", words("Réunions", "Meetings"), words("Présence", "Attendance")].enumerated() {
                buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
            }
            for meeting in governance.meetings {
                row += 1
                buffer.put(.text(String(meeting.year)), row: row, column: 0)
                buffer.put(meeting.kind, row: row, columns: 1...2, style: CellStyle.wrapped)
                buffer.put(meeting.held.map { .number(Double($0)) } ?? .blank, row: row, column: 3)
                buffer.put(meeting.attendance.map(CellValue.number) ?? .blank, row: row, column: 4, style: CellStyle(numberFormat: words.formats.share(decimals: 0)))
            }
        }
        return row + 2
    }
}

/// The lines a paragraph or list of the pole's words takes in a cell: a paragraph as one line,
/// each list item on its own ("• …", "1. …"), marks left out and links followed by their address.
enum NarrativeLines {
    static func lines(of blocks: [MarkdownBlock]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let runs), .heading(_, let runs): [MarkdownInline.plain(runs)]
            case .list(let ordered, let items): items.enumerated().map { (ordered ? "\($0.offset + 1). " : "• ") + MarkdownInline.plain($0.element) }
            case .table(let header, let rows): ([header] + rows).map { $0.map(MarkdownInline.plain).joined(separator: " · ") }
            }
        }
    }
}
