import JPENICU
import JPENText

/// An entity as the lexicon resolves one of its names.
public struct LinkedName: Hashable, Sendable {
    /// The canonical entity id: a listed id (`person:ishiba-shigeru`), else one derived from the
    /// romanized name, the same string from either language.
    public var id: String { fields.id }
    /// The canonical English (or romanized) name, where known.
    public var englishName: String? { fields.englishName }
    /// The canonical Japanese name, where known.
    public var japaneseName: String? { fields.japaneseName }
    /// The entry the id came from; nil when it was derived from the name alone.
    public var entry: LexiconEntry? { fields.entry }
    /// Whether the id comes from an entity list (``LexiconEntry/isListed``).
    // This and `listedType` read the entry in place: `entry` copies it, retaining each of its
    // strings, and linking asks for every mention.
    public var isListed: Bool { fields.entry?.isListed == true }
    /// The type the entity list gives, when the id comes from one.
    public var listedType: EntityType? { isListed ? fields.entry?.listedType : nil }
    /// What the names of one entity share whatever their word order and romanization: the listed
    /// id, else the type's prefix and the name's ``LexiconKey/orderFreeSlug(_:)``. Mentions with
    /// one key are one entity (``NameLinker/link(_:threshold:)``).
    var linkKey: String { fields.linkKey }

    // The fields live in one object: a linked name is copied for each mention of a document and
    // each memo look-up, and a copy of the strings and the entry themselves would retain each.
    private final class Fields: Sendable {
        let id: String, englishName: String?, japaneseName: String?, entry: LexiconEntry?, linkKey: String

        init(id: String, englishName: String?, japaneseName: String?, entry: LexiconEntry?, linkKey: String) {
            (self.id, self.englishName, self.japaneseName, self.entry, self.linkKey) = (id, englishName, japaneseName, entry, linkKey)
        }
    }

    private let fields: Fields

    init(id: String, englishName: String?, japaneseName: String?, entry: LexiconEntry?, linkKey: String) {
        fields = Fields(id: id, englishName: englishName, japaneseName: japaneseName, entry: entry, linkKey: linkKey)
    }

    public static func == (a: LinkedName, b: LinkedName) -> Bool {
        a.fields === b.fields || (a.id == b.id && a.englishName == b.englishName && a.japaneseName == b.japaneseName
            && a.entry == b.entry && a.linkKey == b.linkKey)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(englishName)
        hasher.combine(japaneseName)
        hasher.combine(entry)
        hasher.combine(linkKey)
    }
}

/// Gives the names of one entity in Japanese and English the same id.
///
/// In order: the curated and user lists (石破茂, 石破, Ishiba, Shigeru Ishiba → the listed id);
/// then the dictionaries' romanizations (船橋洋一 → Funabashi Youichi → `person:funabashi-yoichi`,
/// which "Yoichi Funabashi" derives too, as a person's name takes the word order of the
/// romanization that has its words); then, for
/// katakana names that no dictionary holds, ICU's Katakana-Latin romanization. ``similarity(japanese:english:)``
/// compares a Japanese name with an English one (toranpu ~ Trump) for linking mentions of one
/// document.
///
/// Owns ICU transliterators, which are not thread-safe, and remembers the names it has resolved
/// and compared (up to 40,000 strings; a few MB): make one per task (cheap) over a shared
/// ``Lexicon`` and keep it across documents.
///
/// ```swift
/// let linker = NameLinker(lexicon: try Lexicon.load())
/// linker.resolve("石破茂", type: .person).id          // "person:ishiba-shigeru"
/// linker.resolve("Shigeru Ishiba", type: .person).id  // "person:ishiba-shigeru"
/// linker.similarity(japanese: "トランプ", english: "Trump")  // 1.0
/// ```
public final class NameLinker {
    public let lexicon: Lexicon
    // Opened on first use: loading ICU's transform registry takes tens of milliseconds, and names
    // found in the lexicon, or of kana, kanji and Latin letters only (``kanaLatin(_:)``), never
    // need it.
    private lazy var icuKanaLatin: Transliterator? = try? Transliterator("Katakana-Latin; Hiragana-Latin")
    // What resolution and similarity work out per name, kept across documents: news names the
    // same people and places again and again, and each costs lexicon look-ups, ICU normalization
    // and romanization. Emptied when it holds `NameMemo.limit` strings, so memory stays bounded.
    // Not checked for overlapping accesses at run time: only the linker's own methods reach it,
    // one access at a time (the checks, on by default, never fired), and a check costs as much
    // as many a look-up it guards.
    @exclusivity(unchecked) var memo = NameMemo()

    /// A linker over `lexicon`. Cost: O(1); the first romanization of a name that
    /// ``kanaLatin(_:)`` does not take opens an ICU transform.
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The id prefix of `type` and `slug`: `person:ishiba-shigeru`.
    public static func derivedID(type: EntityType, slug: String) -> String {
        "\(type.idPrefix):\(slug)"
    }

