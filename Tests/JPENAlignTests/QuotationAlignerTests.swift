@testable import JPENAlign
import JPEN
import Foundation
import Testing

/// Articles through every stage without the system lexicon, so the tests need no cache.
private func articles(_ source: String, _ target: String) throws -> (AlignmentArticle, AlignmentArticle) {
    let worker = try Pipeline(lexicon: nil).makeWorker()
    return (try worker.alignmentArticle(Document(text: source), date: nil),
            try worker.alignmentArticle(Document(text: target), date: nil))
}

private func texts(_ result: QuotationAlignment, _ source: String, _ target: String) -> [[String]] {
    result.pairs.map { [Document(text: source)[$0.source], Document(text: target)[$0.target]] }
}

@Suite struct QuotationAlignerTests {
    @Test func pairsTheIssueExample() throws {
        let english = "Prime Minister Shigeru Ishiba spoke with Donald Trump on Thursday. “In one word, I felt he was very friendly,” Ishiba told reporters."
        let japanese = "石破茂首相は7日、トランプ氏と電話で会談した。石破首相は記者団に「一言で言えば、非常にフレンドリーな感じがした」と述べた。"
        let (source, target) = try articles(english, japanese)
        let result = QuotationAligner().align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["In one word, I felt he was very friendly,", "一言で言えば、非常にフレンドリーな感じがした"]])
        #expect(result.pairs[0].score > 0.8)
        #expect(result.pairs[0].sourceSpeaker?.text == "Ishiba")
        #expect(result.pairs[0].targetSpeaker?.text == "石破首相")
        #expect(result.unpairedSource.isEmpty && result.unpairedTarget.isEmpty)
    }

    @Test func quotationsWithoutTranslationStayUnpaired() throws {
        let english = """
        The minister spoke on Monday. “We will raise taxes,” she said.
        Critics were unconvinced. “This is a disaster,” said an economist.
        The vote is due in 2025.
        """
        let japanese = """
        大臣は月曜日に演説し、「増税する」と述べた。
        批判的な人々は納得しなかった。
        採決は2025年に行われる予定だ。
        """
        let (source, target) = try articles(english, japanese)
        let result = QuotationAligner().align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["We will raise taxes,", "増税する"]])
        #expect(result.unpairedSource.map(\.text) == ["This is a disaster,"])
        #expect(result.unpairedTarget.isEmpty)
    }

    @Test func unmarkedTranslationPairsWithItsLineOnlyWhenAsked() throws {
        let english = "The mayor spoke first.\n“We are ready,” the mayor said.\nThe session ended."
        let japanese = "市長が最初に発言した。\n市長は準備はできていると述べた。\n会議は終わった。"
        let (source, target) = try articles(english, japanese)
        #expect(QuotationAligner().align(source: source, target: target).pairs.isEmpty)
        var options = QuotationAligner.Options()
        options.pairsUnmarkedQuotations = true
        let result = QuotationAligner(options: options).align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["We are ready,", "市長は準備はできていると述べた。"]])
        #expect(result.pairs[0].isMarked == false)
    }

    @Test func quotationOverSeveralParagraphsAlignsParagraphByParagraph() throws {
        let english = "The governor spoke on Monday: “We will rebuild the port.\n“It will take years, but we will not give up,” she said."
        let japanese = "知事は月曜日に「港を再建する」と述べた。\n「何年もかかるが、諦めない」と語った。"
        let (source, target) = try articles(english, japanese)
        #expect(source.quotations.count == 1)
        let result = QuotationAligner().align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["We will rebuild the port.", "港を再建する"],
                                                     ["It will take years, but we will not give up,", "何年もかかるが、諦めない"]])
    }

    @Test func emptyArticles() throws {
        let (empty, alsoEmpty) = try articles("", "")
        let none = QuotationAligner().align(source: empty, target: alsoEmpty)
        #expect(none.pairs.isEmpty && none.unpairedSource.isEmpty && none.unpairedTarget.isEmpty)
        let (source, _) = try articles("“Yes,” he said.", "")
        let oneSided = QuotationAligner().align(source: source, target: alsoEmpty)
        #expect(oneSided.pairs.isEmpty)
        #expect(oneSided.unpairedSource.map(\.text) == ["Yes,"])
    }

    @Test func eachQuotationIsPairedAtMostOnce() throws {
        // Three English quotations, each on its own line, against two Japanese lines that carry
        // one quotation each: no target may serve two sources.
        let english = "“Alpha is ready,” Tanaka said.\n“Beta is late,” Tanaka said.\n“Gamma is gone,” Tanaka said."
        let japanese = "田中氏は「アルファは準備ができた」と述べた。\n田中氏は「ベータは遅れている」と述べた。"
        let (source, target) = try articles(english, japanese)
        let result = QuotationAligner().align(source: source, target: target)
        #expect(Set(result.pairs.map(\.target)).count == result.pairs.count)
        #expect(Set(result.pairs.map(\.source)).count == result.pairs.count)
        #expect(result.pairs.count + result.unpairedSource.count == 3)
        #expect(result.pairs.count + result.unpairedTarget.count == 2)
    }

    @Test func nonBMPTextKeepsCodePointSpans() throws {
        let english = "𠮷野家 said: “We are open.”"
        let japanese = "𠮷野家は「営業中です」と述べた。"
        let (source, target) = try articles(english, japanese)
        let result = QuotationAligner().align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["We are open.", "営業中です"]])
        #expect(result.pairs[0].target == Span(start: 5, end: 10))
    }
}

