import Foundation

/// How long the fuzz harness runs: a short, fixed number of cases in `swift test`, or, when
/// `PTCE_FUZZ_SECONDS` is set, as many cases as fit in that many seconds (each fuzz test gets
/// the whole budget; they run side by side). See README, "Fuzzing".
public struct FuzzBudget: Sendable, CustomStringConvertible {
    /// The environment variable that turns the short run into a long one.
    public static let secondsVariable = "PTCE_FUZZ_SECONDS"
    /// The environment variable that fixes the seed of the seeded fuzzers (decimal or 0x…).
    public static let seedVariable = "PTCE_FUZZ_SEED"

    /// Cases of a short run.
    public let shortCount: Int
    /// The end of a long run, `nil` for a short one.
    public let deadline: Date?
    public let seconds: Double?

    public init(shortCount: Int, deadline: Date?, seconds: Double?) {
        self.shortCount = shortCount
        self.deadline = deadline
        self.seconds = seconds
    }

    /// The budget of a test whose short run is `short` cases.
    public static func current(short: Int, environment: [String: String] = ProcessInfo.processInfo.environment) -> FuzzBudget {
        let seconds = environment[secondsVariable].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        return FuzzBudget(shortCount: short, deadline: seconds.map { Date(timeIntervalSinceNow: $0) }, seconds: seconds)
    }

    public var isLong: Bool { deadline != nil }

    /// Whether case number `index` (0-based) is still to be run.
    public func allows(_ index: Int) -> Bool {
        if let deadline { return Date() < deadline }
        return index < shortCount
    }

    /// Runs a property checker by batches: once with the short count, or again and again until
    /// the deadline. `batch` gets the number of cases to check and returns whether one failed;
    /// the run stops at the first failing batch. Returns the number of cases checked.
    @discardableResult
    public func runBatches(batchSize: Int = 50, _ batch: (Int) async -> Bool) async -> Int {
        guard let deadline else {
            _ = await batch(shortCount)
            return shortCount
        }
        var cases = 0
        while Date() < deadline {
            let failed = await batch(batchSize)
            cases += batchSize
            if failed { break }
        }
        return cases
    }

    /// The seed of a seeded fuzzer: `PTCE_FUZZ_SEED` if set, else `fixed` for a short run (the
    /// same cases every time) or a fresh one for a long run. Always printed by the caller.
    public static func seed(default fixed: UInt64, long: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64 {
        if let text = environment[seedVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.lowercased().hasPrefix("0x"), let value = UInt64(text.dropFirst(2), radix: 16) { return value }
            if let value = UInt64(text) { return value }
        }
        return long ? UInt64.random(in: 1 ... .max) : fixed
    }

    public var description: String {
        seconds.map { "long run of \($0) s" } ?? "short run of \(shortCount) cases"
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same cases on every
/// machine, so that a failure printed with its seed can be replayed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of case `index` of a run seeded with `seed`: every case can be replayed alone.
    public static func caseSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return generator.next()
    }
}

extension RandomNumberGenerator {
    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// A random element of a non-empty array.
    public mutating func pick<T>(_ elements: [T]) -> T {
        elements[Int.random(in: 0..<elements.count, using: &self)]
    }
}

/// Where the input being checked is written before each case, so that a trap, which ends the
/// process before any report, still leaves it behind: `$TMPDIR/ptce-fuzz-last/<property>` (the
/// input) and `<property>.txt` (seed, case, how it was made). The test that runs the property
/// in a child process reads them back when the child dies by a signal (README, "Fuzzing").
public enum FuzzBreadcrumb {
    public static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-fuzz-last")

    public static func record(_ property: String, input: [UInt8], description: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent(property).path, contents: Data(input))
        FileManager.default.createFile(atPath: folder.appendingPathComponent(property + ".txt").path, contents: Data(description.utf8))
    }

    /// What the last case of `property` was, for a report after a trap.
    public static func last(_ property: String) -> String {
        let description = (try? String(contentsOf: folder.appendingPathComponent(property + ".txt"), encoding: .utf8)) ?? "(nothing recorded)"
        let input = FileManager.default.contents(atPath: folder.appendingPathComponent(property).path).map { [UInt8]($0) } ?? []
        return "\(description)\ninput (\(input.count) bytes, kept in \(folder.appendingPathComponent(property).path)): \(visible(input))"
    }

    /// Records what a finished run checked, read back by the parent test to print it.
    public static func recordSummary(_ property: String, _ summary: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent(property + ".summary").path, contents: Data(summary.utf8))
    }

    public static func summary(_ property: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(property + ".summary"), encoding: .utf8)
    }

    /// Prints the figures of a property's run, with the traps it survived (``FuzzLoop/resumeAfterTrap(_:)``).
    public static func printSummary(_ property: String, traps: Int) {
        guard let summary = summary(property) else { return }
        print("fuzz \(summary)" + (traps == 0 ? "" : "; \(traps) trap\(traps == 1 ? "" : "s") (child processes killed)"))
    }

    public static func clear(_ property: String) {
        for suffix in ["", ".txt", ".summary", ".state", ".resume", ".kinds"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(property + suffix)) }
    }
}