    /// An entity known by `name` alone: its id is the readable ``LexiconKey/slug(_:shorteningLongVowels:)``
    /// of `name` (shortening long vowels for a dictionary's romanization of a Japanese name), its
    /// link key the order-free one.
    static func derived(_ name: String, type: EntityType, isRomanization: Bool = false, englishName: String?,
                        japaneseName: String?, entry: LexiconEntry?) -> LinkedName {
        let slugs = LexiconKey.slugs(name, shorteningLongVowels: isRomanization)
        return LinkedName(id: derivedID(type: type, slug: slugs.slug), englishName: englishName, japaneseName: japaneseName,
                          entry: entry, linkKey: derivedID(type: type, slug: slugs.orderFree))
    }

    /// The entity `name` (Japanese or English, by its first letter) names as a `type`.
    /// Cost: a few lookups, O(log k) each, the first time; a hash look-up for a name resolved
    /// recently.
    public func resolve(_ name: String, type: EntityType) -> LinkedName {
        memo.makeRoom()
        return resolve(name, type: type, in: memo.record(name))
    }

    /// ``resolve(_:type:)`` with `name`'s memo record at hand.
    func resolve(_ name: String, type: EntityType, in record: NameMemo.Record) -> LinkedName {
        if let known = record.resolved(as: type) { return known }
        let linked = Self.isLatin(name.unicodeScalars) ? resolveEnglish(name, type: type, in: record)
            : resolveJapanese(name, type: type, in: record)
        record.remember(linked, as: type)
        return linked
    }

    /// Whether a name is written in Latin letters (or digits), by its first code point that is
    /// no space or punctuation; a name of none counts as Latin. Cost: O(its leading marks).
    // Inlinable so that callers in other modules get it specialized for their sequence.
    @inlinable
    public static func isLatin(_ name: some Sequence<Unicode.Scalar>) -> Bool {
        name.first { Script($0) != .space && Script($0) != .punctuation }
            .map { Script($0) == .latin || Script($0) == .digit } ?? true
    }

    /// `name`'s key and the entries under it, remembered: resolving, linking and comparing one
    /// name each read them. Cost: ``Lexicon/lookup(_:)`` the first time; a hash look-up after.
    func lookedUp(_ name: String) -> NameMemo.LookedUp {
        lookedUp(name, in: memo.record(name))
    }

    /// ``lookedUp(_:)`` with `name`'s memo record at hand.
    func lookedUp(_ name: String, in record: NameMemo.Record) -> NameMemo.LookedUp {
        if let known = record.lookedUp { return known }
        let key = LexiconKey.make(name)
        let found = NameMemo.LookedUp(key: key, entries: lexicon.lookup(key: key))
        record.lookedUp = found
        return found
    }

    /// The entries under `name` (``Lexicon/lookup(_:)``), remembered.
    func lookup(_ name: String) -> [LexiconEntry] { lookedUp(name).entries }

    /// How strongly the lexicon knows `name` as a `type`: 10 for each listed entity of that type
    /// under the name, 1 for each dictionary sense. Cost: a lookup and its entries decoded the
    /// first time; a hash look-up for a name seen recently.
    public func support(for name: String, as type: EntityType) -> Int {
        memo.makeRoom()
        let record = memo.record(name)
        if let known = record.support { return known[EntityType.allCases.firstIndex(of: type)!] }
        let entries = lookedUp(name, in: record).entries
        let support = EntityType.allCases.map { type in
            entries.reduce(0) { total, entry in total + (entry.types.contains(type) ? (entry.isListed ? 10 : 1) : 0) }
        }
        record.support = support
        return support[EntityType.allCases.firstIndex(of: type)!]
    }

    /// The canonical id of `name` as a `type`; see ``resolve(_:type:)``.
    public func canonicalID(_ name: String, type: EntityType) -> String { resolve(name, type: type).id }

    /// A Japanese name: a listed entity; else the best dictionary sense for `type` (its romanized
    /// gloss gives the id; a katakana name takes any sense, as its spelling does not depend on the
    /// type); else the name without a title or generic suffix (アルバレス博士 → アルバレス,
    /// ラッドヤード湖 → Rudyard Lake, ヘンリー1世 → Henry I); else, for katakana joined by ・ or ＝,
    /// each part looked up alone (ウィルバー・ロス → Wilbur Ross); else the katakana romanized
    /// (toranpu); else an id from the name itself. Cost: O(parts · log k).
    public func resolveJapanese(_ name: String, type: EntityType) -> LinkedName {
        resolveJapanese(name, type: type, in: memo.record(name))
    }

