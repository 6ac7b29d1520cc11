import ArgumentParser
import Foundation
import PTCEImport
import PTCEIndicators
import PTCEModel

/// `--indicators DIR`: the indicator library to use instead of the default one.
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("indicators"), help: "Indicator library folder (default: the bundled Indicators/).",
            completion: .directory)
    var folder: String?

    /// The library folder: the option, else the default one.
    func resolvedFolder() throws -> URL {
        if let folder {
            return try existingFolder(folder)
        }
        guard let found = IndicatorLibraryFolder.defaultFolder() else {
            throw ValidationError(
                "no indicator library found: pass --indicators DIR or set \(IndicatorLibraryFolder.environmentVariable)")
        }
        return found
    }

    /// The survey question bank of the library; a broken bank is a usage error (exit 2).
    func questionBank() throws -> QuestionBank {
        let folder = try resolvedFolder()
        return try loaded(folder) { IndicatorLibraryFolder.questionBank(in: folder, findings: &$0) }
    }

    /// The whole library; a broken one is a usage error (exit 2), its findings on standard error.
    func library() throws -> IndicatorLibrary {
        let folder = try resolvedFolder()
        return try loaded(folder) { IndicatorLibraryReader.read(folder: folder, findings: &$0) }
    }

    private func loaded<Value>(_ folder: URL, _ read: (inout Findings) -> Value?) throws -> Value {
        var findings = Findings()
        let value = read(&findings)
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for finding in findings.sorted {
            printToStandardError(finding.location.file.hasPrefix("/") ? finding.formatted : prefix + finding.formatted)
        }
        guard let value else {
            printToStandardError("the indicator library \(folder.path) cannot be used; nothing was written")
            throw ExitCode.validationFailure
        }
        return value
    }
}

/// The URL of a folder given on the command line; a missing one is a usage error.
func existingFolder(_ path: String) throws -> URL {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("\(path) is not a folder")
    }
    return URL(fileURLWithPath: path, isDirectory: true)
}

/// Prints findings as `folder/file:line:column: severity: message`.
func printFindings(_ findings: Findings, folder: String, includingNotes: Bool = true, toStandardError: Bool = false) {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    for finding in findings.sorted where includingNotes || finding.severity != .note {
        let line = prefix + finding.formatted
        if toStandardError { printToStandardError(line) } else { print(line) }
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Reads one pole folder and prints its findings on standard error. Returns `nil` (the caller
/// then writes nothing) when the folder cannot be read, or has data errors without `keepGoing`.
/// `onMembers` gets the profile and the members as soon as they are read, before the other files.
func readPole(
    folder: String, url: URL, library: IndicatorLibrary, keepGoing: Bool,
    onMembers: ((PoleProfile, [Member]) -> Void)? = nil
) -> PoleDataset? {
    var findings = Findings()
    defer { Progress.clear() }
    let reader = PoleFolderReader(questionBank: library.questionBank, catalogue: library.catalogue)
    guard let dataset = reader.read(folder: url, findings: &findings, onMembers: onMembers) else {
        printFindings(findings, folder: folder, toStandardError: true)
        printToStandardError("\(folder): \(counted(.error, in: findings)): nothing was written (a report needs a readable pole.toml)")
        return nil
    }
    printFindings(findings, folder: folder, includingNotes: false, toStandardError: true)
    if findings.hasErrors, !keepGoing {
        printToStandardError("\(folder): \(counted(.error, in: findings)): nothing was written (--keep-going writes the reports anyway)")
        return nil
    }
    return dataset
}

/// "1 error", "3 warnings", "0 errors": how many findings of `severity` there are.
func counted(_ severity: Severity, in findings: Findings) -> String {
    let count = findings.count(of: severity)
    return "\(count) \(severity.rawValue)" + (count == 1 ? "" : "s")
}

/// What a long run is doing, on one line of standard error, only when it is a terminal.
enum Progress {
    private static let enabled = isatty(STDERR_FILENO) == 1

    static func show(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
    }

    static func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
