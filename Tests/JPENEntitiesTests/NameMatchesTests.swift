import Foundation
import Testing
@testable import JPENEntities

@Suite struct NameMatchesTests {
    func table(_ entries: [(String, NameClasses)]) throws -> NameGazetteer {
        var builder = NameGazetteerBuilder()
        for (name, classes) in entries { builder.add(Array(name.unicodeScalars), classes) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-\(UUID().uuidString)-names.bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(builder.tableBytes()).write(to: URL(fileURLWithPath: path))
        return try NameGazetteer(path: path)
    }

    /// Queues a lookup of every stretch of `text`, as the character features do.
    func queueAll(_ text: String, into matches: inout NameMatches) {
        let scalars = Array(text.unicodeScalars)
        matches.reset(count: scalars.count)
        matches.queue(atMost: scalars.count * (scalars.count + 1) / 2) { queue in
            for start in scalars.indices {
                var key = NameGazetteer.keyStart
                for end in (start + 1)...scalars.count {
                    key.add(scalars[end - 1].value)
                    queue(key.mixed, covering: start..<end)
                }
            }
        }
    }

    /// Lookups made a position at a time mark what making them all at once marks, the longest
    /// match of each class winning.
    @Test func lookupsMadeAsTheCallerGoesMarkTheLongestMatches() throws {
        let names = try table([("渋谷", [.place, .surname]), ("渋谷区", .place), ("谷", .surname), ("区長", .title)])
        let text = "渋谷区長と渋谷"
        var stepwise = NameMatches(), atOnce = NameMatches()
        queueAll(text, into: &stepwise)
        stepwise.markQueued(startingBefore: 0, in: names)
        for position in 0...text.unicodeScalars.count { stepwise.markQueued(startingBefore: position, in: names) }
        queueAll(text, into: &atOnce)
        atOnce.markQueued(startingBefore: .max, in: names)
        #expect(stepwise.codes == atOnce.codes)
        let place = NameClasses.all.firstIndex(of: .place)!, surname = NameClasses.all.firstIndex(of: .surname)!
        // 渋谷区 (begins, inside, ends) is the longest place over its characters; 渋谷 again at the end.
        #expect((0..<7).map { atOnce.marks(at: $0)[place] } == [1, 2, 3, 0, 0, 1, 3])
        // The surname 渋谷 is longer than 谷 inside it.
        #expect((0..<7).map { atOnce.marks(at: $0)[surname] } == [1, 3, 0, 0, 0, 1, 3])
        #expect(atOnce.marks(at: 3)[NameClasses.titleIndex] == 3)
    }

    @Test func emptyAndOnePositionSequences() throws {
        let names = try table([("谷", .surname)])
        var matches = NameMatches()
        queueAll("", into: &matches)
        matches.markQueued(startingBefore: 1, in: names)
        #expect(matches.codes.isEmpty)
        queueAll("谷", into: &matches)
        matches.markQueued(startingBefore: 1, in: names)
        #expect(matches.marks(at: 0)[NameClasses.all.firstIndex(of: .surname)!] == 4)
        #expect(matches.marks(at: 0).packed != 0)
        // A non-BMP character that the table does not hold marks nothing.
        queueAll("😀", into: &matches)
        matches.markQueued(startingBefore: 1, in: names)
        #expect(matches.marks(at: 0).packed == 0)
    }

    /// The packed codes are the base-5 number of the classes' codes, the first class's digit
    /// the highest, whatever the codes.
    @Test func packedCodesAreTheirBase5Number() throws {
        let names = try table([("渋谷", [.place, .surname, .word]), ("谷", [.surname, .title, .name]), ("渋谷区", .organization),
                               ("区", [.givenName, .fullName, .place])])
        var matches = NameMatches()
        queueAll("渋谷区谷", into: &matches)
        matches.markQueued(startingBefore: .max, in: names)
        for position in 0..<4 {
            let digits = (0..<NameClasses.count).map { matches.marks(at: position)[$0] }
            #expect(matches.marks(at: position).packed == digits.reduce(0) { $0 * 5 + $1 })
        }
        #expect(matches.marks(at: 3).packed != 0)
    }

    /// A batch that writes fewer lookups than its limit queues just those, and a later batch
    /// follows them.
    @Test func batchesQueueWhatTheyWrite() throws {
        let names = try table([("谷", .surname), ("区", .place)])
        var matches = NameMatches()
        matches.reset(count: 2)
        matches.queue(atMost: 3) { $0(NameGazetteer.key(["谷"]), covering: 0..<1) }
        matches.queue(atMost: 0) { _ in }
        matches.queue(atMost: 1) { $0(NameGazetteer.key(["区"]), covering: 1..<2) }
        matches.markQueued(startingBefore: .max, in: names)
        #expect(matches.marks(at: 0)[NameClasses.all.firstIndex(of: .surname)!] == 4)
        #expect(matches.marks(at: 1)[NameClasses.all.firstIndex(of: .place)!] == 4)
        #expect(matches.marks(at: 1)[NameClasses.all.firstIndex(of: .surname)!] == 0)
    }
}
