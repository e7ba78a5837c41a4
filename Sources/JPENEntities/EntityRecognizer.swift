import Foundation
import JPENLexicon
import JPENNormalize
import JPENSegment
import JPENText

/// Finds people, organizations and places in English, Japanese and mixed text.
///
/// Two learned taggers do the work: Japanese sentences are tagged character by character (BILOU
/// over characters, independent of word segmentation), the other sentences of a paragraph token
/// by token over jpen's own tokens. Both are averaged perceptrons with Viterbi decoding, shipped
/// as resources (`ner-ja.bin`, `ner-en.bin`, trained by `jpen train-entities`), with the name
/// table their features read (`names.bin`, built from EDRDG's ENAMDICT and EDICT and jpen's list
/// of titles). Within a document, a short form of a person's full name ("Ishiba" after "Shigeru
/// Ishiba", "トランプ" after "ドナルド・トランプ") is the same entity and gets its type and id.
///
/// With a ``Lexicon`` the entities get its canonical ids and names, one id per entity across the
/// languages of a document (石破茂 and "Shigeru Ishiba" → `person:ishiba-shigeru`); without one,
/// provisional ids from the names as written.
///
/// The recognizer is immutable and `Sendable`; each task makes an ``EntityWorker``.
///
/// ```swift
/// let worker = try EntityRecognizer().makeWorker()
/// let entities = worker.recognize(Document(text: "石破茂首相はトランプ氏と会談した。")).entities
/// entities.map(\.text)   // ["石破茂", "トランプ"]
/// ```
public struct EntityRecognizer: Sendable {
    public let segmenter: Segmenter
    public let japanese: TaggerModel
    public let english: TaggerModel
    /// The name table the taggers were trained with.
    public let names: NameGazetteer
    /// The lexicon that links names to entity ids, if any.
    public let lexicon: Lexicon?

    /// Why the shipped models cannot be found.
    public struct MissingModel: Error, CustomStringConvertible, Sendable {
        public let name: String
        public var description: String { "the entity model \(name) is missing from jpen's resources" }
    }

    /// The recognizer with the shipped models. Cost: three memory mappings.
    public init(segmenter: Segmenter = Segmenter(), lexicon: Lexicon? = nil) throws {
        func path(_ name: String) throws -> String {
            guard let path = Bundle.module.path(forResource: name, ofType: "bin") else { throw MissingModel(name: name) }
            return path
        }
        try self.init(japaneseModel: path("ner-ja"), englishModel: path("ner-en"), names: path("names"),
                      segmenter: segmenter, lexicon: lexicon)
    }

    /// The recognizer with the models and name table at the given paths (as `jpen train-entities`
    /// writes them: the three belong together).
    public init(japaneseModel: String, englishModel: String, names: String, segmenter: Segmenter = Segmenter(),
                lexicon: Lexicon? = nil) throws {
        self.segmenter = segmenter
        self.lexicon = lexicon
        self.names = try NameGazetteer(path: names)
        japanese = try TaggerModel(path: japaneseModel, featureSet: CharacterFeatures.featureSet,
                                   templateCount: CharacterFeatures.templateCount)
        english = try TaggerModel(path: englishModel, featureSet: TokenFeatures.featureSet,
                                  templateCount: TokenFeatures.templateCount)
    }

    /// A worker for one task. Cost: a segmenter worker and, with a lexicon, 2.4 MB of tables of the
    /// lexicon scanner; about a millisecond.
    public func makeWorker() throws -> EntityWorker {
        try EntityWorker(recognizer: self)
    }
}

/// One task's recognizer: buffers, the name linker's memory of names and the lexicon scanner's table,
/// reused across documents. Not thread-safe.
public final class EntityWorker {
    public let recognizer: EntityRecognizer
    private let extractor: TaggingFeatures
    private let linker: NameLinker?
    private let scanner: LexiconScanner?
    private var scratch = TaggerModel.Scratch()

    init(recognizer: EntityRecognizer) throws {
        self.recognizer = recognizer
        extractor = try TaggingFeatures(segmenter: recognizer.segmenter, names: recognizer.names)
        linker = recognizer.lexicon.map { NameLinker(lexicon: $0) }
        scanner = recognizer.lexicon.map { LexiconScanner(lexicon: $0) }
    }

