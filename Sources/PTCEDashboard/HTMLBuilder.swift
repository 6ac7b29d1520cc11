import PTCEModel

/// Builds HTML (and inline SVG) where every text and attribute value is escaped by construction:
/// the only way to add text is ``text(_:)`` and the only way to set an attribute is the
/// `attributes` list of ``element(_:_:content:)``, both escaped. Member text can never become markup.
struct HTMLBuilder {
    private(set) var output = ""

    /// Elements that have no closing tag.
    private static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input", "col"]

    /// `<name a="v">…</name>`; attributes keep the given order (same input, same bytes).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], content: (inout HTMLBuilder) -> Void = { _ in }) {
        precondition(name.allSatisfy { $0.isLetter || $0.isNumber }, "element names are code, not data")
        output += "<" + name
        for (key, value) in attributes {
            precondition(key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }, "attribute names are code, not data")
            output += " " + key + "=\"" + Self.escape(value) + "\""
        }
        output += ">"
        guard !Self.voidElements.contains(name) else { return }
        content(&self)
        output += "</" + name + ">"
    }

    /// An element holding only text.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    /// A box that scrolls sideways when its content (a wide table, a chart) is wider than the
    /// screen, so that the page itself never does; reachable by keyboard and named for screen readers.
    mutating func scrollBox(label: String, content: (inout HTMLBuilder) -> Void) {
        element("div", [("class", "scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", label)], content: content)
    }

    /// A table with its caption, in a ``scrollBox(label:content:)`` named by the caption;
    /// `kind` is its class, for the widths of its columns.
    mutating func table(caption: String, kind: String? = nil, content: (inout HTMLBuilder) -> Void) {
        scrollBox(label: caption) { box in
            box.element("table", kind.map { [("class", $0)] } ?? []) { table in
                table.element("caption", text: caption)
                content(&table)
            }
        }
    }

    /// A table's `thead`: one row of column headers, those at `numeric` positions aligned as numbers.
    mutating func columnHeaders(_ headers: [String], numeric: Set<Int> = []) {
        element("thead") { head in
            head.element("tr") { row in
                for (index, header) in headers.enumerated() {
                    row.element("th", [("scope", "col")] + (numeric.contains(index) ? [("class", "number")] : []), text: header)
                }
            }
        }
    }

    mutating func text(_ text: String) {
        output += Self.escape(text)
    }

    /// A line break in the source, for readable output.
    mutating func newline() {
        output += "\n"
    }

    /// A `<style>` element. CSS is not escaped inside `<style>`, so it may only be a literal of
    /// the code (a `StaticString`), never data.
    mutating func style(_ css: StaticString) {
        output += "<style>" + css.description + "</style>"
    }

    /// The `<head>` of a dashboard page: UTF-8, a Content-Security-Policy that forbids any
    /// request to the network, the title and the inline stylesheet.
    mutating func dashboardHead(title: String, generator: String) {
        element("head") { head in
            head.element("meta", [("charset", "utf-8")])
            head.element("meta", [("http-equiv", "Content-Security-Policy"),
                                  ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")])
            head.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
            head.element("meta", [("name", "generator"), ("content", generator)])
            head.element("title", text: title)
            head.style(Stylesheet.css)
        }
    }

    /// The document type declaration, the one piece of markup that is not an element.
    mutating func doctype() {
        output += "<!doctype html>\n"
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, and the characters XML
    /// forbids as U+FFFD. Works on Unicode scalars, not characters: a combining accent after `>`
    /// or a prepended mark before `<` makes one grapheme with it, which must still be escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case _ where !XMLCharacters.isAllowed(scalar): escaped.unicodeScalars.append("\u{FFFD}")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
