import Foundation
import PTCEModel

/// What looking at one file of a folder found, before reading it: nothing there, something that
/// cannot be read (and why, in words: ``ImportMessage/UnreadableReason``), or a regular file of
/// that many bytes.
enum FileStatus: Equatable {
    case absent
    case unreadable(LocalizedText)
    case readable(size: Int)
}

/// What reading one file of a folder found: as ``FileStatus``, with the file's bytes.
enum FileContents {
    case absent
    case unreadable(LocalizedText)
    case bytes([UInt8])
}

/// What opening one file of a folder found: as ``FileStatus``, with the file held open.
enum FileOpening {
    case absent
    case unreadable(LocalizedText)
    case opened(OpenedFile)
}

/// A regular file held open, read a part at a time: a large table is parsed through a window
/// rather than held whole (``CSVReader/read(_:file:partSize:)``). Every part comes from the file
/// that was opened, even when another file takes its name meanwhile (a program saving by
/// replacing it); a part asked once the file was changed in place (its size or its time of
/// change differ from those seen when it was opened), or that cannot be read, is `nil`.
public final class OpenedFile: @unchecked Sendable {
    /// The file's size when it was opened, in bytes.
    let size: Int
    private let descriptor: Int32
    private let changed: timespec

    fileprivate init(descriptor: Int32, status: stat) {
        (self.descriptor, size, changed) = (descriptor, Int(status.st_size), Self.changeTime(status))
    }

    /// When the file's content last changed.
    private static func changeTime(_ status: stat) -> timespec {
        #if canImport(Darwin)
        status.st_mtimespec
        #else
        status.st_mtim
        #endif
    }

    /// Whether the file is as it was opened: same size, same time of change.
    private var isUnchanged: Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let changedNow = Self.changeTime(status)
        return Int(status.st_size) == size && changedNow.tv_sec == changed.tv_sec && changedNow.tv_nsec == changed.tv_nsec
    }

    deinit { close(descriptor) }

    /// The bytes within `ranges`, one after the other, read straight into one array; `nil` when
    /// the file changed since it was opened, or cannot be read there.
    func read(_ ranges: [Range<Int>]) -> [UInt8]? {
        try? readOrFail(ranges).get()
    }

    /// As ``read(_:)-([Range<Int>])``, with why the bytes could not be read.
    func readOrFail(_ ranges: [Range<Int>]) -> Result<[UInt8], UnreadableFile> {
        let changedWhileRead = UnreadableFile(reason: ImportMessage.UnreadableReason.changedWhileRead)
        guard isUnchanged, ranges.allSatisfy({ $0.upperBound <= size }) else { return .failure(changedWhileRead) }
        let count = ranges.reduce(0) { $0 + $1.count }
        // Every empty array uses one storage shared by the whole process; making an array of
        // capacity 0 below would write to it, a data race with any other thread doing the same.
        guard count > 0 else { return .success([]) }
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, read in
            for range in ranges {
                var done = 0
                while done < range.count {
                    let got = pread(descriptor, buffer.baseAddress! + read, range.count - done, off_t(range.lowerBound + done))
                    if got < 0, errno == EINTR { continue }
                    guard got > 0 else {
                        // No byte where the size seen promised some: the file was cut meanwhile.
                        failure = got < 0 ? errno : 0
                        return
                    }
                    (read, done) = (read + got, done + got)
                }
            }
        }
        if let failure { return .failure(failure == 0 ? changedWhileRead : UnreadableFile(reason: TextFile.reason(failure))) }
        // Checked after the reading too: a change made while the bytes were read is not taken for the file.
        return isUnchanged ? .success(bytes) : .failure(changedWhileRead)
    }

    /// The bytes within `range`; `nil` as for ``read(_:)-([Range<Int>])``.
    func read(_ range: Range<Int>) -> [UInt8]? { read([range]) }
}

/// Why a file's bytes could not be read, in words (``ImportMessage/UnreadableReason``).
struct UnreadableFile: Error {
    var reason: LocalizedText

    /// The error that says so, about `file`.
    func findings(file: String) -> Findings {
        var findings = Findings()
        findings.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: file))
        return findings
    }
}

/// A table file's text as the reading gets it: bytes already in memory (a form's table, a
/// test's), or a file held open and read a part at a time.
enum TableSource: Sendable {
    case bytes([UInt8])
    case file(OpenedFile)

    /// The part read at a time from a file: a window of the text, the digest's input.
    static let partSize = 1 << 20

    /// The file `name` of the folder at `folder`, held open; `nil` when it is absent or cannot be
    /// read (whoever reads it for its own findings says why).
    static func file(_ name: String, in folder: URL) -> TableSource? {
        guard case .opened(let file) = TextFile.open(at: folder.appendingPathComponent(name).path) else { return nil }
        return .file(file)
    }