@Suite struct AssignmentTests {
    @Test func beatsGreedy() {
        // Greedy takes 0.9 and is left with 0.1; the best assignment is 0.8 + 0.85.
        #expect(Assignment.best([[0.9, 0.8], [0.85, 0.1]]) == [1, 0])
    }

    @Test func rectangularAndUnworthy() {
        #expect(Assignment.best([[0.2], [0.7], [0.3]]) == [nil, 0, nil])
        #expect(Assignment.best([[-0.1, -0.2]]) == [nil])
        #expect(Assignment.best([]) == [])
        #expect(Assignment.best([[], []]) == [nil, nil])
    }
}

@Suite struct NumberAnchorTests {
    private func keys(_ text: String) -> [String] {
        NumberAnchors.find(in: Array(text.unicodeScalars)).map(\.key)
    }

    @Test func scalesAndSeparators() {
        #expect(keys("3.5 million people and 1,200 dollars") == ["number:3500000", "number:1200"])
        #expect(keys("350万人、１，２００ドル") == ["number:3500000", "number:1200"])
        #expect(keys("2 cats") == [])
        #expect(keys("") == [])
    }

    @Test func spansCountCodePoints() {
        let anchors = NumberAnchors.find(in: Array("𠮷 12".unicodeScalars))
        #expect(anchors.map(\.span) == [Span(start: 2, end: 4)])
    }
}

