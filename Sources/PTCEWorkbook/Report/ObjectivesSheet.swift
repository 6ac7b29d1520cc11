import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    /// The columns of the Objectifs sheet.
    private enum ObjectiveColumn: Int, CaseIterable {
        case indicator, from, to, target, baseline, baselineOrigin, actual, actualBasis, progress, elapsed, status, comment, id
    }

    /// One row per objective of `targets.csv`, in file order. The year of the report is a cell of
    /// the sheet; the baseline taken from the data, the actual value, the progress, the share of
    /// the period elapsed and the status are live formulas over it, the objective's own cells and
    /// the Trajectoire sheet's yearly values (`trajectory`), each with the engine's result cached.
    func writeObjectives(_ sheet: XLSXSheet, trajectory: TrajectoryLayout) throws {
        typealias C = ObjectiveColumn
        var buffer = SheetBuffer()
        buffer.put(.text(words.objectives), row: 0, column: 0, style: CellStyle.title)
        buffer.put(.text(words("Année du rapport", "Report year")), row: 1, column: 0)
        buffer.put(.number(Double(year)), row: 1, column: 1, style: CellStyle(numberFormat: "0", bold: true))
        let yearCell = XLSXSheet.reference(row: 1, column: 1, absolute: true)
        buffer.put(ObjectiveProgress.method[language] + " " + words(
            "Les cellules grisées sont des formules sur l'année du rapport et la feuille Trajectoire.",
            "Shaded cells are formulas over the report year and the Trajectory sheet."),
            row: 2, columns: 0...C.comment.rawValue, style: CellStyle.wrapped)
        let headerRow = 4
        let headers = [
            words("Indicateur", "Indicator"), words("Début", "From"), words("Fin", "To"), words("Cible", "Target"),
            words("Valeur de départ", "Baseline"), words("Origine de la valeur de départ", "Baseline from"), words("Réalisé", "Actual"),
            words("Réalisé : calcul", "Actual: how"), words("Progression", "Progress"), words("Période écoulée", "Period elapsed"),
            words("Statut", "Status"), words("Commentaire", "Comment"), words("Identifiant", "Id"),
        ]
        for (column, header) in headers.enumerated() { buffer.put(.text(header), row: headerRow, column: column, style: CellStyle.header) }
        let objectives = report.objectives
        if objectives.isEmpty {
            buffer.put(words(
                "Aucun objectif déclaré. Un fichier targets.csv dans le dossier du pôle en donne un par ligne (indicateur, début, fin, cible, valeur de départ) ; ptce init en écrit un modèle.",
                "No objective was declared. A targets.csv file in the pole's folder gives one per row (indicator, from, to, target, baseline); ptce init writes a template."),
                row: headerRow + 1, columns: 0...C.comment.rawValue, style: CellStyle.wrapped)
        }
        let dash = Self.dash
        let share = CellStyle(numberFormat: words.formats.share(decimals: 0), background: Self.formulaShade, alignRight: true)
        var statusRows: [Int] = []
        for (offset, (result, progress)) in objectives.enumerated() {
            let row = headerRow + 1 + offset
            let definition = result.definition, objective = progress.objective
            let unitStyle = CellStyle(numberFormat: words.formats.value(definition.unit))
            var computed = unitStyle
            (computed.background, computed.alignRight) = (Self.formulaShade, true)
            func cell(_ column: C) -> String { XLSXSheet.reference(row: row, column: column.rawValue) }
            func put(_ value: CellValue, _ column: C, style: CellStyle? = nil) { buffer.put(value, row: row, column: column.rawValue, style: style) }
            let (from, target, baseline, actual, progressCell, elapsed) = (
                cell(.from), cell(.target), cell(.baseline), cell(.actual), cell(.progress), cell(.elapsed))
            put(.text(definition.label[language]), .indicator)
            put(.number(Double(objective.from)), .from, style: Self.yearCell)
            put(.number(Double(objective.to)), .to, style: Self.yearCell)
            put(.number(progress.target), .target, style: unitStyle)

            // The baseline: given, or the Trajectoire's value of the year before the period.
            if let given = objective.baseline {
                put(.number(given.value), .baseline, style: unitStyle)
                put(.text(words("fixée dans targets.csv", "set in targets.csv")), .baselineOrigin, style: CellStyle.wrapped)
            } else if !definition.isFlow, let source = trajectory.cell(definition.id, year: objective.from - 1) {
                put(Self.formula("IF(ISNUMBER(\(source)),\(source),\"\(dash)\")", cached: progress.baseline), .baseline, style: computed)
                put(.text(progress.baselineSource?[language] ?? words("aucune donnée \(objective.from - 1)", "no \(objective.from - 1) data")),
                    .baselineOrigin, style: CellStyle.wrapped)
            } else {
                put(.text(dash), .baseline, style: Self.dashCell)
                put(.text(definition.isFlow ? words("sans objet (flux : réalisé ÷ cible)", "none (a flow: actual ÷ target)")
                                            : words("aucune donnée \(objective.from - 1)", "no \(objective.from - 1) data")), .baselineOrigin, style: CellStyle.wrapped)
            }

            // The actual value and what it is; the years measured are from…E, E = min(report year, to).
            let last = progress.lastYear
            let years = objective.from <= last ? objective.from...last : nil
            let measured = years.flatMap { years in
                definition.isFlow ? trajectory.range(definition.id, years: years) : trajectory.cell(definition.id, year: years.upperBound)
            }
            let count = years?.count ?? 0
            if let measured {
                put(Self.formula(definition.isFlow ? "IF(COUNT(\(measured))=0,\"\(dash)\",SUM(\(measured)))"
                                : "IF(ISNUMBER(\(measured)),\(measured),\"\(dash)\")", cached: progress.actual),
                    .actual, style: computed)
            } else {
                put(.text(dash), .actual, style: Self.dashCell)
            }
            if let scope = progress.actualScope { put(.text(scope[language]), .actualBasis, style: CellStyle.wrapped) }

            // Progress and the share of the period elapsed.
            let lowerStock = !definition.isFlow && definition.direction == .lowerIsBetter
            let progressFormula: String? = if let measured, definition.isFlow {
                "IF(OR(COUNT(\(measured))<\(count),\(target)=0),\"\(dash)\",\(actual)/\(target))"
            } else if measured != nil {
                "IF(ISNUMBER(\(actual)),IF(ISNUMBER(\(baseline)),IF(\(target)=\(baseline),\"\(dash)\",(\(actual)-\(baseline))/(\(target)-\(baseline))),"
                    + (lowerStock ? "\"\(dash)\"" : "IF(\(target)=0,\"\(dash)\",\(actual)/\(target))") + "),\"\(dash)\")"
            } else {
                nil
            }
            put(progressFormula.map { Self.formula($0, cached: progress.progress) } ?? .text(dash), .progress,
                style: progressFormula == nil ? Self.dashCell : share)
            put(.formula("MIN(1,MAX(0,(\(yearCell)-\(from)+1)/(\(cell(.to))-\(from)+1)))", cached: progress.elapsed), .elapsed, style: share)

            // The status, by the rules of ObjectiveStatus, in words.
            func word(_ status: ObjectiveStatus) -> String { "\"\(status.label[language])\"" }
            let met = switch definition.direction {
            case .higherIsBetter: "\(actual)>=\(target)"
            case .lowerIsBetter: "\(actual)<=\(target)"
            case .neutral: "\(actual)=\(target)"
            }
            let assessed = "IF(ISNUMBER(\(progressCell)),IF(\(progressCell)>=1,\(word(.reached)),IF(\(yearCell)>=\(cell(.to)),\(word(.missed)),"
                + "IF(\(progressCell)>=\(elapsed),\(word(.onTrack)),\(word(.behind))))),"
                + "IF(\(met),\(word(.reached)),IF(\(yearCell)>=\(cell(.to)),\(word(.missed)),\(word(.behind)))))"
            var status = assessed
            if definition.isFlow, let measured { status = "IF(COUNT(\(measured))<\(count),\(word(.incomplete)),\(status))" }
            status = "IF(NOT(ISNUMBER(\(actual))),\(word(.noData)),\(status))"
            if lowerStock { status = "IF(NOT(ISNUMBER(\(baseline))),\(word(.noBaseline)),\(status))" }
            status = "IF(\(yearCell)<\(from),\(word(.notStarted)),\(status))"
            put(.textFormula(status, cached: progress.status.label[language]), .status, style: CellStyle(background: Self.formulaShade))
            statusRows.append(row)
            if let comment = objective.comment { put(.text(comment), .comment, style: CellStyle.wrapped) }
            put(.text(definition.id), .id)
        }
        // Narrow enough for the sheet to print across one page, its long cells wrapping.
        for (column, width) in [(C.indicator, 34.0), (.baseline, 12), (.baselineOrigin, 16), (.actualBasis, 16), (.progress, 11),
                                (.elapsed, 10), (.status, 20), (.comment, 20)] {
            buffer.fixedWidths[column.rawValue] = width
        }
        try buffer.flush(to: sheet)
        // Each status coloured while it says good or bad news, whatever an edit makes it.
        for row in statusRows {
            for status in ObjectiveStatus.allCases {
                guard let good = status.isGoodNews else { continue }
                try sheet.highlight(row: row, column: C.status.rawValue, whenEqualTo: status.label[language],
                                    style: good ? CellStyle.better : CellStyle.worse)
            }
        }
        sheet.freeze(rows: headerRow + 1, columns: 1)
        try sheet.setUpPrinting(headerRows: headerRow, width: buffer.totalWidth, oneAcross: true)
    }

    /// The background of the cells the workbook computes by formula on the Objectifs and Ressources sheets.
    static let formulaShade: UInt32 = 0xF2F2F2
    /// A formula of those sheets whose result is `cached`, a number, or ``dash`` when the engine has none.
    static func formula(_ text: String, cached: Double?) -> CellValue {
        cached.map { .formula(text, cached: $0) } ?? .textFormula(text, cached: dash)
    }

    /// What a cell of those sheets shows where there is nothing to compute (nothing planned, no
    /// actual value): never 0.
    static let dash = "—"
    /// A year: its digits, never grouped.
    static let yearCell = CellStyle(numberFormat: "0")
    /// The dash where a number would be: grey, aligned right as numbers are.
    static let dashCell = CellStyle(italic: true, fontColor: 0x7F7F7F, alignRight: true)
}
