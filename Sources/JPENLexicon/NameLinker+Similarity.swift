import JPENText

/// The per-name work of ``NameLinker``, remembered: resolved names and what
/// ``NameLinker/similarity(japanese:english:)`` reads of each side.
struct NameMemo {
    /// The most names kept before the memo starts over (a few hundred bytes each).
    static let limit = 20_000

    struct TypedName: Hashable {
        let name: String
        let type: EntityType
    }

    var resolved: [TypedName: LinkedName] = [:]
    var japanese: [String: JapaneseSide] = [:]
    var english: [String: EnglishSide] = [:]
    var keys: [String: String] = [:]

    /// Empties the memo when it is full, before a name is added.
    mutating func makeRoom() {
        if resolved.count + japanese.count + english.count + keys.count >= Self.limit { self = NameMemo() }
    }

    /// What similarity reads of a Japanese name: everything that does not depend on the English one.
    struct JapaneseSide {
        /// The listed entity ids of the name's entries.
        let listedIDs: Set<String>
        /// The folded words of each gloss of the name's entries, in entry order.
        let glossWords: [Set<String>]
        /// The number of parts (cut at ・, ＝, spaces).
        let partCount: Int
        /// For a name of several parts, the slugs of each part's glosses; empty otherwise.
        let partGlossSlugs: [Set<String>]
        /// The consonant skeleton of the name romanized.
        let skeleton: [UInt8]
        /// The skeleton of the last part, when it is katakana and has at least three consonants.
        let lastPartSkeleton: [UInt8]?
        /// The name without each title or generic suffix it ends with (アルバレス博士 → アルバレス).
        let stems: [String]
    }

    /// What similarity reads of an English name.
    struct EnglishSide {
        /// The folded words of the name (its slug's words).
        let words: Set<String>
        /// The listed entity ids of the name's entries.
        let listedIDs: Set<String>
        let skeleton: [UInt8]
        /// The number of space-separated words.
        let wordCount: Int
        /// The skeleton of the last space-separated word.
        let lastWordSkeleton: [UInt8]?
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
        return similarity(japaneseSide(japanese), englishSide(english))
    }

    private func similarity(_ japanese: NameMemo.JapaneseSide, _ english: NameMemo.EnglishSide) -> Double {
        guard !english.words.isEmpty else { return 0 }
        if !japanese.listedIDs.isDisjoint(with: english.listedIDs) { return 1 }
        var best = 0.0
        for words in japanese.glossWords {
            if words == english.words { return 1 }
            if words.isSubset(of: english.words) || english.words.isSubset(of: words) { best = 0.9 }
        }
        let parts = japanese.partGlossSlugs
        if parts.count > 1, parts.count == english.words.count, parts.allSatisfy({ !$0.isDisjoint(with: english.words) }) {
            return 1
        }
        best = max(best, Self.soundSimilarity(japanese.skeleton, english.skeleton))
        // A title or generic word the English name leaves out: アルバレス博士 ~ Alvarez.
        for stem in japanese.stems where best < 1 {
            best = max(best, similarity(japaneseSide(stem), english))
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
    /// its parts, a romanization, the same for each stem; O(1) when remembered.
    private func japaneseSide(_ name: String) -> NameMemo.JapaneseSide {
        if let known = memo.japanese[name] { return known }
        let entries = lexicon.lookup(name)
        let parts = Self.nameParts(name)
        var stems: [String] = []
        for type in EntityType.allCases {
            if let (stem, _) = Self.withoutSuffix(name, type: type), !stems.contains(stem) { stems.append(stem) }
        }
        let lastPartSkeleton = parts.last.flatMap { part -> [UInt8]? in
            guard part.unicodeScalars.allSatisfy({ Script($0) == .katakana }) else { return nil }
            let skeleton = Self.skeleton(romanize(part), english: false)
            return skeleton.count >= 3 ? skeleton : nil
        }
        let side = NameMemo.JapaneseSide(
            listedIDs: Set(entries.compactMap(\.listedID)),
            glossWords: entries.flatMap(\.glosses).map(Self.slugWords),
            partCount: parts.count,
            partGlossSlugs: parts.count > 1 ? parts.map { Set(lexicon.lookup($0).flatMap(\.glosses).map(LexiconKey.slug)) } : [],
            skeleton: Self.skeleton(romanize(name), english: false),
            lastPartSkeleton: lastPartSkeleton,
            stems: stems)
        memo.makeRoom()
        memo.japanese[name] = side
        return side
    }

    /// `name`'s side of a similarity, from the memo or worked out. Cost: one look-up; O(1) when
    /// remembered.
    private func englishSide(_ name: String) -> NameMemo.EnglishSide {
        if let known = memo.english[name] { return known }
        let lastWord = name.split(separator: " ").last
        let side = NameMemo.EnglishSide(
            words: Self.slugWords(name),
            listedIDs: Set(lexicon.lookup(name).compactMap(\.listedID)),
            skeleton: Self.skeleton(name, english: true),
            wordCount: name.split(separator: " ").count,
            lastWordSkeleton: lastWord.map { Self.skeleton(String($0), english: true) })
        memo.makeRoom()
        memo.english[name] = side
        return side
    }

    /// The folded words of a name: "Shigeru Ishiba" → {"shigeru", "ishiba"}.
    static func slugWords(_ name: String) -> Set<String> {
        Set(LexiconKey.slug(name).split(separator: "-").map(String.init))
    }
}
