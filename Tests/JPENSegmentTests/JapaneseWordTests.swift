import JPENSegment
import JPENText
import Testing

/// Segmentation of Japanese into UD short-unit words with the bundled word model.
@Suite struct JapaneseWordTests {
    let worker = try! Segmenter().makeWorker()

    func words(_ text: String) -> [String] {
        let document = Document(text: text)
        return worker.segment(document).tokens.map { document[$0.span] }
    }

    func kinds(_ text: String) -> [Token.Kind] {
        worker.segment(Document(text: text)).tokens.map(\.kind)
    }

    @Test func surnameAndGivenNameAreTwoWords() {
        #expect(words("石破茂首相は述べた。") == ["石破", "茂", "首相", "は", "述べ", "た", "。"])
        #expect(words("岸田文雄氏") == ["岸田", "文雄", "氏"])
    }

    @Test func numbersAndCountersAreSeparateWords() {
        #expect(words("11月5日、5分間") == ["11", "月", "5", "日", "、", "5", "分間"])
        #expect(kinds("11月5日、") == [.number, .word, .number, .word, .punctuation])
    }

    @Test func marksAreKindsOfTheirOwn() {
        #expect(kinds("※注：価格は＄5と€3だ。") ==
                [.punctuation, .word, .punctuation, .word, .word, .symbol, .number, .word, .symbol, .number, .word, .punctuation])
    }

    @Test func fullWidthTextIsReadNormalizedButReportedInPlace() {
        // Ｇ２０ is G20 after NFKC; spans still count the original full-width characters.
        let document = Document(text: "２０２４年")
        let tokens = worker.segment(document).tokens
        #expect(tokens.map { document[$0.span] } == ["２０２４", "年"])
        #expect(tokens.first?.kind == .number)
    }

    @Test func verbEndingsAndKatakanaRuns() {
        #expect(words("トランプ大統領と電話で会談した。") == ["トランプ", "大統領", "と", "電話", "で", "会談", "し", "た", "。"])
    }

    @Test func latinLettersAreWordsOfTheirOwn() {
        #expect(words("AIの規制について") == ["AI", "の", "規制", "に", "つい", "て"])
    }

    @Test func spacesSeparateAndAreNoTokens() {
        #expect(words("Red Hat社の　製品") == ["Red", "Hat", "社", "の", "製品"])
    }

    @Test func edgeSizes() {
        #expect(words("").isEmpty)
        #expect(words("は") == ["は"])
        // A character outside the Basic Multilingual Plane counts as one code point.
        let document = Document(text: "𠮷野家で食べた。")
        let tokens = worker.segment(document).tokens
        #expect(tokens.last?.span == Span(start: 7, end: 8))
        #expect(tokens.map { document[$0.span] }.joined() == "𠮷野家で食べた。")
    }
}
