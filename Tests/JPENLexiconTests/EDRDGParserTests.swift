import Testing
@testable import JPENLexicon

@Suite struct EDRDGParserTests {
    @Test func fullNameWithReadingAndDates() {
        let records = EDRDGParser.records(in: "石破茂 [いしばしげる] /(h) Ishiba Shigeru (1957.2.4-)/", from: .enamdict)
        #expect(records == [DictionaryRecord(surface: "石破茂", reading: "いしばしげる", kinds: .fullName,
                                              glosses: ["Ishiba Shigeru"])])
    }

    @Test func katakanaHeadwordWithoutReading() {
        let records = EDRDGParser.records(in: "トランプ /(s) Trump/", from: .enamdict)
        #expect(records == [DictionaryRecord(surface: "トランプ", reading: "", kinds: .surname, glosses: ["Trump"])])
    }

    @Test func eachTagGroupIsOneRecord() {
        let records = EDRDGParser.records(in: "ロス /(p) Los Angeles (abbr)/(g) Ros/Ross/Rosse/", from: .enamdict)
        #expect(records.count == 2)
        #expect(records[0].kinds == .place && records[0].glosses == ["Los Angeles"])
        #expect(records[1].kinds == .given && records[1].glosses == ["Ros", "Ross", "Rosse"])
    }

    @Test func combinedTags() {
        let records = EDRDGParser.records(in: "岸田 [きしだ] /(p,s) Kishida/", from: .enamdict)
        #expect(records.first?.kinds == [.place, .surname])
        #expect(records.first?.kinds.entityTypes == [.person, .location])
    }

    @Test func edictKeepsOnlyProperNameGlosses() {
        let records = EDRDGParser.records(in: "米国 [べいこく] /(n) (United States of) America/USA/US/(P)/", from: .edict)
        #expect(records == [DictionaryRecord(surface: "米国", reading: "べいこく", kinds: .word,
                                              glosses: ["America", "USA", "US"])])
        #expect(EDRDGParser.records(in: "机 [つくえ] /(n) desk/(P)/", from: .edict).isEmpty)
    }

    @Test func headerAndMalformedLinesGiveNothing() {
        #expect(EDRDGParser.records(in: "　？？？ /ENAMDICT - Japanese Proper Name Dictionary File/", from: .enamdict).isEmpty)
        #expect(EDRDGParser.records(in: "", from: .enamdict).isEmpty)
        #expect(EDRDGParser.records(in: "no slash here", from: .enamdict).isEmpty)
        #expect(EDRDGParser.records(in: "空 /(s)/", from: .enamdict).isEmpty)
    }

    @Test func nonBMPHeadword() {
        let records = EDRDGParser.records(in: "𠮷田 [よしだ] /(s) Yoshida/", from: .enamdict)
        #expect(records.first?.surface == "𠮷田")
    }
}

@Suite struct EntityTableTests {
    let header = EntityTable.columns.joined(separator: "\t")

    @Test func parsesRowsCommentsAndAliases() throws {
        let text = "# a comment\n\(header)\n\nperson:ishiba-shigeru\tPERSON\tShigeru Ishiba\t石破茂\tいしばしげる\tIshiba\t石破|石破氏\n"
        let entities = try EntityTable.parse(text, path: "t.tsv")
        #expect(entities == [CuratedEntity(id: "person:ishiba-shigeru", type: .person, englishName: "Shigeru Ishiba",
                                           japaneseName: "石破茂", reading: "いしばしげる", englishAliases: ["Ishiba"],
                                           japaneseAliases: ["石破", "石破氏"])])
    }

    @Test func rejectsBadHeaderTypeAndFieldCount() {
        #expect(throws: LexiconError.self) { try EntityTable.parse("id\ttype\n", path: "t.tsv") }
        #expect(throws: LexiconError.self) { try EntityTable.parse("\(header)\nx\tPLACE\tA\tB\t\t\t\n", path: "t.tsv") }
        #expect(throws: LexiconError.self) { try EntityTable.parse("\(header)\nx\tLOC\tA\n", path: "t.tsv") }
    }

    @Test func emptyFileHasNoEntities() throws {
        #expect(try EntityTable.parse("", path: "t.tsv").isEmpty)
    }
}
