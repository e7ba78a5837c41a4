import JPENText
import Testing
@testable import JPENQuotes

private func quotes(_ text: String) throws -> [Quotation] {
    try QuoteFinder().makeWorker().quotations(in: Document(text: text))
}

@Suite struct MixedQuoteTests {
    @Test(arguments: [
        ("Tomoko Arai, 64, said she had noticed the shift. 「昔は外国の方は珍しかった」, she said.", "Tomoko Arai", "said"),
        ("「万博の客は会場で食べて、そのまま帰る」, said Takuya Nishimura, who runs a shop.", "Takuya Nishimura", "said"),
        ("Noda told reporters that 「合意文書がないのは不可解だ」.", "Noda", "told"),
        ("The mayor noted 「被爆者の平均年齢は86歳を超えた」 at the ceremony.", "The mayor", "noted"),
    ] as [(String, String, String)])
    func aCornerQuotationInAnEnglishSentenceTakesTheEnglishSpeaker(text: String, speaker: String, cue: String) throws {
        let quote = try #require(try quotes(text).first { $0.text.unicodeScalars.contains { Script($0) == .kanji } })
        #expect(quote.kind == .speech)
        #expect(quote.speaker?.text == speaker)
        #expect(quote.cue?.text == cue)
    }

    @Test func aCornerQuotationInAJapaneseSentenceKeepsTheJapaneseRules() throws {
        let quote = try #require(try quotes("石破首相は「非常にフレンドリーだ」と述べた。 He smiled.").first)
        #expect(quote.speaker?.text == "石破首相")
        #expect(quote.cue?.text == "述べた")
    }

    @Test func aCornerQuotationAloneOnItsLineHasNoEnglishSpeaker() throws {
        let quote = try #require(try quotes("Ishiba said nothing.\n「日程は決まっていない」\n").first)
        #expect(quote.speaker == nil)
    }

    @Test(arguments: [
        "“We will not give in,” the minister said, using the word 「遺憾」.",
        "The ministry released a report titled “A New Era of Trade” on Monday, Ishiba said.",
        "Trump said his book “The Art of the Deal” sold well.",
        "Kato said the report called “Japan in 2040” was ready.",
        "政府は「こども未来戦略」と題した報告書をまとめたと首相が述べた。",
        "住民側は「運用上の必要」という例外規定によって協定が骨抜きになっていると批判してきた。",
        "首相は白書「日本の未来」について語った。",
        "首相は『坂の上の雲』を読んだと述べた。",
    ])
    func aWordOrTitleIsATermWithoutSpeaker(text: String) throws {
        let term = try #require(try quotes(text).last)
        #expect(term.kind == .term)
        #expect(term.speaker == nil)
    }

    @Test func englishWordsNamedAsWordsStaySpeech() throws {
        // PolNeAR's convention, and a fair one: "used the words “…”" quotes what someone said.
        let quote = try #require(try quotes("Obama has refused to use the words “radical Islamic terrorism,” Trump said.").first)
        #expect(quote.kind == .speech)
    }

    @Test func aCallerIsNoTitleNoun() throws {
        let quote = try #require(try quotes("Trump called the deal “the largest deal ever made.”").first)
        #expect(quote.kind == .speech)
        #expect(quote.speaker?.text == "Trump")
    }
}

