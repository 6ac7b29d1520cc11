import ArgumentParser
import Foundation
import PTCEIndicators
import PTCEModel

@main
struct PTCECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptce",
        // ASCII: swift-argument-parser's man page generator drops other characters.
        abstract: "Impact reporting for French PTCE (territorial clusters of economic cooperation).",
        discussion: "Exit status: 0 ok, 1 data errors, 2 usage errors.",
        version: "\(Engine.name) \(Engine.version)\nindicator library: standard \(Engine.version) (fingerprint \(LibraryIdentity.standard.fingerprint.prefix(12)))",
        subcommands: [Validate.self, Report.self, Compare.self, Indicators.self, Init.self, Collect.self, Import.self, Sample.self]
    )

    /// Runs the command with the exit statuses of the spec: usage errors exit 2 (not 64). A
    /// command line that cannot be parsed gets ArgumentParser's message and usage; a usage error
    /// met while running (a folder that is not one, a year without members, an unusable --out)
    /// is one line.
    static func main() {
        keepFreedBuffersOutOfTheHeap()
        OutputStaging.shared.startHandlingSignals()
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch let error as ValidationError {
                printToStandardError("Error: \(error.message)")
                Foundation.exit(2)
            }
        } catch let error as OutputError {
            printToStandardError(error.description)
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// glibc serves an allocation from the heap once an equally large buffer has been freed (its
/// mmap threshold grows up to 32 MB): the buffers of a large file then stay in the heap after
/// use and fragment it, and a 400,000-row report peaked 40 MB higher. A fixed threshold keeps
/// large buffers mapped on their own, returned to the system when freed.
private func keepFreedBuffersOutOfTheHeap() {
    #if os(Linux)
    // mallopt(M_MMAP_THRESHOLD, …), looked up by name: <malloc.h> is not part of Swift's Glibc
    // module, and a C library without it (musl) is left as it is.
    typealias SetMallocOption = @convention(c) (_ option: Int32, _ value: Int32) -> Int32
    let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
    guard let mallopt = dlsym(nil, "mallopt") else { return }
    _ = unsafeBitCast(mallopt, to: SetMallocOption.self)(mmapThreshold, 256 * 1024)
    #endif
}
