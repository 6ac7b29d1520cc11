import Foundation
import Testing

@Suite struct ReportCommandTests {
    private let fixture = "Tests/Fixtures/hand-worked"

    @Test func writesTheJSONReportOfTheLatestYear() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["report", fixture, "--out", out.path, "--format", "json", "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let file = out.appendingPathComponent("hand-worked-2024.json")
        #expect(outcome.output == file.path + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        #expect(object["language"] as? String == "en")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["hand-worked-2024.json"])
    }

    @Test func anEarlierYear() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try PTCE.run(["report", fixture, "--year", "2023", "--out", out.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("hand-worked-2023.json").path))
        let missingYear = try PTCE.run(["report", fixture, "--year", "2019", "--out", out.path])
        #expect(missingYear.status == 2)
        #expect(missingYear.errors == "Error: \(fixture): no member reported for 2019; years in the data: 2023, 2024\n")
    }

    @Test func dataErrorsWriteNothingUnlessKeepGoing() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = folder.appendingPathComponent("pole"), out = folder.appendingPathComponent("out")
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent(fixture), to: pole)
        let members = pole.appendingPathComponent("members.csv")
        let text = try String(contentsOf: members, encoding: .utf8).replacingOccurrences(of: "2024;B;Bois SARL;company;60057;4;", with: "2024;B;Bois SARL;company;60057;quatre;")
        try Data(text.utf8).write(to: members)

        // The findings are printed in the report's language, French by default.
        let stopped = try PTCE.run(["report", pole.path, "--out", out.path])
        #expect(stopped.status == 1)
        #expect(stopped.errors.contains("members.csv:6:fte: error: « quatre » n'est pas un nombre"))
        #expect(stopped.errors.hasSuffix("\n\(pole.path) : 1 erreur : rien n'a été écrit (--keep-going écrit les rapports malgré tout)\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let english = try PTCE.run(["report", pole.path, "--out", out.path, "--lang", "en"])
        #expect(english.errors.contains("members.csv:6:fte: error: \"quatre\" is not a number"))
        #expect(english.errors.hasSuffix("\n\(pole.path): 1 error: nothing was written (--keep-going writes the reports anyway)\n"))

        let kept = try PTCE.run(["report", pole.path, "--out", out.path, "--keep-going"])
        #expect(kept.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("hand-worked-2024.json"))) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["severity"] as? String == "error" && $0["line"] as? Int == 6 && $0["column"] as? String == "fte" })
        // The French report carries the French message.
        #expect(findings.contains {
            $0["message"] as? String == "« quatre » n'est pas un nombre (« q » ne fait pas partie d'un nombre) ; "
                + "valeur attendue : un nombre ≥ 0, par exemple 12,5"
        })
        let fte = try #require((object["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "eco.fte" })
        #expect(fte["value"] as? Double == 15)  // B's FTE counts as not reported: 12 + 3
    }

    @Test func anUnreadablePoleTomlWritesNothingEvenWithKeepGoing() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent(fixture), to: folder.appendingPathComponent("pole"))
        let pole = folder.appendingPathComponent("pole")
        try FileManager.default.removeItem(at: pole.appendingPathComponent("pole.toml"))
        let outcome = try PTCE.run(["report", pole.path, "--out", folder.appendingPathComponent("out").path, "--keep-going", "--lang", "en"])
        #expect(outcome.status == 1)
        #expect(outcome.errors.hasSuffix("\n\(pole.path): 1 error: nothing was written (a report needs a readable pole.toml)\n"))
        #expect(!outcome.errors.contains("cannot be read"))
    }

    /// Exports from LibreOffice (accounting zeros), Excel (the same, Windows-1252), Google Sheets
    /// in English (amounts settled by another file) and a survey with skipped questions: all read
    /// without an error, so the reports are written without --keep-going.
    @Test(arguments: ["libreoffice-fr-accounting", "excel-fr-accounting", "google-sheets-en", "google-sheets-survey"])
    func spreadsheetExportsGetTheirReports(pole: String) throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["report", "Tests/Fixtures/\(pole)", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(!outcome.errors.contains("error"), "\(outcome.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["html", "json", "xlsx"].map { "\(pole)-2024.\($0)" })
    }

    @Test func usageErrors() throws {
        #expect(try PTCE.run(["report", fixture, "--format", "pdf"]).status == 2)
        #expect(try PTCE.run(["report", fixture, "--lang", "de"]).status == 2)
        #expect(try PTCE.run(["report", "/nonexistent"]).status == 2)
    }

    @Test func aFormatNamedTwiceIsWrittenOnce() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["report", fixture, "--out", out.path, "--format", "json,xlsx,json"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output == ["json", "xlsx"].map { out.appendingPathComponent("hand-worked-2024.\($0)").path + "\n" }.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["hand-worked-2024.json", "hand-worked-2024.xlsx"])
    }

    @Test(arguments: [",", ""])
    func aListWithoutAFormatIsAUsageError(list: String) throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let outcome = try PTCE.run(["report", fixture, "--out", out.path, "--format", list])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("no format given; available: xlsx,html,json"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// The output folder holds all the files of a report, complete, or is left as it was: on a
/// name taken by a folder, an unusable `--out` and an interruption.
@Suite struct OutputFolderTests {
    private let fixture = "Tests/Fixtures/hand-worked"

    /// The workbook is moved into place before the dashboard is found to be blocked: it is taken
    /// back and the previous workbook restored.
    @Test func aNameTakenByAFolderLeavesTheFolderAsItWas() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let previous = Data("previous workbook".utf8)
        try previous.write(to: out.appendingPathComponent("hand-worked-2024.xlsx"))
        let blocking = out.appendingPathComponent("hand-worked-2024.html")
        try FileManager.default.createDirectory(at: blocking, withIntermediateDirectories: false)
        let before = try PTCE.entries(of: out)

        let blocked = try PTCE.run(["report", fixture, "--out", out.path])
        #expect(blocked.status == 2)
        #expect(blocked.errors == "\(blocking.path): is a folder, not a file; nothing was written\n")
        #expect(blocked.output.isEmpty)
        #expect(try PTCE.entries(of: out) == before)

        try FileManager.default.removeItem(at: blocking)
        let written = try PTCE.run(["report", fixture, "--out", out.path])
        #expect(written.status == 0, "\(written.errors)")
        let entries = try PTCE.entries(of: out)
        #expect(entries.keys.sorted() == ["html", "json", "xlsx"].map { "hand-worked-2024.\($0)" })
        #expect(entries["hand-worked-2024.xlsx"] != previous)
    }

    @Test func anOutThatIsAFileIsAUsageError() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.txt")
        try Data("notes".utf8).write(to: file)
        for command in [["report", fixture], ["compare"] + PTCE.samples] {
            let outcome = try PTCE.run(command + ["--out", file.path])
            #expect(outcome.status == 2)
            #expect(outcome.errors == "--out \(file.path): is a file, not a folder\n")
        }
        let below = try PTCE.run(["report", fixture, "--out", file.appendingPathComponent("reports").path])
        #expect(below.status == 2)
        #expect(below.errors == "--out \(file.path)/reports: \(file.path) is a file, not a folder\n")
        #expect(try PTCE.entries(of: folder) == ["out.txt": Data("notes".utf8)])
    }

    /// The signal comes once the report is being written into its hidden folder; a previous
    /// report of the same name is there.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedReportLeavesTheFolderAsItWas(signal: Int32) throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = folder.appendingPathComponent("pole"), out = folder.appendingPathComponent("out")
        #expect(try PTCE.run(["sample", pole.path, "--members", "10000", "--years", "1"]).status == 0)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("previous report".utf8).write(to: out.appendingPathComponent("grand-pole-2023.json"))
        let before = try PTCE.entries(of: out)

        let report = try PTCE.start(["report", pole.path, "--out", out.path])
        let staging = out.appendingPathComponent(".ptce-\(report.processIdentifier).tmp")
        while report.isRunning, !FileManager.default.fileExists(atPath: staging.path) { usleep(1_000) }
        try #require(report.isRunning, "the report was written before it could be interrupted")
        kill(report.processIdentifier, signal)
        report.waitUntilExit()
        #expect(report.terminationReason == .exit)
        #expect(report.terminationStatus == 128 + signal)
        #expect(try PTCE.entries(of: out) == before)
    }
}

