/// An open-addressing table of 4-byte positions into an array kept by its owner, at most half
/// full: how ``KeptKeys`` (and through it ``MemberRoster``), ``SharedTexts`` and each year's
/// members by id (in the indicators) find what they hold by its hash, with 8 to 16 bytes per item beside the
/// items themselves (a `Dictionary` of a million keys sized for them at once took about twice
/// the memory). Items of equal hash are met in the order they were added: of equal items, the
/// first added is found.
package struct HashSlots: Sendable {
    /// Each slot is empty (-1) or a position in the owner's array; the slot count is a power of two.
    private var slots: [Int32]
    /// How many positions the table holds.
    private(set) var count = 0

    /// `expected`: about how many items will be held, so that the table is not grown step by step.
    package init(expected: Int) {
        var slotCount = 16
        while slotCount < expected * 2 { slotCount <<= 1 }
        slots = [Int32](repeating: -1, count: slotCount)
    }

    /// The first position, probing from `hash`'s slot, that `isMatch` accepts, else `nil`:
    /// `isMatch` is also asked about items of other hashes met on the way, and must compare.
    package func position(hash: Int, where isMatch: (Int) -> Bool) -> Int? {
        var slot = hash & (slots.count - 1)
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if isMatch(position) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds the owner's next position, ``count``, for an item whose hash is `hash`; `hashAt` gives
    /// the hash of the item at a position already held, for when the table grows.
    package mutating func append(hash: Int, hashAt: (Int) -> Int) {
        if (count + 1) * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for position in 0..<count { slots[emptySlot(for: hashAt(position))] = Int32(truncatingIfNeeded: position) }
        }
        // A file of at most 2 GB (``TextFile/maximumSize``) holds fewer than 2³¹ cells, so fewer items.
        slots[emptySlot(for: hash)] = Int32(truncatingIfNeeded: count)
        count += 1
    }

    /// The first empty slot from `hash`'s own, probing onwards.
    private func emptySlot(for hash: Int) -> Int {
        var slot = hash & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        return slot
    }
}

/// The texts of a column met so far, each held once: a repeat is given the `String` of its
/// first appearance, sharing its storage, rather than storage of its own. A national members
/// file repeats each name every year, and a text of 20 to 60 bytes takes 50 to 100 on the heap;
/// a distinct text costs 32 to 40 bytes here while the table is read. A text of at most 15
/// UTF-8 bytes lives inside its `String`, with nothing to share: it is made afresh.
struct SharedTexts {
    private var texts: [String] = []
    private var hashes: [Int] = []
    private var slots = HashSlots(expected: 0)
    /// Whether texts are shared at all: not where every text is new (one year's members, let
    /// go once written), as the table would cost memory and time for nothing.
    private let isSharing: Bool

    /// Texts shared when `isSharing`, else each made afresh.
    init(isSharing: Bool = true) {
        self.isSharing = isSharing
    }

    /// The text of `bytes` (valid UTF-8): the `String` made at its first appearance when it has
    /// one. Texts are the same when their bytes are: a text and its canonical equivalent (`é` as
    /// one scalar or as `e` and a combining accent) are kept apart, as written.
    mutating func text(_ bytes: ArraySlice<UInt8>) -> String {
        guard isSharing, bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        if let position = slots.position(hash: hash, where: { [texts, hashes] in hashes[$0] == hash && texts[$0].utf8.elementsEqual(bytes) }) {
            return texts[position]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots.append(hash: hash) { [hashes] in hashes[$0] }
        texts.append(text)
        hashes.append(hash)
        return text
    }
}
