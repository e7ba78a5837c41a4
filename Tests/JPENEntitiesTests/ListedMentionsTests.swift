import Foundation
import JPENLexicon
import JPENText
import Testing
@testable import JPENEntities

@Suite struct ListedMentionsTests {
    let worker: EntityWorker

    /// A recognizer whose lexicon holds four places only.
    init() throws {
        let directory = NSTemporaryDirectory() + "jpen-listed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let list = """
            \(EntityTable.columns.joined(separator: "\t"))
            loc:kyoto\tLOC\tKyoto\t京都\tきょうと\t\t
            loc:tottori\tLOC\tTottori\t鳥取県\tとっとりけん\t\t
            loc:shimane\tLOC\tShimane\t島根県\tしまねけん\t\t
            loc:nagasaki\tLOC\tNagasaki\t長崎県\tながさきけん\t\t

            """
        _ = FileManager.default.createFile(atPath: directory + "/list.tsv", contents: Data(list.utf8))
        let sources = LexiconSources(dictionaries: [], entityLists: [directory + "/list.tsv"], userLists: [],
                                     compiledPath: directory + "/lexicon.bin", cacheDirectory: directory)
        worker = try EntityRecognizer(lexicon: Lexicon.load(sources)).makeWorker()
        // The compiled lexicon is mapped: its files may go once it is loaded.
        try? FileManager.default.removeItem(atPath: directory)
    }

    func entities(_ text: String) -> [Entity] { worker.recognize(Document(text: text)).entities }

    @Test func listedPlaceTakenForAPersonIsThePlace() {
        let found = entities("Rural areas are trying to draw visitors away from the crowded route linking Tokyo, Mount Fuji, "
            + "Kyoto and Osaka. Tottori, Shimane and Kochi prefectures have started campaigns.")
        for place in ["Tottori", "Shimane"] {
            #expect(found.contains { $0.text == place && $0.type == .location }, "\(place)")
        }
    }

    @Test func lastWordOfAPersonsNameStaysThePersons() {
        let found = entities("Takashi Nagasaki spoke first. Later, Nagasaki said he agreed.")
        #expect(!found.contains { $0.text == "Nagasaki" && $0.type == .location })
    }
}
