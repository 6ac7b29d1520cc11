/// A column of a data sheet: its header, its style, and how to read it from a row.
struct DataColumn<Row> {
    /// A name the summary's formulas use to find the column.
    let key: String
    let header: String
    var style: CellStyle?
    let value: (Row) -> CellValue
}

/// Where a written data sheet put its columns, for formulas that point into it.
struct DataSheetLayout {
    let sheetName: String
    let positions: [String: Int]
    /// Data rows written (after the header row).
    let rowCount: Int

    /// `'Membres'!$H$2:$H$8` for a column key; `nil` when the sheet has no such column.
    func range(_ key: String) -> String? {
        guard let column = positions[key] else { return nil }
        let quoted = "'\(sheetName.replacingOccurrences(of: "'", with: "''"))'!"
        return quoted + XLSXSheet.reference(row: 1, column: column, absolute: true) + ":"
            + XLSXSheet.reference(row: max(rowCount, 1), column: column, absolute: true)
    }
}

extension XLSXSheet {
    /// Writes a header row and one row per element, row by row, as an Excel table with header
    /// filters (or a plain autofilter in constant-memory mode, where tables are unavailable),
    /// with the header frozen and repeated on printed pages.
    func writeDataTable<Rows: Collection>(_ rows: Rows, columns: [DataColumn<Rows.Element>], tableName: String) throws(XLSXError) -> DataSheetLayout {
        let header = CellStyle(bold: true, wrap: true)
        var widths = columns.map { Double(max($0.header.count, 6)) * 1.1 + 2 }
        for (index, column) in columns.enumerated() {
            try write(.text(column.header), row: 0, column: index, style: header)
        }
        let formats = try columns.map { column throws(XLSXError) in try workbook.format(column.style) }
        for (rowIndex, row) in rows.enumerated() {
            for (index, column) in columns.enumerated() {
                let value = column.value(row)
                if case .text(let text) = value, rowIndex < 1_000 {
                    // Widths from the first thousand rows: enough to fit, without measuring every cell.
                    widths[index] = max(widths[index], min(Double(text.count) * 1.1 + 2, 60))
                }
                try write(value, row: rowIndex + 1, column: index, format: formats[index])
            }
        }
        for (index, width) in widths.enumerated() { try setColumn(index, width: width) }
        if workbook.constantMemory {
            try autofilter(firstRow: 0, lastRow: max(rows.count, 1), columns: columns.count)
        } else {
            try addTable(name: tableName, headers: columns.map(\.header), firstRow: 0, lastRow: rows.count)
        }
        freeze(rows: 1)
        try setUpPrinting(headerRows: 0)
        return DataSheetLayout(
            sheetName: name, positions: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.key, $0) }),
            rowCount: rows.count)
    }
}
