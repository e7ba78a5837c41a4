@testable import JPENEntities
import JPENLexicon
import JPENText
import Testing

@Suite struct EntityRecognizerTests {
    let worker = try! EntityRecognizer().makeWorker()

    func entities(_ text: String) -> [(String, EntityType, String)] {
        worker.recognize(Document(text: text)).entities.map { ($0.text, $0.type, $0.id) }
    }

    @Test func japaneseNameBeforeTitle() {
        let found = entities("石破茂首相はトランプ次期大統領と電話で会談した。")
        #expect(found.contains { $0.0 == "石破茂" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("首相") })
    }

    @Test func englishNameAfterTitle() {
        let found = entities("Prime Minister Ishiba spoke with Mr. Trump on Wednesday.")
        #expect(found.contains { $0.0 == "Ishiba" && $0.1 == .person })
        #expect(found.contains { $0.0 == "Trump" && $0.1 == .person })
    }

    @Test func trumpTowerIsAPlace() {
        let found = entities("Abe visited Trump Tower in New York in 2016.")
        #expect(found.contains { $0.0 == "Trump Tower" && $0.1 == .location })
        #expect(!found.contains { $0.0 == "Trump" })
    }

    @Test func shortFormsShareTheFullNamesId() {
        let found = entities("Shigeru Ishiba won the vote. Later, Ishiba's cabinet met.")
        let ids = Set(found.filter { $0.0.hasSuffix("Ishiba") }.map(\.2))
        #expect(found.filter { $0.0.hasSuffix("Ishiba") }.count == 2)
        #expect(ids == ["person:ishiba"])
    }

    @Test func kanjiShortFormTakesTheFullNamesId() {
        let found = entities("石破茂首相は述べた。石破首相はまた述べた。")
        let ishiba = found.filter { $0.0.hasPrefix("石破") }
        #expect(ishiba.count == 2)
        #expect(Set(ishiba.map(\.2)) == ["person:石破茂"])
    }

    @Test func spansPointIntoTheOriginalText() {
        // Full-width letters normalize to ASCII inside; spans still count the original code points.
        let text = "🇯🇵 ＩＳＨＩＢＡ met Trump."
        let document = Document(text: text)
        for entity in worker.recognize(document).entities {
            #expect(document[entity.span] == entity.text)
        }
    }

    @Test func candidateLendsItsIdToEveryMention() {
        let document = Document(text: "Shigeru Ishiba met Trump. Ishiba smiled.")
        let first = worker.recognize(document).entities.first { $0.text == "Shigeru Ishiba" }!
        let linked = worker.recognize(document, candidates: [
            EntityCandidate(span: first.span, type: .person, id: "person:ishiba-shigeru"),
        ])
        #expect(linked.entities.filter { $0.text.contains("Ishiba") }.allSatisfy { $0.id == "person:ishiba-shigeru" })
    }

    @Test func japaneseNameEndsBeforeThePortfolioOfItsTitle() {
        // A katakana name keeps its letters before a prefixed portfolio (ロス is also a word, "loss").
        #expect(entities("ウィルバー・ロス元商務長官と会った。").contains { $0.0 == "ウィルバー・ロス" && $0.1 == .person })
        let found = entities("赤沢亮正経済再生相は述べた。")
        #expect(found.contains { $0.0 == "赤沢亮正" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("経") })
    }

    @Test func nameEndsBeforeAPrefixedTitle() {
        let found = entities("Michael Thompson准教授は述べた。平野由紀准教授も述べた。")
        #expect(found.contains { $0.0.hasSuffix("Thompson") && $0.1 == .person })
        #expect(found.contains { $0.0 == "平野由紀" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("准") })
    }

    @Test func nameThatSwallowedItsWholeTitleLosesIt() {
        let found = entities("林芳正官房長官は記者会見で述べた。")
        #expect(found.contains { $0.0 == "林芳正" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("長官") })
    }

    @Test func nameBeforeAnOfficeWithItsPortfolio() {
        let found = entities("米側からルビオ国務長官とヘグセス国防長官が出席した。")
        #expect(found.contains { $0.0 == "ヘグセス" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("長官") })
        let cfo = entities("東京都内で記者会見した後藤芳光最高財務責任者（ＣＦＯ）は「ＡＩ革命の中心にいるという当社の戦略が、数字として表れ始めた」と述べた。")
        #expect(cfo.contains { $0.0 == "後藤芳光" && $0.1 == .person })
    }

    @Test func titleAloneIsNoPerson() {
        #expect(!entities("最高裁で県の敗訴が確定し、国土交通相が2023年12月、県に代わって承認した。").contains { $0.1 == .person })
    }

    @Test func japaneseDatelineKeepsItsPlaceWithoutTheAgency() {
        let found = entities("【ワシントン共同】石破茂首相は7日、トランプ大統領と会談した。")
        #expect(found.contains { $0.0 == "ワシントン" && $0.1 == .location })
        #expect(!found.contains { $0.0.contains("共同") })
    }

