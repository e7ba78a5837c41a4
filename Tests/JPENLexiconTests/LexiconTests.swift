import Foundation
import JPENText
import Testing
@testable import JPENLexicon

/// A temporary folder with a tiny EUC-JP dictionary, a curated list and a user list.
final class LexiconFixture {
    let directory: String
    let sources: LexiconSources

    static let header = EntityTable.columns.joined(separator: "\t")

    init() throws {
        directory = NSTemporaryDirectory() + "jpen-lexicon-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // "石破茂 [いしばしげる] /(h) Ishiba Shigeru (1957.2.4-)/\nトランプ /(s) Trump/\n" in EUC-JP,
        // then ASCII lines (ASCII is EUC-JP too).
        var dictionary: [UInt8] = [
            0xc0, 0xd0, 0xc7, 0xcb, 0xcc, 0xd0, 0x20, 0x5b, 0xa4, 0xa4, 0xa4, 0xb7, 0xa4, 0xd0, 0xa4, 0xb7,
            0xa4, 0xb2, 0xa4, 0xeb, 0x5d, 0x20, 0x2f, 0x28, 0x68, 0x29, 0x20, 0x49, 0x73, 0x68, 0x69, 0x62,
            0x61, 0x20, 0x53, 0x68, 0x69, 0x67, 0x65, 0x72, 0x75, 0x20, 0x28, 0x31, 0x39, 0x35, 0x37, 0x2e,
            0x32, 0x2e, 0x34, 0x2d, 0x29, 0x2f, 0x0a, 0xa5, 0xc8, 0xa5, 0xe9, 0xa5, 0xf3, 0xa5, 0xd7, 0x20,
            0x2f, 0x28, 0x73, 0x29, 0x20, 0x54, 0x72, 0x75, 0x6d, 0x70, 0x2f, 0x0a,
        ]
        dictionary += Array("ABE /(s) Abe/\n".utf8)
        _ = FileManager.default.createFile(atPath: directory + "/names", contents: Data(dictionary))
        let curated = """
            \(Self.header)
            person:wilbur-ross\tPERSON\tWilbur Ross\tウィルバー・ロス\t\tRoss\t
            person:abe-shinzo\tPERSON\tShinzō Abe\t安倍晋三\tあべしんぞう\tAbe\t安倍
            loc:japan\tLOC\tJapan\t日本\tにほん\t\t

            """
        _ = FileManager.default.createFile(atPath: directory + "/curated.tsv", contents: Data(curated.utf8))
        sources = LexiconSources(dictionaries: [(directory + "/names", .enamdict)],
                                 entityLists: [directory + "/curated.tsv"], userLists: [],
                                 compiledPath: directory + "/cache/lexicon.bin", cacheDirectory: directory + "/cache")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func modificationDate(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }
}

@Suite struct LexiconTests {
    @Test func compilesOnFirstLoadAndReusesTheCache() throws {
        let fixture = try LexiconFixture()
        let lexicon = try Lexicon.load(fixture.sources)
        #expect(lexicon.entryCount == 6)
        let built = try fixture.modificationDate(fixture.sources.compiledPath)
        Thread.sleep(forTimeInterval: 0.02)
        _ = try Lexicon.load(fixture.sources)
        #expect(try fixture.modificationDate(fixture.sources.compiledPath) == built)
        // A changed source makes the cache stale.
        _ = FileManager.default.createFile(atPath: fixture.directory + "/names", contents: Data("X /(s) Ecks/\n".utf8))
        #expect(try Lexicon.load(fixture.sources).lookup("石破茂").isEmpty)
    }

    @Test func exactLookupInBothScripts() throws {
        let fixture = try LexiconFixture()
        let lexicon = try Lexicon.load(fixture.sources)
        let ishiba = lexicon.lookup("石破茂")
        #expect(ishiba.first?.reading == "いしばしげる")
        #expect(ishiba.first?.glosses == ["Ishiba Shigeru"])
        #expect(ishiba.first?.types == [.person])
        #expect(lexicon.lookup("shigeru ISHIBA").first?.surface == "石破茂")
        #expect(lexicon.lookup("Ishiba Shigeru").first?.surface == "石破茂")
        #expect(lexicon.lookup("トランプ").first?.glosses == ["Trump"])
        #expect(lexicon.lookup("trump").first?.surface == "トランプ")
        #expect(lexicon.lookup("ウィルバーロス").first?.listedID == "person:wilbur-ross")
        #expect(lexicon.lookup("Abe").first?.listedID == "person:abe-shinzo", "listed entities come first")
        #expect(lexicon.lookup("").isEmpty)
        #expect(lexicon.lookup("石").isEmpty)
        #expect(lexicon.lookup("𠮷").isEmpty)
    }

    @Test func macronsAndNameOrder() throws {
        let fixture = try LexiconFixture()
        let lexicon = try Lexicon.load(fixture.sources)
        for name in ["Shinzō Abe", "Shinzo Abe", "Shinzou Abe", "Abe Shinzo", "ABE SHINZŌ"] {
            #expect(lexicon.lookup(name).first?.listedID == "person:abe-shinzo", "\(name)")
        }
    }