    /// The entities of `document`, linked through the lexicon when the recognizer has one. A
    /// candidate (from a dictionary) whose span and type the recognizer finds lends the entity
    /// its id. Cost: O(n): normalization and segmentation, then as
    /// ``recognize(_:normalized:segmentation:candidates:)``.
    public func recognize(_ document: Document, candidates: [EntityCandidate] = []) -> EntityRecognition {
        let normalized = recognizer.segmenter.normalizer.normalize(document)
        return recognize(document, normalized: normalized, units: extractor.units(of: normalized), candidates: candidates)
    }

    /// The entities of `document`, for a caller that has normalized it with the recognizer's
    /// segmenter's normalizer and segmented it (as ``JPEN/Pipeline`` does for every stage).
    /// Cost: O(n): about 43 hashed features and 12 name-table probes per Japanese character or
    /// 36 features per English token, Viterbi over 21 tags, one scan of the lexicon, and, per
    /// distinct name, a few lexicon look-ups (remembered across documents).
    public func recognize(_ document: Document, normalized: NormalizedText, segmentation: Segmentation,
                          candidates: [EntityCandidate] = []) -> EntityRecognition {
        recognize(document, normalized: normalized, units: extractor.units(of: normalized, segmentation: segmentation),
                  candidates: candidates)
    }

    private func recognize(_ document: Document, normalized: NormalizedText, units: [TaggingUnit],
                           candidates: [EntityCandidate]) -> EntityRecognition {
        var mentions: [(span: Span, type: EntityType)] = []
        var japaneseSentences: [Span] = [], englishTokens: [Span] = [], otherNames: [Span] = []
        for unit in units {
            if unit.model == .japanese {
                japaneseSentences.append(normalized.originalSpan(of: Span(start: unit.positions.first!.start, end: unit.positions.last!.end)))
            } else {
                englishTokens += unit.positions.map { normalized.originalSpan(of: $0) }
            }
            let model = unit.model == .japanese ? recognizer.japanese : recognizer.english
            let features = extractor.features(of: unit, in: normalized, mask: model.rowMask)
            var tags = model.tag(features, count: unit.positions.count, scratch: &scratch)
            var taken: [Span] = []
            var decoded: [(range: Range<Int>, kind: MentionKind)]
            if unit.model == .japanese {
                let sentence = normalized.scalars[unit.positions.first!.start..<unit.positions.last!.end]
                CompoundMentions.widen(&tags, in: sentence, emissions: scratch.emissions, transitions: model.transitions,
                                       margin: CompoundMentions.marginShare * model.largestWeight)
                decoded = Self.wholeKatakanaNames(Self.joiningAdjacentNames(Tag.decode(tags)), in: sentence)
            } else {
                decoded = Self.withGenerations(Self.placingDateline(Tag.decode(tags), tokens: unit.positions, in: normalized.scalars),
                                               tokens: unit.positions, in: normalized.scalars)
            }
            for var mention in decoded {
                var span = Span(start: unit.positions[unit.positions.startIndex + mention.range.lowerBound].start,
                                end: unit.positions[unit.positions.startIndex + mention.range.upperBound - 1].end)
                if unit.model == .japanese {
                    span = Self.wholeWords(span, in: normalized.scalars)
                    if let place = Self.datelinePlace(span, in: normalized.scalars) {
                        span.end = place
                        mention.kind = .entity(.location)
                    }
                    // A title alone (国土交通相が…) names a post, not a person.
                    if mention.kind == .entity(.person), NamesBeforeTitles.isTitle(normalized.scalars[span.range], names: recognizer.names) { continue }
                    if case .entity(let type) = mention.kind,
                       let end = NamesBeforeTitles.end(of: span, in: normalized.scalars, names: recognizer.names),
                       type == .person || NamesBeforeTitles.mayBePerson(normalized.scalars[span.start..<end], names: recognizer.names) {
                        span.end = end
                        mention.kind = .entity(.person)
                    }
                } else {
                    if mention.kind == .entity(.person) {
                        let start = Self.nameAfterTitle(unit.positions[(unit.positions.startIndex + mention.range.lowerBound)...].prefix(mention.range.count),
                                                        in: normalized.scalars, names: recognizer.names)
                        mention.range = (mention.range.lowerBound + start)..<mention.range.upperBound
                        span.start = unit.positions[unit.positions.startIndex + mention.range.lowerBound].start
                    }
                    span.end = span.start + TokenFeatures.stem(normalized.scalars[span.range]).count
                    if mention.kind == .entity(.person),
                       Self.isPlaceName(unit.positions[(unit.positions.startIndex + mention.range.lowerBound)...].prefix(mention.range.count),
                                        in: normalized.scalars) {
                        mention.kind = .entity(.location)
                    }
                }
                if mention.kind == .entity(.person) {
                    // In either tagger: a Japanese sentence mostly in Latin letters goes to the token tagger.
                    span.end -= Self.honorificLength(normalized.scalars[span.range])
                }
                guard !span.isEmpty else { continue }
                if unit.model == .japanese, mention.kind == .entity(.person),
                   Self.isOrdinaryKatakanaWord(normalized.scalars[span.range], names: recognizer.names) { continue }
                taken.append(span)
                if case .entity(var type) = mention.kind {
                    if unit.model == .japanese, Self.endsWith(Self.organizationHeads, normalized.scalars[span.range]) { type = .organization }
                    mentions.append((normalized.originalSpan(of: span), type))
                } else if unit.model == .japanese, Self.endsWith(Self.partyHeads, normalized.scalars[span.range]) {
                    mentions.append((normalized.originalSpan(of: span), .organization))
                } else {
                    otherNames.append(normalized.originalSpan(of: span))
                }
            }
            if unit.model == .japanese {
                let sentence = Span(start: unit.positions.first!.start, end: unit.positions.last!.end)
                for span in TitledNames.people(in: normalized.scalars, sentence: sentence, taken: taken, names: recognizer.names) {
                    mentions.append((normalized.originalSpan(of: span), .person))
                }
            }
        }
        if let scanner {
            ListedMentions.complete(&mentions, in: document.scalars, besides: otherNames, scanner: scanner, names: recognizer.names)
            mentions.sort { $0.span < $1.span }
        }
        if let linker {
            mentions = CrossLanguageMentions.complete(mentions, in: document.scalars, japanese: japaneseSentences,
                                                      englishTokens: englishTokens, otherNames: otherNames, linker: linker)
        }
        let entities = DocumentEntities.resolve(mentions, in: document, linker: linker)
        return EntityRecognition(entities: DocumentEntities.applying(candidates, to: entities))
    }

