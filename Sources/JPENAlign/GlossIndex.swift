import JPENText

/// English words to the Japanese words edict glosses them with, compiled and memory-mapped: the
/// aligner's evidence that a quotation's words were translated into the other.
///
/// ```swift
/// let glosses = try GlossIndex.load()   // nil without edict; compiles it into the cache on first use
/// glosses?.overlap(english: "very friendly", japanese: "非常にフレンドリーな感じがした")   // 1: friendly → フレンドリー
/// ```
/// Immutable and `Sendable`; pages load as they are first read.
///
/// File format (little-endian), version ``formatVersion``: magic `JPGL`, version u32, signature
/// u64, word count u32, stem count u32; then per word, sorted by UTF-8 bytes, `(string offset
/// u32, string length u32, first posting u32, posting count u32)`; per stem `(string offset u32,
/// string length u32)`; the postings (stem numbers, u32); the strings (UTF-8).
public struct GlossIndex: Sendable {
    static let magic: [UInt8] = Array("JPGL".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 24

    private let file: MappedFile
    private let wordCount: Int
    private let stemCount: Int
    private var wordsOffset: Int { Self.headerSize }
    private var stemsOffset: Int { wordsOffset + wordCount * 16 }
    private var postingsOffset: Int { stemsOffset + stemCount * 8 }
    /// The fingerprint of the sources it was compiled from.
    public let signature: UInt64

    /// Maps a compiled index. Cost: O(1).
    public init(path: String) throws(GlossIndexError) {
        do {
            file = try MappedFile(path: path)
        } catch {
            throw GlossIndexError("\(error)")
        }
        guard file.bytes.count >= Self.headerSize, Array(file.bytes[0..<4]) == Self.magic,
              file.load(UInt32.self, at: 4) == Self.formatVersion else {
            throw GlossIndexError("\(path) is not a gloss index of format version \(Self.formatVersion)")
        }
        signature = file.load(UInt64.self, at: 8)
        wordCount = Int(file.load(UInt32.self, at: 16))
        stemCount = Int(file.load(UInt32.self, at: 20))
        guard file.bytes.count >= Self.headerSize + wordCount * 16 + stemCount * 8 else {
            throw GlossIndexError("\(path) is truncated")
        }
    }

    /// The Japanese stems edict glosses `word` (lowercase English) with; empty when unknown.
    /// Cost: O(log words + stems returned).
    public func stems(of word: String) -> [String] {
        guard let postings = postings(of: word) else { return [] }
        return postings.map { posting in
            let stem = Int(file.load(UInt32.self, at: postingsOffset + posting * 4))
            let bytes = string(at: stemsOffset + stem * 8)
            return String(decoding: UnsafeRawBufferPointer(rebasing: file.bytes[bytes]), as: UTF8.self)
        }
    }

    /// The range of `word`'s postings, or nil when it is not indexed.
    private func postings(of word: String) -> Range<Int>? {
        let key = Array(word.utf8)
        var low = 0, high = wordCount
        while low < high {
            let middle = (low + high) / 2
            if compare(string(at: wordsOffset + middle * 16), key) < 0 { low = middle + 1 } else { high = middle }
        }
        guard low < wordCount, compare(string(at: wordsOffset + low * 16), key) == 0 else { return nil }
        let record = wordsOffset + low * 16
        let first = Int(file.load(UInt32.self, at: record + 8)), count = Int(file.load(UInt32.self, at: record + 12))
        return first..<(first + count)
    }

    /// The share of the English text's content words that edict knows whose Japanese stem occurs
    /// in the Japanese text; 0 when it knows none of them. Cost: O(words · stems) lookups in a
    /// set of the Japanese text's substrings.
    public func overlap(english: some StringProtocol, japanese: some StringProtocol) -> Double {
        let (matched, known) = JapaneseWords(japanese).count(glossedWords(english))
        return known == 0 ? 0 : Double(matched) / Double(known)
    }

    /// The English text's content words, each with the stems edict translates it into (empty
    /// for a word edict lacks, which may still occur in Latin letters in the translation).
    func glossedWords(_ english: some StringProtocol) -> [GlossedWord] {
        Self.contentWords(english).map { word in
            GlossedWord(word: word, stems: Self.forms(of: word).lazy.map { self.stemHashes(of: $0) }.first { !$0.isEmpty } ?? [])
        }
    }

    /// ``stems(of:)`` as hashes of their UTF-8 bytes (``JapaneseWords/hash(_:)``): no strings made.
    func stemHashes(of word: String) -> [UInt64] {
        guard let postings = postings(of: word) else { return [] }
        return postings.map { posting in
            let stem = Int(file.load(UInt32.self, at: postingsOffset + posting * 4))
            var hash = JapaneseWords.hashSeed
            for index in string(at: stemsOffset + stem * 8) { hash = JapaneseWords.hash(hash, file.bytes[index]) }
            return hash
        }
    }

    /// Stems longer than this are not looked for in text (and not compiled).
    static let longestStem = 8

    /// Lowercase words of three letters or more that are not function words.
    static func contentWords(_ text: some StringProtocol) -> [String] {
        text.lowercased().split { !$0.isLetter || !$0.isASCII }.map(String.init)
            .filter { $0.count >= 3 && !stopWords.contains($0) }
    }

    /// The word, then what it may be inflected from ("ministers" → "minister", "talked" → "talk").
    static func forms(of word: String) -> [String] {
        var forms = [word]
        for (suffix, replacement) in [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")]
        where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            forms.append(String(word.dropLast(suffix.count)) + replacement)
        }
        return forms
    }

    /// Byte range of the string whose `(offset u32, length u32)` record is at `record`.
    private func string(at record: Int) -> Range<Int> {
        let offset = Int(file.load(UInt32.self, at: record)), length = Int(file.load(UInt32.self, at: record + 4))
        return offset..<(offset + length)
    }

    private func compare(_ range: Range<Int>, _ key: [UInt8]) -> Int {
        for (index, byte) in key.enumerated() {
            guard index < range.count else { return -1 }
            let stored = file.bytes[range.lowerBound + index]
            if stored != byte { return stored < byte ? -1 : 1 }
        }
        return range.count == key.count ? 0 : 1
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "him", "his", "how", "its", "may", "new", "now", "own", "say", "she", "too", "use", "who", "why", "yet",
        "did", "get", "got", "let", "way", "also", "been", "from", "have", "here", "into", "just", "like", "more",
        "most", "much", "must", "only", "over", "said", "some", "such", "than", "that", "them", "then", "they", "this",
        "very", "were", "what", "when", "will", "with", "would", "your", "there", "their", "these", "those", "which",
        "while", "about", "after", "again", "being", "could", "should", "because", "where", "does", "doing", "each",
        "something", "someone", "thing", "things", "etc", "esp",
    ]
}

/// An English word with the Japanese stems that translate it.
struct GlossedWord {
    let word: String
    let stems: [UInt64]
}

/// What of a Japanese text glossed English words are looked for in: its substrings of stem
/// length, and the words it writes in Latin letters (names, acronyms), full-width ones too.
struct JapaneseWords {
    /// Hashes of the substrings: building strings for them would cost more than the lookups.
    private let substrings: Set<UInt64>
    private let latinWords: Set<String>

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a, one byte at a time.
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// Cost: O(n · ``GlossIndex/longestStem``).
    init(_ japanese: some StringProtocol) {
        let scalars = Array(japanese.unicodeScalars)
        var substrings = Set<UInt64>()
        for start in scalars.indices {
            var hash = Self.hashSeed
            for end in start..<min(scalars.count, start + GlossIndex.longestStem) {
                for byte in UTF8.encode(scalars[end])! { hash = Self.hash(hash, byte) }
                if end > start { substrings.insert(hash) }
            }
        }
        self.substrings = substrings
        latinWords = Set(GlossIndex.contentWords(String(String.UnicodeScalarView(scalars.map {
            (0xFF01...0xFF5E).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0)! : $0
        }))))
    }

    /// How many of `words` occur here, and how many could be looked for (edict knows them or
    /// they occur in Latin letters).
    func count(_ words: [GlossedWord]) -> (matched: Int, known: Int) {
        var matched = 0, known = 0
        for word in words {
            if latinWords.contains(word.word) {
                matched += 1
                known += 1
            } else if !word.stems.isEmpty {
                known += 1
                if word.stems.contains(where: substrings.contains) { matched += 1 }
            }
        }
        return (matched, known)
    }
}

/// Why the gloss index could not be compiled or read.
public struct GlossIndexError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