    private func resolveJapanese(_ name: String, type: EntityType, in record: NameMemo.Record) -> LinkedName {
        let found = lookedUp(name, in: record), entries = found.entries
        if let listed = Self.listed(entries, type: type) { return Self.linked(listed, type: type) }
        if let (entry, gloss) = bestSense(entries, type: type, anyKind: Self.isKatakana(name)) {
            return Self.derived(gloss, type: type, isRomanization: entry.isRomanization, englishName: gloss,
                                japaneseName: entry.surface, entry: entry)
        }
        if let (stem, word) = Self.withoutSuffix(name, type: type) {
            let inner = resolveJapanese(stem, type: type)
            if let english = inner.englishName {
                guard let word else { return inner }
                let named = english + " " + word
                return Self.derived(named, type: type, isRomanization: inner.entry?.isRomanization ?? false,
                                    englishName: named, japaneseName: name, entry: nil)
            }
        }
        let parts = Self.nameParts(name)
        if !parts.isEmpty, parts.allSatisfy(Self.isKatakana) {
            let english = parts.map { part in
                bestSense(lookup(part), type: type, anyKind: true)?.1 ?? romanize(part)
            }.joined(separator: " ")
            return Self.derived(english, type: type, englishName: english, japaneseName: name, entry: nil)
        }
        let id = Self.derivedID(type: type, slug: found.key)
        return LinkedName(id: id, englishName: nil, japaneseName: name, entry: nil, linkKey: id)
    }

    /// An English name: a listed entity (any case, macrons, either word order); else an id from
    /// the name as written, with a Japanese name from a dictionary sense of that type. A person's
    /// name is written as the romanization of that sense that has its words, so that either word
    /// order, and the Japanese name, give one id ("Yoichi Funabashi" → Funabashi Youichi →
    /// `person:funabashi-yoichi`). Cost: O(log k).
    public func resolveEnglish(_ name: String, type: EntityType) -> LinkedName {
        resolveEnglish(name, type: type, in: memo.record(name))
    }

    private func resolveEnglish(_ name: String, type: EntityType, in record: NameMemo.Record) -> LinkedName {
        let entries = lookedUp(name, in: record).entries
        if let listed = Self.listed(entries, type: type) { return Self.linked(listed, type: type) }
        let japanese = Self.best(entries.filter { $0.kinds != .word }, type: type)
        var romanization: String?
        if type == .person, let japanese, japanese.glosses.count > 0 {
            let words = LexiconKey.orderFreeSlug(name)
            romanization = japanese.glosses.first { LexiconKey.orderFreeSlug($0) == words }
        }
        let written = romanization ?? (type == .person ? familyNameFirst(name) : nil) ?? name
        return Self.derived(written, type: type, isRomanization: romanization != nil && japanese!.isRomanization,
                            englishName: name, japaneseName: japanese?.surface, entry: japanese)
    }

    /// A Japanese given name and family name in the family-first order of the dictionaries'
    /// romanizations and of listed ids ("Kenji Tanaka" → "Tanaka Kenji"), so that either order
    /// gives one id: when the dictionaries know the two words better as a family name and a given
    /// name that way round. Nil for a name of another length or that the dictionaries take no
    /// better in reverse. Cost: two look-ups.
    func familyNameFirst(_ name: String) -> String? {
        let words = Self.split(name, at: [" "])
        guard words.count == 2 else { return nil }
        // The shares of a word's senses that are a family name and a given name, over the
        // romanized senses of Japanese headwords only (a katakana headword spells a foreign name),
        // remembered. Only the senses' kinds are read: they are not decoded.
        func shares(_ word: Substring) -> (family: Double, given: Double) {
            let word = String(word), record = memo.record(word)
            if let known = record.nameShares { return known }
            let senses = lexicon.romanizationKinds(key: record.lookedUp?.key ?? LexiconKey.make(word))
            let family = senses.count(where: { $0.contains(.surname) })
            let given = senses.count(where: { !$0.isDisjoint(with: [.given, .male, .female]) })
            let shares = senses.isEmpty ? (0, 0) : (Double(family) / Double(senses.count), Double(given) / Double(senses.count))
            record.nameShares = shares
            return shares
        }
        let (first, second) = (shares(words[0]), shares(words[1]))
        // Clearly better the other way round, so that the two orders of one name agree.
        guard second.family + first.given > first.family + second.given + 0.5 else { return nil }
        return words[1] + " " + words[0]
    }

    /// `kana` in Latin letters, folded: トランプ → "toranpu", ウィルバー・ロス → "uiruba rosu".
    /// Cost: O(n) the first time (``kanaLatin(_:)`` for kana, kanji and Latin letters, an ICU
    /// transform for text with other code points); a hash look-up for a name romanized recently
    /// (resolving a name and preparing it for comparisons each romanize it).
    public func romanize(_ kana: String) -> String {
        // Kanji and 々 fold to themselves too: a name of nothing else comes out as it is, and
        // takes no memo record.
        Self.isLeftAsItIs(kana) ? kana : romanize(kana, in: memo.record(kana))
    }