@Suite struct SampleReportTests {
    @Test func everySampleGetsItsReport() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["report"] + PTCE.samples + ["--out", out.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let expected = ["campus-cooperatif", "metropole-tiers-lieux", "pays-de-bray"].flatMap { pole in
            ["html", "json", "xlsx"].map { "\(pole)-2024.\($0)" }
        }
        #expect(names == expected)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }
}

@Suite struct DeterminismTests {
    /// Two runs of the command, two processes (with their own hash seeds): the same bytes.
    @Test func sameInputSameBytesAcrossRuns() throws {
        let first = try PTCE.temporaryFolder(), second = try PTCE.temporaryFolder()
        defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
        for out in [first, second] {
            #expect(try PTCE.run(["report", "Samples/pays-de-bray", "--out", out.path]).status == 0)
            #expect(try PTCE.run(["compare"] + PTCE.samples + ["--out", out.path]).status == 0)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names.count == 6)
        for name in names {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)), "\(name) differs")
        }
    }
}

@Suite struct CompareCommandTests {
    @Test func comparesTheSamplesInThreeFormats() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["compare"] + PTCE.samples + ["--out", out.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            == ["comparison-2024.html", "comparison-2024.json", "comparison-2024.xlsx"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison-2024.json"))) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        #expect((object["poles"] as? [[String: Any]])?.count == 3)
    }

    @Test func needsTwoPoles() throws {
        #expect(try PTCE.run(["compare", "Samples/pays-de-bray"]).status == 2)
    }
}

@Suite struct IndicatorsCommandTests {
    @Test func listAndExplain() throws {
        let list = try PTCE.run(["indicators", "list", "--lang", "en"])
        #expect(list.status == 0)
        #expect(list.output.contains("emp.insertion_share"))
        #expect(list.output.contains("Work-integration share of FTE"))
        let explain = try PTCE.run(["indicators", "explain", "emp.insertion_share"])
        #expect(explain.status == 0)
        #expect(explain.output.contains("Formule: ratio(members.insertion_fte, members.fte)"))
        #expect(explain.output.contains("Défini dans: 02-emp.toml:"))
        #expect(try PTCE.run(["indicators", "explain", "emp.nope"]).status == 2)
    }
}
