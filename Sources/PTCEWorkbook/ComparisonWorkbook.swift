import Foundation
import PTCEIndicators
import PTCEModel

/// Writes a comparison of poles as a workbook: side by side with medians (live formulas, results
/// cached) and a colour scale that follows each indicator's direction, one sheet per theme
/// with ranks and normalised views, each pole's key figures, and the method.
public enum ComparisonWorkbookWriter {
    /// Writes the comparison's workbook at `path`, in `options.language`, dated `options.created` (the other options
    /// are for report workbooks). Throws ``XLSXError`` when libxlsxwriter cannot create or write the file, a sheet or
    /// a cell.
    public static func write(_ comparison: PoleComparison, to path: String, options: WorkbookOptions) throws {
        let words = Words(language: options.language)
        let language = options.language
        let workbook = try XLSXWorkbook(path: path, constantMemory: false)
        try workbook.setProperties(
            title: words("Comparaison de pôles \(comparison.year)", "Comparison of poles \(comparison.year)"),
            subject: words("Indicateurs d'impact territorial de PTCE", "Territorial impact indicators of PTCE"),
            author: Engine.name, keywords: (["PTCE", "comparaison"] + comparison.poles.map(\.profile.name)).joined(separator: ", "),
            created: options.created)
        let side = try workbook.addSheet(words("Comparaison", "Comparison"))
        let themeSheets = try comparison.library.themes.map { theme in
            (theme, try workbook.addSheet(theme.label[language]))
        }
        let keyFigures = try workbook.addSheet(words("Chiffres clés", "Key figures"))
        let long = try workbook.addSheet(words("Données longues", "Long data"))
        let trends = try workbook.addSheet(words("Tendances", "Trends"))
        let method = try workbook.addSheet(words("Méthode", "Method"))

        // Side by side: indicators as rows, poles as columns; a volume is followed by its views per
        // member and per 1,000 inhabitants, and coloured per member (its rank's basis).
        var buffer = SheetBuffer()
        let poles = comparison.poles
        let firstPole = 1, medianColumn = 1 + poles.count
        buffer.put(.text(words("Comparaison de \(poles.count) pôles en \(comparison.year)", "\(poles.count) poles compared in \(comparison.year)")),
                   row: 0, column: 0, style: .title)
        let headers = [words("Indicateur", "Indicator")] + poles.map(\.profile.name)
            + [words("Médiane", "Median"), "Min", "Max", words("1er quartile", "1st quartile"), words("3e quartile", "3rd quartile"),
               words("Couverture faible", "Low coverage")]
        for (column, header) in headers.enumerated() {
            buffer.put(.text(header), row: 2, column: column, style: .header)
        }
        var row = 2
        var scales: [(row: Int, higherIsBetter: Bool)] = []
        /// MEDIAN, MIN, MAX and the quartiles (QUARTILE, as QUARTILE.INC) of the poles' cells of
        /// `row`, as formulas with the model's values cached.
        func putStatistics(_ spread: ValueSpread?, row: Int, style: CellStyle, quartiles: Bool = true) {
            let range = XLSXSheet.reference(row: row, column: firstPole) + ":" + XLSXSheet.reference(row: row, column: medianColumn - 1)
            let statistics: [(String, Double?)] = [
                ("MEDIAN(\(range))", spread?.median), ("MIN(\(range))", spread?.minimum), ("MAX(\(range))", spread?.maximum),
            ] + (quartiles ? [("QUARTILE(\(range),1)", spread?.lowerQuartile), ("QUARTILE(\(range),3)", spread?.upperQuartile)] : [])
            for (offset, (formula, value)) in statistics.enumerated() {
                buffer.put(value.map { .formula(formula, cached: $0) } ?? .text(MissingReason.shown(nil)[language]),
                           row: row, column: medianColumn + offset, style: style)
            }
        }
        for theme in comparison.library.themes {
            let rows = comparison.rows.filter { $0.definition.theme == theme.id }
            guard !rows.isEmpty else { continue }
            row += 1
            buffer.put(.text(theme.label[language]), row: row, column: 0, style: .section)
            for comparisonRow in rows {
                row += 1
                let definition = comparisonRow.definition
                let style = CellStyle(numberFormat: words.formats.value(definition.unit))
                buffer.put(.text(definition.label[language]), row: row, column: 0)
                for (index, cell) in comparisonRow.cells.enumerated() {
                    let column = firstPole + index
                    if poles[index].report == nil {
                        buffer.put(.text(words("pas de données \(comparison.year)", "no \(comparison.year) data")), row: row, column: column,
                                   style: .missing)
                    } else if let value = cell.value, cell.comparable {
                        buffer.put(.number(value), row: row, column: column, style: style)
                    } else if cell.value != nil {
                        buffer.put(.text(words("non comparable (autres questions)", "not comparable (other questions)")), row: row, column: column,
                                   style: .missing)
                    } else {
                        buffer.put(.text(MissingReason.shown(cell.missingReason)[language]), row: row, column: column, style: .missing)
                    }
                }
                // A yes/no indicator has no quartiles.
                putStatistics(comparisonRow.valueSpread, row: row, style: style, quartiles: !definition.unit.isFlag)
                let flagged = zip(poles, comparisonRow.cells).filter { $0.1.lowCoverage }.map(\.0.profile.name)
                if !flagged.isEmpty { buffer.put(.text(flagged.joined(separator: ", ")), row: row, column: medianColumn + 5) }
                let colourable = definition.direction != .neutral
                if colourable, comparisonRow.rankedBy == nil, comparisonRow.cells.filter({ $0.value != nil && $0.comparable }).count > 1 {
                    scales.append((row, definition.direction == .higherIsBetter))
                }
                let viewStyle = CellStyle(numberFormat: words.formats.normalised(definition.unit))
                for normalisation in comparisonRow.normalisations {
                    row += 1
                    buffer.put(.text("    " + normalisation.label[language]), row: row, column: 0, style: CellStyle(italic: true))
                    let values = comparisonRow.cells.map { $0.normalised[normalisation] }
                    for (index, value) in values.enumerated() {
                        if let value { buffer.put(.number(value), row: row, column: firstPole + index, style: viewStyle) }
                    }
                    putStatistics(comparisonRow.normalisedSpreads[normalisation], row: row, style: viewStyle)
                    if colourable, normalisation == comparisonRow.rankedBy, values.compactMap({ $0 }).count > 1 {
                        scales.append((row, definition.direction == .higherIsBetter))
                    }
                }
            }
        }
        buffer.fixedWidths[0] = 44
        try buffer.flush(to: side)
        for scale in scales {
            try side.colourScale(row: scale.row, firstColumn: firstPole, lastColumn: medianColumn - 1, higherIsBetter: scale.higherIsBetter)
        }
        side.freeze(rows: 3, columns: 1)
        try side.setUpPrinting(headerRows: 2, width: buffer.totalWidth)

        for (theme, sheet) in themeSheets {
            try writeTheme(theme, of: comparison, to: sheet, words: words)
        }
        try writeKeyFigures(comparison, to: keyFigures, words: words)
        try writeLong(comparison, to: long, words: words)
        try writeTrends(comparison, to: trends, workbook: workbook, words: words)
        try writeMethod(comparison, to: method, words: words)
        try workbook.close()
    }

