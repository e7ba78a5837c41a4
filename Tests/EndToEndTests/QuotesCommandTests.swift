import Foundation
import Testing

@Suite struct QuotesCommandTests {
    /// The quotations of one JSON output object as (text, speaker text, cue text).
    private func quotations(_ object: [String: Any]) -> [(String, String?, String?)] {
        (object["quotes"] as! [[String: Any]]).map { quote in
            (quote["text"] as! String,
             (quote["speaker"] as? [String: Any])?["text"] as? String,
             (quote["cue"] as? [String: Any])?["text"] as? String)
        }
    }

    @Test func japaneseArticleQuotationsHaveTheirSpeakersAndVerbs() throws {
        let file = JPEN.corpora.appendingPathComponent("ja-ishiba-trump-call.txt")
        let result = try JPEN.run(["quotes", "--json", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JPEN.jsonLines(result.stdout)[0]
        let found = quotations(object)
        #expect(found.map(\.0) == ["非常にフレンドリーだ", "米国への立ち寄りを検討している。日程は調整中だ。", "早い段階で信頼を築けた"])
        #expect(found.map(\.1) == ["石破首相", "外務省の幹部", "当時の菅義偉官房長官"])
        #expect(found.map(\.2) == ["述べた", "語った", "振り返った"])
        // Spans index the original text in code points.
        let text = Array(try String(contentsOf: file, encoding: .utf8).unicodeScalars)
        for quote in object["quotes"] as! [[String: Any]] {
            let start = quote["start"] as! Int, end = quote["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            #expect(String(view) == quote["text"] as? String)
        }
    }

    @Test func cornerQuotationsInAnEnglishArticleTakeTheEnglishSpeakers() throws {
        let file = JPEN.corpora.appendingPathComponent("mixed-en-sumo-kyushu-basho.txt")
        let result = try JPEN.run(["quotes", "--json", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let found = quotations(try JPEN.jsonLines(result.stdout)[0])
        let corner = found.filter { $0.0.unicodeScalars.contains { $0.value >= 0x3040 } }
        #expect(corner.map(\.1) == ["he", "Tomoko Arai", "Masaki Hirata"])
        #expect(corner.map(\.2) == ["added", "said", "added"])
    }

    @Test func jsonlLinesCarryQuotesWithKindsAndIds() throws {
        let input = """
        {"id": 7, "text": "“We agreed,” Ishiba said. Critics spoke of “cheating” in rates."}
        {"id": 8, "text": ""}

        """
        let result = try JPEN.run(["quotes", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 0)
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.count == 2)
        let quotes = lines[0]["quotes"] as! [[String: Any]]
        #expect(quotes.map { $0["kind"] as? String } == ["speech", "term"])
        let speaker = quotes[0]["speaker"] as! [String: Any]
        #expect(speaker["text"] as? String == "Ishiba")
        #expect(speaker["id"] as? String == "speaker:ishiba")
        #expect(quotes[1]["speaker"] is NSNull)
        #expect((lines[1]["quotes"] as! [Any]).isEmpty)
    }
}
