import PTCEImport
import PTCEModel

/// Why an indicator has no value.
public enum MissingReason: String, Sendable, Hashable, Codable {
    /// No row of the year reported the inputs.
    case noData = "no_data"
    /// A ratio's denominator is 0.
    case zeroDenominator = "zero_denominator"
    /// A value of `pole.toml` the formula needs (e.g. population) is not given.
    case missingPoleMetadata = "missing_pole_metadata"
    /// The formula compares with a previous year the data does not hold.
    case noPreviousYear = "no_previous_year"
    /// Fewer members reported the inputs than the indicator's minimum coverage.
    case lowCoverage = "low_coverage"
    /// The result is beyond what a double holds (a ratio over a vanishingly small denominator).
    case outOfRange = "out_of_range"

    /// What reports show in place of a missing value: "n.d. (aucune donnée)", "n/a (no data)";
    /// "n.d." ("n/a") alone when the reason is not known.
    public static func shown(_ reason: MissingReason?) -> LocalizedText {
        guard let reason else { return LocalizedText(fr: "n.d.", en: "n/a") }
        return LocalizedText(fr: "n.d. (\(reason.label.fr))", en: "n/a (\(reason.label.en))")
    }

    /// The reason in words, for reports.
    public var label: LocalizedText {
        switch self {
        case .noData: LocalizedText(fr: "aucune donnée", en: "no data")
        case .zeroDenominator: LocalizedText(fr: "dénominateur nul", en: "zero denominator")
        case .missingPoleMetadata: LocalizedText(fr: "population non renseignée dans pole.toml", en: "population not given in pole.toml")
        case .noPreviousYear: LocalizedText(fr: "pas d'année précédente", en: "no previous year")
        case .lowCoverage: LocalizedText(fr: "couverture insuffisante", en: "coverage too low")
        case .outOfRange: LocalizedText(fr: "résultat hors limites", en: "result out of range")
        }
    }
}

/// A value met while evaluating a formula.
enum EvaluatedValue: Equatable {
    case number(Double)
    case bool(Bool)
    case text(String)
    case list([String])
    case missing(MissingReason)

    init(_ field: FieldValue) {
        switch field {
        case .number(let value): self = .number(value)
        case .bool(let value): self = .bool(value)
        case .text(let value): self = .text(value)
        case .list(let value): self = .list(value)
        case .missing: self = .missing(.noData)
        case .notApplicable: self = .number(0)
        }
    }
}

/// The rows an evaluation used, by table, to compute coverage: a row is used when every field
/// the aggregate reads from it (value and filter) is reported or not applicable.
struct UsedRows {
    var byTable: [DataTable: RowSet] = [:]
    /// Among the used rows, those where a field read is not applicable (counted as 0).
    var notApplicableByTable: [DataTable: RowSet] = [:]
    /// The two terms of the last ratio or division evaluated (the outermost one, as it is
    /// evaluated last): what a ratio rests on. Not carried over from referenced indicators.
    var quotient: (numerator: Double, denominator: Double)?
    /// For survey aggregates: respondents who gave a counted answer.
    var respondents: Set<String> = []
    /// The rows of this year's members compared like for like (reported in both years).
    var likeForLikeMembers: RowSet?

    mutating func formUnion(_ other: UsedRows) {
        byTable.merge(other.byTable) { $0.union($1) }
        notApplicableByTable.merge(other.notApplicableByTable) { $0.union($1) }
        respondents.formUnion(other.respondents)
        if let members = other.likeForLikeMembers {
            likeForLikeMembers = likeForLikeMembers.map { $0.union(members) } ?? members
        }
    }
}

/// A set of row positions of one table, as a bitmap of 64 rows a word: an eighth of a byte a
/// row, merged and counted a word at a time.
struct RowSet: Equatable {
    private var words: [UInt64]

