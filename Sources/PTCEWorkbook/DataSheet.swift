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
        return XLSXSheet.quoted(sheetName) + XLSXSheet.reference(row: 1, column: column, absolute: true) + ":"
            + XLSXSheet.reference(row: max(rowCount, 1), column: column, absolute: true)
    }
}

extension XLSXSheet {
    /// The width of a data sheet's column of long text (descriptions, comments), in characters.
    static let wrappedWidth = 40.0

    /// Writes a header row and one row per element, row by row as they come, as an Excel table with header
    /// filters (or a plain autofilter in constant-memory mode, where tables are unavailable),
    /// with the header frozen and repeated on printed pages.
    func writeDataTable<Rows: Sequence>(_ rows: Rows, columns: [DataColumn<Rows.Element>], tableName: String) throws(XLSXError) -> DataSheetLayout {
        // Headers of number columns are aligned right, over their numbers.
        let headers = columns.map { CellStyle(bold: true, wrap: true, alignRight: $0.style?.numberFormat != nil) }
        // Long text wraps in a column of fixed width, its row made tall enough.
        let wraps = columns.map { $0.style?.wrap == true }
        var widths = columns.enumerated().map { index, column in wraps[index] ? Self.wrappedWidth : Double(max(column.header.count, 6)) * 1.1 + 2 }
        for (index, column) in columns.enumerated() {
            try write(.text(column.header), row: 0, column: index, style: headers[index])
        }
        // Where long text wraps, rows may be several lines tall: every cell then reads from the top.
        let formats = try columns.map { column throws(XLSXError) in
            guard wraps.contains(true) else { return try workbook.format(column.style) }
            var style = column.style ?? CellStyle()
            style.alignTop = true
            return try workbook.format(style)
        }
        let wrapped = wraps.indices.filter { wraps[$0] }
        // Each column's reading alone, taken out once: a column copied per cell costs its header's and key's references.
        let values = columns.map(\.value)
        var rowCount = 0
        // The long texts of a row, read once: for its height, then written.
        var wrappedValues = [CellValue?](repeating: nil, count: columns.count)
        for (rowIndex, row) in rows.enumerated() {
            rowCount += 1
            // A row's height is set before its cells (constant-memory mode writes rows in order);
            // sheets without long text (the members, the largest) skip this entirely.
            if !wrapped.isEmpty {
                var height: Double?
                for index in wrapped {
                    let value = values[index](row)
                    wrappedValues[index] = value
                    if case .text(let text) = value, let needed = Self.wrappedHeight(of: text, width: Self.wrappedWidth) {
                        height = max(height ?? needed, needed)
                    }
                }
                if let height { try setRow(rowIndex + 1, height: height) }
            }
            for index in values.indices {
                let value = wrappedValues[index] ?? values[index](row)
                if case .text(let text) = value, rowIndex < 1_000, !wraps[index] {
                    // Widths from the first thousand rows: enough to fit, without measuring every cell.
                    widths[index] = max(widths[index], min(Double(text.count) * 1.1 + 2, 60))
                }
                try write(value, row: rowIndex + 1, column: index, format: formats[index])
            }
        }
        for (index, width) in widths.enumerated() { try setColumn(index, width: width) }
        if workbook.constantMemory {
            try autofilter(firstRow: 0, lastRow: max(rowCount, 1), columns: columns.count)
        } else {
            try addTable(name: tableName, headers: zip(columns, headers).map { ($0.header, $1) }, firstRow: 0, lastRow: rowCount)
        }
        freeze(rows: 1)
        // The first two columns (an id and a name) are repeated on each page across.
        try setUpPrinting(headerRows: 0, width: widths.reduce(0, +), keptColumns: 2)
        return DataSheetLayout(
            sheetName: name, positions: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.key, $0) }),
            rowCount: rowCount)
    }
}
