#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import JPENICU
import JPENText

/// The per-name work of ``NameLinker``, remembered: resolved names and what
/// ``NameLinker/similarity(japanese:english:)`` reads of each side.
struct NameMemo {
    /// The most strings (names, their words, glosses) whose work is kept before the memo starts
    /// over, a few hundred bytes each.
    static let limit = 40_000

    /// A name as the memo keys it: by its UTF-8 bytes. A String hashes and compares through
    /// Unicode normalization, which for Japanese names costs several times a plain byte hash.
    struct Name: Hashable {
        let text: String

        // The bytes are read in place (a native or small String has them contiguous): a copy
        // of the String to call `withUTF8` on would retain and release it at every probe. And
        // compared by memcmp, a few words at a time: a memo look-up compares a name or two, and
        // an element-by-element loop cost more than hashing it.
        static func == (a: Name, b: Name) -> Bool {
            let count = a.text.utf8.count
            guard count == b.text.utf8.count else { return false }
            guard count > 0 else { return true }
            let equal = a.text.utf8.withContiguousStorageIfAvailable { a in
                b.text.utf8.withContiguousStorageIfAvailable { b in memcmp(a.baseAddress!, b.baseAddress!, count) == 0 }
            }
            return (equal ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
        }
    }

    struct TypedName: Hashable {
        let name: Name
        let type: EntityType
    }

    /// What the lexicon says of a name's entity types: per ``EntityType`` (in `allCases` order),
    /// 10 for each listed entity and 1 for each dictionary sense of that type.
    typealias TypeSupport = [Int]

    /// A name's key (``LexiconKey/make(_:)``) and the entries under it.
    struct LookedUp {
        let key: String
        let entries: [LexiconEntry]
    }

    /// Everything worked out of one string, each part the first time it is asked for. One
    /// record per string, so that a name is hashed once per operation rather than once per thing
    /// remembered of it (resolving, linking and comparing a name each read several).
    final class Record {
        var lookedUp: LookedUp?
        /// The number of entries the lexicon has under the string as a key (for a gloss key).
        var glossCount: Int?
        /// The shares of the string's romanized senses that are a family name and a given name
        /// (``NameLinker/familyNameFirst(_:)``).
        var nameShares: (family: Double, given: Double)?
        /// ``NameLinker/romanize(_:)`` of the string.
        var romanized: String?
        /// The numbered folded words of the string as a gloss: the glosses of different names
        /// are often one romanization.
        var glossWords: [Int32]?
        var japanese: JapaneseSide?
        var english: EnglishSide?
        var linkKeys: LinkKeys?
        var support: TypeSupport?
        /// The string's number, in the record of its ``canonical(_:)`` form (``number(_:)``).
        var number: Int32?
        private var person: LinkedName?, organization: LinkedName?, location: LinkedName?

        /// The string resolved as a `type` (``NameLinker/resolve(_:type:)``), when it was.
        func resolved(as type: EntityType) -> LinkedName? {
            switch type {
            case .person: person
            case .organization: organization
            case .location: location
            }
        }

        func remember(_ linked: LinkedName, as type: EntityType) {
            switch type {
            case .person: person = linked
            case .organization: organization = linked
            case .location: location = linked
            }
        }
    }

    private(set) var records: [Name: Record] = [:]
    /// The next ``number(_:)`` given.
    private var nextNumber: Int32 = 0

    /// How many times the memo has started over: sides prepared in an earlier generation hold
    /// numbers of another numbering.
    var generation = 0

    /// The record of `text`, made empty the first time. Cost: a hash of its bytes.
    mutating func record(_ text: String) -> Record {
        let name = Name(text: text)
        if let known = records[name] { return known }
        let record = Record()
        records[name] = record
        return record
    }

    /// The record of `text`, if it has one. Cost: a hash of its bytes.
    func existingRecord(_ text: String) -> Record? {
        records[Name(text: text)]
    }

    /// Empties the memo when it is full. Called only as a public operation starts, so that the
    /// numbers of the sides one comparison reads, and the records an operation holds, all come
    /// from one numbering.
    mutating func makeRoom() {
        if records.count >= Self.limit {
            let next = generation + 1
            self = NameMemo()
            generation = next
        }
    }

