import PTCEModel

/// A formula of the indicator language, parsed. See `Indicators/README.md` for the language.
indirect enum Expression: Sendable, Hashable {
    case number(Double)
    case text(String)
    case list([Expression])
    /// A dotted name: `members.fte`, `pole.population`, `eco.fte`, or inside an aggregate a bare field `fte`.
    case name([String], at: Int)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression, at: Int)
    /// A function call; `filter` is the `where` clause of an aggregate.
    case call(String, [Expression], filter: Expression?, at: Int)
}

enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not
}

enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`, and, or

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: true
        default: false
        }
    }

    var isLogical: Bool { self == .and || self == .or }
}

/// The texts of the problems found in formulas.
private typealias Problem = IndicatorMessage.FormulaProblem

/// A syntax error in a formula, at a character offset (0-based) of the formula text.
struct FormulaSyntaxError: Error, Equatable {
    var offset: Int
    /// What is wrong (``IndicatorMessage/FormulaProblem``).
    var message: LocalizedText
}

/// Parses formulas by recursive descent. Precedence, loosest first: `or`, `and`, `not`,
/// comparisons and `in`, `+ -`, `* /`, unary `-`.
struct ExpressionParser {
    private enum Token: Equatable {
        case number(Double), text(String), word(String), symbol(String), end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    /// How many brackets, calls and prefix operators enclose the current position.
    private var depth = 0

    /// Bounds that no real formula reaches, so that a damaged library cannot exhaust the stack
    /// (the parser, the checker and the evaluator all recurse over the formula).
    static let maximumTokens = 1_000, maximumDepth = 64

    static func parse(_ source: String) throws(FormulaSyntaxError) -> Expression {
        var parser = ExpressionParser()
        parser.tokens = try tokenize(source)
        if parser.tokens.count > maximumTokens {
            throw FormulaSyntaxError(
                offset: parser.tokens[maximumTokens].offset,
                message: Problem.tooLong(maximum: maximumTokens))
        }
        let expression = try parser.parseOr()
        guard case .end = parser.current else {
            throw FormulaSyntaxError(offset: parser.currentOffset, message: Problem.unexpected(parser.describeCurrent))
        }
        return expression
    }

    private static func tokenize(_ source: String) throws(FormulaSyntaxError) -> [(token: Token, offset: Int)] {
        let characters = Array(source)
        var tokens: [(Token, Int)] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII, c.isNumber {
                while i < characters.count, characters[i].isASCII, characters[i].isNumber || characters[i] == "." { i += 1 }
                guard let value = Double(String(characters[start..<i])) else {
                    throw FormulaSyntaxError(offset: start, message: Problem.notANumber(String(characters[start..<i])))
                }
                tokens.append((.number(value), start))
            } else if c.isLetter || c == "_" {
                while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" || characters[i] == "." {
                    i += 1
                }
                tokens.append((.word(String(characters[start..<i])), start))
            } else if c == "\"" {
                i += 1
                var text = ""
                while i < characters.count, characters[i] != "\"" { text.append(characters[i]); i += 1 }
                guard i < characters.count else { throw FormulaSyntaxError(offset: start, message: Problem.unclosedText) }
                i += 1
                tokens.append((.text(text), start))
            } else {
                let two = i + 1 < characters.count ? String(characters[i...i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.symbol(two), start))
                    i += 2
                } else if "+-*/<>(),[]".contains(c) {
                    tokens.append((.symbol(String(c)), start))
                    i += 1
                } else {
                    throw FormulaSyntaxError(offset: start, message: Problem.unexpectedCharacter(c))
                }
            }
        }
        tokens.append((.end, characters.count))
        return tokens
    }

    private var current: Token { tokens[index].token }
    private var currentOffset: Int { tokens[index].offset }

    /// The current token, as the syntax messages name it.
    private var describeCurrent: LocalizedText {
        switch current {
        case .number(let value): Problem.token(number: value)
        case .text(let text): Problem.token(text: text)
        case .word(let word): Problem.token(word: word)
        case .symbol(let symbol): Problem.token(word: symbol)
        case .end: Problem.endOfFormula
        }
    }

    private mutating func take(_ symbol: String) -> Bool {
        if current == .symbol(symbol) || current == .word(symbol) {
            index += 1
            return true
        }
        return false
    }

    private mutating func expect(_ symbol: String) throws(FormulaSyntaxError) {
        guard take(symbol) else {
            throw FormulaSyntaxError(offset: currentOffset, message: Problem.expected(symbol, found: describeCurrent))
        }
    }

    private mutating func parseOr() throws(FormulaSyntaxError) -> Expression {
        var left = try parseAnd()
        while true {
            let offset = currentOffset
            guard take("or") else { return left }
            left = .binary(.or, left, try parseAnd(), at: offset)
        }
    }

    private mutating func parseAnd() throws(FormulaSyntaxError) -> Expression {
        var left = try parseNot()
        while true {
            let offset = currentOffset
            guard take("and") else { return left }
            left = .binary(.and, left, try parseNot(), at: offset)
        }
    }

    private mutating func parseNot() throws(FormulaSyntaxError) -> Expression {
        if take("not") { return .unary(.not, try nested { parser throws(FormulaSyntaxError) in try parser.parseNot() }) }
        return try parseComparison()
    }

    /// Parses one level deeper, just after the symbol that opens it, refusing a formula nested
    /// beyond ``maximumDepth`` at that symbol.
    private mutating func nested(
        _ parse: (inout ExpressionParser) throws(FormulaSyntaxError) -> Expression
    ) throws(FormulaSyntaxError) -> Expression {
        guard depth < Self.maximumDepth else {
            throw FormulaSyntaxError(
                offset: tokens[index - 1].offset, message: Problem.tooDeep(maximum: Self.maximumDepth))
        }
        depth += 1
        defer { depth -= 1 }
        return try parse(&self)
    }

    private mutating func parseComparison() throws(FormulaSyntaxError) -> Expression {
        let left = try parseSum()
        for op in BinaryOperator.allCases where op.isComparison {
            let offset = currentOffset
            if take(op.rawValue) { return .binary(op, left, try parseSum(), at: offset) }
        }
        return left
    }

    private mutating func parseSum() throws(FormulaSyntaxError) -> Expression {
        var left = try parseProduct()
        while true {
            let offset = currentOffset
            if take("+") { left = .binary(.add, left, try parseProduct(), at: offset) }
            else if take("-") { left = .binary(.subtract, left, try parseProduct(), at: offset) }
            else { return left }
        }
    }

    private mutating func parseProduct() throws(FormulaSyntaxError) -> Expression {
        var left = try parseUnary()
        while true {
            let offset = currentOffset
            if take("*") { left = .binary(.multiply, left, try parseUnary(), at: offset) }
            else if take("/") { left = .binary(.divide, left, try parseUnary(), at: offset) }
            else { return left }
        }
    }

    private mutating func parseUnary() throws(FormulaSyntaxError) -> Expression {
        if take("-") { return .unary(.negate, try nested { parser throws(FormulaSyntaxError) in try parser.parseUnary() }) }
        return try parsePrimary()
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "where"]

    private mutating func parsePrimary() throws(FormulaSyntaxError) -> Expression {
        let offset = currentOffset
        switch current {
        case .number(let value):
            index += 1
            return .number(value)
        case .text(let text):
            index += 1
            return .text(text)
        case .symbol("("):
            index += 1
            return try nested { parser throws(FormulaSyntaxError) in
                let inner = try parser.parseOr()
                try parser.expect(")")
                return inner
            }
        case .symbol("["):
            index += 1
            return try nested { parser throws(FormulaSyntaxError) in
                var items: [Expression] = []
                if !parser.take("]") {
                    repeat { items.append(try parser.parseSum()) } while parser.take(",")
                    try parser.expect("]")
                }
                return .list(items)
            }
        case .word(let word) where !Self.keywords.contains(word):
            index += 1
            guard take("(") else {
                let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard !parts.contains(where: \.isEmpty) else {
                    throw FormulaSyntaxError(offset: offset, message: Problem.invalidName(word))
                }
                return .name(parts, at: offset)
            }
            return try nested { parser throws(FormulaSyntaxError) in
                var arguments: [Expression] = []
                var filter: Expression?
                if !parser.take(")") {
                    repeat { arguments.append(try parser.parseOr()) } while parser.take(",")
                    if parser.take("where") { filter = try parser.parseOr() }
                    try parser.expect(")")
                }
                return .call(word, arguments, filter: filter, at: offset)
            }
        default:
            throw FormulaSyntaxError(offset: offset, message: Problem.expectedValue(found: describeCurrent))
        }
    }
}