    /// ``romanize(_:)`` with `kana`'s memo record at hand.
    func romanize(_ kana: String, in record: NameMemo.Record) -> String {
        if Self.isLeftAsItIs(kana) { return kana }
        if let known = record.romanized { return known }
        let romanized = Self.folded(latin: Self.isLeftByRomanization(kana) ? kana
            : Self.kanaLatin(kana) ?? icuKanaLatin?.transform(kana) ?? kana)
        record.romanized = romanized
        return romanized
    }

    /// Whether ``romanize(_:)`` gives `text` back as it is: it is only kanji and 々.
    private static func isLeftAsItIs(_ text: String) -> Bool {
        isLeftByRomanization(text) && !text.utf8.contains(where: { $0 < 0x80 })
    }

    /// The output of the kana-Latin transform folded as keys fold, words separated by a space.
    private static func folded(latin: String) -> String {
        var out = LexiconKey.UTF8Builder(capacity: latin.utf8.count)
        // Whether the last code point written is the space between words.
        var endsWithSpace = false
        var folder = LexiconKey.Folder()
        for scalar in latin.unicodeScalars {
            if LexiconKey.isSeparator(scalar) || scalar == "~" {
                if scalar != "~", !endsWithSpace, !out.isEmpty {
                    out.append(" ")
                    endsWithSpace = true
                }
                folder = LexiconKey.Folder()
                continue
            }
            folder.fold(scalar) { out.append($0); endsWithSpace = false }
        }
        return out.take().trimmingSpaces
    }

