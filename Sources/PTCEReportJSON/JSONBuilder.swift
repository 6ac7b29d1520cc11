import Foundation
import PTCEIndicators

/// Builds JSON text with keys in the order written and numbers rounded to 12 significant digits
/// then written in Swift's shortest form, so the same report always gives the same bytes.
struct JSONBuilder {
    private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]

    enum Value {
        case string(String?)
        case number(Double?)
        case integer(Int?)
        case bool(Bool)
        case null
    }

    private mutating func prepareItem(key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if indent > 0 { text += "\n" + String(repeating: "  ", count: indent) }
        if let key { text += Self.quoted(key) + ": " }
    }

    mutating func object(_ key: String? = nil, _ body: (inout JSONBuilder) -> Void) {
        container(key, open: "{", close: "}", body)
    }

    mutating func array(_ key: String? = nil, _ body: (inout JSONBuilder) -> Void) {
        container(key, open: "[", close: "]", body)
    }

    private mutating func container(_ key: String?, open: String, close: String, _ body: (inout JSONBuilder) -> Void) {
        if indent > 0 || !text.isEmpty { prepareItem(key: key) }
        text += open
        indent += 1
        needsComma.append(false)
        body(&self)
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { text += "\n" + String(repeating: "  ", count: indent) }
        text += close
    }

    mutating func field(_ key: String?, _ value: Value) {
        prepareItem(key: key)
        switch value {
        case .string(let string): text += string.map(Self.quoted) ?? "null"
        case .number(let number): text += number.flatMap { $0.isFinite ? Self.number($0) : nil } ?? "null"
        case .integer(let integer): text += integer.map(String.init) ?? "null"
        case .bool(let bool): text += bool ? "true" : "false"
        case .null: text += "null"
        }
    }

    /// At most 12 significant digits (``FigurePrecision``), so that sums of decimals read as typed
    /// (`143.2`, not `143.20000000000002`); whole numbers below 10¹⁵ with `.0`.
    static func number(_ value: Double) -> String {
        let rounded = FigurePrecision.rounded(value)
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) + ".0" }
        return "\(rounded)"
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