    /// The SHA-256 of the bytes (``SHA256``), a file's read a part at a time; a failure when
    /// the file changed since it was opened, or cannot be read.
    var digest: Result<String, UnreadableFile> {
        switch self {
        case .bytes(let bytes): return .success(SHA256.hexDigest(bytes))
        case .file(let file):
            var hasher = SHA256.Hasher()
            var offset = 0
            while offset < file.size {
                switch file.readOrFail([offset..<min(file.size, offset + Self.partSize)]) {
                case .success(let part):
                    hasher.update(part)
                    offset += part.count
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(hasher.hexDigest())
        }
    }
}

/// Opens and reads the files of a pole or library folder. Only regular files are read: a folder,
/// a device or a pipe under a data file's name is "unreadable", never read (a pipe would block,
/// a device might never end), and so is a file beyond ``maximumSize``.
public enum TextFile {
    /// The largest file read, 2 GB: a pole's table of 400,000 rows is about 60 MB, and a larger
    /// file (a sparse or runaway one) must not be allocated whole.
    static let maximumSize = 2_000_000_000

    /// Whether the file at `path` is absent, unreadable (with the reason) or readable, without
    /// reading it.
    static func status(at path: String) -> FileStatus {
        switch open(at: path) {
        case .absent: .absent
        case .unreadable(let reason): .unreadable(reason)
        case .opened(let file): .readable(size: file.size)
        }
    }

    /// The bytes of the file at `path`, read straight into an array (a `Data` in between would
    /// hold a large file twice).
    static func contents(at path: String) -> FileContents {
        switch open(at: path) {
        case .absent: return .absent
        case .unreadable(let reason): return .unreadable(reason)
        case .opened(let file):
            switch file.readOrFail([0..<file.size]) {
            case .success(let bytes): return .bytes(bytes)
            case .failure(let failure): return .unreadable(failure.reason)
            }
        }
    }

    /// Opens `path` when it is a regular file no larger than ``maximumSize``.
    static func open(at path: String) -> FileOpening {
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let failure = errno
            var link = stat()
            if failure == ENOENT, lstat(path, &link) != 0 { return .absent }
            return .unreadable(failure == ENOENT ? ImportMessage.UnreadableReason.brokenLink : reason(failure))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = errno
            close(descriptor)
            return .unreadable(reason(failure))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG where status.st_size > maximumSize:
            close(descriptor)
            return .unreadable(
                ImportMessage.UnreadableReason.tooLarge(megabytes: Int(status.st_size / 1_000_000), limit: maximumSize / 1_000_000))
        case S_IFREG: return .opened(OpenedFile(descriptor: descriptor, status: status))
        case S_IFDIR:
            close(descriptor)
            return .unreadable(ImportMessage.UnreadableReason.folder)
        default:
            close(descriptor)
            return .unreadable(ImportMessage.UnreadableReason.notRegularFile)
        }
    }

    fileprivate static func reason(_ code: Int32) -> LocalizedText {
        code == EACCES
            ? ImportMessage.UnreadableReason.permissionDenied
            : ImportMessage.UnreadableReason.systemError(String(cString: strerror(code)))
    }

    /// The text of a small UTF-8 file (`pole.toml`, an indicator library's files), or `nil` with an
    /// error naming `file` when it is missing (the error is then `missing`, which says what the
    /// file is for), unreadable or not UTF-8 (at the line of the first byte that is not).
    /// Characters XML forbids are replaced by U+FFFD, each line with a warning.
    public static func text(at url: URL, file: String, findings: inout Findings, missing: LocalizedText) -> String? {
        let bytes: [UInt8]
        switch contents(at: url.path) {
        case .absent:
            findings.error(missing, at: SourceLocation(file: file))
            return nil
        case .unreadable(let reason):
            findings.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: file))
            return nil
        case .bytes(let read):
            bytes = read
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let offset = TextDecoder.firstInvalidUTF8Offset(bytes, from: start) {
            findings.error(
                ImportMessage.notUTF8Text(byte: bytes[offset]),
                at: SourceLocation(file: file, line: TextDecoder.lineNumber(of: offset, in: bytes)))
            return nil
        }
        let text = TextDecoder.repairingForbiddenCharacters(DecodedText(encoding: .utf8, bytes: bytes, start: start))
        for repair in text.repairs { findings.warning(repair.message, at: SourceLocation(file: file, line: repair.line)) }
        return String(decoding: text.bytes[text.start...], as: UTF8.self)
    }
}
