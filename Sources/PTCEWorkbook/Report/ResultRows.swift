import Foundation
import PTCEIndicators
import PTCEModel

extension ReportSheets {
    /// The columns of a result after its label, value and previous value (columns 0–2).
    enum ResultColumn: Int, CaseIterable {
        /// The change a reader should see first: like for like when the members differ.
        case change = 3
        /// What the change compares: "à périmètre constant (6 membres présents les deux années)".
        case changeScope
        /// The change over all members, when the headline is like for like.
        case totalChange
        case coverage
        /// The two terms of a ratio.
        case numerator, denominator
    }

    var resultHeaders: [String] {
        [words("Évolution", "Change"), words("Périmètre de l'évolution", "Change compares"),
         words("Évolution, ensemble des membres", "Change, all members"),
         words("Couverture", "Coverage"), words("Base : numérateur", "Base: numerator"), words("Base : dénominateur", "Base: denominator")]
    }

    /// A result on one row: label, value (a formula when given), previous value, then the
    /// ``ResultColumn``s.
    func putResult(_ result: IndicatorResult, formula: String?, row: Int, into buffer: inout SheetBuffer) throws {
        let definition = result.definition
        let unit = definition.unit
        let valueStyle = CellStyle(numberFormat: words.formats.value(unit))
        func put(_ value: CellValue, _ column: ResultColumn, style: CellStyle? = nil) {
            buffer.put(value, row: row, column: column.rawValue, style: style)
        }
        buffer.put(.text(definition.label[language]), row: row, column: 0)
        if let value = result.value {
            buffer.put(formula.map { .formula($0, cached: value) } ?? .number(value), row: row, column: 1, style: valueStyle)
        } else {
            buffer.put(.text(MissingReason.shown(result.missingReason)[language]), row: row, column: 1, style: CellStyle.missing)
        }
        buffer.put(result.previous.map(CellValue.number) ?? .blank, row: row, column: 2, style: valueStyle)
        let changeStyle = CellStyle(numberFormat: words.formats.change(unit))
        let scale = unit.isShare ? 100.0 : 1
        /// `value − previous` as a live formula over this row's cells.
        func totalChange(_ change: Double) -> CellValue {
            let (current, previous) = (XLSXSheet.reference(row: row, column: 1), XLSXSheet.reference(row: row, column: 2))
            return .formula("(\(current)-\(previous))" + (unit.isShare ? "*100" : ""), cached: change * scale)
        }
        switch result.changeStatement {
        case .flag(let flag)?:
            put(.text(flag.label[language]), .change)
        case .likeForLike(let change, let scope, let total)?:
            if let change { put(.number(change * scale), .change, style: changeStyle) }
            put(.text(scope[language]), .changeScope, style: Self.note)
            if let total { put(totalChange(total), .totalChange, style: changeStyle) }
        case .total(let change, let smallSample)?:
            put(totalChange(change), .change, style: changeStyle)
            if let smallSample { put(.text(smallSample[language]), .changeScope, style: Self.note) }
        case nil:
            break
        }
        if let coverage = result.coverage {
            put(.text(coverage.label(language)), .coverage, style: Self.note)
        }
        if let quotient = result.quotient {
            put(.number(quotient.numerator), .numerator, style: CellStyle(numberFormat: words.formats.value(quotient.units.numerator)))
            put(.number(quotient.denominator), .denominator, style: CellStyle(numberFormat: words.formats.value(quotient.units.denominator)))
        }
    }

    /// The wrapped text beside a figure: what a change compares, what a value rests on.
    private static let note = CellStyle(wrap: true)

    /// Fixes the widths of the result columns that hold sentences, so that they wrap.
    func fitResultColumns(_ buffer: inout SheetBuffer) {
        buffer.fixedWidths[ResultColumn.changeScope.rawValue] = 30
        buffer.fixedWidths[ResultColumn.coverage.rawValue] = 34
    }

    /// Colours each headline change by the indicator's direction (never a small sample's or a
    /// neutral indicator's), with a rule on the cell's sign so that the colour follows an edit.
    func highlightChanges(_ rows: [(row: Int, result: IndicatorResult)], on sheet: XLSXSheet) throws {
        for (row, result) in rows where result.changeIsBetter != nil {
            let higherIsBetter = result.definition.direction == .higherIsBetter
            let column = ResultColumn.change.rawValue
            try sheet.highlight(row: row, column: column, whenAbove: true, threshold: 0, style: higherIsBetter ? CellStyle.better : CellStyle.worse)
            try sheet.highlight(row: row, column: column, whenAbove: false, threshold: 0, style: higherIsBetter ? CellStyle.worse : CellStyle.better)
        }
    }
}