    private static func writeTheme(_ theme: IndicatorTheme, of comparison: PoleComparison, to sheet: XLSXSheet, words: Words) throws {
        let language = words.language
        var buffer = SheetBuffer()
        var row = 0
        buffer.put(.text(theme.label[language]), row: row, column: 0, style: .title)
        // The poles without data for the year, once, then only the others in each block.
        let idle = comparison.poles.filter { $0.report == nil }.map(\.profile.name)
        if !idle.isEmpty {
            row += 1
            buffer.put(.text(words("Sans données pour \(comparison.year) : ", "No data for \(comparison.year): ") + idle.joined(separator: ", ")),
                       row: row, column: 0, style: .missing)
        }
        for comparisonRow in comparison.rows where comparisonRow.definition.theme == theme.id {
            let definition = comparisonRow.definition
            row += 2
            buffer.put(.text(definition.label[language]), row: row, column: 0, style: CellStyle(bold: true))
            row += 1
            let rank = comparisonRow.rankedBy.map { words("Rang (", "Rank (") + $0.label[language] + ")" } ?? words("Rang", "Rank")
            let grouped = comparison.grouping != nil
            let headers = [words("Pôle", "Pole"), words("Valeur", "Value"), rank, words("Couverture", "Coverage"),
                           words("Couverture faible", "Low coverage")] + comparisonRow.normalisations.map { $0.label[language].capitalizedFirst }
                + [words("Percentile", "Percentile")]
                + (grouped ? [words("Groupe", "Group"), words("Rang dans le groupe", "Rank in group"), words("Percentile dans le groupe", "Percentile in group")] : [])
            let percentileColumn = 5 + comparisonRow.normalisations.count
            for (column, header) in headers.enumerated() {
                buffer.put(.text(header), row: row, column: column, style: .header)
            }
            for (pole, cell) in zip(comparison.poles, comparisonRow.cells) where pole.report != nil {
                row += 1
                buffer.put(.text(pole.profile.name), row: row, column: 0)
                if let value = cell.value {
                    buffer.put(.number(value), row: row, column: 1, style: CellStyle(numberFormat: words.formats.value(definition.unit)))
                } else {
                    buffer.put(.text(MissingReason.shown(cell.missingReason)[language]), row: row, column: 1, style: .missing)
                }
                if let rank = cell.rank { buffer.put(.number(Double(rank)), row: row, column: 2) }
                if !cell.comparable { buffer.put(.text(words("non comparable", "not comparable")), row: row, column: 2) }
                if let coverage = cell.coverage { buffer.put(.text(coverage.label(language)), row: row, column: 3) }
                buffer.put(.text(language.yesNo(cell.lowCoverage)), row: row, column: 4)
                for (offset, normalisation) in comparisonRow.normalisations.enumerated() {
                    if let value = cell.normalised[normalisation] {
                        buffer.put(.number(value), row: row, column: 5 + offset,
                                   style: CellStyle(numberFormat: words.formats.normalised(definition.unit)))
                    }
                }
                if let percentile = cell.percentile { buffer.put(.number(percentile), row: row, column: percentileColumn, style: Self.percentile) }
                guard grouped else { continue }
                buffer.put(.text(pole.group?.label[language] ?? ""), row: row, column: percentileColumn + 1)
                if let rank = cell.groupRank { buffer.put(.number(Double(rank)), row: row, column: percentileColumn + 2) }
                if let percentile = cell.groupPercentile { buffer.put(.number(percentile), row: row, column: percentileColumn + 3, style: Self.percentile) }
            }
            guard grouped, !definition.unit.isFlag else { continue }
            // Each peer group's quartiles on the ranked view (per member for a volume).
            row += 1
            let view = comparisonRow.rankedBy.map { " (" + $0.label[language] + ")" } ?? ""
            for (column, header) in [words("Groupe", "Group") + view, words("Pôles", "Poles"), words("1er quartile", "1st quartile"),
                                     words("Médiane", "Median"), words("3e quartile", "3rd quartile")].enumerated() {
                buffer.put(.text(header), row: row, column: column, style: .header)
            }
            let format = CellStyle(numberFormat: comparisonRow.rankedBy == nil ? words.formats.value(definition.unit) : words.formats.normalised(definition.unit))
            for group in comparison.groups where group.isPeerGroup {
                row += 1
                buffer.put(.text(group.label[language]), row: row, column: 0)
                let spread = comparisonRow.groupSpreads[group.id]
                buffer.put(.number(Double(spread?.count ?? 0)), row: row, column: 1)
                for (offset, value) in [spread?.lowerQuartile, spread?.median, spread?.upperQuartile].enumerated() {
                    buffer.put(value.map(CellValue.number) ?? .blank, row: row, column: 2 + offset, style: format)
                }
            }
        }
        buffer.fixedWidths[0] = 44
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth)
    }

    /// A percentile, 0–100, without decimals.
    private static let percentile = CellStyle(numberFormat: "0")

    /// One row per pole and indicator, ready for a pivot table: the pole and its group, the
    /// indicator, its value and normalised views, ranks and percentiles overall and in the group,
    /// coverage, and why a value is missing; a pole without data for the year has one row that says so.
    private static func writeLong(_ comparison: PoleComparison, to sheet: XLSXSheet, words: Words) throws {
        let language = words.language
        let grouped = comparison.grouping != nil
        let headers = [words("Identifiant du pôle", "Pole id"), words("Pôle", "Pole")] + (grouped ? [words("Groupe", "Group")] : [])
            + [words("Thème", "Theme"), words("Identifiant de l'indicateur", "Indicator id"), words("Indicateur", "Indicator"), words("Unité", "Unit"),
               words("Valeur", "Value"), words("Par membre", "Per member"), words("Pour 1 000 habitants", "Per 1,000 inhabitants"),
               words("Rang", "Rank"), words("Percentile", "Percentile")]
            + (grouped ? [words("Rang dans le groupe", "Rank in group"), words("Percentile dans le groupe", "Percentile in group")] : [])
            + [words("Couverture : comptés", "Coverage: counted"), words("Couverture : sur", "Coverage: out of"), words("Couverture : base", "Coverage: basis"),
               words("Couverture faible", "Low coverage"), words("Pourquoi pas de valeur", "Why no value")]
        var buffer = SheetBuffer()
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: 0, column: column, style: .header) }
        let themes = Dictionary(comparison.library.themes.map { ($0.id, $0.label[language]) }, uniquingKeysWith: { first, _ in first })
        var row = 0
        for index in comparison.naturalOrder {
            let pole = comparison.poles[index]
            var cells: [CellValue] = [.text(pole.profile.id), .text(pole.profile.name)] + (grouped ? [.text(pole.group?.label[language] ?? "")] : [])
            let fixed = cells.count
            guard pole.report != nil else {
                row += 1
                cells += Array(repeating: CellValue.blank, count: headers.count - fixed - 1)
                    + [.text(words("pas de données pour \(comparison.year)", "no data for \(comparison.year)"))]
                for (column, value) in cells.enumerated() { buffer.put(value, row: row, column: column) }
                continue
            }
            for comparisonRow in comparison.rows {
                row += 1
                let definition = comparisonRow.definition
                let cell = comparisonRow.cells[index]
                cells = Array(cells.prefix(fixed))
                cells += [.text(themes[definition.theme] ?? definition.theme), .text(definition.id), .text(definition.label[language]),
                          .text(definition.unit.label[language])]
                let valueColumn = cells.count
                cells += [cell.value.map(CellValue.number) ?? .blank, cell.normalised[.perMember].map(CellValue.number) ?? .blank,
                          cell.normalised[.perThousandInhabitants].map(CellValue.number) ?? .blank,
                          cell.rank.map { .number(Double($0)) } ?? .blank, cell.percentile.map(CellValue.number) ?? .blank]
                if grouped { cells += [cell.groupRank.map { .number(Double($0)) } ?? .blank, cell.groupPercentile.map(CellValue.number) ?? .blank] }
                cells += [cell.coverage.map { .number(Double($0.counted)) } ?? .blank, cell.coverage.map { .number(Double($0.of)) } ?? .blank,
                          .text(cell.coverage.map { Self.basis($0.basis)[language] } ?? ""), .text(language.yesNo(cell.lowCoverage)),
                          .text(cell.value == nil ? MissingReason.shown(cell.missingReason)[language] : cell.comparable ? "" : words("non comparable", "not comparable"))]
                for (column, value) in cells.enumerated() {
                    let style: CellStyle? = switch column {
                    case valueColumn: CellStyle(numberFormat: words.formats.value(definition.unit))
                    case valueColumn + 1, valueColumn + 2: CellStyle(numberFormat: words.formats.normalised(definition.unit))
                    // The percentile, and the group's when grouped.
                    case valueColumn + 4: Self.percentile
                    case valueColumn + 6 where grouped: Self.percentile
                    default: nil
                    }
                    buffer.put(value, row: row, column: column, style: style)
                }
            }
        }
        try buffer.flush(to: sheet)
        sheet.freeze(rows: 1, columns: 2)
        try sheet.autofilter(firstRow: 0, lastRow: row, columns: headers.count)
        try sheet.setUpPrinting(headerRows: 0, width: buffer.totalWidth)
    }

    /// What a coverage counts, in words: "membres", "répondants", "lignes".
    private static func basis(_ basis: CoverageBasis) -> LocalizedText {
        switch basis {
        case .members: LocalizedText(fr: "membres", en: "members")
        case .respondents: LocalizedText(fr: "répondants", en: "respondents")
        case .rows: LocalizedText(fr: "lignes", en: "rows")
        }
    }

    private static func writeKeyFigures(_ comparison: PoleComparison, to sheet: XLSXSheet, words: Words) throws {
        let rows = comparison.library.keyFigures.compactMap { figure in comparison.rows.first { $0.definition.id == figure.id } }
        var buffer = SheetBuffer()
        buffer.put(.text(words("Pôle", "Pole")), row: 0, column: 0, style: .header)
        buffer.put(.text(words("Territoire", "Territory")), row: 0, column: 1, style: .header)
        buffer.put(.text(words("Population", "Population")), row: 0, column: 2, style: .header)
        for (offset, row) in rows.enumerated() {
            buffer.put(.text(row.definition.label[words.language]), row: 0, column: 3 + offset, style: .header)
        }
        for (index, pole) in comparison.poles.enumerated() {
            buffer.put(.text(pole.profile.name), row: index + 1, column: 0)
            buffer.put(.text(pole.profile.territory), row: index + 1, column: 1)
            if let population = pole.profile.population { buffer.put(.number(Double(population)), row: index + 1, column: 2, style: CellStyle(numberFormat: words.formats.count)) }
            for (offset, row) in rows.enumerated() {
                let cell = row.cells[index]
                buffer.put(cell.value.map(CellValue.number) ?? .text(MissingReason.shown(cell.missingReason)[words.language]), row: index + 1, column: 3 + offset,
                           style: CellStyle(numberFormat: words.formats.value(row.definition.unit)))
            }
        }
        try buffer.flush(to: sheet)
        sheet.freeze(rows: 1, columns: 1)
        try sheet.setUpPrinting(headerRows: 0, width: buffer.totalWidth)
    }

    /// Each key figure of each pole over the years every pole with a report has members (the
    /// common years), one block per key figure with a line per pole beside it; a missing value is
    /// an empty cell, a gap in the line, never 0.
    private static func writeTrends(_ comparison: PoleComparison, to sheet: XLSXSheet, workbook: XLSXWorkbook, words: Words) throws {
        let language = words.language
        let years = comparison.trendYears
        var buffer = SheetBuffer()
        buffer.put(.text(words("Tendances des chiffres clés", "Trends of the key figures")), row: 0, column: 0, style: .title)
        guard years.count > 1 else {
            buffer.put(.text(words("Les pôles n'ont pas deux années de données en commun jusqu'en \(comparison.year) : pas de tendance à comparer.",
                                   "The poles do not share two years of data up to \(comparison.year): there is no trend to compare.")),
                       row: 1, column: 0)
            try buffer.flush(to: sheet)
            return
        }
        buffer.put(.text(words("Années que tous les pôles ont en commun : \(years.map(String.init).joined(separator: ", ")). Une cellule vide n'a pas de valeur cette année-là, ce n'est jamais 0.",
                               "Years every pole has in common: \(years.map(String.init).joined(separator: ", ")). An empty cell has no value that year; it is never 0.")),
                   row: 1, column: 0)
        let rows = comparison.library.keyFigures.compactMap { figure in comparison.rows.first { $0.definition.id == figure.id } }
        let reported = comparison.poles.indices.filter { comparison.poles[$0].report != nil }
        // Each block: a title, a header of years, a row per pole; the chart beside it needs 15 rows.
        let blockRows = max(reported.count + 3, 15)
        var charts: [(row: Int, result: ComparisonRow, header: Int)] = []
        for (offset, comparisonRow) in rows.enumerated() {
            let top = 3 + offset * blockRows
            let unit = comparisonRow.definition.unit
            buffer.put(.text(comparisonRow.definition.label[language]), row: top, column: 0, style: CellStyle(bold: true))
            buffer.put(.text(words("Pôle", "Pole")), row: top + 1, column: 0, style: .header)
            for (index, year) in years.enumerated() { buffer.put(.text(String(year)), row: top + 1, column: 1 + index, style: .header) }
            let style = CellStyle(numberFormat: words.formats.value(unit))
            for (line, index) in reported.enumerated() {
                buffer.put(.text(comparison.poles[index].profile.name), row: top + 2 + line, column: 0)
                for (column, value) in comparisonRow.cells[index].trend.enumerated() {
                    buffer.put(value.map(CellValue.number) ?? .blank, row: top + 2 + line, column: 1 + column, style: style)
                }
            }
            charts.append((top, comparisonRow, top + 1))
        }
        buffer.fixedWidths[0] = 40
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth + 50)
        let yearColumns = 1...years.count
        for (top, comparisonRow, header) in charts where !comparisonRow.definition.unit.isFlag {
            let chart = try workbook.addChart(.line)
            for (line, index) in reported.enumerated() {
                try chart.addSeries(categories: sheet.range(row: header, columns: yearColumns),
                                    values: sheet.range(row: header + 1 + line, columns: yearColumns),
                                    name: comparison.poles[index].profile.name)
            }
            chart.setTitle(comparisonRow.definition.label[language], fontSize: 10)
            chart.placeLegendBelow()
            chart.setValueAxisFormat(words.formats.value(comparisonRow.definition.unit))
            if comparisonRow.cells.allSatisfy({ $0.trend.allSatisfy { ($0 ?? 0) >= 0 } }) { chart.setValueAxisMinimum(0) }
            try sheet.insert(chart, row: top, column: years.count + 2, scale: 0.95,
                             description: words("\(comparisonRow.definition.label.fr) par pôle", "\(comparisonRow.definition.label.en) by pole"))
        }
    }

    private static func writeMethod(_ comparison: PoleComparison, to sheet: XLSXSheet, words: Words) throws {
        var buffer = SheetBuffer()
        let lines = [
            words("Méthode de la comparaison", "How poles are compared"),
            words("Chaque pôle est calculé avec la même bibliothèque d'indicateurs, \(comparison.library.identity.label.fr), pour l'année \(comparison.year).",
                  "Every pole is computed with the same indicator library, \(comparison.library.identity.label.en), for \(comparison.year)."),
            words("La médiane, le minimum et le maximum portent sur les pôles qui ont une valeur comparable ; un pôle sans données pour l'année est listé comme tel.",
                  "Median, minimum and maximum are over the poles with a comparable value; a pole without data for the year is listed as such."),
            words("Le rang 1 est le meilleur selon le sens de l'indicateur ; les indicateurs neutres ne sont pas classés ; les ex aequo partagent le rang.",
                  "Rank 1 is best following the indicator's direction; neutral indicators are not ranked; ties share a rank."),
            words("Les volumes (ETP, euros, effectifs, tonnes) sont aussi rapportés aux membres sur lesquels ils reposent (par membre) et à la population (pour 1 000 habitants) ; leur rang et leurs couleurs suivent la valeur par membre : un petit pôle rural et un grand pôle urbain se comparent ainsi à taille égale.",
                  "Volumes (FTE, euros, counts, tonnes) are also divided by the members they rest on (per member) and by the population (per 1,000 inhabitants); their rank and colours follow the value per member, so that a small rural pole and a large urban one compare at equal size."),
            words("Une valeur est signalée « couverture faible » quand moins de la moitié des membres du pôle ont déclaré les données utilisées.",
                  "A value is flagged \"low coverage\" when fewer than half of the pole's members reported its inputs."),
            words("Les scores d'enquête ne sont comparés qu'entre pôles qui ont posé les mêmes questions de la dimension.",
                  "Survey scores are compared only between poles that asked the same questions of the dimension."),
        ]
        for (index, line) in lines.enumerated() {
            buffer.put(.text(line), row: index, column: 0, style: index == 0 ? .title : CellStyle(wrap: true))
        }
        var row = lines.count + 1
        for (column, header) in [words("Pôle", "Pole"), words("Identifiant", "Id"), words("Années des données", "Years in the data")].enumerated() {
            buffer.put(.text(header), row: row, column: column, style: .header)
        }
        for pole in comparison.poles {
            row += 1
            buffer.put(.text(pole.profile.name), row: row, column: 0)
            buffer.put(.text(pole.profile.id), row: row, column: 1)
            buffer.put(.text(pole.years.map(String.init).joined(separator: ", ")), row: row, column: 2)
        }
        buffer.fixedWidths[0] = 100
        try buffer.flush(to: sheet)
        try sheet.setUpPrinting(headerRows: nil, width: buffer.totalWidth)
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