    /// The number of `string`: comparing small sorted arrays of numbers, or hashing a number, is
    /// much cheaper than doing so with strings. Strings that are equal as Strings share one
    /// (it is kept under their ``canonical(_:)`` bytes).
    mutating func number(_ string: String) -> Int32 {
        let record = record(Self.canonical(string))
        if let known = record.number { return known }
        record.number = nextNumber
        nextNumber += 1
        return record.number!
    }

    /// `string` in the form ``number(_:)`` keys it: its NFC form, whose bytes are equal exactly
    /// when the Strings are (String equality is canonical equivalence). Hashing a non-ASCII
    /// String normalizes it code point by code point; hashing bytes does not. Cost: O(n), no
    /// allocation for text ``LexiconKey/isKnownNFKC(_:)`` vouches is in NFC already (nearly
    /// every word and key); an ICU call otherwise.
    static func canonical(_ string: String) -> String {
        LexiconKey.isKnownNFKC(string) ? string : Normalizer.nfc.normalize(string)
    }

    /// The numbers of `strings`, sorted, each once.
    mutating func numbered(_ strings: some Sequence<String>) -> [Int32] {
        // Sorted, then repeats dropped: a few numbers each, where a Set would allocate and hash.
        var numbers = strings.map { number($0) }
        numbers.sort()
        var kept = 0
        for number in numbers where kept == 0 || numbers[kept - 1] != number {
            numbers[kept] = number
            kept += 1
        }
        numbers.removeSubrange(kept...)
        return numbers
    }

    /// What ``NameLinker/link(_:threshold:)`` reads of a name to find its short forms.
    final class LinkKeys {
        /// The name's key (``LexiconKey/make(_:)``) and its number.
        let text: String
        let key: Int32
        /// The key's length in characters.
        let length: Int
        /// Whether the name is written in Latin letters (or digits).
        let isLatin: Bool
        /// The numbers of the keys of the name's words, each once; empty for a Japanese name,
        /// whose key's beginnings linking looks up per document.
        let parts: [Int32]

        init(text: String, key: Int32, length: Int, isLatin: Bool, parts: [Int32]) {
            self.text = text
            self.key = key
            self.length = length
            self.isLatin = isLatin
            self.parts = parts
        }
    }

    /// Whether every number of sorted `a` is in sorted `b`. Cost: O(|a| + |b|).
    static func isSubset(_ a: [Int32], of b: [Int32]) -> Bool {
        var j = 0
        for value in a {
            while j < b.count, b[j] < value { j += 1 }
            guard j < b.count, b[j] == value else { return false }
        }
        return true
    }

    /// Whether sorted `a` and `b` share a number. Cost: O(|a| + |b|).
    static func intersects(_ a: [Int32], _ b: [Int32]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// What similarity reads of a Japanese name: everything that does not depend on the English one.
    // The sides are classes: a look-up in the memo then copies one reference, not each array.

    final class JapaneseSide {
        let name: String
        /// The listed entity ids of the name's entries (numbered, sorted).
        let listedIDs: [Int32]
        /// The folded words of each gloss of the name's entries, in entry order (numbered, sorted).
        let glossWords: [[Int32]]
        /// The number of parts (cut at ・, ＝, spaces).
        let partCount: Int
        /// For a name of several parts, the slugs of each part's glosses (numbered, sorted); empty
        /// otherwise.
        let partGlossSlugs: [[Int32]]
        /// The consonant skeleton of the name romanized.
        let skeleton: [UInt8]
        /// The skeleton of the last part, when it is katakana and has at least three consonants.
        let lastPartSkeleton: [UInt8]?
        /// The sides of the name without each title or generic suffix it ends with (アルバレス博士 →
        /// アルバレス), held here so that comparing with them looks nothing up.
        let stems: [JapaneseSide]

        init(name: String, listedIDs: [Int32], glossWords: [[Int32]], partCount: Int, partGlossSlugs: [[Int32]],
             skeleton: [UInt8], lastPartSkeleton: [UInt8]?, stems: [JapaneseSide]) {
            self.name = name
            self.listedIDs = listedIDs
            self.glossWords = glossWords
            self.partCount = partCount
            self.partGlossSlugs = partGlossSlugs
            self.skeleton = skeleton
            self.lastPartSkeleton = lastPartSkeleton
            self.stems = stems
        }
    }

    /// What similarity reads of an English name.
    final class EnglishSide {
        let name: String
        /// The folded words of the name (its slug's words; numbered, sorted).
        let words: [Int32]
        /// The listed entity ids of the name's entries (numbered, sorted), once a comparison has
        /// needed them (``NameLinker/listedIDs(of:)``).
        var listedIDs: [Int32]?
        let skeleton: [UInt8]
        /// The number of space-separated words.
        let wordCount: Int
        /// The skeleton of the last space-separated word.
        let lastWordSkeleton: [UInt8]?

        init(name: String, words: [Int32], skeleton: [UInt8], wordCount: Int, lastWordSkeleton: [UInt8]?) {
            self.name = name
            self.words = words
            self.skeleton = skeleton
            self.wordCount = wordCount
            self.lastWordSkeleton = lastWordSkeleton
        }
    }
}

extension NameLinker {
    /// How well Japanese `japanese` and English `english` could name the same entity, from 0 to 1:
    /// 1 when they link to one listed entity or a dictionary gloss of the Japanese name (or of each
    /// of its parts) has the English name's words; 0.9 when one's words hold the other's
    /// (地中海 "Mediterranean Sea" ~ "Mediterranean"); otherwise the closeness of their consonant
    /// skeletons (toranpu ~ trump, sumisu ~ smith), 1 − edit distance / longer length, and 0.85 of
    /// that for the last part of one name against the last word of the other (ジョン・スミス ~ Smith);
    /// a title or generic suffix may be left out (アルバレス博士 ~ Alvarez).
    /// Cost: the first time a name is seen, a few lexicon look-ups and a romanization; then, for
    /// each pair, set comparisons and an O(n²) edit distance of the names' consonant skeletons.
    public func similarity(japanese: String, english: String) -> Double {
        guard !japanese.isEmpty else { return 0 }
        memo.makeRoom()
        return similarity(japaneseSide(japanese), englishSide(english))
    }

