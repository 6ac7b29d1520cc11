/// The CRC-32 a zip stores for each entry (ISO 3309, the reflected polynomial 0xEDB88320), taken
/// eight bytes at a time ("slicing by 8"): a large sheet's checksum is checked as it is inflated
/// for a small part of the time inflating takes (ZIPFoundation's takes a byte at a time).
struct ZipChecksum {
    /// Eight tables of 256 entries, one after the other: entry `n` of table `k` is the CRC of the
    /// byte `n` followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[byte] = crc
        }
        for table in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(table - 1) * 256 + byte]
                tables[table * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The checksum of the bytes given so far.
    private(set) var value: UInt32 = 0

    /// Adds `bytes`, which follow those given before, to the checksum.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = ~value
        Self.tables.withUnsafeBufferPointer { table in
            var position = 0
            while position + 8 <= bytes.count {
                let one = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian ^ crc
                let two = bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self).littleEndian
                crc = table[7 * 256 + Int(one & 0xFF)] ^ table[6 * 256 + Int((one >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((one >> 16) & 0xFF)] ^ table[4 * 256 + Int(one >> 24)]
                    ^ table[3 * 256 + Int(two & 0xFF)] ^ table[2 * 256 + Int((two >> 8) & 0xFF)]
                    ^ table[256 + Int((two >> 16) & 0xFF)] ^ table[Int(two >> 24)]
                position += 8
            }
            while position < bytes.count {
                crc = table[Int((crc ^ UInt32(bytes[position])) & 0xFF)] ^ (crc >> 8)
                position += 1
            }
        }
        value = ~crc
    }
}