/// Where a seeded loop is: written before each case, so that after a trap the parent test can
/// start a new child on the next case (`<property>.state`, `<property>.resume`).
public struct FuzzState: Sendable {
    public var seed: UInt64
    public var index: Int
    public var deadline: Date?
    public var started: Date
    public var cases: Int
    public var failing: Int

    private static func url(_ property: String, resume: Bool) -> URL {
        FuzzBreadcrumb.folder.appendingPathComponent(property + (resume ? ".resume" : ".state"))
    }

    func save(_ property: String, resume: Bool = false) {
        let fields = [String(seed), String(index), deadline.map { String($0.timeIntervalSince1970) } ?? "-", String(started.timeIntervalSince1970),
                      String(cases), String(failing)]
        FileManager.default.createFile(atPath: Self.url(property, resume: resume).path, contents: Data(fields.joined(separator: " ").utf8))
    }

    /// Reads and removes the state (or the resume point) of `property`.
    static func take(_ property: String, resume: Bool) -> FuzzState? {
        let url = url(property, resume: resume)
        defer { try? FileManager.default.removeItem(at: url) }
        guard let fields = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: " ").map(String.init), fields.count == 6,
              let seed = UInt64(fields[0]), let index = Int(fields[1]), let started = Double(fields[3]),
              let cases = Int(fields[4]), let failing = Int(fields[5])
        else { return nil }
        return FuzzState(seed: seed, index: index, deadline: Double(fields[2]).map(Date.init(timeIntervalSince1970:)),
                         started: Date(timeIntervalSince1970: started), cases: cases, failing: failing)
    }
}

/// A seeded fuzz loop: case after case, each made from its own seed (``SplitMix64/caseSeed(_:_:)``),
/// written as a breadcrumb, then checked. It stops at the first case with problems, unless
/// `PTCE_FUZZ_KEEP_GOING=1`: then it runs the whole budget and keeps one case per kind of problem.
public enum FuzzLoop {
    /// Replays one case alone: `PTCE_FUZZ_SEED` names the run, `PTCE_FUZZ_CASE` the case.
    public static let caseVariable = "PTCE_FUZZ_CASE"
    /// Runs the whole budget, keeping the first case of each kind of problem.
    public static let keepGoingVariable = "PTCE_FUZZ_KEEP_GOING"

    public struct Failure: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var index: Int
        public var input: String
        public var problems: [String]

