import JPENICU
import Testing
@testable import JPENLexicon

@Suite struct NameLinkerTests {
    let fixture: LexiconFixture
    let linker: NameLinker

    init() throws {
        fixture = try LexiconFixture()
        linker = NameLinker(lexicon: try Lexicon.load(fixture.sources))
    }

    @Test func rememberedAnswersEqualFreshOnes() throws {
        let fresh = NameLinker(lexicon: linker.lexicon)
        let pairs = [("トランプ", "Trump"), ("ウィルバー・ロス", "Wilbur Ross"), ("ロス", "Wilbur Ross"), ("石破茂", "Shigeru Ishiba"),
                     ("アルバレス博士", "Alvarez"), ("", "Trump"), ("トランプ", ""), ("ヘンリー1世", "Henry I")]
        for _ in 0..<2 {
            for (japanese, english) in pairs {
                #expect(linker.similarity(japanese: japanese, english: english)
                    == NameLinker(lexicon: linker.lexicon).similarity(japanese: japanese, english: english), "\(japanese) \(english)")
                #expect(linker.resolve(japanese, type: .person) == fresh.resolve(japanese, type: .person))
            }
        }
        // Past the memo's limit it starts over and answers alike.
        for index in 0..<(NameMemo.limit + 10) { _ = linker.resolve("Name\(index)", type: .organization) }
        #expect(linker.memo.records.count < NameMemo.limit)
        #expect(linker.memo.generation > 0)
        #expect(linker.similarity(japanese: "トランプ", english: "Trump") == 1)
    }

    @Test func listedNamesShareTheListedID() {
        for name in ["ウィルバー・ロス", "Wilbur Ross", "Ross Wilbur", "wilbur ross"] {
            #expect(linker.canonicalID(name, type: .person) == "person:wilbur-ross", "\(name)")
        }
        let abe = linker.resolve("安倍", type: .person)
        #expect(abe.id == "person:abe-shinzo")
        #expect(abe.englishName == "Shinzō Abe" && abe.japaneseName == "安倍晋三")
    }

    @Test func dictionaryRomanizationsLinkBothLanguages() {
        let japanese = linker.resolve("石破茂", type: .person)
        #expect(japanese.id == "person:ishiba-shigeru")
        #expect(linker.canonicalID("Shigeru Ishiba", type: .person) == japanese.id)
        #expect(linker.canonicalID("Ishiba Shigeru", type: .person) == japanese.id)
        #expect(linker.resolve("Shigeru Ishiba", type: .person).japaneseName == "石破茂")
        #expect(linker.canonicalID("トランプ", type: .person) == linker.canonicalID("Trump", type: .person))
    }

    @Test func unknownKatakanaIsRomanized() {
        #expect(linker.romanize("トランプ") == "toranpu")
        #expect(linker.romanize("ウィルバー・ロス") == "uiruba rosu")
        #expect(linker.romanize("") == "")
        // Kanji and ASCII skip the transform and come out folded, as it would leave them.
        #expect(linker.romanize("石破 Ishiba") == "石破 ishiba")
        #expect(linker.romanize("A") == "a")
        #expect(linker.romanize("石破茂") == "石破茂")
        #expect(linker.romanize("𠮷") == "𠮷")
    }

    @Test func numberedStringsAreSortedAndEachOnce() {
        var memo = NameMemo()
        #expect(memo.numbered([String]()) == [])
        #expect(memo.numbered(["b"]) == [0])
        #expect(memo.numbered(["c", "b", "𠮷", "c", "a"]) == [0, 1, 2, 3])
        #expect(memo.numbered(["a", "a"]) == [memo.number("a")])
    }

    @Test func oneRecordPerStringKeepsEachTypeApart() {
        var memo = NameMemo()
        for text in ["", "a", "𠮷", "石破茂"] {
            #expect(memo.existingRecord(text) == nil)
            #expect(memo.record(text) === memo.record(text))
            #expect(memo.existingRecord(text) === memo.record(text))
        }
        #expect(memo.records.count == 4)
        let record = memo.record("Ishiba")
        let person = linker.resolve("Ishiba", type: .person)
        record.remember(person, as: .person)
        #expect(record.resolved(as: .person) == person)
        #expect(record.resolved(as: .location) == nil && record.resolved(as: .organization) == nil)
        // Canonically equal strings share a number, though their bytes (and records) differ.
        #expect(memo.number("e\u{301}") == memo.number("é"))
        #expect(memo.number("e") != memo.number("é"))
    }

    @Test func skeletonsOfAnySpelling() {
        #expect(NameLinker.skeleton("Trump", english: true) == Array("trnp".utf8))
        #expect(NameLinker.skeleton("toranpu", english: false) == Array("trnp".utf8))
        #expect(NameLinker.skeleton("", english: true) == [])
        #expect(NameLinker.skeleton("x", english: true) == Array("ks".utf8))
        #expect(NameLinker.skeleton("石破", english: false) == [])
        #expect(NameLinker.skeleton("𠮷", english: false) == [])
        // The Kelvin sign lower-cases to an ASCII k.
        #expect(NameLinker.skeleton("\u{212A}ate", english: true) == Array("kt".utf8))
    }

    @Test func romanizationLeavesKanjiAndASCII() {
        for text in ["", "a", "菅", "石破茂", "Ishiba 茂", "々"] { #expect(NameLinker.isLeftByRomanization(text)) }
        for text in ["ー", "ト", "と", "𠮷", "\u{FA4C}", "é"] { #expect(!NameLinker.isLeftByRomanization(text)) }
        #expect(linker.canonicalID("ケシャ", type: .person) == linker.canonicalID("Kesha", type: .person))
        #expect(linker.canonicalID("ジョン・スミス", type: .person) == "person:jon-sumisu")
    }

    @Test func kanaRomanizesAsTheICUTransformDoes() throws {
        let icu = try Transliterator("Katakana-Latin; Hiragana-Latin")
        // Code points, not Strings: "kā" and "ka\u{0304}" are equal Strings but fold apart.
        func differs(_ text: String) -> Bool {
            NameLinker.kanaLatin(text).map { Array($0.unicodeScalars) } != Array(icu.transform(text).unicodeScalars)
        }
        // The rules read a code point and the next: every string of one or two of the kana, Latin
        // letters and kanji; every three of the kana that rules read around, in both scripts; then
        // longer names.
        let alphabet = [0x30A1...0x30FC, 0x3041...0x3094, 0x20...0x7D, 0xFF01...0xFF5E].flatMap { $0 }
            .map { String(Unicode.Scalar($0)!) } + ["一", "々", "﨑", "𠮷", "―", "−", "é", "\u{3000}", "〆"]
        var mismatches: [String] = []
        for first in alphabet {
            if differs(first) { mismatches.append(first) }
            for second in alphabet where differs(first + second) { mismatches.append(first + second) }
        }
        let contexts = "ッンーャィェキシチテフアカナッんゃぃきしちてあかがなgAa ".map(String.init)
        for first in contexts {
            for second in contexts {
                for third in contexts where differs(first + second + third) { mismatches.append(first + second + third) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        for name in ["ドナルド・トランプ", "ウィルバー・ロス", "アイザック・バシェヴィス・シンガー", "キャッチャー", "ッンア", "アーー", "ンー", "ーッ", "・ー",
                     "東京ディズニーランド", "ッ漢", "ン漢ア", "漢ー", "さいたま市", "きゃっちゃ", "っんあ", "Jリーグ", "ＵＳスチール", "Aー", "Gーa",
                     "みずほコーポレート銀行", "なでしこジャパン", "ゆめタウン", "ッかッが", "あーア"] {
            #expect(!differs(name), "\(name)")
        }
    }

    @Test func kanaRomanizationTakesKanaKanjiAndLatinOnly() {
        for text in ["", "ｶﾀｶﾅ", "ヽ", "ヿ", "ゝ", "ゕ", "ト\u{3099}", "~ィ", "、", "。", "カ\u{0304}", "\u{0250}"] {
            #expect(NameLinker.kanaLatin(text) == nil, "\(text)")
        }
        #expect(NameLinker.kanaLatin("ト") == "to")
        #expect(NameLinker.kanaLatin("と") == "to")
        #expect(NameLinker.kanaLatin("a") == "a")
        #expect(NameLinker.kanaLatin("トランプ氏") == "toranpu氏")
        #expect(NameLinker.kanaLatin("トランプ Trump") == "toranpu Trump")
        #expect(NameLinker.kanaLatin("インド―ル") == "indo―ru")
        #expect(NameLinker.kanaLatin("山﨑") == "山﨑")
        #expect(NameLinker.kanaLatin("ンあ") == "na")
        #expect(NameLinker.kanaLatin("ッか") == "kka")
        #expect(NameLinker.kanaLatin("ッが") == "~tsuga")
        #expect(NameLinker.kanaLatin("ー").map { Array($0.unicodeScalars) } == ["\u{0304}"])
        #expect(NameLinker.kanaLatin("あー").map { Array($0.unicodeScalars) } == ["a", "\u{0304}"])
        #expect(NameLinker.kanaLatin("キャッチャー").map { Array($0.unicodeScalars) } == Array("kyatchā".unicodeScalars))
        #expect(NameLinker.kanaLatin("Yー").map { Array($0.unicodeScalars) } == ["Ȳ"])
        #expect(linker.romanize("ウィルバー・ロス") == "uiruba rosu")
        #expect(linker.romanize("さいたま") == "saitama")
    }

    @Test func splitCutsAsCharactersDo() {
        let texts = ["", "a", " ", "-", "Shigeru Ishiba", "  a  b ", "a-b c", "ウィルバー・ロス", "ウィルバー＝ロス", "𠮷 𠮷", "Ａ　Ｂ",
                     "e \u{301}x y"]
        for text in texts {
            for separators in [" ", " -", "・＝= \u{3000}･"] {
                let cuts = Array(separators.unicodeScalars)
                #expect(NameLinker.split(text, at: cuts).map(Array.init) == text.split { Array(separators).contains($0) }.map(Array.init),
                        "\(text) \(separators)")
            }
        }
        // A space that a combining mark joins is no separator.
        #expect(NameLinker.split("e \u{301}x y", at: [" "]) == ["e \u{301}x", "y"])
    }

    @Test func unknownKanjiKeepsItsOwnID() {
        #expect(linker.canonicalID("山田花子", type: .person) == "person:山田花子")
        #expect(linker.canonicalID("", type: .location) == "loc:")
    }

    @Test func listedTypeYieldsToADictionaryOfTheAskedType() {
        #expect(linker.canonicalID("Japan", type: .organization) == "loc:japan")
    }

    @Test func katakanaMatchesLatinByItsSounds() {
        #expect(linker.similarity(japanese: "トランプ", english: "Trump") == 1)
        #expect(linker.similarity(japanese: "ルブンバシ", english: "Lubumbashi") == 1)
        #expect(linker.similarity(japanese: "スミス", english: "Smith") == 1)
        #expect(linker.similarity(japanese: "チェンバレン", english: "Chamberlain") > 0.8)
        #expect(linker.similarity(japanese: "ウィルバー・ロス", english: "Wilbur Ross") == 1)
        #expect(linker.similarity(japanese: "トランプ", english: "Merkel") < 0.5)
        #expect(linker.similarity(japanese: "トランプ", english: "") == 0)
    }

    @Test func bestEnglishMatchPicksTheClosestCandidate() {
        let candidates = ["Angela Merkel", "Kenseth", "Chicago"]
        #expect(linker.bestEnglishMatch(forJapanese: "ケンゼス", among: candidates)?.index == 1)
        #expect(linker.bestEnglishMatch(forJapanese: "ケンゼス", among: []) == nil)
        #expect(linker.bestEnglishMatch(forJapanese: "ゴルバチョフ", among: ["Chicago"]) == nil)
    }

    @Test func preparedNamesCompareAsStringsEvenAfterTheMemoStartsOver() {
        let pairs = [("トランプ", "Trump"), ("ウィルバー・ロス", "Ross"), ("アルバレス博士", "Alvarez"), ("", "Trump"), ("石破茂", "")]
        let prepared = pairs.map { (linker.prepared(japanese: $0.0), linker.prepared(english: $0.1)) }
        let expected = pairs.map { NameLinker(lexicon: linker.lexicon).similarity(japanese: $0.0, english: $0.1) }
        #expect(prepared.map { linker.similarity($0.0, $0.1) } == expected)
        // The memo starts over: the names prepared before hold numbers of another numbering.
        for index in 0..<(NameMemo.limit + 10) { _ = linker.resolve("Name\(index)", type: .organization) }
        #expect(prepared.map { linker.similarity($0.0, $0.1) } == expected)
        #expect(linker.bestEnglishMatch(forJapanese: prepared[0].0, among: prepared.map(\.1))?.index == 0)
    }

    @Test func repeatedMentionsLinkAsTheirFirst() {
        let mentions = [NameMention(name: "トランプ", type: .person), NameMention(name: "Donald Trump", type: .person),
                        NameMention(name: "トランプ", type: .person), NameMention(name: "日本", type: .location),
                        NameMention(name: "トランプ", type: .organization), NameMention(name: "日本", type: .location)]
        let linked = linker.link(mentions)
        #expect(linked.count == mentions.count)
        #expect(linked[2] == linked[0] && linked[5] == linked[3])
        #expect(linked[0].id == linked[1].id)
        #expect(linker.link([mentions[0], mentions[0]]).map(\.id) == linker.link([mentions[0]]).map(\.id) + linker.link([mentions[0]]).map(\.id))
        // Told distinct, the first appearances link as they do among their repeats.
        #expect(linker.link(distinct: [0, 1, 3, 4].map { mentions[$0] }) == [0, 1, 3, 4].map { linked[$0] })
    }

    @Test func derivedIDsReadAsTheNameIsWritten() {
        #expect(linker.canonicalID("Tokyo Bay", type: .location) == "loc:tokyo-bay")
        #expect(linker.canonicalID("Japan Bank for International Cooperation", type: .organization)
            == "org:japan-bank-for-international-cooperation")
        // A person's words take the order of the dictionary's romanization, whichever is written.
        #expect(linker.canonicalID("Shigeru Ishiba", type: .person) == "person:ishiba-shigeru")
        let reversed = linker.link([NameMention(name: "Kim Lee", type: .person), NameMention(name: "Lee Kim", type: .person)])
        #expect(reversed.map(\.id) == ["person:kim-lee", "person:kim-lee"])
    }

    @Test func aShortFormOfAListedNameJoinsTheDocumentsFullName() {
        func ids(_ names: [String]) -> [String] {
            linker.link(names.map { NameMention(name: $0, type: .person) }).map(\.id)
        }
        #expect(ids(["Abe"]) == ["person:abe-shinzo"])
        // (The fixture's dictionary knows Abe as a family name: the id puts it first.)
        #expect(ids(["Akie Abe", "Abe"]) == ["person:abe-akie", "person:abe-akie"])
        // The listed entity is named in the document too: the short form stays with it.
        #expect(ids(["Akie Abe", "Abe", "安倍晋三"]) == ["person:abe-akie", "person:abe-shinzo", "person:abe-shinzo"])
        #expect(ids(["Akie Abe", "Abe", "安倍"]) == ["person:abe-akie", "person:abe-shinzo", "person:abe-shinzo"])
        // The short form came first ("Prime Minister Abe … Akie Abe … Abe"): it names the listed person.
        #expect(ids(["Abe", "Akie Abe"]) == ["person:abe-shinzo", "person:abe-akie"])
        // A son's name is not his father's.
        #expect(ids(["Shinzo Abe Jr.", "Abe"]) == ["person:shinzo-abe-jr", "person:abe-shinzo"])
        #expect(NameLinker.endsInGeneration("Donald Trump Jr.") && NameLinker.endsInGeneration("John Smith III"))
        #expect(!NameLinker.endsInGeneration("Donald Trump") && !NameLinker.endsInGeneration(""))
    }

    @Test func typeSupportCountsListedEntitiesMost() {
        #expect(linker.support(for: "日本", as: .location) >= 10)
        #expect(linker.support(for: "日本", as: .person) < linker.support(for: "日本", as: .location))
        #expect(linker.support(for: "", as: .person) == 0)
        #expect(linker.support(for: "𠮷", as: .organization) == 0)
        #expect(linker.support(for: "日本", as: .location) == NameLinker(lexicon: linker.lexicon).support(for: "日本", as: .location))
    }

    @Test func memoNamesCompareByBytes() {
        let names = ["", "a", "𠮷", "トランプ", "Trump"].map(NameMemo.Name.init)
        #expect(Set(names).count == names.count)
        #expect(NameMemo.Name(text: "𠮷") == NameMemo.Name(text: String("x𠮷".dropFirst())))
        #expect(NameMemo.Name(text: "") != NameMemo.Name(text: " "))
    }

    @Test func editDistanceEdgeSizes() {
        #expect(NameLinker.editDistance([], []) == 0)
        #expect(NameLinker.editDistance([1], []) == 1)
        #expect(NameLinker.editDistance([], [1, 2]) == 2)
        #expect(NameLinker.editDistance([1], [1]) == 0)
        #expect(NameLinker.editDistance(Array("trnp".utf8), Array("trp".utf8)) == 1)
        #expect(NameLinker.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    }
}

@Suite struct NameSuffixTests {
    @Test func titlesAndGenericWordsComeOff() {
        #expect(NameLinker.withoutSuffix("アルバレス博士", type: .person)! == ("アルバレス", nil))
        #expect(NameLinker.withoutSuffix("ラッドヤード湖", type: .location)! == ("ラッドヤード", "Lake"))
        #expect(NameLinker.withoutSuffix("ヘンリー1世", type: .person)! == ("ヘンリー", "I"))
        #expect(NameLinker.withoutSuffix("パウロ6世", type: .person)! == ("パウロ", "VI"))
        #expect(NameLinker.withoutSuffix("博士", type: .person) == nil)
        #expect(NameLinker.withoutSuffix("1世", type: .person) == nil)
        #expect(NameLinker.withoutSuffix("", type: .organization) == nil)
        #expect(NameLinker.withoutSuffix("茂", type: .person) == nil)
        #expect(NameLinker.withoutSuffix("氏", type: .person) == nil)
        #expect(NameLinker.withoutSuffix("ｱﾙ博士", type: .person)! == ("ｱﾙ", nil))
        #expect(NameLinker.withoutSuffix("𠮷田さん", type: .person)! == ("𠮷田", nil))
        #expect(NameLinker.withoutSuffix("𠮷", type: .person) == nil)
        // A compatibility ideograph is the suffix's character to a Character comparison.
        #expect(NameLinker.withoutSuffix("トヨタ\u{FA4C}", type: .organization)! == ("トヨタ", nil))
    }

    @Test func namePartsCutAtSeparators() {
        #expect(NameLinker.nameParts("ウィルバー・ロス") == ["ウィルバー", "ロス"])
        #expect(NameLinker.nameParts("Wilbur Ross") == ["Wilbur", "Ross"])
        #expect(NameLinker.nameParts("・ロス・") == ["ロス"])
        #expect(NameLinker.nameParts("") == [])
        #expect(NameLinker.nameParts("ロ") == ["ロ"])
        // Not plain text: cut on Characters (full-width ＝, ideographic space, half-width ･,
        // non-BMP), where a mark joins the separator before it.
        #expect(NameLinker.nameParts("ジョン＝スミス\u{3000}𠮷田") == ["ジョン", "スミス", "𠮷田"])
        #expect(NameLinker.nameParts("ｼﾞｮﾝ･ｽﾐｽ") == ["ｼﾞｮﾝ", "ｽﾐｽ"])
        #expect(NameLinker.nameParts("a \u{301}b") == ["a \u{301}b"])
    }

    @Test func romanNumerals() {
        #expect([1, 4, 9, 14, 39].map(NameLinker.romanNumeral) == ["I", "IV", "IX", "XIV", "XXXIX"])
    }

    @Test func suffixedNamesLinkThroughTheirStem() throws {
        let fixture = try LexiconFixture()
        let linker = NameLinker(lexicon: try Lexicon.load(fixture.sources))
        #expect(linker.canonicalID("トランプ氏", type: .person) == linker.canonicalID("Trump", type: .person))
        #expect(linker.similarity(japanese: "ケンゼス博士", english: "Kenseth") == 1)
    }
}

@Suite struct DocumentLinkingTests {
    let fixture: LexiconFixture
    let linker: NameLinker

    init() throws {
        fixture = try LexiconFixture()
        linker = NameLinker(lexicon: try Lexicon.load(fixture.sources))
    }

    @Test func shortFormsAndTranslationsShareOneID() {
        let mentions = [
            NameMention(name: "Gloria Holden", type: .person), NameMention(name: "Holden", type: .person),
            NameMention(name: "ケンゼス", type: .person), NameMention(name: "Kenseth", type: .person),
            NameMention(name: "石破", type: .person), NameMention(name: "石破茂", type: .person),
        ]
        let ids = linker.link(mentions).map(\.id)
        #expect(ids[0] == ids[1])
        #expect(ids[2] == ids[3] && ids[3] == "person:kenseth")
        #expect(ids[4] == ids[5] && ids[5] == "person:ishiba-shigeru")
        #expect(Set(ids).count == 3)
    }

    @Test func typesAndListedEntitiesStayApart() {
        let mentions = [
            NameMention(name: "Abe", type: .person), NameMention(name: "Akie Abe", type: .person),
            NameMention(name: "トランプ", type: .organization), NameMention(name: "Trump", type: .person),
            NameMention(name: "安倍晋三", type: .person),
        ]
        let ids = linker.link(mentions).map(\.id)
        #expect(ids[0] == "person:abe-shinzo" && ids[1] != ids[0])
        #expect(ids[2] != ids[3])
    }

    @Test func emptyAndSingleDocuments() {
        #expect(linker.link([]).isEmpty)
        #expect(linker.link(distinct: []).isEmpty)
        #expect(linker.link([NameMention(name: "𠮷田", type: .person)]).map(\.id) == ["person:𠮷田"])
    }
}

@Suite struct ListedTypeTests {
    @Test func placesAndOrganizationsMayStandForEachOtherButNotForPeople() {
        let japan = LexiconEntry(surface: "日本", reading: "", glosses: ["Japan"], kinds: [], source: .curated,
                                 listedID: "loc:japan", listedType: .location)
        #expect(NameLinker.listed([japan], type: .organization) == japan)
        #expect(NameLinker.listed([japan], type: .person) == nil)
        let trump = LexiconEntry(surface: "トランプ", reading: "", glosses: ["Donald Trump"], kinds: [], source: .curated,
                                 listedID: "person:donald-trump", listedType: .person)
        #expect(NameLinker.listed([trump], type: .location) == nil)
        #expect(NameLinker.listed([], type: .location) == nil)
    }
}