    /// Whether `text` is only ASCII, CJK unified ideographs (U+4E00–U+9FFF) and 々, which the
    /// kana-Latin transform leaves as they are (ー is kana to it) and of which only ASCII capitals
    /// have a lower case: kanji names, most of those compared, skip the ICU call, and such
    /// spellings Unicode case mapping. Cost: O(n), no allocation.
    static func isLeftByRomanization(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x80, 0x3005, 0x4E00...0x9FFF: true
            default: false
            }
        }
    }

    // MARK: - Kana in Latin letters

    /// What ICU's "Katakana-Latin; Hiragana-Latin" transform makes of `text` when it holds only
    /// katakana (U+30A1–U+30FA), ・, ー, hiragana (U+3041–U+3094), kanji (U+4E00–U+9FFF), 々,
    /// ASCII but ~ (U+0020–U+007D), and code points the transform leaves as they are: Latin-1 to
    /// Latin Extended-B (U+0080–U+024F), punctuation and symbols (U+2000–U+27FF), CJK symbols
    /// but 、 and 。 (U+3000, U+3003–U+303F), the rarer kanji (U+3400–U+4DBF, U+F900–U+FAFF,
    /// U+20000–U+2FFFF) and fullwidth forms (U+FF00–U+FF65); nil for any other text, empty text
    /// included. Worked out here by the transform's own rules: ICU spends some
    /// 30,000 instructions on a name, this a few hundred, and opening the transform costs tens of
    /// milliseconds (some 150 million instructions) that a task whose names all fit here never
    /// spends. The rules, checked against ICU 72 for every string of up to two such code points
    /// (a few kanji standing for all), those of three of the kana that rules read around and a few
    /// Latin letters, 600,000 random longer ones of katakana and 120,000 of all of them, and every
    /// katakana headword of enamdict and edict:
    /// - each kana is its syllable (カ ka, シ shi, small ァ ~a, ッ ~tsu); ・, kanji and Latin stay;
    /// - some kana and the small one after them are one syllable (キャ kya, シェ she, ティ ti,
    ///   ファ fa), though not all (ウィ u~i);
    /// - ッ before a kana that starts with a consonant (not ヴ) is that consonant (ッカ kka, ッチ tchi);
    /// - ン is n, and n' before a vowel, ナ-row, ヤ, ユ, ヨ, ン or ヴ (ンア n'a);
    /// - ー puts a macron on the letter before it where Unicode composes one (アー ā, Gー Ḡ), else
    ///   is a combining macron U+0304;
    /// - katakana go first, then hiragana, read as the same katakana, in a second pass over the
    ///   first one's Latin letters: ンあ is na, あー a + U+0304, and ッ reads the hiragana after it
    ///   in the first pass, doubling only an unvoiced one (ッか kka, ッが ~tsuga).
    /// Cost: O(n).
    static func kanaLatin(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var hasHiragana = false
        for scalar in scalars {
            switch scalar.value {
            case 0x3041...0x3094: hasHiragana = true
            // ASCII but ~, which starts rules of the transform's own (~ィ is yi).
            case 0x20...0x7D, 0x30A1...0x30FC, 0x4E00...0x9FFF, 0x3005: break
            // Left as they are, as kanji: the transform reads them as no kana (news names hold
            // dashes, ― and −, and rarer kanji, 﨑 and 𠮷). Not 、 and 。, which it makes , and .
            case 0x80...0x24F, 0x2000...0x27FF, 0x3000, 0x3003...0x303F, 0x3400...0x4DBF, 0xF900...0xFAFF, 0xFF00...0xFF65,
                 0x20000...0x2FFFF: break
            default: return nil
            }
        }
        guard !scalars.isEmpty else { return nil }
        var latin = String(decoding: romanizingKatakana(scalars), as: UTF8.self)
        if hasHiragana {
            let hiraganaAsKatakana = latin.unicodeScalars.map {
                (0x3041...0x3094).contains($0.value) ? Unicode.Scalar($0.value + 0x60)! : $0
            }
            latin = String(decoding: romanizingKatakana(hiraganaAsKatakana), as: UTF8.self)
        }
        return latin
    }

    /// One pass of ``kanaLatin(_:)``: `kana` with its katakana in Latin letters, all else as it
    /// is, in UTF-8.
    private static func romanizingKatakana(_ kana: [Unicode.Scalar]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(3 * kana.count)
        var index = 0
        while index < kana.count {
            let value = kana[index].value, next = index + 1 < kana.count ? kana[index + 1].value : 0
            switch value {
            case 0x30FC: // ー
                // The last byte of a code point of several is no ASCII letter.
                if let last = out.last, let long = withMacron(Unicode.Scalar(last)) {
                    out.removeLast()
                    UTF8.encode(long) { out.append($0) }
                } else {
                    UTF8.encode("\u{0304}") { out.append($0) }
                }
            case 0x30C3 where doublesConsonant(next): // ッ
                // A hiragana after it reads as the same katakana.
                let syllable = katakanaSyllables[Int((next < 0x30A1 ? next + 0x60 : next) - 0x30A1)]
                out.append(syllable.starts(with: "ch".utf8) ? UInt8(ascii: "t") : syllable[0])
            case 0x30F3: // ン
                out.append(UInt8(ascii: "n"))
                if takesApostrophe(next) { out.append(UInt8(ascii: "'")) }
            case 0x30A1...0x30FB:
                if let digraph = katakanaDigraphs[value << 16 | next] {
                    out.append(contentsOf: digraph)
                    index += 1
                } else {
                    out.append(contentsOf: katakanaSyllables[Int(value - 0x30A1)])
                }
            default:
                UTF8.encode(kana[index]) { out.append($0) }
            }
            index += 1
        }
        return out
    }

    /// The syllable of each code point from U+30A1 (ァ) to U+30FB (・), in UTF-8.
    private static let katakanaSyllables: [[UInt8]] = [
        "~a", "a", "~i", "i", "~u", "u", "~e", "e", "~o", "o", "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
        "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", "ta", "da", "chi", "dji", "~tsu", "tsu", "dzu", "te",
        "de", "to", "do", "na", "ni", "nu", "ne", "no", "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be",
        "pe", "ho", "bo", "po", "ma", "mi", "mu", "me", "mo", "~ya", "ya", "~yu", "yu", "~yo", "yo", "ra", "ri", "ru", "re",
        "ro", "~wa", "wa", "wi", "we", "wo", "n", "vu", "~ka", "~ke", "va", "vi", "ve", "vo", "・",
    ].map { Array($0.utf8) }

    /// The syllables of a kana and the small kana after it, in UTF-8, keyed by the two code
    /// points (the first shifted 16 bits).
    private static let katakanaDigraphs: [UInt32: [UInt8]] = {
        var digraphs: [UInt32: [UInt8]] = [:]
        func add(_ firsts: String, _ stems: [String], _ smalls: String, _ vowels: [String]) {
            for (first, stem) in zip(firsts.unicodeScalars, stems) {
                for (small, vowel) in zip(smalls.unicodeScalars, vowels) {
                    digraphs[first.value << 16 | small.value] = Array((stem + vowel).utf8)
                }
            }
        }
        add("キギニヒビピミリ", ["ky", "gy", "ny", "hy", "by", "py", "my", "ry"], "ィェャュョ", ["i", "e", "a", "u", "o"])
        add("シジチヂ", ["sh", "j", "ch", "dj"], "ェャュョ", ["e", "a", "u", "o"])
        add("セゼテデ", ["s", "z", "t", "d"], "ィ", ["i"])
        add("テデヘ", ["t", "d", "h"], "ゥ", ["u"])
        add("フ", ["f"], "ァィェォ", ["a", "i", "e", "o"])
        return digraphs
    }()

    /// Whether ッ before the code point `next` doubles its consonant: a katakana of U+30A1–U+30FA
    /// but a vowel (ァ–オ), small ャ, ュ, ョ, ヮ, ヵ, ヶ, ッ or ヴ; a hiragana of those but a voiced
    /// one (が, ぱ) or ん.
    private static func doublesConsonant(_ next: UInt32) -> Bool {
        switch next {
        case 0x30A1...0x30AA, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F4...0x30F6: false
        case 0x30AB...0x30FA: true
        case 0x304B, 0x304D, 0x304F, 0x3051, 0x3053, 0x3055, 0x3057, 0x3059, 0x305B, 0x305D, 0x305F, 0x3061, 0x3064, 0x3066,
             0x3068, 0x306A...0x306F, 0x3072, 0x3075, 0x3078, 0x307B, 0x307E...0x3082, 0x3084, 0x3086, 0x3088...0x308D,
             0x308F...0x3092: true
        default: false
        }
    }

    /// Whether ン before the code point `next` is written n': before ア, イ, ウ, エ, オ, ナ–ノ, ヤ, ユ,
    /// ヨ, ン and ヴ, which would otherwise read as one syllable with the n.
    private static func takesApostrophe(_ next: UInt32) -> Bool {
        switch next {
        case 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30CA...0x30CE, 0x30E4, 0x30E6, 0x30E8, 0x30F3, 0x30F4: true
        default: false
        }
    }

    /// `letter` (ASCII) with a macron, as NFC composes them (a → ā, G → Ḡ); nil for any other
    /// code point.
    private static func withMacron(_ letter: Unicode.Scalar) -> Unicode.Scalar? {
        switch letter {
        case "a": "ā"
        case "e": "ē"
        case "i": "ī"
        case "o": "ō"
        case "u": "ū"
        case "g": "ḡ"
        case "y": "ȳ"
        case "A": "Ā"
        case "E": "Ē"
        case "I": "Ī"
        case "O": "Ō"
        case "U": "Ū"
        case "G": "Ḡ"
        case "Y": "Ȳ"
        default: nil
        }
    }

    static func soundSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 0 }
        return 1 - Double(editDistance(a, b)) / Double(longer)
    }

    /// The English name of `candidates` that best matches Japanese `japanese`, when its
    /// ``similarity(japanese:english:)`` reaches `threshold`. For linking the mentions of one
    /// document. Cost: one similarity per candidate.
    public func bestEnglishMatch(forJapanese japanese: String, among candidates: [String],
                                 threshold: Double = 0.6) -> (index: Int, score: Double)? {
        bestEnglishMatch(forJapanese: prepared(japanese: japanese), among: candidates.map { prepared(english: $0) },
                         threshold: threshold)
    }

    /// ``bestEnglishMatch(forJapanese:among:threshold:)`` of prepared names.
    public func bestEnglishMatch(forJapanese japanese: PreparedJapaneseName, among candidates: [PreparedEnglishName],
                                 threshold: Double = 0.6) -> (index: Int, score: Double)? {
        var best: (index: Int, score: Double)?
        for (index, candidate) in candidates.enumerated() {
            let score = similarity(japanese, candidate)
            if score >= threshold, score > (best?.score ?? 0) { best = (index, score) }
        }
        return best
    }

    // MARK: - Choosing among entries

    /// The listed entity `entries` name as a `type`: one of that type, else a place for an
    /// organization or the other way round, unless a dictionary knows the name as that type
    /// ("Japan" tagged ORG is still Japan). A person is never a place (ロス as a person is Ross,
    /// not the city; "Washington" as a person is not the capital).
    static func listed(_ entries: [LexiconEntry], type: EntityType) -> LexiconEntry? {
        if let entry = entries.first(where: { $0.isListed && $0.listedType == type }) { return entry }
        guard type != .person,
              !entries.contains(where: { !$0.isListed && $0.kinds.entityTypes.contains(type) }) else { return nil }
        return entries.first { $0.isListed && $0.listedType != .person }
    }

    static func linked(_ entry: LexiconEntry, type: EntityType) -> LinkedName {
        let id = entry.id(as: type)
        return LinkedName(id: id, englishName: entry.glosses.first,
                          japaneseName: entry.surface.isEmpty ? nil : entry.surface, entry: entry, linkKey: id)
    }

    /// The dictionary sense that best fits `type`: for a person a full name, then a surname, then
    /// a given name, then an edict word; for a place or an organization an edict word, then a place
    /// (or station) or an organization (or company); then a name of unknown kind; with `anyKind`,
    /// then any sense.
    static func bestTier(_ entries: [LexiconEntry], type: EntityType, anyKind: Bool = false) -> [LexiconEntry] {
        let preference: [NameKinds] = switch type {
        case .person: [.fullName, .surname, [.given, .male, .female]]
        // An edict word's gloss translates a place or body (地中海 → Mediterranean Sea) where
        // enamdict only romanizes it (Chichuukai).
        case .location: [.word, .place, .station]
        case .organization: [.word, [.organization, .company]]
        }
        let tiers = preference + [.word, .unclassified]
        // The first tier any sense is in, found before any array of senses is built.
        var first = tiers.count
        for entry in entries where !entry.isListed {
            if let tier = tiers[..<first].firstIndex(where: { !entry.kinds.isDisjoint(with: $0) }) { first = tier }
        }
        if first < tiers.count { return entries.filter { !$0.isListed && !$0.kinds.isDisjoint(with: tiers[first]) } }
        return anyKind ? entries.filter { !$0.isListed } : []
    }

    static func best(_ entries: [LexiconEntry], type: EntityType) -> LexiconEntry? {
        bestTier(entries, type: type).first
    }

    /// The sense of the best tier and its gloss that most dictionary senses share: a common
    /// spelling and a common reading (三島 is Mishima more often than Santo; ロス's glosses Ros,
    /// Ross and Rosse give Ross). For a katakana name, the glosses that sound closest to it come
    /// first (ジョン: John before Jonathan), and its plain romanization (Jon, Tomasu) is taken only
    /// when no other gloss is given.
    private func bestSense(_ entries: [LexiconEntry], type: EntityType, anyKind: Bool) -> (LexiconEntry, String)? {
        let tier = Self.bestTier(entries, type: type, anyKind: anyKind)
        guard let first = tier.first else { return nil }
        if tier.count == 1, first.glosses.count <= 1 { return (first, first.englishName) }
        let isKatakana = Self.isKatakana(first.surface)
        let romanized = isKatakana ? romanize(first.surface) : ""
        let sound = Self.skeleton(romanized, english: false)
        let romanizedKey = LexiconKey.make(romanized)
        // The best by closeness, then by how many entries share the gloss. The count only breaks
        // ties of closeness, so it is looked up only for a tie, and the best's only then.
        var best = (first, first.englishName), bestCloseness = -1.0, bestKey = "", bestCount: Int?
        for entry in tier.prefix(8) {
            for gloss in entry.glosses.prefix(8) {
                let key = LexiconKey.make(gloss)
                guard key != romanizedKey else { continue }
                let closeness = isKatakana ? Self.soundSimilarity(sound, Self.skeleton(gloss, english: true)) : 0
                if closeness > bestCloseness {
                    (best, bestCloseness, bestKey, bestCount) = ((entry, gloss), closeness, key, nil)
                } else if closeness == bestCloseness, !key.utf8.elementsEqual(bestKey.utf8) {
                    let count = glossCount(key), bestSoFar = bestCount ?? glossCount(bestKey)
                    if count > bestSoFar {
                        (best, bestKey, bestCount) = ((entry, gloss), key, count)
                    } else {
                        bestCount = bestSoFar
                    }
                }
            }
        }
        return best
    }

    /// How many entries the lexicon has under `key`, remembered: the glosses of different names
    /// are often one romanization (Tanaka, Kenji). Cost: O(log k) the first time; a hash
    /// look-up after.
    private func glossCount(_ key: String) -> Int {
        let record = memo.record(key)
        if let known = record.glossCount { return known }
        let count = lexicon.layers.reduce(0) { $0 + $1.rows(matching: Array(key.utf8)).count }
        record.glossCount = count
        return count
    }

    /// Titles after a person's name and generic words after a place's or an organization's, with
    /// the English word that stands for them (nil: none).
    static let suffixes: [EntityType: [(japanese: String, english: String?)]] = [
        .person: ["国家主席", "副大統領", "大統領", "国務長官", "元首相", "首相", "外相", "長官", "皇太子", "女王",
                  "王", "将軍", "皇帝", "博士", "卿", "氏", "教授", "議員", "知事", "夫人", "陛下", "殿下", "さん",
                  "様", "天皇", "監督", "選手", "社長", "会長", "総裁", "主席"].map { ($0, nil) },
        .location: [("地区", nil), ("地方", nil), ("修道院", nil), ("州", nil), ("県", nil), ("市", nil), ("区", nil),
                     ("湖", "Lake"), ("川", "River"), ("島", "Island")],
        .organization: [("研究所", "Institute"), ("大学", "University"), ("大使館", "Embassy"), ("銀行", "Bank"),
                         ("協会", "Association"), ("財団", "Foundation"), ("社", nil)],
    ]

    /// The last code points of `suffixes` of each type, and 世's.
    static let suffixEnds: [EntityType: Set<Unicode.Scalar>] = suffixes.mapValues { suffixes in
        Set(suffixes.compactMap(\.japanese.unicodeScalars.last) + ["世"])
    }

    /// `name` without a title or generic suffix, with the English word for it; a regnal number
    /// (1世) becomes a Roman numeral. Nil when `name` has none or is nothing else.
    static func withoutSuffix(_ name: String, type: EntityType) -> (stem: String, english: String?)? {
        // Most names end in a code point that ends no suffix (nor 世). When it is one that never
        // combines with what precedes it, no Character comparison below could match: settled
        // without one.
        if let last = name.unicodeScalars.last, LexiconKey.isKnownNFKC(last), !(suffixEnds[type] ?? ["世"]).contains(last) {
            return nil
        }
        if name.hasSuffix("世") {
            let digits = name.dropLast().reversed().prefix { $0.isASCII && $0.isNumber }
            if let number = Int(String(digits.reversed())), number > 0, number < 40, digits.count < name.count - 1 {
                return (String(name.dropLast(digits.count + 1)), romanNumeral(number))
            }
        }
        // In plain text (``LexiconKey/isKnownNFKC(_:)``) a Character is a code point (or CR LF)
        // and equal Characters have equal UTF-8, so a suffix there is a byte suffix.
        let isPlain = LexiconKey.isKnownNFKC(name)
        func ends(with suffix: String) -> Bool {
            isPlain ? name.utf8.count > suffix.utf8.count && name.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
                : name.hasSuffix(suffix) && name.count > suffix.count
        }
        for (suffix, english) in suffixes[type] ?? [] where ends(with: suffix) {
            return (String(name.dropLast(suffix.count)), english)
        }
        return nil
    }

    static func romanNumeral(_ number: Int) -> String {
        let values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var number = number, out = ""
        for (value, letters) in values {
            while number >= value { out += letters; number -= value }
        }
        return out
    }

    static func isKatakana(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { Script($0) == .katakana }
    }

    /// A name cut at ・, ＝, = and spaces.
    static func nameParts(_ name: String) -> [String] {
        split(name, at: ["・", "＝", "=", " ", "\u{3000}", "･"]).map(String.init)
    }

    /// The non-empty pieces of `text` between the Characters that are one of `separators`, as
    /// `text.split` gives them. Code points of ``LexiconKey/isKnownNFKC(_:)`` text never join a
    /// neighbour into one Character, so such text (nearly every name) is cut on code points,
    /// which costs much less than walking Characters. Cost: O(n).
    static func split(_ text: String, at separators: [Unicode.Scalar]) -> [Substring] {
        if LexiconKey.isKnownNFKC(text) {
            return text.unicodeScalars.split(whereSeparator: separators.contains).map { Substring($0) }
        }
        return text.split { $0.unicodeScalars.count == 1 && separators.contains($0.unicodeScalars.first!) }
    }

    // MARK: - Consonant skeletons

    /// The consonants of a Latin spelling, with the sounds that Japanese renders alike merged
    /// (l/r, v/b, m/n, z/s, j/g, th/s, ph/f, c/k/q) and repeats collapsed: trump → trnp,
    /// toranpu → trnp. An English r after a vowel and before a consonant is silent, as in katakana
    /// (Wilbur → ウィルバー), and so is an h inside a word but between vowels (John); English c before
    /// e, i, y sounds s, and a final ch sounds h (Ulrich).
    static func skeleton(_ spelling: String, english: Bool) -> [UInt8] {
        // In ASCII and kanji only ASCII capitals have a lower case: no Unicode case mapping needed.
        let lowered = isLeftByRomanization(spelling) ? spelling.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            : Array(spelling.lowercased().utf8)
        let letters = lowered.filter { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x20 }
        func isVowel(_ letter: UInt8) -> Bool { "aeiouy".utf8.contains(letter) }
        func isLetter(_ letter: UInt8) -> Bool { letter >= 0x61 && letter <= 0x7A }
        var out: [UInt8] = []
        var index = 0
        func at(_ offset: Int) -> UInt8 {
            let position = index + offset
            return position >= 0 && position < letters.count ? letters[position] : 0x20
        }
        while index < letters.count {
            var letter = letters[index]
            var step = 1
            // Code points, not Characters: comparing them is comparing numbers.
            switch (Unicode.Scalar(letter), Unicode.Scalar(at(1))) {
            case ("p", "h"): letter = UInt8(ascii: "f"); step = 2
            case ("t", "h"), ("t", "s"), ("s", "h"): letter = UInt8(ascii: "s"); step = 2
            case ("c", "h"): letter = english && !isLetter(at(2)) ? UInt8(ascii: "h") : UInt8(ascii: "c"); step = 2
            case ("c", "k"): letter = UInt8(ascii: "k"); step = 2
            case ("g", "h"): letter = 0; step = 2
            case ("c", "e"), ("c", "i"), ("c", "y"): letter = english ? UInt8(ascii: "s") : UInt8(ascii: "k")
            case ("c", _), ("q", _): letter = UInt8(ascii: "k")
            case ("x", _): out.append(UInt8(ascii: "k")); letter = UInt8(ascii: "s")
            case ("r", _) where english && isVowel(at(-1)) && !isVowel(at(1)): letter = 0
            case ("h", _) where english && at(-1) != 0x20 && !(isVowel(at(-1)) && isVowel(at(1))): letter = 0
            case ("l", _): letter = UInt8(ascii: "r")
            case ("v", _): letter = UInt8(ascii: "b")
            case ("m", _): letter = UInt8(ascii: "n")
            case ("z", _): letter = UInt8(ascii: "s")
            case ("j", _): letter = UInt8(ascii: "g")
            case ("a", _), ("e", _), ("i", _), ("o", _), ("u", _), ("y", _), ("w", _), (" ", _): letter = 0
            default: break
            }
            if letter != 0, out.last != letter { out.append(letter) }
            index += step
        }
        return out
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Two rows of the table, on the stack: names are compared by the thousand.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[..<(b.count + 1)])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                for j in 1...b.count {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
