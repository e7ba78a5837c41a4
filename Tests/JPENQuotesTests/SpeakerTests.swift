import JPENText
import Testing
@testable import JPENQuotes

private func first(_ text: String, mentions: [EntityMention] = []) throws -> Quotation {
    let found = try QuoteFinder().makeWorker().quotations(in: Document(text: text), mentions: mentions)
    return try #require(found.first)
}

@Suite struct EnglishSpeakerTests {
    @Test(arguments: [
        ("“We agreed,” Ishiba said.", "Ishiba", "said"),
        ("“We agreed,” said Prime Minister Shigeru Ishiba.", "Prime Minister Shigeru Ishiba", "said"),
        ("Ishiba remarked that the call felt “very friendly.”", "Ishiba", "remarked"),
        ("Trump told reporters, “We will win.”", "Trump", "told"),
        ("Trump: “We will win.”", "Trump", ":"),
        ("Sanders added, “It is not over.”", "Sanders", "added"),
        ("“It is not over,” Sanders wrote on Twitter.", "Sanders", "wrote"),
        ("“The talks went well,” according to Kyodo News.", "Kyodo News", "according to"),
        ("“We have no comment,” the White House said.", "the White House", "said"),
        ("“We have no comment,” Sen. Bernie Sanders, a Democrat, said on Tuesday.", "Sen. Bernie Sanders", "said"),
        ("“This is fantastic!” beamed Donald Hartley of Madison.", "Donald Hartley", "beamed"),
        ("“Thank you” ― Abraham Lincoln", "Abraham Lincoln", nil),
        ("Carly Fiorina wrote on Facebook: “Anyone can do it.”", "Carly Fiorina", "wrote"),
        ("“It is a dead heat,” as Cruz said on Monday.", "Cruz", "said"),
        ("Assange has been “arbitrarily detained” by Britain, the rights group says.", "the rights group", "says"),
        ("“The numbers don’t add up,” that is what Sanders can see, said Steve Elmendorf.", "Steve Elmendorf", "said"),
        ("The ad targets a “corrupt political system that keeps a rigged economy.”", "The ad", nil),
    ] as [(String, String, String?)])
    func cueAndSpeaker(text: String, speaker: String, cue: String?) throws {
        let quote = try first(text)
        #expect(quote.kind == .speech)
        #expect(quote.speaker?.text == speaker)
        #expect(quote.cue?.text == cue)
    }

    @Test func aParticipleTakesTheSubjectOfItsSentence() throws {
        let text = "Then Chief Cabinet Secretary Suga, the architect of this approach, dismissed concerns from "
            + "Foreign Ministry officials with characteristic pragmatism, stating, “If Trump loses, we can simply ignore it.”"
        let quote = try first(text)
        #expect(quote.speaker?.text == "Chief Cabinet Secretary Suga")
        #expect(quote.speaker?.id == "speaker:suga")
        #expect(quote.cue?.text == "stating")
    }

    @Test func aPronounResolvesToThePersonNamedBefore() throws {
        let text = "Donald Trump arrived in Tokyo on Monday. “It is great to be here,” he said."
        let quote = try first(text)
        #expect(quote.speaker?.text == "Donald Trump")
        #expect(quote.speaker?.span == Span(start: 0, end: 12))
        #expect(quote.cue?.text == "said")
    }

    @Test func aPronounRightBeforeTheQuotationIsItsSubject() throws {
        let text = "Prime Minister Ishiba responded. Ishiba sent a letter in which he “expressed that he would like to work closely together“."
        let quote = try first(text)
        #expect(quote.speaker?.text == "Ishiba")
        #expect(quote.speaker?.span == Span(start: 33, end: 39))
    }

    @Test func entityMentionsGiveTheSpeakerItsId() throws {
        let text = "Donald Trump arrived. “It is great,” he said. “Thank you,” Trump added."
        let mentions = [
            EntityMention(span: Span(start: 0, end: 12), id: "Q22686", isPerson: true),
            EntityMention(span: Span(start: 59, end: 64), id: "Q22686", isPerson: true),
        ]
        let found = try QuoteFinder().makeWorker().quotations(in: Document(text: text), mentions: mentions)
        #expect(found.map { $0.speaker?.id } == ["Q22686", "Q22686"])
    }

