import Foundation
import PTCEWorkbook

/// A report that cannot be written where `--out` says: a usage error (exit 2), told in one line
/// that names the path and what is wrong.
struct OutputError: Error, CustomStringConvertible {
    let description: String
}

/// `--out` (or the folder another command writes into): the folder the files go to. It is checked when a command starts and created,
/// with its missing parents, only when the first report is written.
struct OutputFolder {
    /// As given on the command line, for messages.
    let path: String
    /// How messages name it: `--out FOLDER`, or the folder alone when no option gives it.
    let named: String
    let url: URL

    /// The hidden folder inside the output folder where a run writes its files until all are
    /// complete, `.ptce-<pid>.tmp`. It exists only while a report is being written.
    var stagingURL: URL {
        url.appendingPathComponent(".ptce-\(ProcessInfo.processInfo.processIdentifier).tmp", isDirectory: true)
    }

    /// Throws when the folder, or the nearest of its parents that exists, is not a folder.
    /// `option`: the option that gives the folder (`--out`), `nil` when an argument or `--into` does.
    init(_ path: String, option: String? = "--out") throws(OutputError) {
        self.path = path
        named = option.map { "\($0) \(path)" } ?? path
        url = URL(fileURLWithPath: path, isDirectory: true)
        try missingFolders()
    }

    /// `folder/base.<format>`.
    func destination(base: String, format: ReportFormat) -> URL {
        url.appendingPathComponent("\(base).\(format.rawValue)")
    }

    /// Where `folder/base.<format>` is written until the report is complete.
    func staged(base: String, format: ReportFormat) -> URL {
        stagingURL.appendingPathComponent("\(base).\(format.rawValue)")
    }

    /// The folders to create, this one and its missing parents, outermost first. Throws when the
    /// nearest one that exists is not a folder.
    @discardableResult
    func missingFolders() throws(OutputError) -> [URL] {
        var missing: [URL] = [], nearest = url.standardizedFileURL
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: nearest.path, isDirectory: &isFolder) {
            missing.insert(nearest, at: 0)
            nearest.deleteLastPathComponent()
        }
        guard isFolder.boolValue else {
            let file = missing.isEmpty ? "" : "\(nearest.path) "
            throw OutputError(description: "\(named): \(file)is a file, not a folder")
        }
        return missing
    }
}

/// Writes `folder/base.<format>` for each format (distinct formats) and `folder/<name>` for each
/// of `extraFiles`, all or none, and prints their paths. `write` gets the file each format is to
/// be written to, and writes the extra files under their names in `folder.stagingURL`; the folder
/// is left as it was if it throws, if a file cannot be moved into place, and on SIGINT, SIGTERM or SIGHUP.
func writeOutputs(
    formats: [ReportFormat], folder: OutputFolder, base: String, extraFiles: [String] = [], write: ([ReportFormat: URL]) throws -> Void
) throws {
    let files = formats.map { (staged: folder.staged(base: base, format: $0), destination: folder.destination(base: base, format: $0)) }
        + extraFiles.map { (staged: folder.stagingURL.appendingPathComponent($0), destination: folder.url.appendingPathComponent($0)) }
    let staging = OutputStaging.shared
    do {
        try staging.begin(in: folder)
        try write(Dictionary(uniqueKeysWithValues: zip(formats, files.map(\.staged))))
        try staging.commit(files)
    } catch {
        staging.discard()
        Progress.clear()
        guard let error = error as? CocoaError, let name = error.filePath.map(URL.init(fileURLWithPath:))?.lastPathComponent else {
            throw error
        }
        throw OutputError(description: "\(folder.url.appendingPathComponent(name).path): cannot be written: \(systemReason(of: error))")
    }
    Progress.clear()
    for file in files { print(file.destination.path) }
}

/// Writes files into `folder`, all or none, as ``writeOutputs(formats:folder:base:write:)`` writes
/// reports: `write` puts them into the staging folder it is given and returns their names, then
/// each is moved into place. On an error or a signal the folder is left as it was; an error other
/// than an ``OutputError`` becomes one, its reason given to `failure` for the message.
func writeAllOrNone(into folder: OutputFolder, failure: (String) -> String, _ write: (URL) throws -> [String]) throws {
    let staging = OutputStaging.shared
    do {
        try staging.begin(in: folder)
        let names = try write(folder.stagingURL)
        try staging.commit(names.map { (folder.stagingURL.appendingPathComponent($0), folder.url.appendingPathComponent($0)) })
    } catch let error as OutputError {
        staging.discard()
        throw error
    } catch {
        staging.discard()
        throw OutputError(description: failure((error as? XLSXError).map { "\($0)" } ?? error.localizedDescription))
    }
}

/// The hidden folder a run writes its files into (``OutputFolder/stagingURL``), and the moves
/// that put them in place. One per process: on SIGINT, SIGTERM or SIGHUP the folder, and the
/// folders created for it, are removed before the process exits with status 128 + the signal.
///
/// A lock makes the moves and the signal handling take turns: a signal either comes before the
/// moves (nothing was moved) or after them (all were).
final class OutputStaging: @unchecked Sendable {
    static let shared = OutputStaging()