@Suite struct SpeakerKindTests {
    @Test(arguments: [
        ("A spokesperson for U.S. Forces Japan at Yokota Air Base in western Tokyo said the U.S. “remains committed.”", "A spokesperson"),
        ("Officials in Tokyo said they hoped it would happen “within weeks.”", "Officials"),
        ("A Treasury spokesperson in Washington said the department “remains in close contact.”", "A Treasury spokesperson"),
        ("A joint statement released at 4:30 p.m. EST said the leaders “reaffirmed the commitment.”", "A joint statement released"),
        ("Secretary of State John Kerry said the talks were “productive.”", "Secretary of State John Kerry"),
        ("The head of the agency said the plan was “on track.”", "The head"),
        ("A senior lawmaker of the Constitutional Democratic Party of Japan said it “bought votes.”", "A senior lawmaker"),
        ("An official at the Bank of Japan said rates were “on hold.”", "An official"),
        ("The Bank of Japan said rates were “on hold.”", "The Bank of Japan"),
    ] as [(String, String)])
    func thePhraseBeforeAPrepositionIsTheSpeaker(text: String, speaker: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == speaker)
    }

    @Test func anInvertedSubjectEndsAtTheQuotation() throws {
        let text = "Sam Altman appeared on stage and said Japan was “one of the most important markets” for the company."
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text != "Japan")
    }

    @Test func aGlossBeforeAnAppositiveIsSkipped() throws {
        let text = "Japan's chief negotiator, Ryosei Akazawa (赤沢亮正), who made his eighth trip, posted a message after leaving the White House: “Mission complete.”"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Ryosei Akazawa")
        #expect(quote.cue?.text == "posted")
    }

    @Test(arguments: [
        ("農業経済学が専門の大学教授、石川誠氏は「見直しが避けられない」と指摘した。", "石川誠氏"),
        ("ツアーを手がける旅行会社の藤井直子社長は「リピーターが多い」と話す。", "旅行会社の藤井直子社長"),
    ] as [(String, String)])
    func theJapaneseTopicComesBeforeAClauseSubject(text: String, speaker: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == speaker)
    }

    @Test func aRulingIsNoSpeaker() throws {
        let text = "判決は、基地周辺の騒音が「受忍限度を超えており、深刻な影響を与えている」と指摘した。"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker == nil)
        #expect(quote.cue?.text == "指摘した")
    }
}

@Suite struct PronounPlaceTests {
    @Test(arguments: [
        "Daniel Brooks, head of rates at a U.S. investment bank in Hong Kong, was more aggressive. “Rates will rise,” he wrote.",
        "Daniel Brooks, who volunteers as a guide at the Peace Memorial Museum, spoke. “Rates will rise,” he wrote.",
        "Daniel Brooks joined the Hokkaido Nippon-Ham Fighters. “Rates will rise,” he wrote.",
        "Daniel Brooks watched the Kyushu Grand Sumo Tournament. “Rates will rise,” he wrote.",
    ])
    func aPronounSkipsPlacesAndOrganizations(text: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Daniel Brooks")
    }

    @Test func aTitledNameAfterTheIsStillAPerson() throws {
        let text = "The agreement was signed by the Prime Minister Shigeru Ishiba. “It is done,” he said."
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Shigeru Ishiba")
    }
}

@Suite struct ReportedClauseTests {
    @Test func theVerbThatReportsTheClauseGivesTheSpeaker() throws {
        let text = "Hayashi replied at his press conference that both sides had confirmed the contents “at the leader level.”"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Hayashi")
        #expect(quote.cue?.text == "replied")
    }

    @Test func aCueWithoutAReportingClauseKeepsItsSubject() throws {
        let text = "Both sides confirmed the contents “at the leader level.”"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.cue?.text == "confirmed")
    }
}

@Suite struct NamedTermTests {
    @Test(arguments: [
        "The threshold, known as the “1.03 million yen wall,” was raised.",
        "The U.S. pavilion, themed “Imagine What We Can Achieve Together,” was among the most visited.",
        "A broader “reciprocal” duty of 24% on Japanese goods was announced on April 2.",
    ])
    func aNamedOrPassiveQuotationIsATerm(text: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.kind == .term)
        #expect(quote.speaker == nil)
    }

    @Test func anActiveSpeechVerbKeepsItsSubject() throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(
            in: Document(text: "The ministry announced a “reciprocal” duty on Monday.")).first)
        #expect(quote.speaker?.text == "The ministry")
    }
}

