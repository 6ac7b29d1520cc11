import Foundation
@testable import PTCEImport
import PTCEFuzzSupport
import PTCEModel
import Testing

/// A TOML file damaged from a seed: the text and the changes made to it.
struct MutatedTOML: Sendable {
    var seed: UInt64
    var text: String
    var steps: [String]

    init(seed: UInt64, bases: [String]) {
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        var text = rng.pick(bases)
        var steps: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let change = TOMLMutation.random(text, using: &rng)
            text = change.text
            steps.append(change.description)
        }
        self.text = text
        self.steps = steps
    }
}

/// Every pole.toml of the repository: the samples' and the fixtures'.
private let poleTOMLs: [String] = ["Samples", "Tests/Fixtures"].flatMap { parent -> [String] in
    let folder = repositoryRoot.appendingPathComponent(parent)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap {
        try? String(contentsOf: folder.appendingPathComponent($0).appendingPathComponent("pole.toml"), encoding: .utf8)
    }
}

/// The most output and temporary file names add to a pole id: `.<id>-<year>.xlsx.<pid>.tmp`,
/// with a 7-digit pid; a file name holds at most 255 bytes.
let longestPoleID = 255 - ".-2024.xlsx.1234567.tmp".utf8.count

/// What is wrong with the profile read from a pole.toml, and with its findings.
func poleTOMLProblems(_ text: String) -> [String] {
    var findings = Findings()
    let profile = PoleProfileReader.read(text, findings: &findings)
    var problems: [String] = findings.all.compactMap { finding in
        if finding.location.file != "pole.toml" { return "finding names another file: \(visible(finding.formatted(.en)))" }
        if finding.location.line == nil { return "finding has no line: \(visible(finding.formatted(.en)))" }
        if let problem = oneLineProblem(finding.formatted(.en)) { return "\(problem): \(visible(finding.formatted(.en)))" }
        return nil
    }
    if let profile {
        let id = profile.id
        if id.isEmpty || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            problems.append("accepted id \(visible(id)), which is not [a-z0-9-]+ (scalars \(id.unicodeScalars.map { String($0.value, radix: 16) }))")
        }
        if id.utf8.count > longestPoleID {
            problems.append("accepted a \(id.utf8.count)-byte id: its output and temporary file names pass 255 bytes")
        }
        if profile.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("accepted an empty name") }
        if !profile.communes.allSatisfy(PoleProfileReader.isCommuneCode) { problems.append("accepted communes \(profile.communes)") }
    }
    return problems
}

/// Run in a child process each (exit tests): TOMLKit's parser is C++, whose assertions abort.
@Suite struct TOMLFuzzTests {
    /// Property (3): a damaged pole.toml never traps the reader; every finding names pole.toml
    /// and a line and is one line; a profile read despite the damage has a valid id (ASCII
    /// `[a-z0-9-]+` scalar by scalar, short enough for file names), a name and INSEE codes.
    @Test func damagedPoleTOMLGivesLocatedFindingsOrAValidProfile() async {
        FuzzBreadcrumb.clear("pole.toml")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                FuzzLoop.run("pole.toml", short: 300, seed: 0x5EED_7011) { seed in
                    let toml = MutatedTOML(seed: seed, bases: poleTOMLs)
                    return (toml.text, Array(toml.text.utf8), toml.steps.joined(separator: "; "))
                } check: { text in
                    poleTOMLProblems(text)
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("pole.toml"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("pole.toml")
        FuzzBreadcrumb.printSummary("pole.toml", traps: traps)
    }

    /// The question bank of the indicator library, damaged: no trap, located one-line findings.
    @Test func damagedQuestionBankGivesLocatedFindings() async {
        FuzzBreadcrumb.clear("questions.toml")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                let bank = (try? String(contentsOf: repositoryRoot.appendingPathComponent("Indicators/questions.toml"), encoding: .utf8)) ?? ""
                FuzzLoop.run("questions.toml", short: 100, seed: 0x5EED_B411) { seed in
                    let toml = MutatedTOML(seed: seed, bases: [bank])
                    return (toml.text, Array(toml.text.utf8), toml.steps.joined(separator: "; "))
                } check: { text in
                    var findings = Findings()
                    _ = QuestionBankReader.read(text, file: "questions.toml", findings: &findings)
                    return findings.all.compactMap { finding in
                        if finding.location.file != "questions.toml" { return "finding names another file: \(visible(finding.formatted(.en)))" }
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
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("questions.toml"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("questions.toml")
        FuzzBreadcrumb.printSummary("questions.toml", traps: traps)
    }
}