    @Test func longestMatchAndScan() throws {
        let fixture = try LexiconFixture()
        let lexicon = try Lexicon.load(fixture.sources)
        let text = Array("石破茂首相とトランプ氏、ウィルバー・ロス氏。Shinzo  Abe met Abel.".unicodeScalars)
        let matches = lexicon.scan(text)
        let found = matches.map { String(String.UnicodeScalarView(text[$0.span.range])) }
        #expect(found == ["石破茂", "トランプ", "ウィルバー・ロス", "Shinzo  Abe"])
        #expect(lexicon.longestMatch(in: text, at: 0)?.span == Span(start: 0, end: 3))
        #expect(lexicon.longestMatch(in: text, at: 1) == nil)
        #expect(lexicon.longestMatch(in: [], at: 0) == nil)
        #expect(lexicon.scan(Array("Abe".unicodeScalars)).first?.span == Span(start: 0, end: 3))
        #expect(lexicon.scan(Array("abe and trump".unicodeScalars)).isEmpty, "Latin names are capitalized")
        #expect(lexicon.scan(Array("Shinzo abe".unicodeScalars)).isEmpty, "nor end in a lower-case word")
    }

    @Test func scannerReusedAcrossTextsFindsWhatAFreshScanFinds() throws {
        let fixture = try LexiconFixture()
        let lexicon = try Lexicon.load(fixture.sources)
        let scanner = LexiconScanner(lexicon: lexicon)
        let texts = ["石破茂首相とトランプ氏、ウィルバー・ロス氏。Shinzo  Abe met Abel.", "日本の安倍晋三とAbe。", "トランプ",
                     "", "日", "Japan and JAPAN, 日本人", "Ishiba Shigeru Abe", "石破茂首相とトランプ氏", "𠮷野家の日本"]
        for _ in 0..<2 {
            for text in texts.map({ Array($0.unicodeScalars) }) {
                #expect(scanner.scan(text) == lexicon.scan(text))
                // The longest match at each position, when listed; a listed one is passed over.
                var listed: [(Span, EntityType)] = [], start = 0
                while start < text.count {
                    if let match = lexicon.longestMatch(in: text, at: start), let entry = match.entries.first, entry.isListed,
                       let type = entry.listedType {
                        listed.append((match.span, type))
                        start = match.span.end
                    } else {
                        start += 1
                    }
                }
                #expect(scanner.listedMatches(text).map(\.span) == listed.map(\.0))
                #expect(scanner.listedMatches(text).map(\.type) == listed.map(\.1))
            }
        }
        let text = Array("日本と安倍晋三".unicodeScalars)
        #expect(scanner.listedMatches(text).map(\.type) == [.location, .person])
        #expect(scanner.listedMatches(text, in: Span(start: 0, end: 2)).map(\.span) == [Span(start: 0, end: 2)])
        #expect(scanner.longestMatch(in: text, at: 3)?.span == Span(start: 3, end: 7))
        #expect(scanner.longestMatch(in: text, at: 7) == nil)
    }

    @Test func userListIsLayeredFirstWithoutRebuilding() throws {
        let fixture = try LexiconFixture()
        _ = try Lexicon.load(fixture.sources)
        let built = try fixture.modificationDate(fixture.sources.compiledPath)
        let userList = fixture.directory + "/mine.tsv"
        let rows = "\(LexiconFixture.header)\norg:acme\tORG\tAcme Widgets\tアクメ\t\tAcme\t\n"
        _ = FileManager.default.createFile(atPath: userList, contents: Data(rows.utf8))
        var sources = fixture.sources
        sources.userLists = [userList]
        let lexicon = try Lexicon.load(sources)
        #expect(lexicon.lookup("acme").first?.listedID == "org:acme")
        #expect(lexicon.lookup("アクメ").first?.source == .user)
        #expect(lexicon.lookup("Trump").first?.glosses == ["Trump"])
        #expect(try fixture.modificationDate(fixture.sources.compiledPath) == built)
    }

    @Test func damagedFilesAreRejected() throws {
        let fixture = try LexiconFixture()
        let path = fixture.directory + "/bad.bin"
        _ = FileManager.default.createFile(atPath: path, contents: Data("JPENLEX1 but short".utf8))
        #expect(throws: LexiconError.self) { try Lexicon(compiledFiles: [path]) }
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: LexiconError.self) { try Lexicon(compiledFiles: [path]) }
    }

    @Test func builderRoundTripsEntries() throws {
        var builder = LexiconBuilder()
        builder.add(DictionaryRecord(surface: "船橋洋一", reading: "ふなばしよういち", kinds: .fullName,
                                     glosses: ["Funabashi Youichi"]), source: .enamdict)
        let path = NSTemporaryDirectory() + "jpen-lexicon-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try builder.write(to: path, signature: 42)
        let lexicon = try Lexicon(compiledFiles: [path])
        #expect(lexicon.layers.first?.signature == 42)
        #expect(lexicon.lookup("Yoichi Funabashi") == [LexiconEntry(
            surface: "船橋洋一", reading: "ふなばしよういち", glosses: ["Funabashi Youichi"], kinds: .fullName,
            source: .enamdict)])
    }
}
