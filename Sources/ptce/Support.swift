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

/// Writes files so that either all of them appear, complete, or none: each is written to a
/// temporary name beside its destination (the files at once, on the machine's cores), then all
/// are renamed.
func writeAtomically(_ files: [(url: URL, write: @Sendable (URL) throws -> Void)]) throws {
    let temporaries = files.map { file in
        file.url.deletingLastPathComponent()
            .appendingPathComponent(".\(file.url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }
    let failures = FailureSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
        do { try files[index].write(temporaries[index]) } catch { failures[index] = error }
    }
    do {
        if let failure = failures.first { throw failure }
        for (file, temporary) in zip(files, temporaries) where rename(temporary.path, file.url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.url.path])
        }
    } catch {
        for temporary in temporaries { try? FileManager.default.removeItem(at: temporary) }
        throw error
    }
}

/// The error of each file written at once, if any.
private final class FailureSlots: @unchecked Sendable {
    private var errors: [(any Error)?]
    private let lock = NSLock()

    init(count: Int) {
        errors = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> (any Error)? {
        get { lock.withLock { errors[index] } }
        set { lock.withLock { errors[index] = newValue } }
    }

    var first: (any Error)? { lock.withLock { errors.compactMap { $0 }.first } }
}

/// Reads one pole folder and prints its findings on standard error. Returns `nil` (the caller
/// then writes nothing) when the folder cannot be read, or has data errors without `keepGoing`.
func readPole(folder: String, url: URL, library: IndicatorLibrary, keepGoing: Bool) -> PoleDataset? {
    var findings = Findings()
    defer { Progress.clear() }
    guard let dataset = PoleFolderReader(questionBank: library.questionBank).read(folder: url, findings: &findings) else {
        printFindings(findings, folder: folder, toStandardError: true)
        printToStandardError("\(folder): cannot be read; nothing was written")
        return nil
    }
    printFindings(findings, folder: folder, includingNotes: false, toStandardError: true)
    if findings.hasErrors, !keepGoing {
        printToStandardError("\(folder): \(findings.count(of: .error)) error(s); nothing was written (fix them, or use --keep-going)")
        return nil
    }
    return dataset
}

/// Writes `folder/base.<format>` for each format, all or none, and prints their paths.
func writeOutputs(formats: [ReportFormat], folder: String, base: String, write: @escaping @Sendable (ReportFormat, URL) throws -> Void) throws {
    let outFolder = URL(fileURLWithPath: folder, isDirectory: true)
    try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
    let files = formats.map { format in
        (url: outFolder.appendingPathComponent("\(base).\(format.rawValue)"), write: { @Sendable (temporary: URL) in
            Progress.show("\(base).\(format.rawValue)…")
            try write(format, temporary)
        })
    }
    try writeAtomically(files)
    Progress.clear()
    for file in files { print(file.url.path) }
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