    /// A speaker named with a post speaks as the person, though the post is an entity too; with
    /// no person in the speaker, its last entity speaks (外務省の幹部).
    @Test func aPersonInTheSpeakerGivesItsIdBeforeAPost() throws {
        let text = "「早い段階で信頼を築けた」と当時の菅義偉官房長官は振り返った。「検討中だ」と外務省の幹部は述べた。"
        let scalars = Array(text.unicodeScalars)
        func span(of part: String) -> Span {
            let needle = Array(part.unicodeScalars)
            let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
            return Span(start: start, end: start + needle.count)
        }
        let mentions = [
            EntityMention(span: span(of: "菅義偉"), id: "person:suga-yoshihide", isPerson: true),
            EntityMention(span: span(of: "官房長官"), id: "org:cabinet-chief-secretary", isPerson: false),
            EntityMention(span: span(of: "外務省"), id: "org:mofa", isPerson: false),
        ]
        let found = try QuoteFinder().makeWorker().quotations(in: Document(text: text), mentions: mentions)
        #expect(found.map { $0.speaker?.id } == ["person:suga-yoshihide", "org:mofa"])
    }

    @Test func aQuotationGoingOnFromTheLastKeepsItsSpeaker() throws {
        let text = "“We agreed,” Ishiba said. “We will meet soon.”\n\n“It was friendly.”"
        let found = try QuoteFinder().makeWorker().quotations(in: Document(text: text))
        #expect(found.map { $0.speaker?.text } == ["Ishiba", "Ishiba", "Ishiba"])
        #expect(found.map { $0.cue?.text } == ["said", nil, nil])
    }

    @Test func scareQuotesAndTitlesAreTerms() throws {
        let scare = try first("He recognized the urgency, given accusations of Japan “cheating” in exchange rates.")
        #expect(scare.kind == .term)
        #expect(scare.speaker == nil)
        let title = try first("He hosted “The Apprentice” for years.")
        #expect(title.kind == .term)
    }
}

@Suite struct JapaneseSpeakerTests {
    @Test(arguments: ["述べた", "語った", "話した", "強調した", "明らかにした"])
    func reportingVerbs(verb: String) throws {
        let quote = try first("石破首相は会談後、記者団に「非常にフレンドリーだ」と\(verb)。")
        #expect(quote.speaker?.text == "石破首相")
        #expect(quote.speaker?.id == "speaker:石破")
        #expect(quote.cue?.text == verb)
        #expect(quote.text == "非常にフレンドリーだ")
    }

    @Test func theSubjectMayComeAfterTheQuotation() throws {
        let quote = try first("「早い段階で信頼を築けた」と当時の菅義偉官房長官は振り返った。")
        #expect(quote.speaker?.text == "当時の菅義偉官房長官")
        #expect(quote.speaker?.id == "speaker:菅義偉")
        #expect(quote.cue?.text == "振り返った")
    }

    @Test func aHeadlineNamesItsSpeakerBeforeTheQuotation() throws {
        let quote = try first("石破首相「早期に会談したい」\n\n石破茂首相は7日、トランプ氏と電話で会談した。")
        #expect(quote.speaker?.text == "石破首相")
        #expect(quote.cue == nil)
    }

    @Test func englishMarksInJapaneseText() throws {
        let quote = try first("ロス長官は“日米の協力は重要だ”と強調した。")
        #expect(quote.text == "日米の協力は重要だ")
        #expect(quote.speaker?.text == "ロス長官")
        #expect(quote.cue?.text == "強調した")
    }

    /// Found by the fuzzer: っ (for って) as the last character after a quotation read past the end.
    @Test(arguments: ["「はい」っ", "石破首相は「はい」っ", "「はい」（党幹部）っ"])
    func aSmallTsuAtTheEndAfterAQuotation(text: String) throws {
        let quote = try first(text)
        #expect(quote.text == "はい")
        #expect(quote.cue == nil)
    }

    @Test func anOrganizationsOfficialKeepsTheWholePhrase() throws {
        let quote = try first("外務省の幹部は「米国への立ち寄りを検討している。」と語った。")
        #expect(quote.speaker?.text == "外務省の幹部")
        #expect(quote.speaker?.id == "speaker:外務省の幹部")
    }
}
