import JPENICU
import JPENNormalize
import JPENText
import Testing

/// Normalizes `text` with `options` and returns the result with its document.
private func normalize(_ text: String, _ options: TextNormalizer.Options = .default) -> (Document, NormalizedText) {
    let document = Document(text: text)
    return (document, TextNormalizer(options: options).normalize(document))
}

/// The original text behind each normalized code point, e.g. ["㍿", "㍿", "㍿", "㍿", "A"].
private func sources(_ text: String, _ options: TextNormalizer.Options = .default) -> [String] {
    let (document, normalized) = normalize(text, options)
    return (0..<normalized.count).map { document[normalized.originalSpan(of: Span(start: $0, end: $0 + 1))] }
}

/// Checks the offset map's invariants: every span maps inside the original, in order, never to
/// an empty source, and the edits rebuild the normalized text from the original.
private func expectConsistentMap(_ document: Document, _ normalized: NormalizedText,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(normalized.originalStarts.count == normalized.count + 1, sourceLocation: sourceLocation)
    #expect(normalized.originalStarts.last == document.count, sourceLocation: sourceLocation)
    for index in 0..<normalized.count {
        let span = normalized.originalSpan(of: Span(start: index, end: index + 1))
        #expect(span.start >= 0 && span.end <= document.count && !span.isEmpty, sourceLocation: sourceLocation)
        if index > 0 {
            #expect(normalized.originalStarts[index - 1] <= span.start, sourceLocation: sourceLocation)
            #expect(normalized.originalEnds[index - 1] <= span.end, sourceLocation: sourceLocation)
        }
    }
    for start in 0...normalized.count {
        for end in start...min(normalized.count, start + 6) {
            let span = normalized.originalSpan(of: Span(start: start, end: end))
            #expect(span.start >= 0 && span.end <= document.count, sourceLocation: sourceLocation)
        }
    }
    var rebuilt: [Unicode.Scalar] = []
    var covered = 0
    for edit in normalized.edits(from: document) {
        rebuilt += document.scalars[covered..<edit.original.start]
        rebuilt += normalized.scalars[edit.normalized.range]
        covered = edit.original.end
    }
    rebuilt += document.scalars[covered...]
    #expect(rebuilt == normalized.scalars, sourceLocation: sourceLocation)
}

@Suite struct TextNormalizerTests {
    @Test func squaredWordMapsBackToOneCharacter() {
        let (_, normalized) = normalize("㍿ＡＢＣ")
        #expect(normalized.string == "株式会社ABC")
        #expect(normalized.originalSpan(of: Span(start: 0, end: 4)) == Span(start: 0, end: 1))
        #expect(normalized.originalSpan(of: Span(start: 1, end: 2)) == Span(start: 0, end: 1))
        #expect(normalized.originalSpan(of: Span(start: 4, end: 7)) == Span(start: 1, end: 4))
    }

    @Test func documentationExample() {
        let (_, normalized) = normalize("ｽ－ﾊﾟ－\r\n㍿　ＡＢＣ")
        #expect(normalized.string == "スーパー\n株式会社 ABC")
        #expect(normalized.originalSpan(of: Span(start: 5, end: 9)) == Span(start: 7, end: 8))
    }

    @Test func mergingIntoASquaredWordKeepsItsGroupWhole() {
        // ㌍ is カロリー: a ー after it joins its last ー, ゛ after ㌀ (アパート) its last kana.
        #expect(sources("㌍ーー") == ["㌍ーー", "㌍ーー", "㌍ーー", "㌍ーー"])
        #expect(normalize("㌀゛").1.string == "アパード")
        #expect(sources("㌀゛x") == ["㌀゛", "㌀゛", "㌀゛", "㌀゛", "x"])
    }

    @Test func eraNameBecomesTwoKanji() {
        #expect(sources("㍻3年") == ["㍻", "㍻", "3", "年"])
        #expect(normalize("㍻3年").1.string == "平成3年")
    }

    @Test func halfWidthVoicedKanaJoin() {
        let (_, normalized) = normalize("ｶﾞｽ")
        #expect(normalized.string == "ガス")
        #expect(normalized.originalSpan(of: Span(start: 0, end: 1)) == Span(start: 0, end: 2))
        #expect(normalized.originalSpan(of: Span(start: 1, end: 2)) == Span(start: 2, end: 3))
    }

    @Test func emptyText() {
        let (document, normalized) = normalize("")
        #expect(normalized.count == 0)
        #expect(normalized.originalSpan(of: Span(start: 0, end: 0)) == Span(start: 0, end: 0))
        #expect(normalized.edits(from: document).isEmpty)
    }