    /// The last words of Japanese names that only organizations have: companies (…工業, …鉄道,
    /// …銀行), associations, armed forces and families (ハプスブルク家, 伊達家). Words that also end
    /// places are not here (…店, …所, …社 of 神社, …学校).
    static let organizationHeads: [[Unicode.Scalar]] = [
        "家", "工業", "鉄道", "電鉄", "会社", "公社", "交通", "電力", "商事", "物産", "産業", "興業",
        "製作所", "製薬", "薬品", "証券", "保険", "建設", "電機", "製鉄", "航空", "銀行", "放送",
        "ホールディングス", "グループ", "協会", "連盟", "軍", "隊", "団", "庁", "委員会", "議会", "組合", "財団",
        "機構", "カンパニー", "コーポレーション", "エンタテインメント", "エンターテインメント", "システムズ",
        "ピクチャーズ", "プロダクション", "レコード", "インターナショナル", "FC",
    ].map { Array($0.unicodeScalars) }

    /// The last words of political parties (…党): the tagger learns them as another kind of name,
    /// since GSD-NE files parties with nationalities and religious groups, but they are organizations.
    static let partyHeads: [[Unicode.Scalar]] = [Array("党".unicodeScalars)]

    /// Whether a Japanese name ends with one of `heads` (``organizationHeads``, ``partyHeads``)
    /// after at least one character of its own. Cost: O(heads).
    static func endsWith(_ heads: [[Unicode.Scalar]], _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        ending(of: name, among: heads) != nil
    }

    /// The first of `words` that ends `name` after at least `kept` characters of its own; nil
    /// when none does. Cost: O(words).
    static func ending(of name: ArraySlice<Unicode.Scalar>, among words: [[Unicode.Scalar]], keeping kept: Int = 1) -> [Unicode.Scalar]? {
        words.first { name.count >= $0.count + kept && name.suffix($0.count).elementsEqual($0) }
    }

    /// Whether a name is one katakana word that the name table knows only as an ordinary word
    /// (テニス, スタッフ): the character tagger reads the letters of foreign names, and such a word
    /// alone is no person. Cost: one name-table probe.
    static func isOrdinaryKatakanaWord(_ name: ArraySlice<Unicode.Scalar>, names: NameGazetteer) -> Bool {
        guard name.allSatisfy({ Script($0) == .katakana }) else { return false }
        return names.classes(of: NameGazetteer.key(Array(name))).isOrdinaryWordOnly
    }