        public var description: String {
            "case \(index) of seed \(seed) failed (replay it alone: \(FuzzBudget.seedVariable)=\(seed) \(FuzzLoop.caseVariable)=\(index)):\n"
                + problems.prefix(8).joined(separator: "\n") + (problems.count > 8 ? "\n… \(problems.count - 8) more" : "")
                + "\ninput: \(input)"
        }
    }

    /// Runs `check` on the cases `make` builds from seeds, within the budget of `short` cases
    /// or `PTCE_FUZZ_SECONDS`. `make` returns the input, its bytes (the breadcrumb) and a
    /// description; `check` the problems found; `report` gets the first case of each kind of
    /// problem as soon as it is found (the caller records it as an issue). Without
    /// `PTCE_FUZZ_KEEP_GOING` the loop ends at the first failing case. The figures of the run
    /// are left for the parent test (``FuzzBreadcrumb/summary(_:)``).
    public static func run<Input>(
        _ property: String, short: Int, seed fixed: UInt64,
        make: (UInt64) -> (input: Input, bytes: [UInt8], description: String),
        check: (Input) -> [String],
        report: (Failure) -> Void
    ) {
        let environment = ProcessInfo.processInfo.environment
        // A run resumed after a trap (PTCE_FUZZ_KEEP_GOING) goes on where it died, with its seed,
        // its deadline and the kinds of failure already reported.
        let resumed = FuzzState.take(property, resume: true)
        var budget = FuzzBudget.current(short: short)
        if let resumed { budget = FuzzBudget(shortCount: short, deadline: resumed.deadline, seconds: budget.seconds) }
        let seed = resumed?.seed ?? FuzzBudget.seed(default: fixed, long: budget.isLong)
        let keepGoing = environment[keepGoingVariable] == "1"
        let started = resumed?.started ?? Date()
        // PTCE_FUZZ_CASE=n replays case n alone.
        let only = environment[caseVariable].flatMap { Int($0) }
        var index = resumed?.index ?? only ?? 0
        var cases = resumed?.cases ?? 0, failing = resumed?.failing ?? 0
        let kindsFile = FuzzBreadcrumb.folder.appendingPathComponent(property + ".kinds")
        if resumed == nil { try? FileManager.default.removeItem(at: kindsFile) }
        var reported = Set(((try? String(contentsOf: kindsFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        defer {
            FuzzBreadcrumb.recordSummary(property, "\(property): \(cases) cases in \(String(format: "%.0f", Date().timeIntervalSince(started))) s, "
                + "\(failing) failing, \(reported.count) kinds of failure; seed \(seed) (\(budget))")
        }
        while only.map({ index == $0 }) ?? budget.allows(index) {
            let made = make(SplitMix64.caseSeed(seed, index))
            FuzzBreadcrumb.record(property, input: made.bytes, description: "case \(index) of seed \(seed): \(made.description)")
            FuzzState(seed: seed, index: index, deadline: budget.deadline, started: started, cases: cases, failing: failing).save(property)
            let problems = check(made.input)
            cases += 1
            if !problems.isEmpty {
                failing += 1
                // The first case of each kind of problem is reported at once (a later trap
                // would lose it), its problem first.
                for problem in problems {
                    let kind = signature(problem)
                    guard reported.insert(kind).inserted else { continue }
                    try? Data(reported.sorted().joined(separator: "\n").utf8).write(to: kindsFile)
                    let shown = made.description + (made.bytes.isEmpty ? "" : "\n" + visible(made.bytes, limit: 2_000))
                    report(Failure(seed: seed, index: index, input: shown, problems: [problem] + problems.filter { $0 != problem }))
                }
                if !keepGoing { break }
            }
            index += 1
        }
    }

    /// After a trap in a child process, with `PTCE_FUZZ_KEEP_GOING=1` and budget left: leaves
    /// the state for the next child to resume after the case that trapped; false otherwise.
    public static func resumeAfterTrap(_ property: String) -> Bool {
        guard ProcessInfo.processInfo.environment[keepGoingVariable] == "1",
              ProcessInfo.processInfo.environment[caseVariable] == nil,
              var state = FuzzState.take(property, resume: false)
        else { return false }
        state.index += 1
        state.cases += 1
        state.failing += 1
        if let deadline = state.deadline { guard Date() < deadline else { return false } }
        state.save(property, resume: true)
        return true
    }

    /// The kind of a problem: its words without the quoted text, numbers and escapes that
    /// change from case to case, and without the place a finding names.
    public static func signature(_ problem: String) -> String {
        if problem.hasPrefix("finding "), let colon = problem.range(of: ": ") { return String(problem[..<colon.lowerBound]) }
        if problem.contains(" was accepted as inf") { return "a figure accepted as infinity" }
        if problem.contains(" was accepted as ") { return "a figure accepted outside the domain's bounds" }
        if problem.contains(" was refused without ") { return "a refused cell without its located error" }
        var text = problem
        if let range = problem.range(of: " is not well-formed XML") { text = String(problem[..<range.upperBound]) }
        if let range = problem.range(of: " live tag ") ?? problem.range(of: " ends an attribute value") { text = String(problem[..<range.upperBound]) }
        for (pattern, replacement) in [(#""(?:[^"\\]|\\.)*""#, "\"…\""), (#"\\u\{[0-9A-F]+\}"#, "\\u{…}"), (#"[0-9]+"#, "#")] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }
}

/// Text shown in a failure message: control characters, marks and other invisible or
/// misleading scalars spelled as `\u{…}`, long text cut in the middle.
public func visible(_ text: String, limit: Int = 400) -> String {
    var shown = ""
    for scalar in text.unicodeScalars {
        let value = scalar.value
        let plain = (0x20..<0x7F).contains(value) || ((0xA1...0x2FF).contains(value) && value != 0xAD)
        shown += plain && scalar != "\\" ? String(scalar) : "\\u{\(String(value, radix: 16, uppercase: true))}"
    }
    guard shown.count > limit else { return shown }
    return String(shown.prefix(limit / 2)) + " […\(shown.count - limit) more…] " + String(shown.suffix(limit / 2))
}

/// Bytes shown in a failure message: printable ASCII as is, the rest as `\xHH`.
public func visible(_ bytes: [UInt8], limit: Int = 600) -> String {
    var shown = ""
    for byte in bytes.prefix(limit) {
        shown += (0x20..<0x7F).contains(byte) && byte != 0x5C ? String(UnicodeScalar(byte)) : "\\x" + String(format: "%02X", byte)
    }
    return bytes.count > limit ? shown + " […\(bytes.count - limit) more bytes]" : shown
}

/// Why a finding's text is not one clean line: a line break (LF, CR, VT, FF, NEL, U+2028,
/// U+2029) or another control character; `nil` when it is one.
public func oneLineProblem(_ text: String) -> String? {
    let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
    if text.unicodeScalars.contains(where: { breaks.contains($0.value) }) { return "finding spans several lines" }
    if !isOneLine(text) { return "finding holds a control character" }
    return nil
}

/// Whether a finding's text stays on one line and holds no control character: no C0 or C1
/// control (tab included), no DEL, no Unicode line or paragraph separator.
public func isOneLine(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

/// Lets at most `limit` fuzz child processes (exit tests) run at once, one fewer than the
/// cores. Swift Testing's parent side of an exit test blocks a thread of the cooperative pool,
/// which has as many threads as cores, while its child runs: with as many children as cores,
/// no other test could run, and a finished child would wait, unreaped, for a thread.
public actor FuzzChildGate {
    public static let shared = FuzzChildGate(limit: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    public func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    public func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