    @Test(arguments: ["a", "あ", "Ａ", "😀", "\u{20B9F}", " ", "\n", "\r", "\u{200B}", "－"])
    func oneCodePoint(_ text: String) {
        let (document, normalized) = normalize(text)
        expectConsistentMap(document, normalized)
    }

    @Test func oneRemovedCodePointLeavesNothing() {
        let (document, normalized) = normalize("\u{FEFF}")
        #expect(normalized.count == 0)
        #expect(normalized.edits(from: document) == [NormalizedText.Edit(original: Span(start: 0, end: 1),
                                                                         normalized: Span(start: 0, end: 0))])
    }

    @Test func outsideTheBasicPlane() {
        // 𠮟 (U+20B9F) is a kanji outside the BMP; 𝐀 (U+1D400) is a compatibility letter.
        #expect(normalize("𠮟る😀").1.string == "𠮟る😀")
        #expect(sources("𝐀𠮟") == ["𝐀", "𠮟"])
        #expect(normalize("𝐀").1.string == "A")
    }

    @Test func combiningMarksComposeWithTheirBase() {
        #expect(normalize("e\u{301}").1.string == "é")
        #expect(sources("e\u{301}x") == ["e\u{301}", "x"])
        #expect(normalize("か\u{3099}").1.string == "が")
        // Marks in non-canonical order are reordered, and still map to their cluster.
        let (document, normalized) = normalize("a\u{301}\u{323}b")
        #expect(normalized.string == "\u{1EA1}\u{301}b")
        expectConsistentMap(document, normalized)
    }

    @Test func spacingSoundMarksJoinKana() {
        #expect(normalize("か゛は゜").1.string == "がぱ")
        #expect(sources("か゛") == ["か゛"])
        // Not after kana: kept as written, not turned into a space and a combining mark.
        #expect(normalize("A゛").1.string == "A゛")
    }

    @Test func lineBreaksBecomeNewlines() {
        #expect(normalize("a\r\nb\rc\u{2028}d\u{85}e").1.string == "a\nb\nc\nd\ne")
        #expect(sources("a\r\nb") == ["a", "\r\n", "b"])
        #expect(normalize("a\u{2029}b").1.string == "a\n\nb")
        #expect(normalize("a\r\n\r\nb").1.string == "a\n\nb")
        #expect(normalize("a\r\nb", []).1.string == "a\r\nb")
    }

    @Test func spacesBecomeSpaceAndZeroWidthGoes() {
        #expect(normalize("a\u{A0}b\u{3000}c\u{2009}d\u{1680}e").1.string == "a b c d e")
        #expect(normalize("石破\u{200B}茂\u{FEFF}").1.string == "石破茂")
        #expect(sources("石\u{200B}破") == ["石", "破"])
        #expect(normalize("soft\u{AD}ware").1.string == "software")
        // Joiners stay: they hold emoji sequences together.
        #expect(normalize("👨\u{200D}👩").1.string == "👨\u{200D}👩")
        #expect(normalize("\t").1.string == "\t")
    }

    @Test func hyphensUnify() {
        #expect(normalize("いろんなハイフン˗֊‐‑‒–⁃⁻₋−").1.string == "いろんなハイフン----------")
        #expect(normalize("1990–2000, o₋o").1.string == "1990-2000, o-o")
        #expect(normalize("A－B").1.string == "A-B")
    }

    @Test func dashesAfterKanaBecomeLongVowels() {
        #expect(normalize("ス－パ－").1.string == "スーパー")
        #expect(normalize("ｽｰﾊﾟｰ").1.string == "スーパー")
        #expect(normalize("サ−ビス").1.string == "サービス")
        #expect(normalize("ウェ―イ").1.string == "ウェーイ")
        #expect(normalize("すご―い").1.string == "すごーい")
        #expect(normalize("majikaー━").1.string == "majikaー")
        #expect(normalize("majika━").1.string == "majika━")
    }

    @Test func dashesElsewhereStayDashes() {
        #expect(normalize("Trump—who").1.string == "Trump—who")
        #expect(normalize("会談――首相").1.string == "会談――首相")
        #expect(normalize("トランプ――首相").1.string == "トランプ――首相")
        #expect(normalize("だが――、").1.string == "だが――、")
        #expect(normalize("─━").1.string == "─━")
    }

    @Test func repeatedLongVowelsCollapseToOneThatCoversTheRun() {
        let (_, normalized) = normalize("ウェーーーーイ")
        #expect(normalized.string == "ウェーイ")
        #expect(normalized.originalSpan(of: Span(start: 2, end: 3)) == Span(start: 2, end: 6))
        #expect(normalize("スーパーーーー").1.string == "スーパー")
        #expect(sources("スーー\u{3099}") == ["ス", "ーー\u{3099}", "ーー\u{3099}"])
        #expect(normalize("ウェーーイ", TextNormalizer.Options.default.subtracting(.repeatedLongVowels)).1.string
                == "ウェーーイ")
    }

    @Test func tildesUnifyByDefaultAndAreRemovedOnRequest() {
        #expect(normalize("3〜5日、4～6日、7∼8").1.string == "3~5日、4~6日、7~8")
        #expect(normalize("チルダ削除ウェ~∼∾〜〰～イ", [.removeTildes]).1.string == "チルダ削除ウェ~イ")
        #expect(normalize("わい〜〜〜", .neologdn).1.string == "わい")
        #expect(normalize("~user").1.string == "~user")
    }

    @Test func spacesBetweenJapaneseAreRemovedOnlyOnRequest() {
        let text = "南アルプスの　天然水　Ｓｐａｒｋｉｎｇ　Ｌｅｍｏｎ　レモン一絞り"
        #expect(normalize(text).1.string == "南アルプスの 天然水 Sparking Lemon レモン一絞り")
        #expect(normalize(text, .neologdn).1.string == "南アルプスの天然水 Sparking Lemon レモン一絞り")
        #expect(normalize("　　　ＰＲＭＬ　　副　読　本　　　", .neologdn).1.string == "   PRML  副読本   ")
        #expect(normalize("石破 茂\n首相", .neologdn).1.string == "石破茂\n首相")
        #expect(sources("石 破", .neologdn) == ["石", "破"])
        // The space goes, the two ー merge, and the mark that came with the second joins them.
        let nfkcLongVowel = TextNormalizer.Options.neologdn.subtracting(.longVowels)
        #expect(sources("ー\tｰ\u{301}", nfkcLongVowel) == ["ー\tｰ\u{301}", "ー\tｰ\u{301}"])
    }

    @Test func fullWidthAndHalfWidthForms() {
        #expect(normalize("ＡＢＣ１２３！？＠").1.string == "ABC123!?@")
        #expect(normalize("ﾊﾝｶｸｶﾀｶﾅ").1.string == "ハンカクカタカナ")
        #expect(normalize("｢ｶﾀｶﾅ｣･").1.string == "「カタカナ」・")
        #expect(normalize("①②").1.string == "12")
    }

    @Test func quotationMarksAreKept() {
        let text = "“Yes,” he said. ‘No’ 「はい」『いいえ』〝え〟"
        #expect(normalize(text).1.string == text)
    }

    @Test func everyOptionOffChangesNothing() {
        let text = "ｶﾞ㍿ＡＢＣ\r\n\u{3000}\u{200B}－〜ーー゛"
        let (document, normalized) = normalize(text, [])
        #expect(normalized.string == text)
        #expect(normalized.edits(from: document).isEmpty)
    }

    @Test func eachOptionCanBeTurnedOff() {
        let off = { (option: TextNormalizer.Options) in TextNormalizer.Options.default.subtracting(option) }
        #expect(normalize("ＡＢ㍿", off(.compatibility)).1.string == "ＡＢ㍿")
        #expect(normalize("a\r\nb", off(.lineBreaks)).1.string == "a\r\nb")
        #expect(normalize("a\u{3000}b", off([.spaces, .compatibility])).1.string == "a\u{3000}b")
        #expect(normalize("a\u{200B}b", off(.zeroWidth)).1.string == "a\u{200B}b")
        #expect(normalize("a‐b", off(.hyphens)).1.string == "a‐b")
        #expect(normalize("ス−パ", off(.longVowels)).1.string == "ス-パ")
        #expect(normalize("ス−パ", off([.longVowels, .hyphens])).1.string == "ス−パ")
        #expect(normalize("3〜5", off(.tildes)).1.string == "3〜5")
    }

    @Test func editsAreCompact() {
        let (document, normalized) = normalize("ab㍿ＡＢc\u{200B}d")
        #expect(normalized.edits(from: document) == [
            NormalizedText.Edit(original: Span(start: 2, end: 5), normalized: Span(start: 2, end: 8)),
            NormalizedText.Edit(original: Span(start: 6, end: 7), normalized: Span(start: 9, end: 9)),
        ])
    }

    @Test(arguments: [
        "ｶﾞ㍿ＡＢＣ\r\n\u{3000}\u{200B}－〜ーー゛",
        "石破 茂首相は「ウェーーイ」と述べた。\u{2029}Mr. Suga—who met U.S. officials—said “yes.”",
        "\u{200B}\u{200B}ス－パ－\u{FEFF}",
        "e\u{301}\u{323}か\u{3099}ｶﾞ𝐀😀👨\u{200D}👩\r\r\n",
        "　ＰＲＭＬ　副　読　本　",
    ])
    func everySpanMapsInsideTheOriginal(_ text: String) {
        for options in [TextNormalizer.Options.default, .neologdn, [], [.compatibility]] {
            let (document, normalized) = normalize(text, options)
            expectConsistentMap(document, normalized)
        }
    }
}

