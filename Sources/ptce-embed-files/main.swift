import Foundation

// Writes a Swift file holding the text of each file given: `ptce-embed-files OUTPUT FOLDER FILE…`
// (FOLDER: the name the generated comment gives). Used by the EmbedFiles plugin at build time;
// each text becomes an escaped string literal, byte for byte (a file that is not UTF-8 stops the
// build with its name).

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ptce-embed-files OUTPUT FOLDER FILE…\n".utf8))
    exit(2)
}
let (output, folder) = (arguments[0], arguments[1])

/// `text` as the body of a Swift string literal: quotes, backslashes and control characters escaped.
func escaped(_ text: String) -> String {
    var literal = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: literal += "\\u{\(String(scalar.value, radix: 16))}"
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal
}

var source = """
// Generated at build time by the EmbedFiles plugin from \(folder)/: do not edit.

/// Each file of \(folder)/: its name and its text, in name order.
let embeddedFiles: [(name: String, text: String)] = [

"""
for path in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path), String(data: data, encoding: .utf8) != nil else {
        FileHandle.standardError.write(Data("ptce-embed-files: \(path) cannot be read as UTF-8 text\n".utf8))
        exit(1)
    }
    // Decoded as it is, a byte-order mark included (`String(data:encoding:)` drops it).
    let text = String(decoding: data, as: UTF8.self)
    source += "    (\"\(escaped(url.lastPathComponent))\", \"\(escaped(text))\"),\n"
}
source += "]\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output))
} catch {
    FileHandle.standardError.write(Data("ptce-embed-files: \(output): \(error)\n".utf8))
    exit(1)
}
