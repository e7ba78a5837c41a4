import JPENText
import Testing
@testable import JPENQuotes

/// The quotations of `text` found by the whole stage, as (quoted text, kind).
private func quotes(_ text: String) throws -> [Quotation] {
    try QuoteFinder().makeWorker().quotations(in: Document(text: text))
}

@Suite struct QuotationMarksTests {
    @Test func curlyQuotesSpanTheWordsWithoutTheMarks() throws {
        let found = try quotes("Ishiba said, “We agreed.” Then he left.")
        #expect(found.map(\.text) == ["We agreed."])
        #expect(found[0].span == Span(start: 14, end: 24))
    }

    @Test func straightQuotesPair() throws {
        #expect(try quotes(#"He said "yes" and then "no, never.""#).map(\.text) == ["yes", "no, never."])
    }

    @Test func singleQuotesNestInsideAndApostrophesAreNotMarks() throws {
        let found = try quotes("“Japan’s view is ‘firm’ and won’t change,” Ishiba said. Don’t stop; Abe’s memoir.")
        #expect(found.map(\.text) == ["Japan’s view is ‘firm’ and won’t change,"])
        #expect(try quotes("Japan’s leaders don’t agree with ‘them’.").isEmpty)
    }

    @Test func cornerBracketsNestDoubleCornerBrackets() throws {
        let found = try quotes("首相は「『日米同盟』は重要だ」と述べた。")
        #expect(found.map(\.text) == ["『日米同盟』は重要だ"])
    }

    @Test func doubleCornerBracketsAloneAreTitles() throws {
        let found = try quotes("安倍氏の回顧録『安倍晋三回顧録』が出版された。")
        #expect(found.map(\.text) == ["安倍晋三回顧録"])
        #expect(found[0].kind == .term)
    }

    @Test func aQuotationOverSeveralParagraphsIsOne() throws {
        let text = "Trump said:\n\n“We will win. It will be great.\n\n“Believe me, we will win.”\n\nThe end."
        let found = try quotes(text)
        #expect(found.count == 1)
        #expect(found[0].text.hasPrefix("We will win."))
        #expect(found[0].text.hasSuffix("we will win."))
        #expect(found[0].speaker?.text == "Trump")
    }

    @Test func aMistypedClosingMarkEndsTheQuotation() throws {
        let text = "Ishiba said he would “realize a Free and Open Indo-Pacific“. Later he called it “very friendly.”"
        #expect(try quotes(text).map(\.text) == ["realize a Free and Open Indo-Pacific", "very friendly."])
    }

    @Test func aQuotationLeftOpenAtTheEndOfAParagraphIsDropped() throws {
        let text = "He said “this never closes.\n\nNext paragraph. “This one does,” she said."
        #expect(try quotes(text).map(\.text) == ["This one does,"])
    }

    @Test func thousandsOfUnmatchedMarksStillPairTheRest() throws {
        let marks = String(repeating: "」』”", count: 3000) + String(repeating: "「", count: 3000)
        #expect(try quotes(marks + "\n\n“Done,” he said.").map(\.text) == ["Done,"])
        let opens = String(repeating: "“ ", count: 3000) + "end”"
        #expect(try quotes(opens).count == 1)
    }

    @Test func edgeSizes() throws {
        #expect(try quotes("").isEmpty)
        #expect(try quotes("“").isEmpty)
        #expect(try quotes("“”").isEmpty)
        // Code points, not UTF-16 units: 🇯🇵 is two code points before the quotation.
        let found = try quotes("🇯🇵 “𠮷野家 is open,” he said.")
        #expect(found.first?.span == Span(start: 4, end: 16))
        #expect(found.first?.text == "𠮷野家 is open,")
    }

    @Test func fullWidthMarksAreFoundThroughNormalization() throws {
        #expect(try quotes("彼は＂ＯＫ＂と述べた。").map(\.text) == ["ＯＫ"])
    }
}
