import Foundation
import Testing

@Suite struct NormalizeCommandTests {
    @Test func printsTheNormalizedText() throws {
        let result = try JPEN.run(["normalize"], input: Data("ｶﾞｽ㍿ＡＢＣ　ス－パ－".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "ガス株式会社ABC スーパー\n")
    }

    @Test func jsonlMapRebuildsTheNormalizedText() throws {
        let input = #"{"id": "a", "text": "a\r\nｶﾞ\u200b㍿ 3〜5日"}"# + "\n"
        let result = try JPEN.run(["normalize", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let line = try JPEN.jsonLines(result.stdout)[0]
        #expect(line["id"] as? String == "a")
        let original = Array("a\r\nｶﾞ\u{200B}㍿ 3〜5日".unicodeScalars)
        let text = try #require(line["text"] as? String)
        #expect(text == "a\nガ株式会社 3~5日")
        // Applying the edits to the original gives the normalized text.
        var rebuilt: [Unicode.Scalar] = []
        var covered = 0
        let normalized = Array(text.unicodeScalars)
        for edit in try #require(line["map"] as? [[String: Int]]) {
            rebuilt += original[covered..<edit["start"]!]
            rebuilt += normalized[edit["normalizedStart"]!..<edit["normalizedEnd"]!]
            covered = edit["end"]!
        }
        rebuilt += original[covered...]
        #expect(rebuilt == normalized)
    }

    @Test func flagsTurnRulesOffAndOn() throws {
        let off = try JPEN.run(["normalize", "--no-nfkc", "--no-tildes"], input: Data("ＡＢ 3〜5".utf8))
        #expect(off.stdout == "ＡＢ 3〜5\n")
        let on = try JPEN.run(["normalize", "--remove-japanese-spaces"], input: Data("石破 茂 met Trump".utf8))
        #expect(on.stdout == "石破茂 met Trump\n")
    }
}
