import Foundation
import Testing

@Suite struct DatesCommandTests {
    @Test func japaneseCorpusDatesResolveAgainstTheDocumentDate() throws {
        let file = JPEN.corpora.appendingPathComponent("ja-ishiba-trump-call.txt")
        let result = try JPEN.run(["dates", "--json", "--date", "2024-11-08", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let dates = try JPEN.jsonLines(result.stdout)[0]["dates"] as! [[String: Any]]
        let found = dates.map { $0["value"] as! String }
        #expect(found.contains("2024-11-07TMO"))
        #expect(found.contains("2024-11-18/2024-11-19"))
        #expect(found.contains("2016"))
        let text = Array(try String(contentsOf: file, encoding: .utf8).unicodeScalars)
        for date in dates {
            let start = date["start"] as! Int, end = date["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            #expect(String(view) == date["text"] as! String)
        }
    }

    @Test func jsonlUsesEachLinesDate() throws {
        let input = """
        {"id": 1, "text": "He spoke yesterday.", "date": "2024-11-08"}
        {"id": 2, "text": "He spoke yesterday."}
        {"id": 3, "text": "x", "date": "someday"}

        """
        let result = try JPEN.run(["dates", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 1)
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.count == 3)
        let first = (lines[0]["dates"] as! [[String: Any]])[0]
        #expect(first["value"] as? String == "2024-11-07")
        let second = (lines[1]["dates"] as! [[String: Any]])[0]
        #expect(second["type"] as? String == "DURATION")
        #expect(second["mod"] as? String == "BEFORE")
        #expect(lines[2]["error"] != nil)
    }
}