    /// Japanese mentions with nothing between them joined where the first names the place the
    /// second belongs to: a place and a place (広東省|東莞市), a place or an organization and an
    /// organization (フランス|国立放送管弦楽団, 米|議会); Japanese writes such names as one word,
    /// and both kinds of annotated data mark them as one. Cost: O(mentions).
    static func joiningAdjacentNames(_ mentions: [(range: Range<Int>, kind: MentionKind)]) -> [(range: Range<Int>, kind: MentionKind)] {
        var joined: [(range: Range<Int>, kind: MentionKind)] = []
        for mention in mentions {
            if let last = joined.last, last.range.upperBound == mention.range.lowerBound,
               case .entity(let first) = last.kind, case .entity(let second) = mention.kind,
               first != .person, second == .organization || (first == .location && second == .location) {
                joined[joined.count - 1] = (last.range.lowerBound..<mention.range.upperBound, mention.kind)
            } else {
                joined.append(mention)
            }
        }
        return joined
    }

    /// Japanese mentions widened so that they cut no katakana name (katakana with ・ between its
    /// parts): ゴールデンステート・ウォリアーズ, not ウォリアーズ alone; シュニッツァー・モータースポーツ,
    /// not シュニッツァー・モー. Mentions that then overlap become one, of the later one's kind
    /// (the end of a name tells its kind: …・ジャイアンツ). `sentence` holds the positions' characters.
    /// Cost: O(characters of the mentions' names).
    static func wholeKatakanaNames(_ mentions: [(range: Range<Int>, kind: MentionKind)],
                                   in sentence: ArraySlice<Unicode.Scalar>) -> [(range: Range<Int>, kind: MentionKind)] {
        let base = sentence.startIndex, n = sentence.count
        func isLatin(_ position: Int) -> Bool { position >= 0 && position < n && Script(sentence[base + position]) == .latin }
        // A part of a name: 1 katakana, 2 a Latin initial (one or two letters: ラッセル・T・デイヴィス, J.L.ボニエ).
        func part(_ position: Int) -> Int {
            guard position >= 0, position < n else { return 0 }
            if Script(sentence[base + position]) == .katakana { return 1 }
            guard isLatin(position) else { return 0 }
            var length = 1
            while isLatin(position - length) { length += 1 }
            var after = position + 1
            while isLatin(after) { after += 1; length += 1 }
            return length <= 2 ? 2 : 0
        }
        func isJoin(_ position: Int) -> Bool {
            guard position >= 0, position < n else { return false }
            return sentence[base + position] == "\u{30FB}" || (sentence[base + position] == "." && (part(position - 1) == 2 || part(position + 1) == 2))
        }
        var widened: [(range: Range<Int>, kind: MentionKind)] = []
        for mention in mentions {
            var start = mention.range.lowerBound, end = mention.range.upperBound
            while part(start) != 0 {
                if part(start - 1) == part(start) { start -= 1 } else if isJoin(start - 1), part(start - 2) != 0 { start -= 2 } else { break }
            }
            while part(end - 1) != 0 {
                if part(end) == part(end - 1) { end += 1 } else if isJoin(end), part(end + 1) != 0 { end += 2 } else { break }
            }
            if let last = widened.last, start < last.range.upperBound {
                widened[widened.count - 1] = (min(start, last.range.lowerBound)..<max(end, last.range.upperBound), mention.kind)
            } else {
                widened.append((start..<end, mention.kind))
            }
        }
        return widened
    }

    /// News agencies a Japanese dateline names after the place, in brackets: 【ワシントン共同】.
    static let agencies: [[Unicode.Scalar]] = ["共同", "時事", "ロイター"].map { Array($0.unicodeScalars) }

    /// Where the place of a Japanese dateline that the tagger read with its agency (ワシントン共同
    /// before 】) ends; nil for other mentions. Cost: O(agencies).
    static func datelinePlace(_ span: Span, in scalars: [Unicode.Scalar]) -> Int? {
        guard span.end < scalars.count, scalars[span.end] == "】" else { return nil }
        return ending(of: scalars[span.range], among: agencies, keeping: 2).map { span.end - $0.count }
    }

    /// Honorifics written in kana after a person's name (ミッチェルさん, David Mitchellさん), which the
    /// character tagger sometimes takes into the name.
    static let honorifics: [[Unicode.Scalar]] = ["さん", "ちゃん", "くん", "さま"].map { Array($0.unicodeScalars) }

