import Foundation
import JPENIndex
import JPENText
import Testing

@Suite struct EntityIndexTests {
    let path = NSTemporaryDirectory() + "jpen-index-\(UUID().uuidString).sqlite"

    func ishiba(_ span: Span, _ surface: String) -> IndexedDocument.Mention {
        .init(entityID: "person:ishiba-shigeru", type: "PERSON", span: span, surface: surface,
              englishName: "Shigeru Ishiba", japaneseName: "石破茂")
    }

    var english: IndexedDocument {
        IndexedDocument(
            id: "en-1", date: "2024-11-08", language: "en",
            text: "Prime Minister Ishiba said “very friendly.” Trump agreed.",
            searchText: "Prime Minister Ishiba said very friendly Trump agreed",
            mentions: [ishiba(Span(start: 15, end: 21), "Ishiba"),
                       .init(entityID: "person:trump-donald", type: "PERSON", span: Span(start: 44, end: 49), surface: "Trump")],
            quotes: [.init(span: Span(start: 28, end: 42), text: "very friendly.", kind: "speech",
                           speakerID: "person:ishiba-shigeru", speakerText: "Ishiba")],
            dates: [])
    }

    var japanese: IndexedDocument {
        IndexedDocument(
            id: "ja-1", date: "2024-11-09", language: "ja",
            text: "石破茂首相は11月7日に述べた。",
            searchText: "石破 茂 首相 は 11 月 7 日 に 述べ た 。",
            mentions: [ishiba(Span(start: 0, end: 3), "石破茂")],
            quotes: [],
            dates: [.init(span: Span(start: 6, end: 11), text: "11月7日", type: "DATE", value: "2024-11-07")])
    }

    @Test func englishNameFindsJapaneseDocumentsNewestFirst() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try EntityIndex(path: path)
        try index.add([english, japanese])
        for name in ["Ishiba", "石破茂", "shigeru ishiba", "石破"] {
            let ids = try index.entityIDs(matching: name)
            #expect(ids == ["person:ishiba-shigeru"], "\(name)")
            let hits = try index.documents(mentioning: ids)
            #expect(hits.map(\.documentID) == ["ja-1", "en-1"], "\(name)")
        }
        let hit = try index.documents(mentioning: ["person:ishiba-shigeru"])[1]
        #expect(hit.mentionCount == 1 && hit.spans == [Span(start: 15, end: 21)])
        #expect(hit.snippet.contains("Ishiba"))
    }

    @Test func readdingReplacesAndStatsStayTheSame() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try EntityIndex(path: path)
        try index.add([english, japanese])
        let before = try index.stats()
        #expect(before == .init(documents: 2, entities: 2, mentions: 3, quotes: 1, dates: 1))
        try index.add([japanese, english])
        #expect(try index.stats() == before)
        #expect(try EntityIndex(path: path).stats() == before)  // reopened
        #expect(try index.remove(documentID: "en-1"))
        #expect(try index.stats().documents == 1)
        #expect(try index.remove(documentID: "en-1") == false)
    }

    @Test func quotesCooccurrenceAndFullText() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try EntityIndex(path: path)
        try index.add([english, japanese])
        let quotes = try index.quotes(spokenBy: ["person:ishiba-shigeru"])
        #expect(quotes.map(\.text) == ["very friendly."])
        let together = try index.cooccurring(with: ["person:ishiba-shigeru"])
        #expect(together.map(\.entity.id) == ["person:trump-donald"])
        #expect(try index.search(words: ["述べ"]).map(\.documentID) == ["ja-1"])
        #expect(try index.search(words: ["friendly"]).map(\.documentID) == ["en-1"])
        #expect(try index.search(words: []).isEmpty)
    }

    @Test func foreignAndCorruptFilesAreClearErrors() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("this is not a database, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try EntityIndex(path: path) } throws: { error in
            (error as? IndexError)?.problem.contains("not a jpen index") == true
        }
    }

    @Test func emptyIndexAnswersEmpty() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try EntityIndex(path: path)
        #expect(try index.stats() == .init(documents: 0, entities: 0, mentions: 0, quotes: 0, dates: 0))
        #expect(try index.entityIDs(matching: "").isEmpty)
        #expect(try index.entityIDs(matching: "nobody").isEmpty)
        #expect(try index.documents(mentioning: []).isEmpty)
    }
}