    init(rowCount: Int) {
        words = [UInt64](repeating: 0, count: (rowCount + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// The rows in either set; both are of the same table and year.
    func union(_ other: RowSet) -> RowSet {
        var merged = self
        for index in other.words.indices { merged.words[index] |= other.words[index] }
        return merged
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The rows, ascending.
    var indices: [Int] {
        var result: [Int] = []
        for (position, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                result.append(position << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }
}

/// What reading a row's fields found: whether all were reported, and whether one was not applicable.
struct RowReading {
    /// False when a field read is not reported.
    var complete = true
    /// True when a field read is 0 because the row's member is not concerned.
    var notApplicable = false
}

/// A row expression compiled for one table and year: fields resolved once, so evaluating a row
/// is a few closure calls, which record in `reading` what they found.
typealias RowProgram = (_ row: Int, _ reading: inout RowReading) -> EvaluatedValue

/// Interprets checked formulas over the rows of a year.
struct FormulaEvaluator {
    let rows: YearRows
    /// The same pole a year earlier, if the data holds that year.
    let previousRows: YearRows?
    let profile: PoleProfile
    /// When given, member aggregates read only the members of these rows (a like-for-like
    /// comparison); `nil` reads every member of the year.
    var memberMask: RowSet? = nil
    /// Values of the indicators already computed this year (and their used rows).
    let indicatorValue: (String) -> (EvaluatedValue, UsedRows)
    /// The same for the previous year, for `previous(...)`.
    let previousEvaluator: (() -> FormulaEvaluator?)?

    /// The value of `expression`; a number that is not finite is missing (``MissingReason/outOfRange``).
    func evaluate(_ expression: Expression, used: inout UsedRows) -> EvaluatedValue {
        let value = evaluateTerms(expression, used: &used)
        if case .number(let number) = value, !number.isFinite { return .missing(.outOfRange) }
        return value
    }

    private func evaluateTerms(_ expression: Expression, used: inout UsedRows) -> EvaluatedValue {
        switch expression {
        case .number(let value): return .number(value)
        case .text(let text): return .text(text)
        case .list(let items): return .list(items.compactMap { if case .text(let t) = $0 { t } else if case .number(let n) = $0 { String(n) } else { nil } })
        case .name(let parts, _):
            if parts[0] == "pole" {
                guard let population = profile.population else { return .missing(.missingPoleMetadata) }
                return .number(Double(population))
            }
            let (value, usedByReference) = indicatorValue(parts.joined(separator: "."))
            used.formUnion(usedByReference)
            return value
        case .unary(let op, let operand):
            switch (op, evaluate(operand, used: &used)) {
            case (.negate, .number(let value)): return .number(-value)
            case (.not, .bool(let value)): return .bool(!value)
            case (_, let other): return other
            }
        case .binary(let op, let left, let right, _):
            let (lhs, rhs) = (evaluate(left, used: &used), evaluate(right, used: &used))
            if op == .divide, case .number(let numerator) = lhs, case .number(let denominator) = rhs {
                used.quotient = (numerator, denominator)
            }
            return Self.apply(op, lhs, rhs)
        case .call(let name, let arguments, let filter, _):
            return call(name, arguments, filter: filter, used: &used)
        }
    }

    static func apply(_ op: BinaryOperator, _ lhs: EvaluatedValue, _ rhs: EvaluatedValue) -> EvaluatedValue {
        if case .missing = lhs { return lhs }
        if case .missing = rhs { return rhs }
        switch (op, lhs, rhs) {
        case (.add, .number(let a), .number(let b)): return .number(a + b)
        case (.subtract, .number(let a), .number(let b)): return .number(a - b)
        case (.multiply, .number(let a), .number(let b)): return .number(a * b)
        case (.divide, .number(let a), .number(let b)): return b == 0 ? .missing(.zeroDenominator) : .number(a / b)
        case (.less, .number(let a), .number(let b)): return .bool(a < b)
        case (.lessOrEqual, .number(let a), .number(let b)): return .bool(a <= b)
        case (.greater, .number(let a), .number(let b)): return .bool(a > b)
        case (.greaterOrEqual, .number(let a), .number(let b)): return .bool(a >= b)
        case (.equal, _, _): return .bool(lhs == rhs)
        case (.notEqual, _, _): return .bool(lhs != rhs)
        case (.in, let value, .list(let items)):
            switch value {
            case .text(let text): return .bool(items.contains(text))
            case .number(let number): return .bool(items.contains(String(number)))
            default: return .bool(false)
            }
        case (.and, .bool(let a), .bool(let b)): return .bool(a && b)
        case (.or, .bool(let a), .bool(let b)): return .bool(a || b)
        default: return .missing(.noData)
        }
    }

    private func call(_ name: String, _ arguments: [Expression], filter: Expression?, used: inout UsedRows) -> EvaluatedValue {
        switch name {
        case "if":
            switch evaluate(arguments[0], used: &used) {
            case .bool(true): return evaluate(arguments[1], used: &used)
            case .bool(false): return evaluate(arguments[2], used: &used)
            case let other: return other
            }
        case "pairs":
            let members = evaluate(arguments[0], used: &used)
            guard case .number(let n) = members else { return members }
            return .number(n * (n - 1) / 2)
        case "previous":
            guard let previous = previousEvaluator?() else { return .missing(.noPreviousYear) }
            var ignored = UsedRows()
            return previous.evaluate(arguments[0], used: &ignored)
        default:
            return aggregate(name, arguments, filter: filter, used: &used)
        }
    }

    // MARK: Aggregates

    private func aggregate(_ name: String, _ arguments: [Expression], filter: Expression?, used: inout UsedRows) -> EvaluatedValue {
        guard let table = arguments[0].table else { return .missing(.noData) }
        let rowCount = rows.count(of: table)
        guard rowCount > 0 else { return .missing(.noData) }
        var usedRows = RowSet(rowCount: rowCount), notApplicableRows = RowSet(rowCount: rowCount)
        var total = 0.0, totalB = 0.0, counted = 0
        var distinct = DistinctValues()
        defer {
            used.byTable[table] = used.byTable[table].map { $0.union(usedRows) } ?? usedRows
            if !notApplicableRows.isEmpty {
                used.notApplicableByTable[table] = used.notApplicableByTable[table].map { $0.union(notApplicableRows) } ?? notApplicableRows
            }
            if table == .survey {
                for index in usedRows.indices { used.respondents.insert(rows.survey[index].respondent) }
            }
        }
        if name == "like_for_like_change" {
            return likeForLike(arguments[0], filter: filter, used: &used, usedRows: &usedRows)
        }
        let passesFilter = filter.map { compile($0, table: table, in: rows) }
        let values = (name == "count" ? [] : arguments).map { compile($0, table: table, in: rows) }
        let mask = table == .members ? memberMask : nil
        for index in 0..<rowCount {
            if let mask, !mask.contains(index) { continue }
            var reading = RowReading()
            let passes = passesFilter.map { $0(index, &reading) == .bool(true) } ?? true
            let first = values.first?(index, &reading)
            let second = values.count > 1 ? values[1](index, &reading) : nil
            // Survey coverage counts the answers the filter selects; elsewhere every row whose inputs are reported.
            if reading.complete, passes || table != .survey {
                usedRows.insert(index)
                if reading.notApplicable { notApplicableRows.insert(index) }
            }
            guard passes, reading.complete else { continue }
            switch (name, first, second) {
            case ("count", _, _):
                counted += 1
            case ("count_distinct", let value?, _):
                guard let key = Self.key(value) else { continue }
                distinct.insert(key, row: index) { row in
                    var reading = RowReading()
                    return values[0](row, &reading)
                }
            case ("ratio", .number(let x)?, .number(let y)?):
                total += x
                totalB += y
                counted += 1
            case (_, .number(let x)?, _):
                total += x
                counted += 1
            default:
                continue
            }
        }
        switch name {
        // No row reported what the filter reads (e.g. no commune at all): no data, not 0.
        case "count": return usedRows.isEmpty ? .missing(.noData) : .number(Double(counted))
        case "count_distinct": return usedRows.isEmpty ? .missing(.noData) : .number(Double(distinct.count))
        case "ratio":
            guard counted > 0 else { return .missing(.noData) }
            used.quotient = (total, totalB)
            return totalB == 0 ? .missing(.zeroDenominator) : .number(total / totalB)
        case "mean":
            return counted > 0 ? .number(total / Double(counted)) : .missing(.noData)
        default:
            // Rows that reported the value but that the filter left out make a sum of 0, not "no data".
            return usedRows.isEmpty ? .missing(.noData) : .number(total)
        }
    }

    /// (Σ this year − Σ previous year) ÷ Σ previous year, over the members that reported the
    /// value (and passed the filter) in both years.
    private func likeForLike(_ argument: Expression, filter: Expression?, used: inout UsedRows, usedRows: inout RowSet) -> EvaluatedValue {
        guard let previousRows else { return .missing(.noPreviousYear) }
        /// Gives `body` each member that reported the value (and passed the filter), in row order.
        func forEachValue(in yearRows: YearRows, _ body: (_ row: Int, _ value: Double) -> Void) {
            let passesFilter = filter.map { compile($0, table: .members, in: yearRows) }
            let value = compile(argument, table: .members, in: yearRows)
            for index in yearRows.members.indices {
                var reading = RowReading()
                if let passesFilter, passesFilter(index, &reading) != .bool(true) { continue }
                guard case .number(let number) = value(index, &reading), reading.complete else { continue }
                body(index, number)
            }
        }
        var before = [Double?](repeating: nil, count: previousRows.members.count)
        forEachValue(in: previousRows) { row, value in before[row] = value }
        // Each member's value now and the year before, summed in this year's row order (no list
        // of the pairs: a national year has 200,000): the same input always gives the same last digits.
        var now = 0.0, then = 0.0
        forEachValue(in: rows) { row, value in
            let id = rows.members.withUnsafeElement(at: row) { $0.pointee.id }
            guard let earlier = previousRows.memberRows[id].flatMap({ before[$0] }) else { return }
            usedRows.insert(row)
            (now, then) = (now + value, then + earlier)
        }
        // A member's id is its only row of the year: its row stands for it.
        used.likeForLikeMembers = used.likeForLikeMembers.map { $0.union(usedRows) } ?? usedRows
        guard !usedRows.isEmpty else { return .missing(.noData) }
        return then == 0 ? .missing(.zeroDenominator) : .number((now - then) / then)
    }

    /// What ``DistinctValues`` compares: equal values have equal keys.
    fileprivate static func key(_ value: EvaluatedValue) -> String? {
        switch value {
        case .number(let number): String(number)
        case .text(let text): text
        case .bool(let bool): String(bool)
        case .list(let items): items.joined(separator: "|")
        case .missing: nil
        }
    }

    /// Compiles a row expression of `table` for the rows of `yearRows`.
    private func compile(_ expression: Expression, table: DataTable, in yearRows: YearRows) -> RowProgram {
        switch expression {
        case .number(let value):
            return { _, _ in .number(value) }
        case .text(let text):
            return { _, _ in .text(text) }
        case .list:
            var ignored = UsedRows()
            let list = evaluate(expression, used: &ignored)
            return { _, _ in list }
        case .name(let parts, _):
            guard let field = yearRows.fields.field(parts.count == 2 ? parts[1] : parts[0], of: table) else { return { _, _ in .missing(.noData) } }
            return { index, reading in
                let value = field.read(index, yearRows)
                if value == .missing { reading.complete = false }
                if value == .notApplicable { reading.notApplicable = true }
                return EvaluatedValue(value)
            }
        case .unary(let op, let operand):
            let inner = compile(operand, table: table, in: yearRows)
            return { index, reading in
                switch (op, inner(index, &reading)) {
                case (.negate, .number(let value)): .number(-value)
                case (.not, .bool(let value)): .bool(!value)
                case (_, let other): other
                }
            }
        case .binary(let op, let left, let right, _):
            let lhs = compile(left, table: table, in: yearRows), rhs = compile(right, table: table, in: yearRows)
            return { index, reading in Self.apply(op, lhs(index, &reading), rhs(index, &reading)) }
        case .call(_, let arguments, _, _): // reported(field)
            let field = compile(arguments[0], table: table, in: yearRows)
            return { index, reading in
                var fieldReading = RowReading()
                _ = field(index, &fieldReading)
                if !fieldReading.complete { reading.complete = false }
                return .bool(fieldReading.complete)
            }
        }
    }
}

/// The distinct values of a column, each held as the first row that gives it (its value worked
/// out again to compare, through ``PTCEImport/HashSlots``): a national year's 100,000 pairs of
/// cooperating members held as texts took 6 MB, here 24 to 32 bytes each.
private struct DistinctValues {
    /// The row of each distinct value, in the order met, and the hash of its key.
    private var rows: [Int] = []
    private var hashes: [Int] = []
    private var slots = HashSlots(expected: 0)

    var count: Int { rows.count }

    /// Adds the value of `row`, whose key (``FormulaEvaluator/key(_:)``) is `key`, unless a row
    /// before gave the same; `valueAt` gives the value of a row held.
    mutating func insert(_ key: String, row: Int, valueAt: (Int) -> EvaluatedValue) {
        let hash = key.hashValue
        let held = slots.position(hash: hash) { [rows, hashes] in
            hashes[$0] == hash && FormulaEvaluator.key(valueAt(rows[$0])) == key
        }
        guard held == nil else { return }
        slots.append(hash: hash) { [hashes] in hashes[$0] }
        rows.append(row)
        hashes.append(hash)
    }
}
