@testable import PTCEImport
import PTCEModel
import Testing

/// The open-addressing table behind ``KeptKeys`` and ``SharedTexts``: every item found again
/// through colliding hashes and as the table grows; and texts shared, not merely equal.
@Suite struct HashSlotsTests {
    /// Items whose hashes all collide, or fall in a few slots (negative hashes too, as
    /// `hashValue`s are), are each found at their own position, before and after the table
    /// doubles (16 slots, then up to 4,096).
    @Test(arguments: [0, 3, -3])
    func everyPositionIsFoundThroughCollisions(spread: Int) {
        var slots = HashSlots(expected: 0)
        var items: [String] = []
        /// Hashes collide in groups: `spread` 0 puts every item in the same slot.
        func hash(_ index: Int) -> Int { spread == 0 ? 7 : (index % 5) * spread }
        for index in 0..<1_500 {
            let item = "item \(index)"
            #expect(slots.position(hash: hash(index)) { items[$0] == item } == nil)
            slots.append(hash: hash(index)) { hash($0) }
            items.append(item)
            #expect(slots.count == index + 1)
        }
        for index in [0, 1, 15, 16, 17, 700, 1_499] {
            #expect(slots.position(hash: hash(index)) { items[$0] == "item \(index)" } == index)
        }
        #expect(slots.position(hash: hash(3)) { items[$0] == "item 1500" } == nil)
    }

    /// The storage of a text's UTF-8 bytes, to tell a shared `String` from an equal one.
    private func storage(of text: String) -> UnsafePointer<UInt8>? {
        text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    @Test func aRepeatedTextSharesTheFirstOnesStorage() {
        var texts = SharedTexts()
        let name = "Structure 12 – coopérative d'été"
        let first = texts.text(ArraySlice(name.utf8))
        let other = texts.text(ArraySlice("Structure 13 – coopérative d'été".utf8))
        let again = texts.text(ArraySlice(Array(name.utf8)))
        #expect(first == name && again == name && other != name)
        #expect(storage(of: first) != nil)
        #expect(storage(of: again) == storage(of: first))
        #expect(storage(of: other) != storage(of: first))
        // Short texts live inside their String: equal, with nothing to share.
        #expect(texts.text(ArraySlice("Association".utf8)) == "Association")
        #expect(texts.text(ArraySlice("".utf8)) == "")
    }

    /// A text and its canonical equivalent are equal `String`s but not the same bytes: each is
    /// kept as written, never one given for the other.
    @Test func canonicallyEquivalentTextsAreKeptAsWritten() {
        var texts = SharedTexts()
        let composed = "R\u{E9}gie de quartier de Beauvais", decomposed = "Re\u{301}gie de quartier de Beauvais"
        #expect(composed == decomposed)
        let first = texts.text(ArraySlice(composed.utf8)), second = texts.text(ArraySlice(decomposed.utf8))
        #expect(Array(first.utf8) == Array(composed.utf8))
        #expect(Array(second.utf8) == Array(decomposed.utf8))
        #expect(Array(texts.text(ArraySlice(decomposed.utf8)).utf8) == Array(decomposed.utf8))
    }

    @Test func textsAreMadeAfreshWhenNotShared() {
        var texts = SharedTexts(isSharing: false)
        let name = "Structure 12 – coopérative d'été"
        let first = texts.text(ArraySlice(name.utf8)), again = texts.text(ArraySlice(name.utf8))
        #expect(first == name && again == name)
        #expect(storage(of: again) != storage(of: first))
    }

    /// The members reading shares a name met in an earlier year, and each year keeps its own
    /// values: the names of a national file are held once, not once a year.
    @Test func aMembersNameIsHeldOnceOverTheYears() {
        let dataset = readDataset(["members.csv": membersCSV([
            "2023;M1;Régie de quartier des Hauts-de-France;ESS",
            "2023;M2;Ressourcerie du Clermontois et du Liancourtois;ESS",
            "2024;M1;Régie de quartier des Hauts-de-France;ESS",
            "2024;M2;Ressourcerie du Clermontois (nouveau nom);ESS",
        ])])
        #expect(dataset.formattedFindings.isEmpty)
        let names = dataset.members.map(\.name)
        #expect(names == [
            "Régie de quartier des Hauts-de-France", "Ressourcerie du Clermontois et du Liancourtois",
            "Régie de quartier des Hauts-de-France", "Ressourcerie du Clermontois (nouveau nom)",
        ])
        #expect(storage(of: names[0]) != nil)
        #expect(storage(of: names[2]) == storage(of: names[0]))
    }
}
