import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    func writeQualitative(_ sheet: XLSXSheet, workbook: XLSXWorkbook) throws {
        var buffer = SheetBuffer()
        let bank = report.library.questionBank
        let scoreStyle = CellStyle(numberFormat: words.formats.score), shareStyle = CellStyle(numberFormat: words.formats.share())
        var row = 0
        buffer.put(.text(words("Enquête \(year) : scores par dimension (1 = pas du tout d'accord, 5 = tout à fait d'accord)",
                               "Survey \(year): scores by dimension (1 = strongly disagree, 5 = strongly agree)")),
                   row: row, column: 0, style: CellStyle.title)
        row += 1
        let dimensionHeaders = [words("Dimension", "Dimension"), words("Score moyen", "Mean score"), words("Réponses", "Answers"),
                                words("Part ≥ 4", "Share ≥ 4"), "1", "2", "3", "4", "5"]
        for (column, header) in dimensionHeaders.enumerated() { buffer.put(.text(header), row: row, column: column, style: CellStyle.header) }
        let firstDimensionRow = row + 1
        for score in report.surveyScores {
            let (dimension, result) = (score.dimension, score.result)
            row += 1
            buffer.put(.text(dimension.label[language]), row: row, column: 0)
            if let value = result.value {
                buffer.put(.number(value), row: row, column: 1, style: scoreStyle)
            } else {
                buffer.put(.text(MissingReason.shown(result.missingReason)[language]), row: row, column: 1, style: CellStyle.missing)
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
            buffer.put(.text(result.question.wording[language]), row: row, column: 0, style: CellStyle.wrapped)
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
        for (column, header) in [words("Citation", "Quotation"), words("Rôle", "Role"), words("Source", "Source")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: CellStyle.header)
        }
        // The quotations under the question they answer, questions in the order first quoted.
        var questionOrder: [String] = []
        var byQuestion: [String: [Quotation]] = [:]
        for quotation in report.quotations {
            if byQuestion[quotation.questionID] == nil { questionOrder.append(quotation.questionID) }
            byQuestion[quotation.questionID, default: []].append(quotation)
        }
        for questionID in questionOrder {
            row += 1
            buffer.put(.text(bank[questionID]?.wording[language] ?? questionID), row: row, column: 0, style: CellStyle(bold: true, wrap: true))
            for quotation in byQuestion[questionID] ?? [] {
                row += 1
                buffer.put(.text(quotation.text), row: row, column: 0, style: CellStyle.wrapped)
                buffer.put(.text(quotation.role.label[language]), row: row, column: 1, style: CellStyle.wrapped)
                buffer.put(.text("\(quotation.origin.file):\(quotation.origin.line)"), row: row, column: 2, style: CellStyle.wrapped)
            }
        }
        buffer.fixedWidths[0] = 60
        buffer.fixedWidths[2] = 14
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth)

        if lastDimensionRow >= firstDimensionRow {
            let chart = try workbook.addChart(.bar)
            try chart.addSeries(categories: sheet.range(column: 0, firstRow: firstDimensionRow, lastRow: lastDimensionRow),
                                values: sheet.range(column: 1, firstRow: firstDimensionRow, lastRow: lastDimensionRow),
                                name: words("Score moyen", "Mean score"))
            chart.setTitle(words("Scores de l'enquête par dimension", "Survey scores by dimension"))
            chart.hideLegend()
            chart.setValueAxis(minimum: 1, maximum: 5)
            try sheet.insert(chart, row: 1, column: 11)
        }
    }
}