    /// The length of the honorific that ends a Japanese person mention, if any; the name keeps two
    /// characters at least. Cost: O(honorifics).
    static func honorificLength(_ name: ArraySlice<Unicode.Scalar>) -> Int {
        ending(of: name, among: honorifics, keeping: 2)?.count ?? 0
    }

    /// Where a person's name starts in an English person mention that holds a title before it
    /// ("Osaka Gov. Hirofumi Yoshimura" → "Hirofumi Yoshimura"): the token after the last title
    /// of the name table (and its full stop) that capitalized words follow; 0 when there is none.
    /// Cost: one name-table probe per token.
    static func nameAfterTitle(_ tokens: ArraySlice<Span>, in scalars: [Unicode.Scalar], names: NameGazetteer) -> Int {
        var start = 0
        for (index, token) in tokens.enumerated().dropLast() {
            var word = scalars[token.range]
            var next = index + 1
            // The full stop of an abbreviation, in the token ("Gov.") or after it ("Gov" ".").
            var abbreviated = word.last == "."
            if abbreviated { word = word.dropLast() }
            if !abbreviated, scalars[tokens[tokens.startIndex + next].range].elementsEqual(["."]) { abbreviated = true; next += 1 }
            // A short title without its full stop is more often a name ("Gen Nakatani").
            // A generation is no name of its own: "Martin Luther King Jr." keeps its "King".
            guard abbreviated || word.count >= 4, word.first?.properties.isUppercase == true, next < tokens.count,
                  scalars[tokens[tokens.startIndex + next].start].properties.isUppercase,
                  !generations.contains(String(String.UnicodeScalarView(scalars[tokens[tokens.startIndex + next].range]))),
                  names.classes(of: NameGazetteer.key(word.map { $0.properties.lowercaseMapping.unicodeScalars.first ?? $0 })).contains(.title)
            else { continue }
            start = next
        }
        return start
    }

    /// English words that make a name a place when they start it (Camp Schwab, Mount Fuji, Lake
    /// Biwa) or end it (Ora Bay, Tsugaru Strait, Narita Airport, Aichi Prefecture): a person's name
    /// has none of them in those places, and the tagger, which reads capitalized words, takes such
    /// names for people. Facilities count as places (the scorers read FAC as LOC).
    static let placeFirstWords: Set<String> = ["camp", "fort", "mount", "mt", "lake", "cape", "port"]
    static let placeLastWords: Set<String> = [
        "bay", "island", "islands", "strait", "straits", "sea", "mountain", "mountains", "river", "lake",
        "airport", "station", "port", "prefecture", "province", "county", "base", "peninsula", "gulf",
        "ocean", "valley", "harbor", "harbour", "bridge", "shrine", "temple", "castle", "airfield", "beach",
        "ward", "city", "town", "village", "district", "street", "avenue", "road", "highway", "expressway",
        "park", "square", "hall", "stadium",
    ]

    /// Whether an English person mention (its tokens, normalized offsets into `scalars`) is a place
    /// by ``placeFirstWords`` and ``placeLastWords``: two words at least. Cost: O(letters of its
    /// first and last token).
    static func isPlaceName(_ tokens: ArraySlice<Span>, in scalars: [Unicode.Scalar]) -> Bool {
        guard tokens.count >= 2, let first = tokens.first, let last = tokens.last else { return false }
        func word(_ span: Span) -> String {
            String(String.UnicodeScalarView(scalars[span.range])).lowercased()
        }
        return placeFirstWords.contains(word(first)) || placeLastWords.contains(word(last))
    }