    /// A Japanese name prepared for many comparisons (``similarity(_:_:)``). Cost: as the first
    /// comparison of the name; a hash look-up when it was seen recently.
    public func prepared(japanese name: String) -> PreparedJapaneseName {
        memo.makeRoom()
        return PreparedJapaneseName(side: japaneseSide(name), generation: memo.generation)
    }

    /// An English name prepared for many comparisons (``similarity(_:_:)``). Cost: O(n) the first
    /// time (its look-up waits for a comparison that needs it); a hash look-up when it was seen
    /// recently.
    public func prepared(english name: String) -> PreparedEnglishName {
        memo.makeRoom()
        return PreparedEnglishName(side: englishSide(name), generation: memo.generation)
    }

    /// ``similarity(japanese:english:)`` of two prepared names: a document compares each of its
    /// names with many others. Cost: set comparisons and the edit distance of the skeletons; no
    /// look-up of either name.
    public func similarity(_ japanese: PreparedJapaneseName, _ english: PreparedEnglishName) -> Double {
        guard japanese.generation == memo.generation, english.generation == memo.generation else {
            // The memo started over since one was prepared, and its numbers mean nothing now.
            return similarity(japanese: japanese.name, english: english.name)
        }
        guard !japanese.name.isEmpty else { return 0 }
        return similarity(japanese.side, english.side)
    }

    private func similarity(_ japanese: NameMemo.JapaneseSide, _ english: NameMemo.EnglishSide) -> Double {
        guard !english.words.isEmpty else { return 0 }
        if !japanese.listedIDs.isEmpty, NameMemo.intersects(japanese.listedIDs, listedIDs(of: english)) { return 1 }
        var best = 0.0
        for words in japanese.glossWords {
            if words == english.words { return 1 }
            if NameMemo.isSubset(words, of: english.words) || NameMemo.isSubset(english.words, of: words) { best = 0.9 }
        }
        let parts = japanese.partGlossSlugs
        if parts.count > 1, parts.count == english.words.count, parts.allSatisfy({ NameMemo.intersects($0, english.words) }) {
            return 1
        }
        best = max(best, Self.soundSimilarity(japanese.skeleton, english.skeleton))
        // A title or generic word the English name leaves out: アルバレス博士 ~ Alvarez.
        for stem in japanese.stems where best < 1 {
            best = max(best, similarity(stem, english))
        }
        // A family name alone against a full name: the last part of each (ジョン・スミス ~ Smith,
        // スミス ~ John Smith), as Western names are written given name first in both languages.
        if japanese.partCount > 1 || english.wordCount > 1,
           let part = japanese.lastPartSkeleton, let word = english.lastWordSkeleton {
            best = max(best, 0.85 * Self.soundSimilarity(part, word))
        }
        return best
    }

