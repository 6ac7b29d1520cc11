import Foundation
@testable import PTCEIndicators
import PTCEFuzzSupport
import PTCEModel
import Testing

/// Formulas that test the expression parser and checker: unbalanced, deeply nested, unknown
/// names, numbers past a double's range, every operator at the end.
private let hostileFormulas: [String] = [
    "ratio(members.fte, ", "sum(members.fte", ")", "1/0", "sum(members.fte) * 1e308 * 10", "1" + String(repeating: "0", count: 400),
    String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000), String(repeating: "-", count: 5_000) + "1",
    String(repeating: "sum(", count: 2_000) + "members.fte" + String(repeating: ")", count: 2_000),
    (0..<3_000).map { _ in "1" }.joined(separator: "+"), "members.", ".fte", "sum(members.nope)", "count(members) +", "* 2",
    "ratio()", "ratio(1,2,3,4)", "\u{0}", "\u{FFFE}", "sum(members.fte\u{301})", "if", "\"text\"", "eco.fte", "eco.fte + eco.fte",
]

/// Run in a child process (an exit test): a recursive parser can exhaust its stack.
@Suite struct IndicatorLibraryFuzzTests {
    /// The indicator library's TOML files, one damaged per case (its syntax, its keys, its
    /// formulas): reading it does not trap, and every finding names a file of the library and
    /// a line, on one line.
    @Test func damagedLibraryGivesLocatedFindings() async {
        FuzzBreadcrumb.clear("indicator-library")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                let source = repositoryRoot.appendingPathComponent("Indicators")
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-fuzz-library-\(getpid())")
                try? FileManager.default.removeItem(at: folder)
                try? FileManager.default.copyItem(at: source, to: folder)
                defer { try? FileManager.default.removeItem(at: folder) }
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
                let originals = Dictionary(uniqueKeysWithValues: names.map {
                    ($0, (try? String(contentsOf: source.appendingPathComponent($0), encoding: .utf8)) ?? "")
                })
                FuzzLoop.run("indicator-library", short: 30, seed: 0x5EED_11B5) { seed in
                    var rng = SplitMix64(seed: seed)
                    let name = rng.pick(names)
                    var text = originals[name]!
                    var steps = [name]
                    for _ in 0..<Int.random(in: 1...3, using: &rng) {
                        if rng.chance(0.3), let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.hasPrefix("formula") }) {
                            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                            let formula = rng.pick(hostileFormulas)
                            let escaped = formula.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04X", $0.value) : String($0) }.joined()
                            lines[line + Int.random(in: 0..<3, using: &rng) * 10 % max(lines.count - line, 1)] = "formula = \"\(escaped)\""
                            text = lines.joined(separator: "\n")
                            steps.append("formula = \(visible(formula, limit: 80))")
                        } else {
                            let change = TOMLMutation.random(text, using: &rng)
                            text = change.text
                            steps.append(change.description)
                        }
                    }
                    return ((name, text), Array(text.utf8), steps.joined(separator: "; "))
                } check: { (name: String, text: String) in
                    let file = folder.appendingPathComponent(name)
                    try? Data(text.utf8).write(to: file)
                    defer { try? Data(originals[name]!.utf8).write(to: file) }
                    var findings = Findings()
                    _ = IndicatorLibraryReader.read(folder: folder, findings: &findings)
                    return findings.all.compactMap { finding in
                        if !names.contains(finding.location.file) { return "finding names no file of the library: \(visible(finding.formatted(.en)))" }
                        if finding.location.line == nil { return "finding has no line: \(visible(finding.formatted(.en)))" }
                        if let problem = oneLineProblem(finding.formatted(.en)) { return "\(problem): \(visible(finding.formatted(.en)))" }
                        return nil
                    }
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("indicator-library"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("indicator-library")
        FuzzBreadcrumb.printSummary("indicator-library", traps: traps)
    }
}