    /// English mentions with a dateline's place: news paragraphs start with the place they were
    /// written in, in capitals, before a dash, perhaps with the region or the agency between
    /// ("NAHA, Okinawa —", "TOKYO (Kyodo) —", "LOS ANGELES —"). Capitals there are no acronym
    /// of an organization and no name of a person, and the tagger, which rarely saw a place in
    /// capitals, misses or mistypes them; the capitals become one place, replacing what overlaps
    /// them. `tokens` are the unit's positions (the first starts the paragraph or the English part
    /// of it). Cost: O(tokens of the dateline) plus O(mentions) when there is one.
    static func placingDateline(_ mentions: [(range: Range<Int>, kind: MentionKind)], tokens: ArraySlice<Span>,
                                in scalars: [Unicode.Scalar]) -> [(range: Range<Int>, kind: MentionKind)] {
        let base = tokens.startIndex
        func isCapitals(_ index: Int) -> Bool {
            let letters = scalars[tokens[base + index].range]
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase || $0 == "." }
                && letters.contains { $0.properties.isUppercase }
        }
        func isDash(_ index: Int) -> Bool {
            let token = scalars[tokens[base + index].range]
            return token.allSatisfy { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" }
        }
        var place = 0, letters = 0
        while place < tokens.count, place < 4, isCapitals(place) { letters += tokens[base + place].count; place += 1 }
        // Two capitals before a dash are a note's mark more often than a place ("PS --").
        guard letters > 2, place < tokens.count else { return mentions }
        // What may stand between the place and the dash: ", Okinawa", ", Ky.", "(Kyodo)".
        let opener = scalars[tokens[base + place].range]
        var dash = place
        if opener.elementsEqual([","]) || opener.elementsEqual(["("]) {
            dash += 1
            while dash < tokens.count, dash - place <= 5, !isDash(dash) { dash += 1 }
        }
        guard dash < tokens.count, isDash(dash) else { return mentions }
        return [(0..<place, .entity(.location))] + mentions.filter { $0.range.lowerBound >= place }
    }

    /// What follows an English name to tell a son or a successor from the one named the same.
    static let generations: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

    /// English person mentions with the generation written after them ("Donald Trump Jr.",
    /// "Robert F. Kennedy, Jr."), which the tagger leaves out, so that a son is not linked to his
    /// father; a generation the tagger took alone for a person joins the capitalized words before
    /// it ("Martin Luther King Jr."), or is dropped when there are none. Mentions are token ranges
    /// of `tokens`, in order. Cost: O(mentions).
    static func withGenerations(_ mentions: [(range: Range<Int>, kind: MentionKind)], tokens: ArraySlice<Span>,
                                in scalars: [Unicode.Scalar]) -> [(range: Range<Int>, kind: MentionKind)] {
        let base = tokens.startIndex
        func word(_ index: Int) -> ArraySlice<Unicode.Scalar> { scalars[tokens[base + index].range] }
        func isGeneration(_ index: Int) -> Bool {
            // Every generation is at most three letters and a full stop, from J, S or I.
            guard index < tokens.count, word(index).count <= 4, let first = word(index).first, "JSI".unicodeScalars.contains(first)
            else { return false }
            return generations.contains(String(String.UnicodeScalarView(word(index))))
        }
        func isCapitalized(_ index: Int) -> Bool {
            let letters = word(index)
            return letters.first?.properties.isUppercase == true && letters.allSatisfy { $0.properties.isAlphabetic || $0 == "." }
        }
        var result: [(range: Range<Int>, kind: MentionKind)] = []
        for var mention in mentions {
            let taken = result.last?.range.upperBound ?? 0
            if mention.kind == .entity(.person) {
                let range = mention.range
                if range.count == 1, isGeneration(range.lowerBound) {
                    var start = range.lowerBound
                    while start > taken, range.lowerBound - start < 3, isCapitalized(start - 1) { start -= 1 }
                    guard start < range.lowerBound else { continue }
                    mention.range = start..<range.upperBound
                } else if isGeneration(range.upperBound) {
                    mention.range = range.lowerBound..<(range.upperBound + 1)
                } else if range.upperBound + 1 < tokens.count, word(range.upperBound).elementsEqual([","]), isGeneration(range.upperBound + 1) {
                    mention.range = range.lowerBound..<(range.upperBound + 2)
                }
            }
            // A mention the one before now covers (a generation tagged on its own) goes.
            guard mention.range.lowerBound >= taken else { continue }
            result.append(mention)
        }
        return result
    }

    /// A character tagger's mention widened so that it cuts no Latin word or number in two, and
    /// without spaces at its ends.
    static func wholeWords(_ span: Span, in scalars: [Unicode.Scalar]) -> Span {
        func isWord(_ offset: Int) -> Bool {
            let script = Script(scalars[offset])
            return script == .latin || script == .digit
        }
        var start = span.start, end = span.end
        while start > 0, start < end, isWord(start), isWord(start - 1) { start -= 1 }
        while end < scalars.count, end > start, isWord(end - 1), isWord(end) { end += 1 }
        while start < end, Script(scalars[start]) == .space { start += 1 }
        while end > start, Script(scalars[end - 1]) == .space { end -= 1 }
        return Span(start: start, end: end)
    }
}