    private let lock = NSLock()
    /// The staging folder while it exists, and the folders created for it, outermost first.
    private var current: (folder: URL, createdFolders: [URL])?

    /// Creates the output folder if needed and an empty staging folder in it.
    func begin(in folder: OutputFolder) throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        precondition(current == nil, "one report is written at a time")
        current = (folder.stagingURL, [])
        do throws(OutputError) {
            for missing in try folder.missingFolders() {
                guard mkdir(missing.path, 0o777) == 0 else {
                    let reason = systemReason(errno)
                    throw OutputError(description: "\(folder.named): cannot create the folder: \(reason)")
                }
                current?.createdFolders.append(missing)
            }
            // A folder of the same name was left by an earlier process of the same id, killed outright.
            try? FileManager.default.removeItem(at: folder.stagingURL)
            guard mkdir(folder.stagingURL.path, 0o777) == 0 else {
                let reason = systemReason(errno)
                throw OutputError(description: "\(folder.named): cannot write in the folder: \(reason)")
            }
        } catch {
            removeStaging()
            throw error
        }
    }

    /// Moves each staged file to its destination with one rename, then removes the staging
    /// folder. A file already at a destination is first moved into the staging folder, so that
    /// if a later move fails every destination gets its previous file back (and the error names it).
    func commit(_ files: [(staged: URL, destination: URL)]) throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard let staging = current else { preconditionFailure("commit without begin") }
        var moved: [(destination: URL, previous: URL?)] = []
        do throws(OutputError) {
            for file in files {
                moved.append((file.destination, try moveAside(file.destination, into: staging.folder)))
                guard rename(file.staged.path, file.destination.path) == 0 else {
                    throw OutputError(description: "\(file.destination.path): cannot be replaced: \(systemReason(errno))")
                }
            }
        } catch {
            for file in moved.reversed() {
                guard let previous = file.previous else {
                    unlink(file.destination.path)
                    continue
                }
                if rename(previous.path, file.destination.path) != 0 {
                    current = nil  // the staging folder is kept, with the previous file
                    throw OutputError(description: "\(error.description); the previous files are in \(staging.folder.path)")
                }
            }
            throw error
        }
        removeStaging()
    }

    /// Removes the staging folder, if any, and the folders created for it: the output folder is as it was.
    func discard() {
        lock.lock()
        defer { lock.unlock() }
        removeStaging()
    }

    /// Moves the file at `destination`, if there is one, into `folder`; returns where it went.
    /// A folder at `destination` is not moved: it is an error.
    private func moveAside(_ destination: URL, into folder: URL) throws(OutputError) -> URL? {
        var status = stat()
        guard lstat(destination.path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw OutputError(description: "\(destination.path): is a folder, not a file; nothing was written")
        }
        let previous = folder.appendingPathComponent(destination.lastPathComponent + ".previous")
        guard rename(destination.path, previous.path) == 0 else {
            throw OutputError(description: "\(destination.path): cannot be replaced: \(systemReason(errno))")
        }
        return previous
    }

    /// Removes the staging folder and the folders created for it that are still empty.
    private func removeStaging() {
        guard let staging = current else { return }
        current = nil
        // On a signal the report may still be writing into the folder: what it adds meanwhile goes too.
        for _ in 0..<3 where FileManager.default.fileExists(atPath: staging.folder.path) {
            try? FileManager.default.removeItem(at: staging.folder)
        }
        for folder in staging.createdFolders.reversed() { rmdir(folder.path) }
    }

    /// From now on SIGINT, SIGTERM and SIGHUP remove the staging folder, if any, and end the
    /// process with status 128 + the signal. Called before any other thread starts: the signals
    /// are blocked in this thread, so in every thread started later, and one thread waits for
    /// them, so that none is lost or acted on elsewhere. A signal the process was started with
    /// ignored (`nohup`, a shell's background job) stays ignored.
    func startHandlingSignals() {
        let numbers = [SIGINT, SIGTERM, SIGHUP].filter { !isIgnored($0) }
        var signals = signalSet(numbers)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        Thread.detachNewThread { [self] in
            var signals = signalSet(numbers), number: Int32 = 0
            guard sigwait(&signals, &number) == 0 else { return }
            lock.lock()  // never unlocked: no move starts after this
            removeStaging()
            Progress.clear()
            fflush(nil)  // the paths of the reports already written
            _exit(128 + number)
        }
    }
}

private func signalSet(_ numbers: [Int32]) -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for number in numbers { sigaddset(&set, number) }
    return set
}

/// Whether `number` is ignored, as the process was started.
private func isIgnored(_ number: Int32) -> Bool {
    var action = sigaction()
    sigaction(number, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
}

/// The system's reason for `code`, as a phrase: "permission denied".
private func systemReason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}

/// The system's reason under a Foundation file error, else Foundation's own words.
private func systemReason(of error: CocoaError) -> String {
    guard let underlying = error.underlying.map({ $0 as NSError }), underlying.domain == NSPOSIXErrorDomain else {
        return error.localizedDescription
    }
    return systemReason(Int32(underlying.code))
}