    @Test func postsOfPlacesKeepTheirTitle() {
        // A country's or a city's post is no person: 日本 stays out of the people.
        #expect(!entities("日本代表の試合を観戦した。").contains { $0.0 == "日本" && $0.1 == .person })
        // Short mentions and titles at the text's edges.
        for text in ["相", "経相", "林長官", "准教授", "𠮷田相", "長官"] { _ = entities(text) }
    }

    @Test func englishNamesWithAPlaceWordArePlaces() {
        let camp = entities("Camp Schwab is in Nago.")
        #expect(camp.contains { $0.0 == "Camp Schwab" && $0.1 == .location })
        let bay = entities("Ships in Tokyo Bay and Ora Bay.")
        #expect(bay.contains { $0.0 == "Ora Bay" && $0.1 == .location })
        #expect(!bay.contains { $0.1 == .person })
    }

    @Test func aGenerationStaysWithTheName() {
        // "Donald Trump Jr." cut to "Donald Trump" would be linked to his father.
        #expect(entities("Donald Trump Jr. said on Monday that he would campaign.").contains { $0.0 == "Donald Trump Jr." && $0.1 == .person })
        // "King" is a title, but no name starts after it when only the generation follows.
        #expect(entities("Martin Luther King Jr. gave a speech.").contains { $0.0 == "Martin Luther King Jr." })
    }

    @Test(arguments: [
        // (tokens, tagged person token ranges, expected ranges)
        (["Robert", "Kennedy", ",", "Jr.", "said"], [0..<2], [0..<4]),
        (["Donald", "Trump", "Jr", "said"], [0..<2], [0..<3]),
        (["Martin", "Luther", "King", "Jr.", "spoke"], [3..<4], [0..<4]),
        (["He", "met", "Martin", "Luther", "King", "Jr."], [5..<6], [2..<6]),
        (["the", "Jr.", "team"], [1..<2], []),
        (["Jr."], [0..<1], []),
        (["Ken", "Griffey", "Jr."], [0..<2, 2..<3], [0..<3]),
        (["Ken", "Griffey"], [0..<2], [0..<2]),
    ] as [([String], [Range<Int>], [Range<Int>])])
    func generations(words: [String], tagged: [Range<Int>], expected: [Range<Int>]) {
        var scalars: [Unicode.Scalar] = [], tokens: [Span] = []
        for word in words {
            if !scalars.isEmpty { scalars.append(" ") }
            tokens.append(Span(start: scalars.count, end: scalars.count + word.unicodeScalars.count))
            scalars += word.unicodeScalars
        }
        let found = EntityWorker.withGenerations(tagged.map { ($0, .entity(.person)) }, tokens: tokens[...], in: scalars)
        #expect(found.map(\.range) == expected)
    }

    @Test func englishPersonStartsAfterATitleInsideTheMention() {
        let found = entities("Osaka Gov. Hirofumi Yoshimura said the expo closed.")
        #expect(found.contains { $0.0 == "Hirofumi Yoshimura" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("Gov") })
        // A short word without a full stop is a name, not a title.
        #expect(entities("Defense Minister Gen Nakatani, speaking in Tokyo the same afternoon, said so.")
            .contains { $0.0 == "Gen Nakatani" && $0.1 == .person })
    }

    @Test func honorificAfterANameStaysOut() {
        let found = entities("家族5人で訪れた会社員のDavid Mitchellさん（45）は「Niseko's snow is the best in the world.」と笑顔を見せた。")
        #expect(found.contains { $0.0 == "David Mitchell" && $0.1 == .person })
        #expect(!found.contains { $0.0.hasSuffix("さん") })
    }

    @Test func wardsAndCitiesArePlaces() {
        #expect(entities("Visitors crowded Minato Ward on Sunday.").contains { $0.0 == "Minato Ward" && $0.1 != .person })
    }

    @Test func datelineInCapitalsIsAPlace() {
        for (text, place) in [("NAHA, Okinawa — The governor spoke.", "NAHA"), ("TOKYO (Kyodo) — Japan said.", "TOKYO"),
                              ("LOS ANGELES — Ohtani hit.", "LOS ANGELES"), ("GEORGETOWN, Ky. — Toyota said.", "GEORGETOWN"),
                              ("KIKUYO, Japan — In a town.", "KIKUYO")] {
            #expect(entities(text).contains { $0.0 == place && $0.1 == .location }, "\(text)")
        }
        // Capitals without a dash after them are no dateline.
        #expect(!entities("NHK, the broadcaster, said so.").contains { $0.0 == "NHK" && $0.1 == .location })
        #expect(!entities("NHK").contains { $0.1 == .location })
    }

    @Test func emptyAndTinyInputs() {
        #expect(entities("").isEmpty)
        #expect(entities(" ").isEmpty)
        #expect(entities("。").isEmpty)
        _ = entities("a")
        _ = entities("𠮷")
    }
}
