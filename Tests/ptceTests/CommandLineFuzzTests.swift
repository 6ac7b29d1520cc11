import Foundation
import PTCEFuzzSupport
import Testing

/// One pole folder as files in memory: name → bytes.
typealias PoleFiles = [String: [UInt8]]

/// The end-to-end fuzzer: the sample poles and the fixtures, damaged, run through the built
/// `ptce` (validate, report, compare) as a user runs it. A case is made from its own seed
/// (printed), so any failure can be replayed alone; the folder of a failing case is kept.
struct CommandLineFuzzCase {
    var base: String
    var files: PoleFiles
    var mutations: [String] = []
    /// Argument lists; `POLE`, `OTHER` and `OUT` stand for the case's folders.
    var commands: [[String]] = []

    static let formats = ["xlsx,html,json", "json", "html", "xlsx", "json,json", "html,html,xlsx", "xlsx,json,xlsx", "json,html,json",
                          " json", "json,", ",", "JSON", "html,xlsx", "xlsx,xlsx"]

    /// Whether the heaviest damage (16,000 delimiters on every line, 2,000 repeated lines,
    /// 200,000-character cells) is allowed: in long runs only, to keep `swift test` short.
    let heavy: Bool

    init(seed: UInt64, bases: [(String, PoleFiles)], heavy: Bool) {
        var rng = SplitMix64(seed: seed)
        self.heavy = heavy
        (base, files) = rng.pick(bases)
        for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(using: &rng) }
        var options: [String] = []
        if rng.chance(0.3) { options += ["--format", rng.pick(Self.formats)] }
        if rng.chance(0.3) { options += ["--lang", rng.pick(["en", "fr"])] }
        if rng.chance(0.15) { options += ["--year", rng.pick(["2023", "2024", "1990", "2101", "0", "-5", "99999999999999999999"])] }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...1: commands = [["validate", "POLE"] + (rng.chance(0.3) ? ["--lang", "en"] : [])]
        case 2...5: commands = [["validate", "POLE"], ["report", "POLE", "--keep-going", "--out", "OUT"] + options]
        case 6: commands = [["report", "POLE", "--out", "OUT"] + options]
        default: commands = [["compare", "POLE", "OTHER", "--keep-going", "--out", "OUT"] + options]
        }
        // Now and then a custom indicator library, damaged: every command takes it.
        if rng.chance(0.04), let (library, change) = Self.damagedLibrary(using: &rng) {
            self.library = library
            mutations.append("--indicators: \(change)")
            commands = commands.map { $0 + ["--indicators", "LIB"] }
        }
    }

    /// The files of a custom indicator library (`--indicators LIB`), when the case has one.
    var library: PoleFiles?

    /// Formulas that test the expression parser: unbalanced, deeply nested, unknown names.
    static let hostileFormulas: [String] = [
        "ratio(members.fte, ", String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000),
        String(repeating: "sum(", count: 2_000) + "members.fte" + String(repeating: ")", count: 2_000), "1/0", "sum(members.nope)",
        String(repeating: "-", count: 5_000) + "1", (0..<3_000).map { _ in "1" }.joined(separator: "+"), "sum(members.fte) * 1e308 * 10",
    ]

    /// The bundled library with one file damaged (a formula replaced, or the TOML broken).
    static func damagedLibrary(using rng: inout SplitMix64) -> (PoleFiles, String)? {
        let folder = PTCE.repositoryRoot.appendingPathComponent("Indicators")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".toml") }).sorted(),
              !names.isEmpty else { return nil }
        var files = PoleFiles()
        for name in names { files[name] = (try? [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))) ?? [] }
        let name = rng.pick(names)
        guard var text = String(bytes: files[name]!, encoding: .utf8) else { return nil }
        let change: String
        if rng.chance(0.6), let range = text.range(of: #"formula = "[^"\n]*""#, options: .regularExpression) {
            let formula = rng.pick(hostileFormulas)
            text.replaceSubrange(range, with: "formula = \"\(formula)\"")
            change = "\(name): formula = \(visible(formula, limit: 80))"
        } else {
            let mutation = TOMLMutation.random(text, using: &rng)
            text = mutation.text
            change = "\(name): \(mutation.description)"
        }
        files[name] = Array(text.utf8)
        return (files, change)
    }

    /// The CSV files of the case, sorted (pole.toml aside).
    private var csvNames: [String] { files.keys.filter { $0.hasSuffix(".csv") }.sorted() }

    private mutating func mutate(using rng: inout SplitMix64) {
        let csv = csvNames
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<22 where !csv.isEmpty:
            let name = rng.pick(csv)
            let mutation = ByteMutation.random(for: files[name]!, using: &rng)
            files[name] = mutation(files[name]!)
            mutations.append("\(name): \(mutation)")
        case 22..<50 where !csv.isEmpty:
            let name = rng.pick(csv)
            let value: String
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1: value = rng.pick(NumberText.extremes)
            case 2: value = HostileText.text(using: &rng)
            case 3: value = HostileText.markedText(using: &rng)
            case 4: value = "\"" + HostileText.text(using: &rng, maximum: 3, allowLong: false).replacingOccurrences(of: "\"", with: "\"\"") + "\n" + rng.pick(NumberText.extremes) + "\""
            default: value = String(repeating: rng.pick(["x", "9", "é", ";", "\""]), count: Int.random(in: 10_000...(heavy ? 200_000 : 40_000), using: &rng))
            }
            replaceCell(of: name, with: value, using: &rng)
        case 50..<60 where !csv.isEmpty:
            // Every cell of a numeric column made extreme: sums, ratios and their display.
            let name = rng.pick(csv)
            let value = rng.pick(["1e400", "1" + String(repeating: "0", count: 400), "0,000000001", "0,0001", "9 999 999 999 999 999 €",
                                  "999 999 999 999 €", "99 999 999", "1" + String(repeating: "0", count: 308), "0,00002 M€",
                                  "18446744073709551616", "-0", "4 294 967 296 M€"])
            replaceColumn(of: name, with: value, using: &rng)
        case 60..<68 where !csv.isEmpty:
            let name = rng.pick(csv)
            guard let (text, encoding) = FileEncoding.decode(files[name]!) else { return }
            let target = rng.pick(FileEncoding.allCases.filter { $0 != encoding })
            if let bytes = target.encode(text) {
                files[name] = bytes
                mutations.append("\(name): re-encoded from \(encoding.rawValue) to \(target.rawValue)")
            }
        case 68..<74 where !csv.isEmpty:
            // A stray Windows-1252 byte in a UTF-8 file.
            let name = rng.pick(csv)
            var bytes = files[name]!
            guard !bytes.isEmpty else { return }
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            guard let lineEnd = bytes[at...].firstIndex(of: 0x0A) else { return }
            let byte = rng.pick([0xE9, 0xE8, 0x80, 0x92, 0x9C, 0xA0, 0xC9] as [UInt8])
            bytes.insert(byte, at: lineEnd > 0 && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd)
            files[name] = bytes
            mutations.append("\(name): stray byte 0x\(String(byte, radix: 16, uppercase: true)) at the end of the line of byte \(at)")
        case 74..<76 where !csv.isEmpty:
            let name = rng.pick(csv)
            let everyLine = rng.chance(0.3)
            let count = rng.pick(everyLine && !heavy ? [200, 2_000] : [200, 2_000, 16_000])
            let delimiter = FileEncoding.decode(files[name]!).flatMap { text, _ in [";", ",", "\t", "|"].first { text.contains($0) } } ?? ";"
            var lines = files[name]!.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for index in lines.indices where index == 0 || (everyLine && !lines[index].isEmpty) {
                let end = lines[index].last == 0x0D ? lines[index].count - 1 : lines[index].count
                lines[index].insert(contentsOf: Array(String(repeating: delimiter, count: count).utf8), at: end)
            }
            files[name] = Array(lines.joined(separator: [0x0A]))
            mutations.append("\(name): \(count) trailing delimiters on \(everyLine ? "every line" : "the header")")
        case 76..<80 where !csv.isEmpty:
            let name = rng.pick(csv)
            var lines = files[name]!.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 2 else { return }
            let line = Int.random(in: 1..<(lines.count - 1), using: &rng), times = rng.pick(heavy ? [2, 50, 2_000] : [2, 50, 400])
            lines.insert(contentsOf: Array(repeating: lines[line], count: times), at: line)
            files[name] = Array(lines.joined(separator: [0x0A]))
            mutations.append("\(name): line \(line + 1) repeated \(times) times")
        case 80..<84 where !csv.isEmpty:
            let name = rng.pick(csv)
            if name == "members.csv" || rng.chance(0.5) {
                files[name] = []
                mutations.append("\(name): emptied")
            } else {
                files[name] = nil
                mutations.append("\(name): removed")
            }
        default:
            guard let toml = files["pole.toml"].flatMap({ String(bytes: $0, encoding: .utf8) }) else { return }
            let change = TOMLMutation.random(toml, using: &rng)
            files["pole.toml"] = Array(change.text.utf8)
            mutations.append("pole.toml: \(change.description)")
        }
    }

    /// Replaces one cell of a data line (split naively on the file's delimiter), keeping the
    /// file's encoding when it can hold the value.
    private mutating func replaceCell(of name: String, with value: String, using rng: inout SplitMix64) {
        guard let (text, encoding) = FileEncoding.decode(files[name]!) else { return }
        var lines = text.components(separatedBy: "\n")
        guard lines.count > 2 else { return }
        let delimiter = [";", "\t", ",", "|"].first { lines[0].contains($0) } ?? ";"
        let line = Int.random(in: 1..<(lines.count - 1), using: &rng)
        var cells = lines[line].components(separatedBy: delimiter)
        let column = Int.random(in: 0..<cells.count, using: &rng)
        cells[column] = value
        lines[line] = cells.joined(separator: delimiter)
        let changed = lines.joined(separator: "\n")
        files[name] = encoding.encode(changed) ?? Array(changed.utf8)
        mutations.append("\(name): line \(line + 1), field \(column + 1) := \(visible(value, limit: 160))")
    }

    /// Sets a column's cell on every data line (the column picked among those whose second line holds a digit).
    private mutating func replaceColumn(of name: String, with value: String, using rng: inout SplitMix64) {
        guard let (text, encoding) = FileEncoding.decode(files[name]!) else { return }
        var lines = text.components(separatedBy: "\n")
        guard lines.count > 2 else { return }
        let delimiter = [";", "\t", ",", "|"].first { lines[0].contains($0) } ?? ";"
        let numeric = lines[1].components(separatedBy: delimiter).indices.filter { index in
            let cell = lines[1].components(separatedBy: delimiter)[index]
            return cell.contains { $0.isNumber } && !cell.contains("20") && cell.count < 12
        }
        guard let column = numeric.randomElement(using: &rng) else { return }
        for index in 1..<lines.count where !lines[index].isEmpty {
            var cells = lines[index].components(separatedBy: delimiter)
            if column < cells.count { cells[column] = value }
            lines[index] = cells.joined(separator: delimiter)
        }
        let changed = lines.joined(separator: "\n")
        files[name] = encoding.encode(changed) ?? Array(changed.utf8)
        mutations.append("\(name): field \(column + 1) of every line := \(visible(value))")
    }
}

