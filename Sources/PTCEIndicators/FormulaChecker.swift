import PTCEImport
import PTCEModel

/// The texts of the problems found in formulas.
private typealias Problem = IndicatorMessage.FormulaProblem

/// A problem found in a formula before any data is read, at a character offset of its text.
struct FormulaIssue: Error, Equatable {
    var offset: Int
    /// What is wrong (``IndicatorMessage/FormulaProblem``).
    var message: LocalizedText
}

/// What checking a formula learnt: its type and what it refers to.
struct CheckedFormula: Sendable {
    let expression: Expression
    let type: ValueType
    /// Ids of the other indicators the formula reads (for ordering and cycle detection).
    let indicatorReferences: Set<String>
    let tables: Set<DataTable>
    /// When the formula is a ratio or a division: the quantities of its numerator and denominator.
    let quotient: (numerator: Quantity, denominator: Quantity)?
}

/// Checks formulas against the fields of the catalogue (FieldCatalogue), the function catalogue, the other
/// indicators of the library, and units.
struct FormulaChecker {
    /// The units of the other indicators, by id, so references are typed.
    let indicatorTypes: [String: ValueType]
    let knownIndicatorIDs: Set<String>
    /// The survey dimensions and questions, so `dimension == "…"` can be checked.
    var questionBank: QuestionBank?
    /// The fields formulas may read.
    var fields = Fields.standard

    static let aggregates: Set<String> = ["sum", "mean", "count", "count_distinct", "ratio", "like_for_like_change"]
    static let scalarFunctions: Set<String> = ["if", "previous", "pairs"]
    static let rowFunctions: Set<String> = ["reported"]
    static let poleFields: [String: ValueType] = ["population": .number(Quantity(exponents: ["inhabitants": 1]))]

    private enum Context {
        case top
        case row(DataTable)
    }

    func check(_ expression: Expression) throws(FormulaIssue) -> CheckedFormula {
        var references: Set<String> = []
        var tables: Set<DataTable> = []
        let type = try check(expression, in: .top, references: &references, tables: &tables)
        return CheckedFormula(
            expression: expression, type: type, indicatorReferences: references, tables: tables,
            quotient: quotientQuantities(expression))
    }

    /// The quantities of the two terms of a formula that is a ratio or a division (already
    /// checked), for saying what the value rests on.
    private func quotientQuantities(_ expression: Expression) -> (numerator: Quantity, denominator: Quantity)? {
        var references: Set<String> = [], tables: Set<DataTable> = []
        let terms: (Expression, Expression, Context)
        switch expression {
        case .call("ratio", let arguments, _, _):
            guard arguments.count == 2, let table = arguments[0].table else { return nil }
            terms = (arguments[0], arguments[1], .row(table))
        case .binary(.divide, let left, let right, _):
            terms = (left, right, .top)
        default:
            return nil
        }
        guard case .number(let numerator)? = try? check(terms.0, in: terms.2, references: &references, tables: &tables),
              case .number(let denominator)? = try? check(terms.1, in: terms.2, references: &references, tables: &tables)
        else { return nil }
        return (numerator, denominator)
    }

    private func check(
        _ expression: Expression, in context: Context, references: inout Set<String>, tables: inout Set<DataTable>
    ) throws(FormulaIssue) -> ValueType {
        switch expression {
        case .number:
            return .number(.none)
        case .text:
            return .text
        case .list:
            return .list
        case .name(let parts, let offset):
            return try checkName(parts, at: offset, in: context, references: &references)
        case .unary(let op, let operand):
            let type = try check(operand, in: context, references: &references, tables: &tables)
            switch (op, type) {
            case (.negate, .number), (.not, .bool): return type
            default: throw FormulaIssue(offset: 0, message: Problem.cannotApply(op.rawValue, to: type.described))
            }
        case .binary(let op, let left, let right, let offset):
            let lhs = try check(left, in: context, references: &references, tables: &tables)
            let rhs = try check(right, in: context, references: &references, tables: &tables)
            if case .row(let table) = context, op == .equal || op == .notEqual || op == .in {
                try checkVocabulary(left, right, table: table, at: offset)
            }
            return try combine(op, lhs, rhs, literals: (left.isNumberLiteral, right.isNumberLiteral), at: offset)
        case .call(let name, let arguments, let filter, let offset):
            return try checkCall(name, arguments, filter: filter, at: offset, in: context, references: &references, tables: &tables)
        }
    }