@Suite struct QuotationMarkTests {
    @Test func japaneseBrackets() {
        #expect(QuotationMark("「")?.role == .opening)
        #expect(QuotationMark("「")?.style == .japanese)
        #expect(QuotationMark("』")?.role == .closing)
        #expect(QuotationMark("｢")?.isClosed(by: "」") == true)
        #expect(QuotationMark("〝")?.isClosed(by: "〟") == true)
    }

    @Test func westernMarks() {
        #expect(QuotationMark("“")?.role == .opening)
        #expect(QuotationMark("”")?.role == .closing)
        #expect(QuotationMark("\"")?.role == .ambiguous)
        #expect(QuotationMark("'")?.style == .western)
        #expect(QuotationMark("„")?.isClosed(by: "“") == true)
        #expect(QuotationMark("“")?.isClosed(by: "“") == false)
        #expect(QuotationMark("«")?.closingMarks == ["»"])
    }

    @Test func otherCharactersAreNotQuotationMarks() {
        #expect(QuotationMark("a") == nil)
        #expect(QuotationMark("【") == nil)
        #expect(QuotationMark("😀") == nil)
    }
}

@Suite struct NormalizationPropertyTests {
    /// Characters every rule looks at, and their neighbours.
    static let alphabet: [Unicode.Scalar] = Array(("aZ9 \t\n\r\u{85}\u{2028}\u{2029}\u{A0}\u{3000}\u{200B}\u{FEFF}\u{AD}"
        + "\u{200D}㌍㌀あかスパーｰｶﾞﾟ゛゜石破「」“”\"'‐‑‒–—―−─━﹣－~∼∾〜〰～⁻₋㍿㍻ＡＢ１①e\u{301}\u{323}\u{3099}😀𠮟𝐀ﬁ…・、。")
        .unicodeScalars)