/// A finished run of `ptce`.
struct FuzzRunOutcome {
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var output: String
    var errors: String
    var seconds: Double
}

/// Runs `ptce` with its outputs in files (a pipe fills up on a long list of findings), killed
/// after `timeout` seconds: a guard against a hang, not a measure of speed.
func runPTCE(_ arguments: [String], in directory: URL, timeout: Double) throws -> FuzzRunOutcome {
    let process = Process()
    process.executableURL = PTCE.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let outputURL = directory.appendingPathComponent("stdout.txt"), errorsURL = directory.appendingPathComponent("stderr.txt")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorsURL)
    defer { try? output.close(); try? errors.close() }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    let started = Date()
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        process.terminate()
        if finished.wait(timeout: .now() + 10) == .timedOut { kill(process.processIdentifier, SIGKILL); finished.wait() }
    }
    let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
    return FuzzRunOutcome(
        status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal && !timedOut, timedOut: timedOut,
        output: read(outputURL), errors: read(errorsURL), seconds: Date().timeIntervalSince(started))
}

/// What a trap printed: the line of standard error that names it (Swift's `Fatal error`, a C
/// assertion), its numbers and quoted parts blanked, to tell traps apart.
func trapLine(_ errors: String) -> String {
    let line = errors.split(separator: "\n").first {
        $0.contains("Fatal error") || $0.contains("Assertion") || $0.contains("Precondition failed") || $0.contains("Program crashed")
    }.map(String.init) ?? ""
    return line.replacingOccurrences(of: #"/[^ :]*/"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #"0x[0-9a-fA-F]+"#, with: "0x…", options: .regularExpression)
}

/// A problem of one run: its kind (what tells failures apart) and what was seen.
struct RunProblem {
    var kind: String
    var detail: String
}

/// The problems of one run: a signal, an exit status outside 0, 1, 2, temporary files left in
/// the output folder, a finding of `validate` on several lines, a report announced but absent
/// or (JSON) unreadable.
func runProblems(_ arguments: [String], _ outcome: FuzzRunOutcome, out: URL, pole: String) -> [RunProblem] {
    let command = arguments.first ?? ""
    var problems: [RunProblem] = []
    if outcome.signalled {
        let trap = trapLine(outcome.errors)
        problems.append(RunProblem(
            kind: "ptce \(command) killed by signal \(outcome.status)" + (trap.isEmpty ? "" : ": " + trap.replacingOccurrences(of: #"[0-9]+"#, with: "#", options: .regularExpression)),
            detail: "killed by signal \(outcome.status): " + (outcome.errors.split(separator: "\n").first {
                $0.contains("Fatal error") || $0.contains("Assertion") || $0.contains("Precondition failed") || $0.contains("Program crashed")
            }.map { visible(String($0), limit: 300) } ?? "nothing on standard error says why")))
    } else if outcome.timedOut {
        problems.append(RunProblem(kind: "ptce \(command) did not finish (stopped after the hang guard's delay)", detail: "stopped after \(Int(outcome.seconds)) s"))
    } else if ![0, 1, 2].contains(outcome.status) {
        problems.append(RunProblem(kind: "ptce \(command) exited with a status outside 0, 1, 2", detail: "exit \(outcome.status): \(visible(String(outcome.errors.suffix(300))))"))
    }
    let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") }
    if !leftovers.isEmpty {
        problems.append(RunProblem(
            kind: "ptce \(command) left temporary files in the output folder" + (outcome.signalled ? " (after a signal)" : " (exit \(outcome.status))"),
            detail: leftovers.sorted().joined(separator: ", ")))
    }
    if command == "validate", !outcome.signalled {
        let stray = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().filter { !$0.hasPrefix(pole + "/") }
        if let first = stray.first {
            problems.append(RunProblem(kind: "ptce validate printed a line that is not a finding (one finding on several lines)",
                                       detail: "\(stray.count) such lines, first: \(visible(String(first), limit: 200))"))
        }
    }
    if ["report", "compare"].contains(command), outcome.status == 0 {
        for path in outcome.output.split(separator: "\n").map(String.init) where path.hasPrefix("/") {
            if !FileManager.default.fileExists(atPath: path) {
                problems.append(RunProblem(kind: "ptce \(command) announced a file it did not write", detail: path))
            } else if path.hasSuffix(".json"), (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) == nil {
                problems.append(RunProblem(kind: "ptce \(command) wrote a JSON report that does not parse", detail: path))
            }
        }
    }
    return problems
}

@Suite(.serialized) struct CommandLineFuzzTests {
    /// The sample poles and the fixtures, as files in memory.
    static func bases() throws -> [(String, PoleFiles)] {
        let folders = PTCE.samples + ((try? FileManager.default.contentsOfDirectory(atPath: PTCE.repositoryRoot.appendingPathComponent("Tests/Fixtures").path)) ?? [])
            .sorted().map { "Tests/Fixtures/\($0)" }
            .filter { FileManager.default.fileExists(atPath: PTCE.repositoryRoot.appendingPathComponent($0).appendingPathComponent("pole.toml").path) }
        return try folders.map { folder in
            let url = PTCE.repositoryRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".toml") }
            return (folder, try Dictionary(uniqueKeysWithValues: names.map { ($0, try [UInt8](Data(contentsOf: url.appendingPathComponent($0)))) }))
        }
    }

    /// Damaged poles, odd options: `ptce` never dies by a signal, exits 0, 1 or 2, leaves no
    /// temporary file, prints each finding on one line, and writes the reports it announces.
    /// Short in `swift test` (30 cases, the same every time); `PTCE_FUZZ_SECONDS` for a long
    /// run (a fresh seed unless `PTCE_FUZZ_SEED`), `PTCE_FUZZ_CASE` to replay one case.
    @Test func damagedPolesNeverKillPtce() throws {
        let environment = ProcessInfo.processInfo.environment
        let budget = FuzzBudget.current(short: 30)
        let seed = FuzzBudget.seed(default: 0x5EED_C11, long: budget.isLong)
        let only = environment[FuzzLoop.caseVariable].flatMap { Int($0) }
        let timeout = environment["PTCE_FUZZ_TIMEOUT"].flatMap(Double.init) ?? 120
        let bases = try Self.bases()
        let work = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-fuzz-failures")
        print("fuzz ptce: seed \(seed), \(budget), \(bases.count) base poles")

        var index = only ?? 0
        var cases = 0, runs = 0, failingCases = 0
        var statuses: [String: Int] = [:]
        var kinds: [String: (example: String, count: Int)] = [:], order: [String] = []
        var slowest: (seconds: Double, label: String) = (0, "")
        let started = Date()
        while only.map({ index == $0 }) ?? budget.allows(index) {
            defer { index += 1 }
            let fuzzCase = CommandLineFuzzCase(seed: SplitMix64.caseSeed(seed, index), bases: bases, heavy: budget.isLong)
            let folder = work.appendingPathComponent("case-\(index)")
            let pole = folder.appendingPathComponent("pole"), out = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
            for (name, bytes) in fuzzCase.files { try Data(bytes).write(to: pole.appendingPathComponent(name)) }
            let library = folder.appendingPathComponent("lib")
            if let files = fuzzCase.library {
                try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
                for (name, bytes) in files { try Data(bytes).write(to: library.appendingPathComponent(name)) }
            }
            let other = PTCE.repositoryRoot.appendingPathComponent(PTCE.samples.first ?? "Samples/pays-de-bray").path
            var problems: [RunProblem] = []
            var commandLines: [String] = []
            for command in fuzzCase.commands {
                let arguments = command.map { $0 == "POLE" ? pole.path : $0 == "OTHER" ? other : $0 == "OUT" ? out.path : $0 == "LIB" ? library.path : $0 }
                commandLines.append("ptce " + arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " "))
                let outcome = try runPTCE(arguments, in: folder, timeout: timeout)
                runs += 1
                let label = outcome.signalled ? "signal \(outcome.status)" : outcome.timedOut ? "stopped" : "exit \(outcome.status)"
                statuses[label, default: 0] += 1
                if outcome.seconds > slowest.seconds { slowest = (outcome.seconds, "case \(index): \(commandLines.last!) (\(fuzzCase.mutations.joined(separator: "; ")))") }
                problems += runProblems(arguments, outcome, out: out, pole: pole.path)
            }
            cases += 1
            if !problems.isEmpty {
                failingCases += 1
                // Keep the case to replay it by hand.
                let keep = kept.appendingPathComponent("cli-\(seed)-\(index)")
                try? FileManager.default.removeItem(at: keep)
                try? FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
                try? FileManager.default.copyItem(at: pole, to: keep)
                if fuzzCase.library != nil { try? FileManager.default.copyItem(at: library, to: keep.appendingPathComponent("lib")) }
                // The commands as they replay on the kept folder.
                let replay = commandLines.map {
                    $0.replacingOccurrences(of: library.path, with: keep.appendingPathComponent("lib").path)
                        .replacingOccurrences(of: pole.path, with: keep.path).replacingOccurrences(of: out.path, with: keep.path + "-out")
                }
                try? Data((replay.joined(separator: "\n") + "\n").utf8).write(to: keep.appendingPathComponent("COMMANDS.txt"))
                let example = "case \(index) of seed \(seed) (replay: \(FuzzBudget.seedVariable)=\(seed) \(FuzzLoop.caseVariable)=\(index) "
                    + "swift test --filter CommandLineFuzz; folder kept in \(keep.path))\n  base \(fuzzCase.base); "
                    + fuzzCase.mutations.joined(separator: "; ") + "\n  " + commandLines.joined(separator: "\n  ") + "\n  "
                    + problems.map { "\($0.kind): \($0.detail)" }.joined(separator: "\n  ")
                for kind in Set(problems.map(\.kind)) {
                    if kinds[kind] == nil {
                        kinds[kind] = (example, 1)
                        order.append(kind)
                    } else {
                        kinds[kind]!.count += 1
                    }
                }
            }
            try? FileManager.default.removeItem(at: folder)
        }
        let summary = "fuzz ptce: \(cases) cases, \(runs) runs in \(String(format: "%.0f", Date().timeIntervalSince(started))) s (seed \(seed)); "
            + statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            + "; \(failingCases) failing cases, \(kinds.count) kinds of failure; slowest run \(String(format: "%.1f", slowest.seconds)) s, \(slowest.label)"
        print(summary)
        for kind in order { print("fuzz ptce failure (\(kinds[kind]!.count) cases): \(kind)\n  \(kinds[kind]!.example)") }
        let report = order.map { "\($0) (\(kinds[$0]!.count) cases), first: \(kinds[$0]!.example)" }.joined(separator: "\n\n")
        #expect(kinds.isEmpty, "\(kinds.count) kinds of failure:\n\n\(report)")
    }
}