    private func checkName(
        _ parts: [String], at offset: Int, in context: Context, references: inout Set<String>
    ) throws(FormulaIssue) -> ValueType {
        let joined = parts.joined(separator: ".")
        if case .row(let table) = context {
            let fieldParts = parts.first == table.rawValue ? Array(parts.dropFirst()) : parts
            if fieldParts.count == 1 {
                guard let field = fields.field(fieldParts[0], of: table) else {
                    throw FormulaIssue(offset: offset, message: Problem.unknownField(
                        fieldParts[0], of: table.rawValue, nearest: Self.nearest(fieldParts[0], among: fields.names(of: table))))
                }
                return field.type
            }
            if let other = DataTable(rawValue: parts[0]) {
                throw FormulaIssue(offset: offset, message: Problem.fieldOfAnotherTable(joined, other: other.rawValue, table: table.rawValue))
            }
        }
        if let table = DataTable(rawValue: parts[0]) {
            if parts.count == 1 {
                throw FormulaIssue(offset: offset, message: Problem.tableOnlyCounted(table.rawValue))
            }
            guard fields.field(parts[1], of: table) != nil, parts.count == 2 else {
                throw FormulaIssue(offset: offset, message: Problem.unknownField(
                    parts.dropFirst().joined(separator: "."), of: table.rawValue, nearest: Self.nearest(parts[1], among: fields.names(of: table))))
            }
            throw FormulaIssue(offset: offset, message: Problem.valuePerRow(joined))
        }
        if parts[0] == "pole" {
            guard parts.count == 2, let type = Self.poleFields[parts[1]] else {
                throw FormulaIssue(
                    offset: offset, message: Problem.unknownPoleValue(joined, known: Self.poleFields.keys.sorted().map { "pole.\($0)" }))
            }
            return type
        }
        guard knownIndicatorIDs.contains(joined) else {
            throw FormulaIssue(
                offset: offset, message: Problem.unknownName(joined, nearest: Self.nearest(joined, among: Array(knownIndicatorIDs))))
        }
        if case .row = context {
            throw FormulaIssue(offset: offset, message: Problem.indicatorInsideAggregate(joined))
        }
        references.insert(joined)
        return indicatorTypes[joined] ?? .number(.none)
    }

    /// A comparison of an enumerated field with text must name one of its values.
    private func checkVocabulary(_ left: Expression, _ right: Expression, table: DataTable, at offset: Int) throws(FormulaIssue) {
        guard case .name(let parts, _) = left, let field = parts.last,
              let values = Self.vocabulary(of: field, in: table, bank: questionBank)
        else { return }
        let literals: [String] = switch right {
        case .text(let text): [text]
        case .list(let items): items.compactMap { if case .text(let text) = $0 { text } else { nil } }
        default: []
        }
        for literal in literals where !values.contains(literal) {
            throw FormulaIssue(offset: offset, message: Problem.notAValue(literal, of: field, values: values))
        }
    }

    static func vocabulary(of field: String, in table: DataTable, bank: QuestionBank?) -> [String]? {
        if case .choice(let list)? = table.declaration[field]?.type { return list.values }
        typealias S = StandardFields.Survey
        guard table == .survey else { return nil }
        switch field {
        case S.dimension.name: return bank.map { Array(Set($0.questions.map(\.dimension))).sorted() }
        case S.question.name: return bank?.questions.map(\.id)
        default: return nil
        }
    }

    private func checkCall(
        _ name: String, _ arguments: [Expression], filter: Expression?, at offset: Int, in context: Context,
        references: inout Set<String>, tables: inout Set<DataTable>
    ) throws(FormulaIssue) -> ValueType {
        func arity(_ count: Int) throws(FormulaIssue) {
            guard arguments.count == count else {
                throw FormulaIssue(offset: offset, message: Problem.argumentCount(name, takes: count, found: arguments.count))
            }
        }
        if filter != nil, !Self.aggregates.contains(name) {
            throw FormulaIssue(offset: offset, message: Problem.whereOutsideAggregate(aggregates: Self.aggregates.sorted()))
        }
        if Self.aggregates.contains(name) {
            guard case .top = context else {
                throw FormulaIssue(offset: offset, message: Problem.nestedAggregate(name))
            }
            guard let first = arguments.first, let table = first.table else {
                throw FormulaIssue(offset: offset, message: Problem.aggregateNeedsField(name))
            }
            tables.insert(table)
            if let filter {
                guard try check(filter, in: .row(table), references: &references, tables: &tables) == .bool else {
                    throw FormulaIssue(offset: offset, message: Problem.whereNotCondition(name))
                }
            }
            switch name {
            case "count":
                try arity(1)
                guard case .name(let parts, _) = first, parts.count == 1 else {
                    throw FormulaIssue(offset: offset, message: Problem.countTakesTable)
                }
                return .number(Quantity(exponents: ["count": 1]))
            case "count_distinct":
                try arity(1)
                _ = try check(first, in: .row(table), references: &references, tables: &tables)
                return .number(Quantity(exponents: ["count": 1]))
            case "sum", "mean", "like_for_like_change":
                try arity(1)
                guard case .number(let quantity) = try check(first, in: .row(table), references: &references, tables: &tables) else {
                    throw FormulaIssue(offset: offset, message: Problem.needsNumbers(name))
                }
                if name == "like_for_like_change" {
                    guard table == .members else {
                        throw FormulaIssue(offset: offset, message: Problem.likeForLikeChangeOverMembers)
                    }
                    return .number(.none)
                }
                return .number(quantity)
            default: // ratio
                try arity(2)
                guard case .number(let top) = try check(first, in: .row(table), references: &references, tables: &tables),
                      case .number(let bottom) = try check(arguments[1], in: .row(table), references: &references, tables: &tables)
                else {
                    throw FormulaIssue(offset: offset, message: Problem.needsNumbers(name))
                }
                return .number(top / bottom)
            }
        }
        switch name {
        case "if":
            try arity(3)
            guard try check(arguments[0], in: context, references: &references, tables: &tables) == .bool else {
                throw FormulaIssue(offset: offset, message: Problem.ifNeedsCondition)
            }
            let a = try check(arguments[1], in: context, references: &references, tables: &tables)
            let b = try check(arguments[2], in: context, references: &references, tables: &tables)
            return try combine(.add, a, b, literals: (arguments[1].isNumberLiteral, arguments[2].isNumberLiteral), at: offset, verb: Problem.ifBranches)
        case "pairs":
            try arity(1)
            guard case .number(let unit) = try check(arguments[0], in: context, references: &references, tables: &tables) else {
                throw FormulaIssue(offset: offset, message: Problem.pairsNeedsNumber)
            }
            return .number(unit)
        case "previous":
            try arity(1)
            guard case .top = context else {
                throw FormulaIssue(offset: offset, message: Problem.previousInsideAggregate)
            }
            return try check(arguments[0], in: context, references: &references, tables: &tables)
        case "reported":
            try arity(1)
            guard case .row = context, case .name = arguments[0] else {
                throw FormulaIssue(offset: offset, message: Problem.reportedOutsideRow)
            }
            _ = try check(arguments[0], in: context, references: &references, tables: &tables)
            return .bool
        default:
            let known = (Self.aggregates.union(Self.scalarFunctions).union(Self.rowFunctions)).sorted()
            throw FormulaIssue(offset: offset, message: Problem.unknownFunction(name, known: known))
        }
    }