@Suite struct GlossIndexTests {
    private func index(_ lines: [String]) throws -> GlossIndex {
        var builder = GlossIndexBuilder()
        for line in lines { builder.add(line: Substring(line)) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-glosses-\(UUID()).bin").path
        try builder.write(to: path, signature: 7)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try GlossIndex(path: path)   // the mapping outlives the unlinked file
    }

    @Test func glossedWordsAndLatinWordsOverlap() throws {
        let glosses = try index([
            "フレンドリー /(adj-na) friendly/(P)/",
            "一言 [ひとこと] /(n,vs) single word/a few words/brief comment/(P)/",
            "感じる [かんじる] /(v1) to feel/",
            "友好的 [ゆうこうてき] /(adj-na) friendly/amicable/",
            "する /(vs-i) to do/",
            "？？？？ /,EDICT, EDRDG/",
        ])
        #expect(glosses.signature == 7)
        #expect(Set(glosses.stems(of: "friendly")) == ["フレンドリー", "友好的"])
        #expect(glosses.stems(of: "feel").isEmpty)       // 感 alone is too short to look for
        #expect(glosses.stems(of: "do").isEmpty)
        #expect(glosses.stems(of: "").isEmpty)
        // "word" (from "words") and "friendly" are known and found; "felt" is not known.
        #expect(glosses.overlap(english: "In one word, I felt he was very friendly", japanese: "一言で言えば、非常にフレンドリーな感じがした") == 1)
        #expect(glosses.overlap(english: "very friendly", japanese: "全く違う") == 0)
        #expect(glosses.overlap(english: "Pray from Fukushima", japanese: "Ｐｒａｙ ｆｒｏｍ Ｆｕｋｕｓｈｉｍａ") == 1)
        #expect(glosses.overlap(english: "", japanese: "") == 0)
    }

    @Test func glossesFindTheTranslationWhenALineIsDropped() throws {
        let english = """
        The council met on Monday.
        “The budget is too small,” the mayor said.
        “The bridge must be repaired soon,” an engineer said.
        """
        let japanese = "議会は月曜日に開かれた。\n技術者は「橋は早急に修理しなければならない」と述べた。"
        let (source, target) = try articles(english, japanese)
        let glosses = try index(["修理 [しゅうり] /(n,vs) repair/mending/", "早急 [そうきゅう] /(adj-na) urgent/soon/",
                                 "予算 [よさん] /(n) budget/estimate/"])
        // Without glosses the two English quotations share one bead and neither wins.
        #expect(QuotationAligner().align(source: source, target: target).pairs.isEmpty)
        let result = QuotationAligner(glosses: glosses).align(source: source, target: target)
        #expect(texts(result, english, japanese) == [["The bridge must be repaired soon,", "橋は早急に修理しなければならない"]])
        #expect(result.unpairedSource.map(\.text) == ["The budget is too small,"])
    }

    @Test func refusesOtherFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-not-glosses-\(UUID()).bin").path
        try Data("not an index".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GlossIndexError.self) { try GlossIndex(path: path) }
    }
}

@Suite struct ArticleAlignmentTests {
    @Test func twoShortLinesJoinOneTranslatedLine() throws {
        let english = "The storm hit the coast.\nSchools closed.\nThe government said it would send soldiers, boats and helicopters to the flooded towns on Tuesday morning."
        let japanese = "嵐が沿岸を襲い、学校は休校となった。\n政府は、火曜日の朝に浸水した町へ兵士、ボート、ヘリコプターを派遣すると発表した。"
        let (source, target) = try articles(english, japanese)
        let backbone = ArticleAlignment(source: source, target: target, glosses: nil)
        #expect(backbone.beads.map { [$0.source, $0.target] } == [[0..<2, 0..<1], [2..<3, 1..<2]])
    }

    @Test func anEmptySideLeavesEveryUnitAlone() throws {
        let (source, target) = try articles("One.\nTwo.", "")
        let backbone = ArticleAlignment(source: source, target: target, glosses: nil)
        #expect(backbone.beads.map { [$0.source, $0.target] } == [[0..<1, 0..<0], [1..<2, 0..<0]])
    }
}

@Suite struct AlignmentInputTests {
    @Test func readsBothSidesAndReportsWhatIsWrong() throws {
        let input = try AlignmentInput(jsonLine: Array(#"{"id": 4, "source": {"text": "a", "lang": "en"}, "target": {"text": "b"}}"#.utf8),
                                       source: "x", line: 1)
        #expect(input.id == .number(4) && input.source == "a" && input.target == "b" && input.date == nil)
        #expect(throws: InputError.self) {
            try AlignmentInput(jsonLine: Array(#"{"id": 4, "source": {"text": "a"}}"#.utf8), source: "x", line: 2)
        }
        do {
            _ = try AlignmentInput(jsonLine: Array(#"{"source": {"text": "a", "lang": 3}, "target": {"text": "b"}}"#.utf8), source: "x", line: 3)
            Issue.record("a number as lang was accepted")
        } catch {
            #expect(error.description == #"x:3: "source"."lang" must be a string"#)
        }
    }
}