@Suite struct GuessedSubjectTests {
    @Test func aPassiveParticipleOpeningTheSentenceIsNoSubject() throws {
        let text = "Kaito Fujimura spoke. Pressed by a reporter on the Dodgers, he laughed and said in English, “Everybody asks me that.”"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Kaito Fujimura")
    }

    @Test func aPlaceIsNoGuessedSubject() throws {
        let text = "A survey found that 41% of respondents in the Kansai region thought it was “not worth the money.”"
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text != "Kansai")
    }

    @Test func aLowercaseTitleAfterANameNamesNoOne() throws {
        let text = "Naomi Hayashida spoke of the Quad foreign ministers. “It is significant,” she said."
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == "Naomi Hayashida")
    }
}

@Suite struct JapaneseSubjectTests {
    @Test(arguments: [
        ("さいたま市に住むパート従業員の岡田真由美さん（45）は「値上がりしている」と話す。", "パート従業員の岡田真由美さん"),
        ("東京都内で記者会見した後藤芳光最高財務責任者（ＣＦＯ）は「表れ始めた」と述べた。", "後藤芳光最高財務責任者"),
        ("高木氏も「数千万円変わる」と苦笑した。", "高木氏"),
        ("全米鉄鋼労働組合（ＵＳＷ）は声明で「守らせる」と表明した。", "全米鉄鋼労働組合"),
    ] as [(String, String)])
    func honorificsAgesAndAlsoParticles(text: String, speaker: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.speaker?.text == speaker)
    }

    @Test func alsoAfterAPlainNounIsNoSpeaker() throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(
            in: Document(text: "今後も「注視する」と述べた。")).first)
        #expect(quote.speaker == nil)
    }

    @Test func aReportWithoutSubjectGoesOnFromTheParagraphsSpeaker() throws {
        let text = "小池知事は「負担を軽くしたい」と述べた。そのうえで「国にも対策を求める」と強調した。\n\n「別の話だ」と語った。"
        let found = try QuoteFinder().makeWorker().quotations(in: Document(text: text))
        #expect(found.count == 3)
        #expect(found[1].speaker?.text == "小池知事")
        #expect(found[1].cue?.text == "強調した")
        // A new paragraph does not carry the speaker over.
        #expect(found[2].speaker == nil)
    }
}

@Suite struct BracketedSpeakerTests {
    @Test func theSpeakerInBracketsAfterTheQuotation() throws {
        let found = try QuoteFinder().makeWorker().quotations(in: Document(text:
            "野党側は「何も解決していない」（立憲民主党幹部）と批判している。ディーラーの間では「進みにくい」（国内銀行の担当者）との声が出ている。"))
        #expect(found.map { $0.speaker?.text } == ["立憲民主党幹部", "国内銀行の担当者"])
        #expect(found[0].cue?.text == "批判している")
    }

    @Test func aTranslationInBracketsIsNoSpeaker() throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text:
            "在日米軍は声明を出し、「We take it seriously.」（真剣に受け止める）とした。")).first)
        #expect(quote.speaker?.text != "真剣に受け止める")
    }
}

@Suite struct JapaneseNounQuoteTests {
    @Test(arguments: [
        "ソフトバンクグループは米OpenAIと合弁会社「SB OpenAI Japan」を設立した。",
        "国際展示会「SEMICON Japan 2025」が10日、開幕した。",
        "米国で「Stargate」計画を進める。",
        "財務の健全性を示す「ＬＴＶ」は約20％だった。",
    ])
    func aCornerQuotationUsedAsANounIsATerm(text: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.kind == .term)
    }

    @Test(arguments: [
        "専門家の間では「需要に応じて増産できる仕組みに改めるべきだ」との声も上がる。",
        "石破首相は「非常にフレンドリーだ」と述べた。",
    ])
    func reportedSpeechStaysSpeech(text: String) throws {
        let quote = try #require(try QuoteFinder().makeWorker().quotations(in: Document(text: text)).first)
        #expect(quote.kind == .speech)
    }
}
