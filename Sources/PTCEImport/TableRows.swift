import PTCEModel

extension Table {
    /// Builds one value per data record with `build`, after checking the record's shape:
    /// more non-empty fields than headers is an error, fewer a warning in a CSV file (the missing cells read as empty).
    /// Problems of the CSV text itself (quotes) are reported here too, and the records counted.
    func rows<Row>(_ findings: inout Findings, build: (CellReader, inout Findings) -> Row?) -> [Row] {
        rows(&findings, building: { row, findings, _ in build(row, &findings) })
    }

    /// As ``rows(_:build:)``, `build` also seeing the rows kept so far, in order (valid only
    /// during the call): for a check against them (a repeated id) that copies nothing.
    func rows<Row>(_ findings: inout Findings, building build: (CellReader, inout Findings, _ kept: UnsafeBufferPointer<Row>) -> Row?) -> [Row] {
        var parser = data
        // Room for every row at once: growing a large array by doubling would hold it twice.
        var result: [Row] = []
        result.reserveCapacity(expectedRecordCount)
        var record = RawRecord()
        var count = 0
        defer {
            findings.append(contentsOf: parser.findings)
            recordCount = count
        }
        while parser.next(into: &record) {
            count += 1
            if record.fieldCount > headers.count {
                if let extra = (headers.count..<record.fieldCount).first(where: { !record.field($0).trimmingBlankBytes.isEmpty }) {
                    findings.error(
                        ImportMessage.tooManyFields(record.fieldCount, headers: headers.count, value: record.string(extra)),
                        at: SourceLocation(file: schema.file, line: record.line, columnIndex: extra + 1, namesCell: isSheet))
                }
            } else if record.fieldCount < namedHeaderCount, !isSheet {
                // A sheet leaves its empty cells out: a short row is not a damaged one.
                findings.warning(
                    ImportMessage.tooFewFields(record.fieldCount, headers: namedHeaderCount),
                    at: SourceLocation(file: schema.file, line: record.line))
            }
            let reader = CellReader(table: self, record: record)
            if let row = result.withUnsafeBufferPointer({ build(reader, &findings, $0) }) {
                result.append(row)
            }
        }
        return result
    }
}
