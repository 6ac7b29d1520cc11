import CSHA256

/// SHA-256 (FIPS 180-4), so the method annex can name the exact files a report was built from.
/// Processors with SHA extensions (x86's SHA-NI) hash through them, about ten times faster
/// (a national members file of 140 MB: under 0.1 s instead of about 0.9 s); others in Swift.
public enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hexadecimal digits. The bytes are hashed where
    /// they are: only the last, padded blocks are copied.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.hexDigest()
    }

    /// Whether this processor hashes with its SHA extensions.
    static let hasHardwareCompression = ptce_sha256_hardware_available() == 1

    /// Hashes bytes given a part at a time (a large file read through a window), in order.
    struct Hasher {
        private var hash: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        /// The bytes after the last whole block, fewer than 64.
        private var pending: [UInt8] = []
        private var length = 0
        /// Whether blocks go through the SHA extensions; `false` runs the portable Swift code
        /// (the only one on processors without them, and tested against them).
        private let usesHardware: Bool

        init(usesHardware: Bool = SHA256.hasHardwareCompression) {
            precondition(!usesHardware || SHA256.hasHardwareCompression, "this processor has no SHA extensions")
            self.usesHardware = usesHardware
        }

        /// Hashes `part`, after the parts given before: whole blocks where they are.
        mutating func update(_ part: [UInt8]) {
            length += part.count
            var start = 0
            if !pending.isEmpty {
                start = min(part.count, 64 - pending.count)
                pending.append(contentsOf: part[..<start])
                guard pending.count == 64 else { return }
                pending.withUnsafeBufferPointer { compress($0, into: &hash, usesHardware: usesHardware) }
                pending.removeAll(keepingCapacity: true)
            }
            let wholeEnd = start + (part.count - start) / 64 * 64
            part.withUnsafeBufferPointer { buffer in
                compress(UnsafeBufferPointer(rebasing: buffer[start..<wholeEnd]), into: &hash, usesHardware: usesHardware)
            }
            pending.append(contentsOf: part[wholeEnd...])
        }

        /// The digest of every byte given, as 64 lowercase hexadecimal digits.
        func hexDigest() -> String {
            var tail = pending
            var hash = hash
            let bitLength = UInt64(length) * 8
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBufferPointer { compress($0, into: &hash, usesHardware: usesHardware) }
            return hash.map { word in
                let hex = String(word, radix: 16)
                return String(repeating: "0", count: 8 - hex.count) + hex
            }.joined()
        }
    }

    /// Runs the compression function over `blocks` (a multiple of 64 bytes), through the SHA
    /// extensions when `usesHardware`, else in Swift: the state kept in locals and the message
    /// schedule in one buffer for all blocks (a members file of 100 MB is 1.6 million blocks).
    private static func compress(_ blocks: UnsafeBufferPointer<UInt8>, into hash: inout [UInt32], usesHardware: Bool) {
        if usesHardware {
            guard let base = blocks.baseAddress else { return }
            hash.withUnsafeMutableBufferPointer { ptce_sha256_compress_blocks($0.baseAddress, base, blocks.count / 64) }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
        let k = UnsafeBufferPointer(start: ptce_sha256_round_constants(), count: 64)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for chunk in stride(from: 0, to: blocks.count, by: 64) {
                for i in 0..<16 {
                    let base = chunk + i * 4
                    w[i] = UInt32(blocks[base]) << 24 | UInt32(blocks[base + 1]) << 16
                        | UInt32(blocks[base + 2]) << 8 | UInt32(blocks[base + 3])
                }
                for i in 16..<64 {
                    let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                for i in 0..<64 {
                    let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                    let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
                (h0, h1, h2, h3) = (h0 &+ a, h1 &+ b, h2 &+ c, h3 &+ d)
                (h4, h5, h6, h7) = (h4 &+ e, h5 &+ f, h6 &+ g, h7 &+ h)
            }
        }
        hash = [h0, h1, h2, h3, h4, h5, h6, h7]
    }

    /// `value` rotated right by `count` (1–31) bits: masking shifts, which the compiler makes one rotation.
    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        value &>> count | value &<< (32 &- count)
    }
}
