import Foundation
@testable import PTCEDashboard
import PTCEFuzzSupport
import PTCEImport
import PTCEIndicators
import PTCEModel
import Testing

private let fuzzLibrary: IndicatorLibrary = {
    var findings = Findings()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return IndicatorLibraryReader.read(folder: root.appendingPathComponent("Indicators"), findings: &findings)!
}()

private func hostileDataset(_ pole: HostilePole, id: String) -> PoleDataset {
    let profile = PoleProfile(
        id: id, name: pole.name, territory: pole.territory, communes: ["60141", "60463"], population: 20_000,
        region: pole.region, created: 2012, amiLaureate: [2014], sectors: [pole.sector])
    var findings = Findings()
    var dataset = PoleFolderReader(library: fuzzLibrary).read(profile: profile, files: pole.fileBytes, findings: &findings)
    dataset.findings = findings
    return dataset
}

/// Where markup planted in data comes out live in a page: the marker tag `<x-fuzz-marker`
/// unescaped, or, inside a tag, the marker attribute right after a raw `"` (and the marks that
/// fused with it), which would end an attribute value.
/// Searched in the page's bytes: a search on characters would miss a `<` fused into one
/// grapheme cluster with the mark before it, which is exactly the escaper's blind spot.
func liveMarkup(in html: String) -> [String] {
    let bytes = Array(html.utf8)
    var problems: [String] = []
    func context(_ index: Int) -> String {
        visible(String(decoding: bytes[max(index - 30, 0)..<min(index + 50, bytes.count)], as: UTF8.self))
    }
    let tag = Array("<\(HostileText.markerTag)".utf8)
    let attribute = Array(" \(HostileText.markerAttribute)=".utf8)
    let extendingBytes = Set(HostileText.extending.flatMap { Array(String($0).utf8) })
    var index = 0
    while index + tag.count <= bytes.count {
        if bytes[index] == tag[0], Array(bytes[index..<(index + tag.count)]) == tag {
            problems.append("a live tag from data reached the page: …\(context(index))…")
        }
        if bytes[index] == attribute[0], index + attribute.count <= bytes.count, Array(bytes[index..<(index + attribute.count)]) == attribute {
            // Step back over the marks planted after the quote.
            var before = index - 1
            while before >= 0, extendingBytes.contains(bytes[before]) { before -= 1 }
            // Inside one of the page's own tags (the last bracket before the quote opens a tag whose
            // name is not the marker's), a raw quote ends an attribute value.
            let lastBracket = bytes[..<max(before, 0)].lastIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
            let opensOwnTag = lastBracket.map { at in
                bytes[at] == UInt8(ascii: "<") && at + 1 < bytes.count && (bytes[at + 1] | 0x20) >= UInt8(ascii: "a") && (bytes[at + 1] | 0x20) <= UInt8(ascii: "z")
                    && !bytes[(at + 1)...].starts(with: Array(HostileText.markerTag.utf8))
            } ?? false
            if before >= 0, bytes[before] == UInt8(ascii: "\""), before < index - 1, opensOwnTag {
                problems.append("a raw quote from data ends an attribute value, fused with the mark after it: …\(context(before))…")
            }
        }
        index += 1
    }
    return problems
}

/// Run in a child process (an exit test), like the other fuzz checks.
@Suite struct DashboardFuzzTests {
    /// Property (5): with hostile member text carrying a marker tag mixed with marks that fuse
    /// with `<`, `>` or `"` (prepended concatenation marks before, combining marks after), no
    /// `<` from data reaches the report dashboard or the comparison dashboard live.
    @Test func noTagFromDataReachesTheDashboard() async {
        FuzzBreadcrumb.clear("dashboard")
        var traps = 0
        repeat {
            await FuzzChildGate.shared.enter()
            let result = await #expect(processExitsWith: .success) {
                FuzzLoop.run("dashboard", short: 40, seed: 0x5EED_DA5B) { seed in
                    var rng = SplitMix64(seed: seed)
                    let text = { (rng: inout SplitMix64) -> String in
                        rng.chance(0.6) ? HostileText.markedText(using: &rng) : HostileText.text(using: &rng, maximum: 4, allowLong: false)
                    }
                    let pole = HostilePole.random(using: &rng, text: text)
                    let other = HostilePole.random(using: &rng, text: text)
                    let language: Language = rng.chance(0.5) ? .fr : .en
                    let description = "\(language.rawValue); files: " + pole.files.sorted { $0.key < $1.key }.map { "\($0.key): \(visible($0.value, limit: 1_500))" }
                        .joined(separator: "\n") + "\nprofile: name \(visible(pole.name)), territory \(visible(pole.territory)), region \(visible(pole.region)), sector \(visible(pole.sector))"
                    return ((pole, other, language), Array(pole.files["members.csv"]!.utf8), description)
                } check: { input in
                    let (pole, other, language) = input
                    let dataset = hostileDataset(pole, id: "fuzz")
                    let report = DashboardWriter.html(ReportBuilder(library: fuzzLibrary).report(for: dataset, year: 2024), language: language)
                    let comparison = ComparisonDashboardWriter.html(
                        ComparisonBuilder(library: fuzzLibrary).compare([dataset, hostileDataset(other, id: "fuzz-b")], year: 2024), language: language)
                    return liveMarkup(in: report).map { "report dashboard: " + $0 } + liveMarkup(in: comparison).map { "comparison dashboard: " + $0 }
                } report: { failure in
                    Issue.record("\(failure)")
                }
            }
            await FuzzChildGate.shared.leave()
            guard result == nil else { break }
            traps += 1
            if traps <= 3 { Issue.record("the check died on this case:\n\(FuzzBreadcrumb.last("dashboard"))") }
        } while traps < 50 && FuzzLoop.resumeAfterTrap("dashboard")
        FuzzBreadcrumb.printSummary("dashboard", traps: traps)
    }

    /// The escaper alone, on every mark that fuses with `<`, `>`, `"`, `&` or `'` into one
    /// grapheme cluster: none of these five comes out raw.
    @Test func theEscaperEscapesFusedCharacters() {
        let fused = HostileText.prepending.flatMap { mark in ["<", ">", "\"", "&", "'"].map { String(mark) + $0 } }
            + HostileText.extending.flatMap { mark in ["<", ">", "\"", "&", "'"].map { $0 + String(mark) } }
        // Entities are removed scalar by scalar: a string search would compare grapheme clusters,
        // and miss `&lt;` when a mark fuses with its `;`.
        let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map { Array($0.unicodeScalars) }
        let raw = fused.filter { text in
            let escaped = Array(HTMLBuilder.escape(text).unicodeScalars)
            var index = 0
            while index < escaped.count {
                if let entity = entities.first(where: { escaped[index...].starts(with: $0) }) {
                    index += entity.count
                    continue
                }
                if "<>\"'&".unicodeScalars.contains(escaped[index]) { return true }
                index += 1
            }
            return false
        }
        #expect(raw.isEmpty, "\(raw.count) of \(fused.count) fused texts keep a raw <, >, \", & or ': \(raw.map { visible($0) + " → " + visible(HTMLBuilder.escape($0)) }.joined(separator: ", "))")
    }
}