    /// `name`'s side of a similarity, from the memo or worked out. Cost: look-ups of the name and
    /// its parts, a romanization, the same for each stem; a hash look-up when remembered.
    private func japaneseSide(_ name: String) -> NameMemo.JapaneseSide {
        let record = memo.record(name)
        if let known = record.japanese { return known }
        let entries = lookedUp(name, in: record).entries
        let parts = Self.nameParts(name)
        var stems: [String] = []
        for type in EntityType.allCases {
            if let (stem, _) = Self.withoutSuffix(name, type: type), !stems.contains(stem) { stems.append(stem) }
        }
        let skeleton = Self.skeleton(romanize(name, in: record), english: false)
        let lastPartSkeleton = parts.last.flatMap { part -> [UInt8]? in
            guard part.unicodeScalars.allSatisfy({ Script($0) == .katakana }) else { return nil }
            // A name of one part is its own last part.
            let partSkeleton = part.utf8.elementsEqual(name.utf8) ? skeleton : Self.skeleton(romanize(part), english: false)
            return partSkeleton.count >= 3 ? partSkeleton : nil
        }
        let side = NameMemo.JapaneseSide(
            name: name,
            listedIDs: memo.numbered(entries.compactMap(\.listedID)),
            glossWords: entries.flatMap(\.glosses).map(numberedWords),
            partCount: parts.count,
            partGlossSlugs: parts.count > 1 ? parts.map { memo.numbered(lookup($0).flatMap(\.glosses).map(LexiconKey.orderFreeSlug)) } : [],
            skeleton: skeleton,
            lastPartSkeleton: lastPartSkeleton,
            stems: stems.map(japaneseSide))
        record.japanese = side
        return side
    }

    /// `name`'s side of a similarity, from the memo or worked out. Cost: O(n), no look-up; a
    /// hash look-up when remembered.
    private func englishSide(_ name: String) -> NameMemo.EnglishSide {
        let record = memo.record(name)
        if let known = record.english { return known }
        let spaced = Self.split(name, at: [" "])
        let side = NameMemo.EnglishSide(
            name: name,
            words: memo.numbered(Self.slugWords(name)),
            skeleton: Self.skeleton(name, english: true),
            wordCount: spaced.count,
            lastWordSkeleton: spaced.last.map { Self.skeleton(String($0), english: true) })
        record.english = side
        return side
    }

    /// The listed entity ids of `english`'s entries, looked up the first time a comparison needs
    /// them: only one with a Japanese name that has listed ids does, so the runs of capitalized
    /// words compared with other names are never looked up. Cost: a look-up the first time.
    private func listedIDs(of english: NameMemo.EnglishSide) -> [Int32] {
        if let known = english.listedIDs { return known }
        let ids = memo.numbered(lookup(english.name).compactMap(\.listedID))
        english.listedIDs = ids
        return ids
    }

    /// The numbers of the folded words of `gloss` (``slugWords(_:)``), remembered.
    private func numberedWords(_ gloss: String) -> [Int32] {
        let record = memo.record(gloss)
        if let known = record.glossWords { return known }
        let words = memo.numbered(Self.slugWords(gloss))
        record.glossWords = words
        return words
    }

    /// The folded words of a name: "Shigeru Ishiba" → ["ishiba", "shigeru"].
    static func slugWords(_ name: String) -> [String] {
        Self.split(LexiconKey.orderFreeSlug(name), at: ["-"]).map(String.init)
    }
}

/// A Japanese name with what ``NameLinker/similarity(_:_:)`` reads of it
/// (``NameLinker/prepared(japanese:)``).
public struct PreparedJapaneseName {
    // Read from the side: a prepared name is then one reference to copy, and documents copy
    // theirs out of arrays for each comparison.
    public var name: String { side.name }
    let side: NameMemo.JapaneseSide
    /// The memo generation whose numbering `side` holds.
    let generation: Int
}

/// An English name with what ``NameLinker/similarity(_:_:)`` reads of it
/// (``NameLinker/prepared(english:)``).
public struct PreparedEnglishName {
    public var name: String { side.name }
    let side: NameMemo.EnglishSide
    /// The memo generation whose numbering `side` holds.
    let generation: Int
}
