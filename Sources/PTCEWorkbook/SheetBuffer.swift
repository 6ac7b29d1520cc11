import Foundation

/// The cells of a small sheet, gathered in any order and written row by row — the order
/// libxlsxwriter's constant-memory mode requires — with column widths fitted to the content.
struct SheetBuffer {
    private struct Cell {
        var value: CellValue
        var style: CellStyle?
    }

    private var cells: [Int: [Int: Cell]] = [:]
    private(set) var widths: [Int: Double] = [:]
    /// Columns whose width is set by hand (long text that wraps).
    var fixedWidths: [Int: Double] = [:]

    mutating func put(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) {
        cells[row, default: [:]][column] = Cell(value: value, style: style)
        let shown: Int = switch value {
        case .text(let text): text.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let number), .formula(_, let number): String(format: "%.2f", number).count + 2
        case .blank: 0
        }
        widths[column] = max(widths[column] ?? 8, min(Double(shown) * 1.1 + 2, 60))
    }

    /// The last row written, or -1.
    var lastRow: Int { cells.keys.max() ?? -1 }

    func flush(to sheet: XLSXSheet) throws(XLSXError) {
        for row in cells.keys.sorted() {
            for (column, cell) in cells[row]!.sorted(by: { $0.key < $1.key }) {
                try sheet.write(cell.value, row: row, column: column, style: cell.style)
            }
        }
        for (column, width) in widths.merging(fixedWidths, uniquingKeysWith: { $1 }) {
            try sheet.setColumn(column, width: width)
        }
    }
}
