import ArgumentParser
import Foundation
import PTCESampleData

extension PTCECommand {
    /// `ptce sample DIR --members N --years Y`: a large generated pole for benchmarks.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a large generated pole folder (French Excel dialect) for benchmarks and scale tests."
        )

        @Argument(help: "The folder to write.", completion: .directory)
        var folder: String

        @Option(help: "Member structures per year.")
        var members = 10_000

        @Option(help: "Years of data.")
        var years = 2

        @Option(help: "Seed of the generator (same seed, same files).")
        var seed: UInt64 = 2014

        func validate() throws {
            guard members >= 2, years >= 1 else { throw ValidationError("--members must be ≥ 2 and --years ≥ 1") }
        }

        func run() throws {
            try SampleGenerator(members: members, years: years, seed: seed).write(to: URL(fileURLWithPath: folder, isDirectory: true))
            print(folder)
        }
    }
}