    /// The type of `lhs op rhs`. Adding, subtracting or comparing needs the same unit, except a
    /// bare number, which takes the unit of the other side.
    private func combine(
        _ op: BinaryOperator, _ lhs: ValueType, _ rhs: ValueType, literals: (Bool, Bool), at offset: Int,
        verb: LocalizedText? = nil
    ) throws(FormulaIssue) -> ValueType {
        /// What the messages say is done: `verb`, or the operator.
        var operation: LocalizedText { verb ?? Problem.operation(op.rawValue) }
        if op.isLogical {
            guard lhs == .bool, rhs == .bool else {
                throw FormulaIssue(offset: offset, message: Problem.joinsConditions(op.rawValue, lhs.described, rhs.described))
            }
            return .bool
        }
        if op == .in {
            guard rhs == .list, lhs != .list else {
                throw FormulaIssue(offset: offset, message: Problem.inNeedsList)
            }
            return .bool
        }
        if op == .equal || op == .notEqual, lhs == .text || lhs == .bool {
            guard lhs == rhs else {
                throw FormulaIssue(offset: offset, message: Problem.cannotCompare(lhs.described, with: rhs.described))
            }
            return .bool
        }
        guard case .number(let a) = lhs, case .number(let b) = rhs else {
            throw FormulaIssue(offset: offset, message: Problem.needsNumbers(operation, found: lhs.described, rhs.described))
        }
        switch op {
        case .multiply: return .number(a * b)
        case .divide: return .number(a / b)
        default:
            let unit: Quantity
            if a == b || literals.1 { unit = a } else if literals.0 { unit = b } else {
                throw FormulaIssue(offset: offset, message: Problem.unitMistake(operation, mixes: a.described, b.described))
            }
            return op.isComparison ? .bool : .number(unit)
        }
    }

    /// The candidate nearest to `name`, at most two edits away: a hint after an unknown name.
    static func nearest(_ name: String, among candidates: [String]) -> String? {
        candidates.map { ($0, NameMatching.distance(name, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}

extension Expression {
    /// Whether the expression calls the function `name` anywhere.
    func calls(_ name: String) -> Bool {
        switch self {
        case .number, .text, .name: false
        case .list(let items): items.contains { $0.calls(name) }
        case .unary(_, let operand): operand.calls(name)
        case .binary(_, let left, let right, _): left.calls(name) || right.calls(name)
        case .call(let function, let arguments, let filter, _):
            function == name || arguments.contains { $0.calls(name) } || (filter?.calls(name) ?? false)
        }
    }

    var isNumberLiteral: Bool {
        if case .number = self { return true }
        if case .unary(.negate, .number) = self { return true }
        return false
    }

    /// The table an aggregate's first argument runs over: `members` in `members.fte`, `count(members)`,
    /// or the table of the first qualified field of a row expression.
    var table: DataTable? {
        switch self {
        case .name(let parts, _): DataTable(rawValue: parts[0])
        case .unary(_, let operand): operand.table
        case .binary(_, let left, let right, _): left.table ?? right.table
        case .call(_, let arguments, _, _): arguments.lazy.compactMap(\.table).first
        default: nil
        }
    }
}
