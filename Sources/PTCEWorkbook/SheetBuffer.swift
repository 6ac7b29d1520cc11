import Foundation

/// The cells of a small sheet, gathered in any order and written row by row — the order
/// libxlsxwriter's constant-memory mode requires — with column widths fitted to the content.
struct SheetBuffer {
    private struct Cell {
        var value: CellValue
        var style: CellStyle?
    }

    private var cells: [Int: [Int: Cell]] = [:]
    /// Text written across several columns of a row: the last column of each, by row and first column.
    private var merges: [Int: [Int: Int]] = [:]
    private(set) var widths: [Int: Double] = [:]
    /// Columns whose width is set by hand (long text that wraps).
    var fixedWidths: [Int: Double] = [:]

    mutating func put(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) {
        cells[row, default: [:]][column] = Cell(value: value, style: style)
        let shown: Int = switch value {
        case .text(let text), .textFormula(_, let text): text.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let number), .formula(_, let number): Self.shownLength(of: number, format: style?.numberFormat)
        case .blank: 0
        }
        // Headers wrap: a long one does not widen its column past a number's width.
        let widest = style == CellStyle.header ? 16.0 : 60
        widths[column] = max(widths[column] ?? 8, min(Double(shown) * 1.1 + 2, widest))
    }

    /// Puts `text` in one cell spanning `columns` of `row` (long text that wraps over the width of
    /// a table below it); the columns keep the widths their other cells give them.
    mutating func put(_ text: String, row: Int, columns: ClosedRange<Int>, style: CellStyle) {
        cells[row, default: [:]][columns.lowerBound] = Cell(value: .text(text), style: style)
        merges[row, default: [:]][columns.lowerBound] = columns.upperBound
    }

    /// About how many characters `number` shows in `format`: its digits grouped by three, a
    /// sign, the decimals the format asks for and the text it adds (` ETP`, ` €`), in its first section.
    private static func shownLength(of number: Double, format: String?) -> Int {
        guard number.isFinite else { return 3 }  // refused when written; no width to measure
        let magnitude = abs(number)
        let digits = magnitude < 1 ? 1 : min(16, Int(log10(magnitude)) + 1)
        var quoted = 0, decimals = 0, inside = false, afterPoint = false
        for character in format ?? "0.00" {
            if character == "\"" {
                inside.toggle()
            } else if inside {
                quoted += 1
            } else if character == ";" {
                break
            } else if character == "." {
                afterPoint = true
            } else if afterPoint, character == "0" || character == "#" {
                decimals += 1
            }
        }
        return 1 + digits + (digits - 1) / 3 + (decimals > 0 ? decimals + 1 : 0) + quoted
    }

    /// The widths the columns get: fitted to the content, or set by hand.
    private var finalWidths: [Int: Double] { widths.merging(fixedWidths, uniquingKeysWith: { $1 }) }

    /// The width of the sheet, in characters: the sum of its columns' widths up to the last one written.
    var totalWidth: Double {
        let widths = finalWidths
        guard let last = cells.values.flatMap(\.keys).max() else { return 0 }
        return (0...last).reduce(0) { $0 + (widths[$1] ?? 8.43) }
    }

    /// Writes the cells row by row, each row tall enough for its wrapped text, each header over
    /// a column of numbers aligned right like them, then the column widths.
    func flush(to sheet: XLSXSheet) throws(XLSXError) {
        let finalWidths = finalWidths
        let numberHeaders = headersOverNumbers()
        for row in cells.keys.sorted() {
            let rowCells = cells[row]!.sorted(by: { $0.key < $1.key })
            let merged = merges[row] ?? [:]
            let heights = rowCells.compactMap { column, cell -> Double? in
                guard cell.style?.wrap == true, case .text(let text) = cell.value else { return nil }
                let width = (column...(merged[column] ?? column)).reduce(0) { $0 + (finalWidths[$1] ?? 8.43) }
                return XLSXSheet.wrappedHeight(of: text, width: width, bold: cell.style?.bold == true)
            }
            let height = heights.max()
            if let height { try sheet.setRow(row, height: height) }
            for (column, cell) in rowCells {
                var style = cell.style
                // A row of several lines reads from its top, every cell of it.
                if height != nil { style = style ?? CellStyle(); style?.alignTop = true }
                if numberHeaders.contains(Position(row: row, column: column)) { style?.alignRight = true }
                if let last = merged[column], case .text(let text) = cell.value {
                    try sheet.merge(text, row: row, columns: column...last, style: style)
                } else {
                    try sheet.write(cell.value, row: row, column: column, style: style)
                }
            }
        }
        for (column, width) in finalWidths {
            try sheet.setColumn(column, width: width)
        }
    }

    private struct Position: Hashable {
        let row: Int, column: Int
    }

    /// The header cells (``CellStyle/header``) whose column holds mostly numbers below them, down
    /// to the next header of the column.
    private func headersOverNumbers() -> Set<Position> {
        var byColumn: [Int: [(row: Int, cell: Cell)]] = [:]
        for (row, columns) in cells {
            for (column, cell) in columns { byColumn[column, default: []].append((row, cell)) }
        }
        var result: Set<Position> = []
        for (column, entries) in byColumn {
            var header: Int?
            var numbers = 0, texts = 0
            func close() {
                if let header, numbers > texts { result.insert(Position(row: header, column: column)) }
            }
            for (row, cell) in entries.sorted(by: { $0.row < $1.row }) {
                if cell.style == CellStyle.header {
                    close()
                    (header, numbers, texts) = (row, 0, 0)
                    continue
                }
                switch cell.value {
                case .number, .formula: numbers += 1
                case .text, .textFormula: texts += 1
                case .blank: break
                }
            }
            close()
        }
        return result
    }
}
