import Foundation
import Testing

/// Runs the built `ptce` executable as a user would.
struct PTCE {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `ptce` in the build products folder, beside the test runner.
    static let executable: URL = {
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        // On Apple platforms the runner sits inside `….xctest/Contents/MacOS`.
        while folder.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("ptce")
    }()

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Outcome {
        try run(command(arguments, in: directory))
    }

    /// Runs `program` (through `env`, so found on the PATH when not a path) in `directory`, with
    /// `environment` when given.
    static func run(program: String, _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        return try run(process)
    }

    /// Runs `process`, gathering what it prints.
    private static func run(_ process: Process) throws -> Outcome {
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts `ptce` without waiting for it; what it prints is discarded.
    static func start(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Process {
        let process = command(arguments, in: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func command(_ arguments: [String], in directory: URL) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        return process
    }

    /// What a folder holds, hidden entries included: each file's name and bytes, each folder's
    /// name with a trailing slash.
    static func entries(of folder: URL) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            if isFolder.boolValue { entries[name + "/"] = Data() } else { entries[name] = try Data(contentsOf: url) }
        }
        return entries
    }

    static var samples: [String] {
        let folder = repositoryRoot.appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("pole.toml").path)
        }.map { "Samples/\($0)" }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct ValidateCommandTests {
    @Test func everySampleIsValid() throws {
        let samples = PTCE.samples
        #expect(samples.count >= 3)
        let outcome = try PTCE.run(["validate"] + samples)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
        #expect(!outcome.output.contains(": error:"))
    }

    /// The finding names the cell, in French by default and with `--lang fr`, in English with
    /// `--lang en`; the severity stays the word editors parse, and the summary follows the language.
    @Test func aCorruptedSampleNamesTheCell() throws {
        let sample = try #require(PTCE.samples.first)
        let copy = try PTCE.temporaryFolder().appendingPathComponent("pole")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent(sample), to: copy)
        // Put a word where the first member's FTE is, keeping the file's encoding and delimiter.
        let members = copy.appendingPathComponent("members.csv")
        var bytes = try [UInt8](Data(contentsOf: members))
        let fields = try #require(CSVFields(bytes: bytes))
        let fteColumn = try #require(fields.header.firstIndex { ["etp", "fte"].contains($0.lowercased()) })
        let range = fields.rangeOfCell(line: 2, column: fteColumn)
        bytes.replaceSubrange(range, with: fields.encode("douze"))
        try Data(bytes).write(to: members)

        let place = "\(copy.path)/members.csv:\(fields.firstDataLine):\(fields.header[fteColumn])"
        let french = "\(place): error: « douze » n'est pas un nombre (« d » ne fait pas partie d'un nombre) ; "
            + "valeur attendue : un nombre ≥ 0, par exemple 12,5\n"
        let english = "\(place): error: \"douze\" is not a number (\"d\" is not part of a number); expected a number ≥ 0, e.g. 12,5\n"
        for (options, expected) in [([], french), (["--lang", "fr"], french), (["--lang", "en"], english)] {
            let outcome = try PTCE.run(["validate", copy.path] + options)
            #expect(outcome.status == 1)
            #expect(outcome.output == expected, "\(options)")
            let summary = expected == french ? "\(copy.path) : 1 erreur, 0 avertissement\n" : "\(copy.path): 1 error, 0 warnings\n"
            #expect(outcome.errors == summary, "\(options)")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try PTCE.run(["validate", "/nonexistent/pole"]).status == 2)
        #expect(try PTCE.run(["frobnicate"]).status == 2)
        #expect(try PTCE.run(["validate"]).status == 2)
        let outcome = try PTCE.run(["validate", "--indicators", "/nonexistent", "Samples"])
        #expect(outcome.status == 2)
    }

    @Test func aBrokenQuestionBankIsAUsageError() throws {
        let library = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: library) }
        try Data("[[question]]\nid = \"x\"\nkind = \"scale\"\nfr = \"a\"\nen = \"b\"\n".utf8)
            .write(to: library.appendingPathComponent("questions.toml"))
        try Data().write(to: library.appendingPathComponent("units.toml"))
        let outcome = try PTCE.run(["validate", "--indicators", library.path, library.path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains(
            "questions.toml:2:id: error: l'id de question « x » doit être de la forme dimension.nom, par exemple cooperation.pooling\n"))
        let english = try PTCE.run(["validate", "--indicators", library.path, "--lang", "en", library.path])
        #expect(english.errors.contains("questions.toml:2:id: error: question id \"x\" must be dimension.name, e.g. cooperation.pooling\n"))
    }
}

@Suite struct InitCommandTests {
    @Test func createsAFolderThatValidateThenExplains() throws {
        let parent = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("Pôle du Vexin")
        // 2025-06-01: the skeleton of the pole's words is for the year before "now", 2024.
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1748736000"
        let created = try PTCE.run(program: PTCE.executable.path, ["init", folder.path], environment: environment)
        #expect(created.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["cooperations.csv", "finances.csv", "members.csv", "pole.toml", "projects.csv", "report.md", "survey.csv", "targets.csv"])
        let toml = try String(contentsOf: folder.appendingPathComponent("pole.toml"), encoding: .utf8)
        #expect(toml.contains("id = \"pole-du-vexin\""))
        let skeleton = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(skeleton.contains("# 2024\n\n## Faits marquants\n") && skeleton.contains("## Difficultés") && skeleton.contains("## Perspectives"))

        let validated = try PTCE.run(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.output.contains("members.csv:1: error: a un en-tête mais aucune ligne de données : il faut au moins un membre"))

        // A second init refuses to overwrite.
        try Data("année;identifiant\r\n".utf8).write(to: folder.appendingPathComponent("members.csv"))
        let again = try PTCE.run(["init", folder.path])
        #expect(again.status == 2)
        #expect(try String(contentsOf: folder.appendingPathComponent("members.csv"), encoding: .utf8) == "année;identifiant\r\n")
    }

