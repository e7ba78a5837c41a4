import Foundation
import Testing

/// Adversarial input through the built binary: nothing may crash or hang, every output line pairs
/// with an input line, and every span lies inside its text.
@Suite struct HostileInputTests {
    /// Texts meant to break scanners: unmatched marks, huge runs, odd code points.
    static let texts: [String] = [
        "",
        " ",
        "\n\n\n",
        String(repeating: "“", count: 3000) + "He said" + String(repeating: "「", count: 3000),
        String(repeating: "」”\"『', ", count: 2000),
        String(repeating: "7", count: 100_000),
        String(repeating: "年", count: 100_000),
        String(repeating: "1年", count: 20_000),
        "\u{301}\u{308}" + String(repeating: "a\u{301}\u{302}\u{303}", count: 500) + "\u{20DD}",
        "null\u{0}byte\u{0}\u{0} 石破\u{0}茂",
        "\u{FFFE}\u{FFFF}\u{FEFF}石破茂\u{FFFD}\u{E000}\u{10FFFF}",
        "👨‍👩‍👧‍👦 met 🇯🇵 and 👍🏽 said “🙂‍↕️.” 石破茂👩🏻‍💻首相は「👏」と述べた。",
        "Line one\r\nLine two\rLine three\r\n\r\n石破首相は\r\n述べた。\r",
        String(repeating: "Mr. ", count: 5000),
        String(repeating: "令和元年11月7日から", count: 3000),
    ]

    /// Every `"start"`/`"end"` pair inside `value`, at any depth.
    static func spans(in value: Any) -> [(Int, Int)] {
        if let object = value as? [String: Any] {
            var found: [(Int, Int)] = []
            if let start = object["start"] as? Int, let end = object["end"] as? Int { found.append((start, end)) }
            for (key, child) in object where key != "id" { found += spans(in: child) }
            return found
        }
        if let array = value as? [Any] { return array.flatMap { spans(in: $0) } }
        return []
    }

    static func jsonLine(_ text: String, id: Int) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
    }

    @Test func hostileTextsKeepEverySpanInsideItsText() throws {
        let input = try Self.texts.enumerated().map { try Self.jsonLine($1, id: $0) }.joined(separator: "\n")
        let result = try JPEN.run(["extract", "--jsonl", "--tokens"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.map { $0["id"] as? Int } == Array(0..<Self.texts.count))
        for (line, text) in zip(lines, Self.texts) {
            let count = text.unicodeScalars.count
            for (start, end) in Self.spans(in: line) {
                #expect(0 <= start && start <= end && end <= count, "\(start)..<\(end) in \(count) code points")
            }
        }
    }

    @Test(arguments: ["segment", "entities", "dates", "quotes", "normalize"])
    func everyStageSurvivesHostileFiles(stage: String) throws {
        for text in Self.texts {
            let result = try JPEN.run([stage, "--json"], input: Data(text.utf8))
            #expect(result.status == 0, "\(stage): \(result.stderr)")
            let line = try JPEN.jsonLines(result.stdout).first
            let count = text.unicodeScalars.count
            for (start, end) in Self.spans(in: line ?? [:]) {
                #expect(0 <= start && start <= end && end <= count)
            }
        }
    }

    @Test func brokenJSONLinesAreAnsweredWithErrorsAndTheRestGoesOn() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let lines = [
            #"{"id": 1, "text": "lone \ud800 high and \udc00 low and \ud800\u0041 unpaired"}"#,
            #"{"id": \#(deep), "text": "deep"}"#,
            #"{"id": 123456789012345678901234567890, "text": "big id"}"#,
            #"{"id": 1e400, "text": "infinite id"}"#,
            #"{"id": -0.0, "text": "", "date": null}"#,
            #"{"id": [[[[[[[[[[{"a": [null, true, false, 1.5e-300]}]]]]]]]]]], "text": "nested id"}"#,
            #"{"id": 7, "text": "x", "date": "9999-99-99"}"#,
            #"{"id": 8, "text": "\u0000\u001f\"\\\/\b\f\n\r\t"}"#,
            "{\"id\": 9, \"text\": \"crlf\"}\r",
            "not json at all \u{0}",
        ]
        let result = try JPEN.run(["extract", "--jsonl"], input: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 1)
        let output = try JPEN.jsonLines(result.stdout)
        #expect(output.count == lines.count)
        #expect(output[0]["error"] == nil)
        #expect(output[1]["error"] != nil)
        #expect(result.stderr.contains("stdin:2"))
        // Foundation's parser reads the echoed 1.2345678901234568e+29 a few units off.
        #expect(abs((output[2]["id"] as? Double ?? 0) / 1.2345678901234568e29 - 1) < 1e-12)
        #expect(output[3]["error"] != nil)
        #expect(output[4]["error"] == nil)
        #expect(output[5]["error"] == nil)
        #expect(output[6]["error"] != nil)
        #expect(output[7]["id"] as? Int == 8)
        #expect(output[8]["id"] as? Int == 9)
        #expect(output[9]["error"] != nil)
    }

    @Test func closedOutputPipeEndsQuietly() throws {
        let article = try String(contentsOf: JPEN.corpora.appendingPathComponent("en-ishiba-trump-call.txt"), encoding: .utf8)
        let line = try Self.jsonLine(article, id: 1)
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-sigpipe-\(getpid()).jsonl")
        try Array(repeating: line, count: 600).joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try JPEN.run(["-c", "set -o pipefail; \"$0\" extract --jsonl < \"$1\" | head -1 > /dev/null",
                                   JPEN.executable.path, input.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
