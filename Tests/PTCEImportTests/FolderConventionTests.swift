import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// README, "What the importer accepts": an ambiguous `1,234` follows its column, else its file, else the folder's other files.
@Suite struct FolderConventionTests {
    /// Google Sheets in English: `22.5` in members.csv shows the decimal point.
    private let pointMembers = "year,member_id,name,actor_type,fte\n2024,A,Alpha,ess,22.5\n2024,B,Beta,company,4\n2024,C,Gamma,public,2\n"

    @Test func anotherFileSettlesWhatTheFileCannot() {
        let dataset = readDataset([
            "members.csv": pointMembers,
            "finances.csv": "year,source,kind,amount\n2024,State,state,\"35,000\"\n2024,Dues,member_dues,\"2,500\"\n",
            "cooperations.csv": "year,member_a,member_b,kind,amount\n2024,A,B,joint_project,\"12,000\"\n",
        ])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.finances.map(\.amount) == [35_000, 2_500])
        #expect(dataset.cooperations.map(\.amount) == [12_000])
    }

    @Test func aCommaDecimalElsewhereMakesThePointGroupThousands() {
        let dataset = readDataset([
            "members.csv": membersCSV(";ETP", ["2024;A;Alpha;ess;7,5"]),
            "finances.csv": "Année;Financeur;Type;Montant\n2024;État;État;1.234\n",
        ])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.finances.map(\.amount) == [1_234])
    }

    @Test func theFileComesBeforeTheFolder() {
        // members.csv shows the comma (7,5), so its `1,234` is 1.234 although finances.csv shows the point.
        let dataset = readDataset([
            "members.csv": membersCSV(";ETP;Achats", ["2024;A;Alpha;ess;7,5;1,234"]),
            "finances.csv": "year;source;kind;amount\n2024;State;state;1,150,000\n",
        ])
        #expect(dataset.formattedFindings == [])
        #expect(dataset.members.first?.purchases == 1.234)
        #expect(dataset.finances.first?.amount == 1_150_000)
    }

    @Test func otherFilesThatDisagreeSettleNothing() {
        let dataset = readDataset([
            "members.csv": pointMembers,
            "finances.csv": "year,source,kind,amount\n2024,State,state,\"7,5\"\n",
            "cooperations.csv": "year,member_a,member_b,kind,amount\n2024,A,B,joint_project,\"1,234\"\n",
        ])
        #expect(dataset.cooperations.first?.amount == nil)
        #expect(dataset.formattedFindings == [
            "cooperations.csv:2:amount: error: \"1,234\" is ambiguous: 1.234 or 1234? Nothing else in column amount or in "
                + "cooperations.csv settles whether \",\" marks decimals, and the folder's other files disagree: decimal "
                + "point in members.csv, decimal comma in finances.csv; write it with a space for thousands (1 234) or with "
                + "more decimals (1,2340)",
        ])
    }

    @Test func nothingInTheFolderSettlesIt() {
        let dataset = readDataset([
            "members.csv": membersCSV(";Effectif", ["2024;A;Alpha;ess;12", "2024;B;Beta;entreprise;3"]),
            "finances.csv": "year,source,kind,amount\n2024,State,state,\"35,000\"\n",
            "cooperations.csv": "year,member_a,member_b,kind,amount\n2024,A,B,joint_project,\"4,500\"\n",
        ])
        #expect(dataset.finances.isEmpty)
        #expect(dataset.cooperations.first?.amount == nil)
        let tail = "write it with a space for thousands (1 234) or with more decimals (1,2340)"
        #expect(dataset.formatted(.error) == [
            "cooperations.csv:2:amount: error: \"4,500\" is ambiguous: 4.5 or 4500? Nothing else in column amount or in "
                + "cooperations.csv settles whether \",\" marks decimals, nor do the folder's other files (members.csv, "
                + "finances.csv); \(tail)",
            "finances.csv:2:amount: error: \"35,000\" is ambiguous: 35 or 35000? Nothing else in column amount or in "
                + "finances.csv settles whether \",\" marks decimals, nor do the folder's other files (members.csv, "
                + "cooperations.csv); \(tail)",
        ])
    }

    /// Reads the folder through `contents`, counting how many times each file's bytes are asked for.
    private func readCounting(_ files: [String: String]) -> (PoleDataset, [String: Int]) {
        let requests = Counter()
        var findings = Findings()
        var dataset = PoleFolderReader(questionBank: standardBank).read(
            profile: testProfile,
            isPresent: { files[$0] != nil },
            contents: { name in
                requests.add(name)
                return files[name].map { .bytes(Array($0.utf8)) }
            },
            findings: &findings)
        dataset.findings = findings
        return (dataset, requests.counts())
    }

    /// Counts under a lock: the survey's bytes are asked for on another thread than the others'.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var countsByFile: [String: Int] = [:]

        func add(_ file: String) { lock.withLock { countsByFile[file, default: 0] += 1 } }
        func counts() -> [String: Int] { lock.withLock { countsByFile } }
    }

    @Test func aFolderWhoseFilesSettleTheirOwnNumbersReadsEachFileOnce() {
        let (dataset, requests) = readCounting([
            "members.csv": pointMembers,
            "finances.csv": "year,source,kind,amount\n2024,State,state,\"1,150,000\"\n2024,Dues,member_dues,\"2,500\"\n",
        ])
        #expect(dataset.finances.map(\.amount) == [1_150_000, 2_500])
        #expect(requests == ["members.csv": 1, "cooperations.csv": 1, "finances.csv": 1, "projects.csv": 1, "survey.csv": 1, "targets.csv": 1])
    }

    @Test func anotherFileIsReadAtMostOnceForTheFolderAndReportsNothingThen() {
        // members.csv settled itself when its turn came (its file showed the point); cooperations.csv
        // then reads finances.csv ahead of its turn, once, and finances.csv asks nobody again.
        let (dataset, requests) = readCounting([
            "members.csv": pointMembers.replacingOccurrences(of: "fte\n", with: "fte,turnover\n")
                .replacingOccurrences(of: "22.5\n", with: "22.5,\"480,000\"\n"),
            "cooperations.csv": "year,member_a,member_b,kind,amount\n2024,A,B,joint_project,\"12,000\"\n",
            "finances.csv": "year,source,kind,amount\n2024,State,grant,\"35,000\"\n2024,Dues,member_dues,\"2,500\"\n",
        ])
        #expect(dataset.members.first?.turnover == 480_000)
        #expect(dataset.cooperations.map(\.amount) == [12_000])
        #expect(dataset.finances.map(\.amount) == [2_500])
        #expect(requests == ["members.csv": 1, "cooperations.csv": 1, "finances.csv": 2, "projects.csv": 2, "survey.csv": 1, "targets.csv": 1])
        // finances.csv's bad kind is reported once, in its own turn.
        #expect(dataset.formatted(.error).count == 1)
        #expect(dataset.formatted(.error).first?.hasPrefix("finances.csv:2:kind: error: \"grant\" is not a known kind") == true)
    }
}