    /// A deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static var optionSets: [TextNormalizer.Options] {
        let rules: [TextNormalizer.Options] = [
            .compatibility, .lineBreaks, .spaces, .zeroWidth, .hyphens, .longVowels, .repeatedLongVowels, .tildes,
            .japaneseSpaces, .removeTildes,
        ]
        return [.default, .neologdn, []] + rules + rules.map { TextNormalizer.Options.neologdn.subtracting($0) }
    }

    @Test func randomTextsKeepAConsistentMap() {
        var generator = Generator(state: 2024)
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<generator.next(16) { view.append(Self.alphabet[generator.next(Self.alphabet.count)]) }
            let text = String(view)
            for options in Self.optionSets {
                let (document, normalized) = normalize(text, options)
                expectConsistentMap(document, normalized)
            }
        }
    }

    @Test func compatibilityAloneIsICUsNFKC() {
        // ゛ and ゜ are left out: jpen joins them to kana instead of NFKC's space and mark.
        let alphabet = Self.alphabet.filter { $0 != "\u{309B}" && $0 != "\u{309C}" }
        var generator = Generator(state: 11)
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<generator.next(16) { view.append(alphabet[generator.next(alphabet.count)]) }
            let text = String(view)
            #expect(normalize(text, [.compatibility]).1.string == Normalizer.nfkc.normalize(text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func everyBasicPlaneCodePointMatchesNFKC() {
        // Each code point between two letters, so the table's fast paths and ICU's segments meet.
        var mismatches: [UInt32] = []
        for value in UInt32(1)..<0x10000 where !(0xD800...0xDFFF).contains(value) && value != 0x309B && value != 0x309C {
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            if normalize(text, [.compatibility]).1.string != Normalizer.nfkc.normalize(text) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func defaultNormalizationIsIdempotent() {
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<generator.next(16) { view.append(Self.alphabet[generator.next(Self.alphabet.count)]) }
            for options in [TextNormalizer.Options.default, .neologdn] {
                let once = normalize(String(view), options).1.string
                #expect(normalize(once, options).1.string == once, "\(Array(String(view).unicodeScalars))")
            }
        }
    }
}
