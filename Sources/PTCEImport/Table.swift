import PTCEModel

/// A CSV file matched against its schema: which field holds which column, and the
/// conventions (decimal mark, `x` for true) its cells settle.
struct Table {
    let schema: TableSchema
    let document: CSVDocument
    /// The headers as written, by field position.
    let headers: [String]
    /// Canonical column name → field position.
    let positions: [String: Int]
    /// Field positions of the columns the schema does not know, kept as extra data.
    let extraPositions: [Int]
    /// The data records (after the header).
    let records: ArraySlice<CSVRecord>
    private(set) var conventions: [String: DecimalConvention] = [:]
    private(set) var fileConvention: DecimalConvention?
    private(set) var crossMarkedColumns: Set<String> = []

    /// Matches the header against the schema. Returns `nil` (with findings) when the file
    /// cannot be read: empty, or a required column missing.
    init?(schema: TableSchema, document: CSVDocument, findings: inout Findings) {
        let file = schema.file
        guard let header = document.records.first else {
            findings.error(
                "the file is empty: expected a header line with the columns "
                    + schema.columns.filter(\.isRequired).map(\.name).joined(separator: ", "),
                at: SourceLocation(file: file, line: 1))
            return nil
        }
        self.schema = schema
        self.document = document
        headers = header.fields.map { String($0.trimmingBlanks) }
        records = document.records.dropFirst()

        var positions: [String: Int] = [:]
        var extras: [Int] = []
        for (index, written) in headers.enumerated() {
            let location = SourceLocation(file: file, line: header.line, column: written, columnIndex: index + 1)
            if written.isEmpty {
                let filled = records.filter { index < $0.fields.count && !$0.fields[index].trimmingBlanks.isEmpty }
                if let first = filled.first {
                    findings.warning(
                        "column \(location.columnLetter ?? "") has no header but holds values (first on line "
                            + "\(first.line)); they are kept as extra data",
                        at: location)
                    extras.append(index)
                }
                continue
            }
            guard let column = schema.column(forHeader: written) else {
                findings.warning(
                    "unknown column \"\(written)\" is kept as extra data" + Self.suggestion(for: written, in: schema),
                    at: location)
                extras.append(index)
                continue
            }
            if let earlier = positions[column.name] {
                findings.error(
                    "columns \"\(headers[earlier])\" and \"\(written)\" both give \(column.name): keep only one",
                    at: location)
                continue
            }
            positions[column.name] = index
        }
        let missing = schema.columns.filter { $0.isRequired && positions[$0.name] == nil }
        for column in missing {
            findings.error(
                "required column \(column.name) is missing (French header: "
                    + column.aliases.map { "\"\($0)\"" }.joined(separator: " or ") + ")",
                at: SourceLocation(file: file, line: header.line))
        }
        guard missing.isEmpty else { return nil }
        self.positions = positions
        extraPositions = extras
        settleConventions()
    }

    private static func suggestion(for header: String, in schema: TableSchema) -> String {
        let key = NameMatching.key(header)
        let nearest = schema.columns
            .flatMap { column in ([column.name] + column.aliases).map { (column, $0) } }
            .map { ($0.0, $0.1, NameMatching.distance(key, NameMatching.key($0.1))) }
            .min { $0.2 < $1.2 }
        guard let nearest, nearest.2 <= 2 else { return "" }
        return " (did you mean \"\(nearest.1)\", column \(nearest.0.name)?)"
    }

    /// Settles each numeric column's decimal mark from its unambiguous cells, and the file's
    /// from all of them; and finds the boolean columns that mark true with `x`.
    private mutating func settleConventions() {
        var fileEvidence: Set<DecimalConvention> = []
        for column in schema.columns {
            guard let position = positions[column.name] else { continue }
            if column.kind.isNumeric {
                var evidence: Set<DecimalConvention> = []
                for record in records where position < record.fields.count {
                    let cell = record.fields[position]
                    guard !CellReader.isNotReported(cell),
                          case .success(let number) = NumberParser.parse(cell),
                          let proof = number.evidence
                    else { continue }
                    evidence.insert(proof)
                }
                if evidence.count == 1 { conventions[column.name] = evidence.first }
                fileEvidence.formUnion(evidence)
            } else if column.kind == .boolean {
                let marksWithX = records.contains { record in
                    position < record.fields.count && record.fields[position].trimmingBlanks.lowercased() == "x"
                }
                if marksWithX { crossMarkedColumns.insert(column.name) }
            }
        }
        if fileEvidence.count == 1 { fileConvention = fileEvidence.first }
    }

    /// The convention that settles an ambiguous number of a column, if any.
    func convention(for column: String) -> DecimalConvention? {
        conventions[column] ?? fileConvention
    }
}