    @Test func withXLSXWritesAWorkbookPerTableAndOverwritesNothing() throws {
        let parent = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("Pôle du Vexin")
        let created = try PTCE.run(["init", folder.path, "--xlsx"])
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("pole.toml, members.xlsx, cooperations.xlsx, finances.xlsx, projects.xlsx, survey.xlsx, targets.xlsx, report.md"))
        let workbooks = ["cooperations.xlsx", "finances.xlsx", "members.xlsx", "projects.xlsx", "survey.xlsx", "targets.xlsx"]
        // Nothing else, no temporary file left behind.
        #expect(try PTCE.entries(of: folder).keys.sorted() == (workbooks + ["pole.toml", "report.md"]).sorted())
        for name in workbooks {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)).starts(with: Data("PK\u{3}\u{4}".utf8)), "\(name)")
        }
        let toml = try String(contentsOf: folder.appendingPathComponent("pole.toml"), encoding: .utf8)
        #expect(toml.contains("id = \"pole-du-vexin\""))
        #expect(toml.contains("saisissez les données dans les classeurs (members.xlsx…)"))

        let validated = try PTCE.run(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.output.contains("members.xlsx:1: error: a un en-tête mais aucune ligne de données : il faut au moins un membre"))
        #expect(validated.output.contains("targets.xlsx:1: note: a un en-tête mais aucune ligne de données"))

        // A second init, with workbooks or CSV files, refuses to overwrite a workbook or to give a table twice.
        let before = try PTCE.entries(of: folder)
        for arguments in [["init", folder.path, "--xlsx"], ["init", folder.path]] {
            let again = try PTCE.run(arguments)
            #expect(again.status == 2)
            #expect(again.errors.contains("already holds pole.toml, members.xlsx, cooperations.xlsx"))
            #expect(try PTCE.entries(of: folder) == before)
        }

        // A folder holding members.csv gets no members.xlsx beside it.
        let csvFolder = parent.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
        try Data("année;identifiant\r\n".utf8).write(to: csvFolder.appendingPathComponent("members.csv"))
        let mixed = try PTCE.run(["init", csvFolder.path, "--xlsx"])
        #expect(mixed.status == 2)
        #expect(mixed.errors.contains("already holds members.csv: nothing was written"))
        #expect(try PTCE.entries(of: csvFolder).keys.sorted() == ["members.csv"])
    }

    @Test func anEnglishTemplateIsAWorkbook() throws {
        let parent = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let csv = try PTCE.run(["init", parent.appendingPathComponent("a").path, "--lang", "en"])
        #expect(csv.status == 2)
        #expect(csv.errors.contains("--lang en applies to the workbooks of --xlsx"))
        #expect(try PTCE.entries(of: parent).isEmpty)
        let xlsx = try PTCE.run(["init", parent.appendingPathComponent("b").path, "--xlsx", "--lang", "en"])
        #expect(xlsx.status == 0, "\(xlsx.errors)")
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("b/members.xlsx").path))
    }
}

/// Just enough of a CSV file to find a cell's bytes: the file's encoding, delimiter, header and
/// quoting (the headers of the samples hold no quoted delimiter).
struct CSVFields {
    let bytes: [UInt8]
    let isUTF16: Bool
    let text: String
    let delimiter: Character
    let header: [String]
    let firstDataLine = 2

    init?(bytes: [UInt8]) {
        self.bytes = bytes
        isUTF16 = bytes.starts(with: [0xFF, 0xFE])
        if isUTF16 {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
            text = String(decoding: units, as: UTF16.self)
        } else {
            text = String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .windowsCP1252) ?? ""
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = lines.first else { return nil }
        delimiter = [";", "\t", ","].first { first.contains($0) } ?? ";"
        header = first.split(separator: delimiter, omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces)
        }
    }

    /// The byte range of a cell on a line (1-based), in the file's encoding.
    func rangeOfCell(line: Int, column: Int) -> Range<Int> {
        let characters = Array(text)
        var currentLine = 1, field = 0, index = 0, start = 0, inQuotes = false
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                inQuotes.toggle()
            } else if inQuotes {
                // Delimiters and line breaks inside quotes belong to the field.
            } else if currentLine == line {
                if character == delimiter || character == "\n" || character == "\r\n" || character == "\r" {
                    if field == column { break }
                    field += 1
                    start = index + 1
                }
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                currentLine += 1
                start = index + 1
            }
            index += 1
        }
        return byteOffset(of: start)..<byteOffset(of: index)
    }

    func encode(_ value: String) -> [UInt8] {
        isUTF16 ? value.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } : Array(value.utf8)
    }

    private func byteOffset(of characterOffset: Int) -> Int {
        let prefix = String(Array(text)[..<characterOffset])
        if isUTF16 { return 2 + prefix.utf16.count * 2 }
        if String(bytes: bytes, encoding: .utf8) != nil { return prefix.utf8.count }
        return prefix.data(using: .windowsCP1252)?.count ?? prefix.unicodeScalars.count
    }
}
