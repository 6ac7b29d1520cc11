import Foundation
@testable import PTCEImport
import PTCEFuzzSupport
import PTCEModel
import PropertyBased
import Testing

/// A `members.csv` as members send it, made from a seed: any header spelling, delimiter, line
/// end, encoding and quoting; cells ordinary, extreme or hostile; then, often, damaged bytes.
struct MembersFile: Sendable {
    var seed: UInt64
    var bytes: [UInt8]
    /// How the file was made: dialect, encoding, damage.
    var steps: [String]

    init(seed: UInt64) {
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        var steps: [String] = []
        let schema = TableSchema.members
        var columns = schema.columns.filter { column in rng.chance(column.isRequired ? 0.97 : 0.5) }
        if rng.chance(0.3) { columns.shuffle(using: &rng) }
        var headers = columns.map { column -> String in
            var header = rng.pick([column.name] + column.aliases)
            if rng.chance(0.2) { header = header.uppercased() }
            if column.type == .money, rng.chance(0.2) { header += " (€)" }
            return header
        }
        var kinds = columns.map(\.type)
        for _ in 0..<(rng.chance(0.3) ? Int.random(in: 1...2, using: &rng) : 0) {
            headers.append(rng.chance(0.5) ? HostileText.text(using: &rng, maximum: 3, allowLong: false) : rng.pick(["Effectf", "remarque", ""]))
            kinds.append(.text)
        }
        let delimiter = rng.pick([";", ",", "\t", "|"])
        let lineEnd = rng.pick(["\n", "\r\n", "\r"])
        steps.append("delimiter \(visible(delimiter)), line end \(visible(lineEnd))")
        func field(_ text: String) -> String {
            let mustQuote = text.contains(where: { String($0) == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                || text.hasPrefix(" ")
            return mustQuote || rng.chance(0.1) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [headers.map(field).joined(separator: delimiter)]
        if rng.chance(0.05) { lines[0] += String(repeating: delimiter, count: Int.random(in: 1...200, using: &rng)) }
        var ids: [String] = []
        for row in 0..<Int.random(in: 1...8, using: &rng) {
            let cells = kinds.map { kind -> String in
                if rng.chance(0.05) { return HostileText.text(using: &rng, maximum: 3) }
                switch kind {
                case .year: return NumberText.random("year", using: &rng, extremes: 0.1)
                case .identifier:
                    if !ids.isEmpty, rng.chance(0.05) { return rng.pick(ids) }
                    let id = rng.chance(0.05) ? rng.pick(["3,56E+13", "1E+05", "NC", ""]) : "M\(row)"
                    ids.append(id)
                    return id
                case .count: return NumberText.random("count", using: &rng, extremes: 0.2)
                case .quantity: return NumberText.random("quantity", using: &rng, extremes: 0.2)
                case .money: return NumberText.random("money", using: &rng, extremes: 0.2)
                case .boolean: return rng.pick(["oui", "non", "x", "", "vrai", "peut-être", "1", "0", "N"])
                case .communeCode: return rng.pick(["60141", "1053", "2A004", "2b004", "6014", "601410", "", "75O56"])
                case .choice: return rng.pick(["ess", "entreprise", "Collectivité", "company", "public", "autre", "ÉSS", "banane", ""])
                default: return rng.chance(0.7) ? rng.pick(["Atelier", "Bois SARL", "Régie", "SCOP", "association"]) : HostileText.text(using: &rng)
                }
            }
            lines.append(cells.map(field).joined(separator: delimiter))
        }
        var text = lines.joined(separator: lineEnd) + (rng.chance(0.8) ? lineEnd : "")
        if rng.chance(0.1) { text = "sep=\(delimiter)" + lineEnd + text }
        var encoding = rng.pick(FileEncoding.allCases)
        var bytes = encoding.encode(text) ?? { encoding = .utf8; return Array(text.utf8) }()
        steps.append(encoding.rawValue)
        if rng.chance(0.35) {
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let mutation = ByteMutation.random(for: bytes, using: &rng)
                bytes = mutation(bytes)
                steps.append(mutation.description)
            }
        }
        self.bytes = bytes
        self.steps = steps
    }
}

/// Upper bounds of the domain (issue 13): money < 10^12 €, FTE and counts < 10^7, tonnes < 10^9.
let domainBounds: [String: Double] = [
    "fte": 1e7, "headcount": 1e7, "insertion_fte": 1e7, "insertion_people": 1e7, "insertion_exits": 1e7,
    "insertion_exits_dynamic": 1e7, "insertion_exits_durable": 1e7, "turnover": 1e12, "public_funding": 1e12,
    "volunteers": 1e7, "jobs_created": 1e7, "purchases": 1e12, "local_purchases": 1e12, "trainees": 1e7, "reuse_tonnes": 1e9,
]

private let figureByColumn: [String: MemberFigure] = [
    "fte": .fte, "headcount": .headcount, "insertion_fte": .insertionFTE, "insertion_people": .insertionPeople,
    "insertion_exits": .insertionExits, "insertion_exits_dynamic": .insertionExitsDynamic,
    "insertion_exits_durable": .insertionExitsDurable, "turnover": .turnover, "public_funding": .publicFunding,
    "volunteers": .volunteers, "jobs_created": .jobsCreated, "purchases": .purchases, "local_purchases": .localPurchases,
    "trainees": .trainees, "reuse_tonnes": .reuseTonnes,
]

/// Whether a member holds a value for a column (`nil`: the column is not one of members.csv's).
private func hasValue(_ member: Member, _ column: String) -> Bool? {
    if let figure = figureByColumn[column] { return member[figure] != nil }
    switch column {
    case "year", "member_id", "name": return true
    case "actor_type": return member.actorType != nil
    case "legal_form": return member.legalForm != nil
    case "insertion_structure": return member.insertionStructure != nil
    case "commune": return member.commune != nil
    default: return nil
    }
}

/// What is wrong with the findings of a read: each must name its file and line and stay on one line.
func locatedOneLineProblems(_ findings: Findings, files: Set<String>) -> [String] {
    findings.all.compactMap { finding in
        if !files.contains(finding.location.file) { return "finding names no file of the folder: \(visible(finding.formatted(.en)))" }
        if finding.location.line == nil { return "finding has no line: \(visible(finding.formatted(.en)))" }
        if let problem = oneLineProblem(finding.formatted(.en)) { return "\(problem): \(visible(finding.formatted(.en)))" }
        return nil
    }
}

/// The problems of reading one members.csv: findings not located or not one line, a refused
/// cell without its finding, an accepted figure outside the domain.
func membersFileProblems(_ bytes: [UInt8]) -> [String] {
    var findings = Findings()
    let dataset = PoleFolderReader(questionBank: standardBank).read(profile: testProfile, files: ["members.csv": bytes], findings: &findings)
    var problems = locatedOneLineProblems(findings, files: ["members.csv"])

    // The records as the reader sees them, to name every cell it was given.
    let records = CSVReader.read(bytes, file: "members.csv").readAll().records
    guard let header = records.first else { return problems }
    let headers = header.fields.map { String($0.trimmingBlanks) }
    var positions: [(column: FieldDeclaration, index: Int)] = []
    for (index, written) in headers.enumerated() where !written.isEmpty {
        if let column = TableSchema.members.column(forHeader: written), !positions.contains(where: { $0.column.name == column.name }) {
            positions.append((column, index))
        }
    }
    if TableSchema.members.columns.contains(where: { column in column.isRequired && !positions.contains { $0.column.name == column.name } }) {
        if !findings.hasErrors { problems.append("a required column is missing but no error says so") }
        return problems
    }
    let membersByLine = Dictionary(dataset.members.map { ($0.origin.line, $0) }, uniquingKeysWith: { first, _ in first })
    for record in records.dropFirst() {
        let member = membersByLine[record.line]
        let onLine = findings.all.filter { $0.location.line == record.line }
        if member == nil {
            if !onLine.contains(where: { $0.severity >= .warning }) {
                problems.append("members.csv line \(record.line) was left out without a finding")
            }
            continue
        }
        for (column, index) in positions {
            let raw = index < record.fields.count ? record.fields[index] : ""
            let cell = String(raw.trimmingBlanks)
            if CellReader.isNotReported(cell), !(column.type.isNumeric && CellReader.isAccountingDash(ArraySlice(raw.utf8))) { continue }
            guard let member, let held = hasValue(member, column.name) else { continue }
            if !held {
                let located = onLine.contains {
                    $0.severity == .error && $0.location.column == headers[index] && $0.location.columnIndex == index + 1
                }
                if !located {
                    problems.append("members.csv:\(record.line): cell \"\(visible(cell))\" of column \"\(visible(headers[index]))\" was refused without an error naming line, column and position")
                }
            } else if let figure = figureByColumn[column.name], let value = member[figure], let bound = domainBounds[column.name] {
                if !(value.isFinite && value >= 0 && value < bound) {
                    problems.append("members.csv:\(record.line): cell \"\(visible(cell))\" of column \"\(visible(headers[index]))\" was accepted as \(value), outside 0 ≤ value < \(bound)")
                }
            }
        }
    }
    return problems
}

/// The case-by-case checks below run in a child process (an exit test), so that a trap is a
/// failure of its own test, reported with the input that caused it, not the end of the run.
@Suite struct CSVReaderFuzzTests {
    /// Property (1): on any members.csv, ordinary or damaged, the reader does not trap; every
    /// finding names its file and line and is one line; every cell that held something and
    /// was refused has an error with its line, column and position; every accepted figure is
    /// finite and within the domain.
    @Test func everyRefusedCellHasALocatedOneLineFinding() async {
        FuzzBreadcrumb.clear("members.csv")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                FuzzLoop.run("members.csv", short: 300, seed: 0x5EED_C5F1) { seed in
                    let file = MembersFile(seed: seed)
                    return (file, file.bytes, file.steps.joined(separator: "; "))
                } check: { file in
                    membersFileProblems(file.bytes)
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("members.csv"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("members.csv")
        FuzzBreadcrumb.printSummary("members.csv", traps: traps)
    }

    /// The sample poles' files, each damaged: every reader of the folder (cooperations,
    /// finances, projects, survey too) gives located, one-line findings, and does not trap.
    @Test func damagedSampleFilesGiveLocatedOneLineFindings() async {
        FuzzBreadcrumb.clear("sample-folder")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                let folders = sampleFolders()
                FuzzLoop.run("sample-folder", short: 100, seed: 0x5EED_F01D) { seed in
                    var rng = SplitMix64(seed: seed)
                    let (folder, original) = rng.pick(folders)
                    var files = original
                    var steps = [folder]
                    for _ in 0..<Int.random(in: 1...4, using: &rng) {
                        guard let name = files.keys.sorted().randomElement(using: &rng) else { break }
                        let mutation = ByteMutation.random(for: files[name]!, using: &rng)
                        files[name] = mutation(files[name]!)
                        steps.append("\(name): \(mutation)")
                    }
                    return (files, [], steps.joined(separator: "; "))
                } check: { files in
                    var findings = Findings()
                    _ = PoleFolderReader(questionBank: standardBank).read(profile: testProfile, files: files, findings: &findings)
                    // The five tables and the objectives (`targets.csv`, read after them).
                    return locatedOneLineProblems(findings, files: Set(TableSchema.all.map(\.file) + ["targets.csv"]))
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("sample-folder"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("sample-folder")
        FuzzBreadcrumb.printSummary("sample-folder", traps: traps)
    }

    /// README, "What the importer accepts": a UTF-8 file with one stray Windows-1252 byte stays UTF-8: its other text is
    /// read as written, the byte as its Windows-1252 character, and a warning names the line.
    @Test func aStrayWindows1252ByteKeepsTheFileUTF8() async {
        // Each ends with at least 8 ASCII letters or spaces: the stray byte goes between two of them.
        let names = ["Économie Solidaire", "Coopérative du Bois", "Pôle du Réemploi Local", "Café Associatif", "Crèche Parentale"]
        let definedHighByte = Gen<UInt8>.value(in: 0x80...0xFF).filter { Windows1252.isDefined($0) }
        let budget = FuzzBudget.current(short: 100)
        await budget.runBatches(batchSize: 100) { count in
            var failed = false
            await propertyCheck(
                count: count, input: Gen<Int>.value(in: 2...5), Gen<Int>.value(in: 0...4), definedHighByte, Gen<Int>.value(in: 1...8)
            ) { rows, damagedRow, byte, offset in
                let damagedRow = damagedRow % rows
                var bytes = Array("year;member_id;name;actor_type\n".utf8)
                var expected: [String] = []
                for row in 0..<rows {
                    let name = names[row % names.count]
                    var cell = Array(name.utf8)
                    var shown = name
                    if row == damagedRow {
                        // Before an ASCII letter, so that the byte cannot start a UTF-8 sequence.
                        let at = name.utf8.count - offset
                        cell.insert(byte, at: at)
                        let prefix = String(decoding: Array(name.utf8)[..<at], as: UTF8.self)
                        shown = prefix + String(bytes: [byte], encoding: .windowsCP1252)! + String(decoding: Array(name.utf8)[at...], as: UTF8.self)
                    }
                    expected.append(shown)
                    bytes += Array("2024;M\(row);".utf8) + cell + Array(";ess\n".utf8)
                }
                let line = damagedRow + 2
                let dataset = readDataset(bytes)
                let document = CSVReader.read(bytes, file: "members.csv")
                var problems: [String] = []
                if document.encoding != .utf8WithWindows1252Bytes {
                    problems.append("read as \(document.encoding.rawValue), not \(TextEncoding.utf8WithWindows1252Bytes.rawValue)")
                }
                let read = dataset.members.sorted { $0.origin.line < $1.origin.line }.map(\.name)
                if read != expected { problems.append("names read \(read.map { visible($0) }), expected \(expected.map { visible($0) })") }
                if !dataset.findings.all.contains(where: { $0.severity == .warning && $0.location.line == line }) {
                    problems.append("no warning names line \(line)")
                }
                failed = failed || !problems.isEmpty
                #expect(problems.isEmpty, "byte 0x\(String(byte, radix: 16, uppercase: true)) on line \(line): \(visible(bytes)):\n\(problems.joined(separator: "\n"))")
            }
            return failed
        }
    }
}

/// The CSV files of the sample poles and of some fixtures, by folder.
func sampleFolders() -> [(String, [String: [UInt8]])] {
    let samples = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Samples").path)) ?? [])
        .sorted().map { "Samples/\($0)" } + ["Tests/Fixtures/hand-worked", "Tests/Fixtures/excel-fr-accounting", "Tests/Fixtures/google-sheets-survey"]
    return samples.map { sample in
        let url = repositoryRoot.appendingPathComponent(sample)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".csv") }
        return (sample, Dictionary(uniqueKeysWithValues: names.map {
            ($0, [UInt8](FileManager.default.contents(atPath: url.appendingPathComponent($0).path) ?? Data()))
        }))
    }
}

/// Reads a members.csv given as bytes, with the standard bank.
private func readDataset(_ bytes: [UInt8]) -> PoleDataset {
    var findings = Findings()
    var dataset = PoleFolderReader(questionBank: standardBank).read(profile: testProfile, files: ["members.csv": bytes], findings: &findings)
    dataset.findings = findings
    return dataset
}
