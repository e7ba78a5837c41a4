@testable import JPENSegment
import JPENText
import Testing

@Suite struct EnglishTokenTests {
    let worker = try! Segmenter().makeWorker()

    func tokens(_ text: String) -> [String] {
        let document = Document(text: text)
        return worker.segment(document).tokens.map { document[$0.span] }
    }

    @Test func cliticsStayOnTheirWordAsInEWTSurfaceTokens() {
        #expect(tokens("I don't know what they're doing.") == ["I", "don't", "know", "what", "they're", "doing", "."])
        #expect(tokens("Arafat’s office and the soldiers' pay") == ["Arafat’s", "office", "and", "the", "soldiers'", "pay"])
    }

    @Test func abbreviationsKeepTheirFullStop() {
        #expect(tokens("Mr. Smith met U.S. officials at 10 a.m. on Nov. 7.") ==
                ["Mr.", "Smith", "met", "U.S.", "officials", "at", "10", "a.m.", "on", "Nov.", "7", "."])
        #expect(tokens("Room No. 5 is the best") == ["Room", "No.", "5", "is", "the", "best"])
    }

    @Test func aFullStopThatEndsTheSentenceIsItsOwnToken() {
        #expect(tokens("He moved to the U.S.") == ["He", "moved", "to", "the", "U.S", "."])
        #expect(tokens("Bring pens, paper, etc.") == ["Bring", "pens", ",", "paper", ",", "etc", "."])
        #expect(tokens("Say no.") == ["Say", "no", "."])
    }

    @Test func linksAndAddressesAreOneToken() {
        #expect(tokens("See http://www.example.com/a?b=1&c=2, or write to john.doe@example.com.") ==
                ["See", "http://www.example.com/a?b=1&c=2", ",", "or", "write", "to", "john.doe@example.com", "."])
        #expect(tokens("(www.example.org)") == ["(", "www.example.org", ")"])
    }

    @Test func numbersDatesTimesAndPhones() {
        #expect(tokens("It cost $1,250.50 on 08/16/2000 at 12:05 PM; call 303-832-8160.") ==
                ["It", "cost", "$", "1,250.50", "on", "08/16/2000", "at", "12:05", "PM", ";", "call", "303-832-8160", "."])
        #expect(tokens("a 15-year term, 24/7, 70k, 7:30PM, 3rd") ==
                ["a", "15", "-", "year", "term", ",", "24", "/", "7", ",", "70", "k", ",", "7:30", "PM", ",", "3rd"])
    }

    @Test func hyphensSplitExceptAfterJoinedPrefixes() {
        #expect(tokens("a well-known e-mail from non-members") ==
                ["a", "well", "-", "known", "e-mail", "from", "non-members"])
    }

    @Test func runsOfMarksAndEmoticons() {
        #expect(tokens("Wait... what?! Great :-) ======") == ["Wait", "...", "what", "?!", "Great", ":-)", "======"])
    }

    @Test func edgeSizes() {
        #expect(tokens("").isEmpty)
        #expect(tokens("a") == ["a"])
        #expect(tokens(".") == ["."])
        #expect(tokens("😀 ok 𝐀") == ["😀", "ok", "𝐀"])
    }

    @Test func kindsOfTokens() {
        let document = Document(text: "Pay $5 now!")
        #expect(worker.segment(document).tokens.map(\.kind) == [.word, .symbol, .number, .word, .punctuation])
    }
}

@Suite struct EnclosingTokensTests {
    /// Every span of `text` that starts and ends at space, tokenized alone and from the whole
    /// text's tokens, in order with one cursor per starting point.
    func expectSameTokensInEverySpan(of text: String) {
        let scalars = Array(text.unicodeScalars)
        let whole = Span(start: 0, end: scalars.count)
        var enclosingTokens: [Token] = []
        EnglishTokenizer.tokens(in: whole, of: scalars, into: &enclosingTokens)
        for start in 0..<scalars.count {
            var cursor = 0
            for end in (start + 1)...scalars.count {
                var alone: [Token] = [], reused: [Token] = []
                EnglishTokenizer.tokens(in: Span(start: start, end: end), of: scalars, into: &alone)
                EnglishTokenizer.tokens(in: Span(start: start, end: end), of: scalars, into: &reused, enclosing: whole,
                                        enclosingTokens: enclosingTokens, cursor: &cursor)
                #expect(alone == reused, "\(start)..<\(end) of \(text)")
                cursor = 0
            }
        }
    }

    @Test func abbreviationsBeforeClosingMarksAtTheEnd() {
        expectSameTokensInEverySpan(of: #"He moved to the U.S. "Then" (to the U.S.) ” ok."#)
        expectSameTokensInEverySpan(of: "Mr. Smith met No. 5 at 10 a.m. etc. ' ) ”")
    }

    @Test func edgeSizesAndOtherScripts() {
        expectSameTokensInEverySpan(of: "")
        expectSameTokensInEverySpan(of: "a")
        expectSameTokensInEverySpan(of: "U.S.")
        expectSameTokensInEverySpan(of: "石破首相は U.S. 😀 に行った。 see www.example.com.")
    }
}
