import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PTCEFuzzSupport
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEWorkbook
import Testing
import ZIPFoundation

private let fuzzLibrary: IndicatorLibrary = {
    var findings = Findings()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return IndicatorLibraryReader.read(folder: root.appendingPathComponent("Indicators"), findings: &findings)!
}()

/// A pole whose every text is hostile (``HostilePole``), its profile too, read as the engine
/// reads it (`--keep-going`: the findings on its bad cells are part of the outputs).
func hostileDataset(_ pole: HostilePole, id: String) -> PoleDataset {
    let profile = PoleProfile(
        id: id, name: pole.name, territory: pole.territory, communes: ["60141", "60463"], population: 20_000,
        region: pole.region, created: 2012, amiLaureate: [2014], sectors: [pole.sector])
    var findings = Findings()
    var dataset = PoleFolderReader(library: fuzzLibrary).read(profile: profile, files: pole.fileBytes, findings: &findings)
    dataset.findings = findings
    return dataset
}

/// Why the XML parts of an XLSX file are not all well-formed XML 1.0: one problem per part
/// the parser refuses, with the characters around the place it stopped.
func workbookXMLProblems(_ url: URL) -> [String] {
    let archive: Archive
    do {
        archive = try Archive(url: url, accessMode: .read)
    } catch {
        return ["the workbook is not a readable zip: \(error)"]
    }
    var problems: [String] = []
    var parts = 0
    for entry in archive where entry.type == .file {
        guard entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") || entry.path.hasSuffix(".vml") else { continue }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            problems.append("part \(entry.path) cannot be extracted: \(error)")
            continue
        }
        parts += 1
        let parser = XMLParser(data: data)
        if !parser.parse() {
            let text = String(decoding: data, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = max(parser.lineNumber, 1), column = max(parser.columnNumber, 1)
            let around = line <= lines.count ? String(lines[line - 1].unicodeScalars.dropFirst(max(column - 60, 0)).prefix(120).map(Character.init)) : ""
            problems.append("part \(entry.path) is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?") at \(line):\(column)"
                + (forbiddenCharacter(in: data).map { "; holds \($0)" } ?? "; near …\(visible(around))…") + ")")
        }
    }
    if parts == 0 { problems.append("the workbook has no XML part") }
    return problems
}

/// The first character XML 1.0 forbids in a part (`Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] |
/// [#xE000-#xFFFD] | [#x10000-#x10FFFF]`), with the text around it; or bytes that are not UTF-8.
func forbiddenCharacter(in data: Data) -> String? {
    guard let text = String(bytes: data, encoding: .utf8) else { return "bytes that are not UTF-8" }
    let scalars = Array(text.unicodeScalars)
    guard let index = scalars.firstIndex(where: { scalar in
        let value = scalar.value
        return !(value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000)
    }) else { return nil }
    let around = String(String.UnicodeScalarView(scalars[max(index - 40, 0)..<min(index + 20, scalars.count)]))
    return "U+\(String(format: "%04X", scalars[index].value)) raw, in …\(visible(around))…"
}

/// Run in a child process (an exit test): libxlsxwriter is C, whose faults would end the run.
@Suite struct WorkbookFuzzTests {
    /// Property (4): with hostile text in every member name, id, comment, description, source,
    /// sector, unknown column and profile field, the report workbook and the comparison
    /// workbook are written, and every XML part of both is well-formed XML 1.0.
    @Test func hostileTextKeepsEveryWorkbookPartWellFormed() async {
        FuzzBreadcrumb.clear("workbook")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-fuzz-workbook-\(getpid())")
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                FuzzLoop.run("workbook", short: 12, seed: 0x5EED_0B0C) { seed in
                    var rng = SplitMix64(seed: seed)
                    let pole = HostilePole.random(using: &rng) { HostileText.text(using: &$0) }
                    let other = HostilePole.random(using: &rng) { HostileText.text(using: &$0) }
                    let language: Language = rng.chance(0.5) ? .fr : .en
                    let description = "\(language.rawValue); files: " + pole.files.sorted { $0.key < $1.key }.map { "\($0.key): \(visible($0.value, limit: 1_500))" }
                        .joined(separator: "\n") + "\nprofile: name \(visible(pole.name)), territory \(visible(pole.territory)), region \(visible(pole.region)), sector \(visible(pole.sector))"
                    return ((pole, other, language), Array(pole.files["members.csv"]!.utf8), description)
                } check: { input in
                    let (pole, other, language) = input
                    let dataset = hostileDataset(pole, id: "fuzz")
                    let options = WorkbookOptions(language: language, created: Date(timeIntervalSince1970: 1_735_689_600))
                    var problems: [String] = []
                    let report = folder.appendingPathComponent("report.xlsx"), comparison = folder.appendingPathComponent("comparison.xlsx")
                    do {
                        _ = try ReportWorkbookWriter.write(ReportBuilder(library: fuzzLibrary).report(for: dataset, year: 2024), to: report.path, options: options)
                        problems += workbookXMLProblems(report).map { "report workbook: " + $0 }
                    } catch {
                        problems.append("report workbook: the writer refused the data: \(error)")
                    }
                    do {
                        let poles = [dataset, hostileDataset(other, id: "fuzz-b")]
                        try ComparisonWorkbookWriter.write(ComparisonBuilder(library: fuzzLibrary).compare(poles, year: 2024), to: comparison.path, options: options)
                        problems += workbookXMLProblems(comparison).map { "comparison workbook: " + $0 }
                    } catch {
                        problems.append("comparison workbook: the writer refused the data: \(error)")
                    }
                    return problems
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("workbook"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("workbook")
        FuzzBreadcrumb.printSummary("workbook", traps: traps)
    }
}
