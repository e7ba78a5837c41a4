import JPENLexicon
import JPENText

/// The mentions of a document that mixes English and Japanese, completed across the languages:
/// a name found on one side is looked for on the other, and the two get one type.
///
/// A bilingual article (or an English sentence beside its translation) names each entity in both
/// languages, and the taggers, reading each sentence alone, often find it on one side only
/// ("Aldrin" found, アルドリン missed) or type the two sides differently ("Beverly Hills" a place,
/// ビバリーヒルズ an organization), which leaves the entity with two ids. Here:
/// 1. a Japanese mention that matches an English mention of another type only
///    (``NameLinker/similarity(japanese:english:)`` at least `threshold`, and no English mention of
///    its own type does) takes one type with it: the one the lexicon knows them as (``agreedType``);
/// 2. an English mention with no Japanese counterpart is looked for among the katakana names
///    (katakana runs, ・ inside) of the Japanese sentences that no mention or other name (a
///    nationality, a work: `otherNames`, what the taggers found and jpen does not report) covers, and a Japanese
///    person with none among the runs of capitalized English words (up to four): the best match
///    at least `projectionThreshold` becomes a mention of the found one's type.
/// Only mentions and candidates within `window` code points of each other are compared.
/// Cost: one similarity per distinct pair of names near each other, and per mention without a
/// counterpart and candidate run near it; nothing when the document has one language only.
enum CrossLanguageMentions {
    typealias Mention = (span: Span, type: EntityType)

    /// `mentions` (original offsets, sorted by span) completed: retyped where the languages
    /// disagree, with the counterparts found. `japanese` are the spans of the Japanese sentences,
    /// `englishTokens` the tokens of the others, both in original offsets.
    static func complete(_ mentions: [Mention], in scalars: [Unicode.Scalar], japanese: [Span], englishTokens: [Span],
                         otherNames: [Span] = [], linker: NameLinker, threshold: Double = 0.6, projectionThreshold: Double = 0.75,
                         window: Int = 600) -> [Mention] {
        guard !mentions.isEmpty, !japanese.isEmpty, !englishTokens.isEmpty else { return mentions }
        var mentions = mentions
        // Each distinct name is numbered and made a string once; similarities are remembered per
        // pair of numbers, as the loops below ask for the same pairs many times.
        var names: [String] = [], numbers = [ArraySlice<Unicode.Scalar>: Int](minimumCapacity: mentions.count)
        // Each name prepared for comparisons the first time it is compared, on its side.
        var japaneseNames: [PreparedJapaneseName?] = [], englishNames: [PreparedEnglishName?] = []
        func number(_ span: Span) -> Int {
            if let known = numbers[scalars[span.range]] { return known }
            names.append(String(scalars: scalars[span.range]))
            japaneseNames.append(nil)
            englishNames.append(nil)
            numbers[scalars[span.range]] = names.count - 1
            return names.count - 1
        }
        func isLatin(_ span: Span) -> Bool {
            scalars[span.range].first { Script($0) != .space && Script($0) != .punctuation }
                .map { Script($0) == .latin || Script($0) == .digit } ?? true
        }
        var similarities = PairScores()
        func similarity(japanese: Int, english: Int) -> Double {
            if let known = similarities[japanese, english] { return known }
            let japaneseName = japaneseNames[japanese] ?? linker.prepared(japanese: names[japanese])
            let englishName = englishNames[english] ?? linker.prepared(english: names[english])
            japaneseNames[japanese] = japaneseName
            englishNames[english] = englishName
            let score = linker.similarity(japaneseName, englishName)
            similarities[japanese, english] = score
            return score
        }
        let mentionNames = mentions.map { number($0.span) }

        // Counterparts stand near each other (a sentence and its translation, a paragraph and
        // the next): only mentions and runs within `window` code points are compared, which keeps
        // the cost linear in the length of a long document. `indices` are sorted by start.
        func near(_ span: Span, among indices: [Int], start: (Int) -> Int) -> ArraySlice<Int> {
            let low = partition(indices[...]) { start($0) >= span.start - window }
            let high = partition(indices[low...]) { start($0) > span.start + window }
            return indices[low..<high]
        }
        func nearMentions(_ span: Span, among indices: [Int]) -> ArraySlice<Int> {
            near(span, among: indices) { mentions[$0].span.start }
        }

        // 1. One type per name across the languages.
        let englishIndices = mentions.indices.filter { isLatin(mentions[$0].span) }
        let japaneseIndices = mentions.indices.filter { !isLatin(mentions[$0].span) }
        var retyped: [Int: EntityType] = [:]
        for j in japaneseIndices {
            var sameType = false
            var best: (index: Int, score: Double)?
            for e in nearMentions(mentions[j].span, among: englishIndices) {
                let score = similarity(japanese: mentionNames[j], english: mentionNames[e])
                guard score >= threshold else { continue }
                if mentions[e].type == mentions[j].type { sameType = true; break }
                if score > (best?.score ?? 0) { best = (e, score) }
            }
            guard !sameType, let best else { continue }
            let agreed = agreedType(mentions[best.index].type, mentions[j].type,
                                    names: [names[mentionNames[best.index]], names[mentionNames[j]]], linker: linker)
            retyped[mentionNames[j]] = agreed
            retyped[mentionNames[best.index]] = agreed
        }
        if !retyped.isEmpty {
            for index in mentions.indices {
                if let type = retyped[mentionNames[index]] { mentions[index].type = type }
            }
        }

        // 2. Counterparts the taggers missed, for each mention without one nearby.
        var covered = [Bool](repeating: false, count: scalars.count)
        for span in mentions.map(\.span) + otherNames { for offset in span.range { covered[offset] = true } }
        let katakanaRuns = katakanaNames(in: scalars, japanese: japanese, covered: covered)
        let capitalizedRuns = capitalizedNames(in: scalars, tokens: englishTokens, covered: covered)
        var added: [Mention] = []
        var taken = Set<Span>()
        func project(_ sources: [Int], counterparts: [Int], onto runs: [Span], score: (_ source: Int, _ other: Int) -> Double) {
            let runIndices = Array(runs.indices)
            // Per run, its name's number and whether its span is taken: the loop below reads
            // them for every source near the run.
            var runNames = [Int?](repeating: nil, count: runs.count)
            var runTaken = runs.map { taken.contains($0) }
            for source in sources {
                let span = mentions[source].span, found = mentionNames[source]
                if nearMentions(span, among: counterparts).contains(where: { score(found, mentionNames[$0]) >= threshold }) {
                    continue
                }
                var best: (index: Int, score: Double)?
                for index in near(span, among: runIndices, start: { runs[$0].start }) where !runTaken[index] {
                    let name = runNames[index] ?? number(runs[index])
                    runNames[index] = name
                    let value = score(found, name)
                    if value >= projectionThreshold, value > (best?.score ?? 0) { best = (index, value) }
                }
                if let best {
                    let span = runs[best.index]
                    taken.insert(span)
                    for index in runIndices where runs[index] == span { runTaken[index] = true }
                    added.append((span, mentions[source].type))
                }
            }
        }
        project(englishIndices, counterparts: japaneseIndices, onto: katakanaRuns) { english, other in
            similarity(japanese: other, english: english)
        }
        // English capitalizes nationalities and languages too ("Greeks", "Spanish"), which
        // match the names of their countries: only people are looked for among capitalized words.
        project(japaneseIndices.filter { mentions[$0].type == .person }, counterparts: englishIndices, onto: capitalizedRuns) {
            japaneseName, other in similarity(japanese: japaneseName, english: other)
        }
        guard !added.isEmpty else { return mentions }
        // Runs of the two kinds never overlap (one script each), but two capitalized runs may.
        var result = mentions
        var claimed = covered
        for mention in added.sorted(by: { $0.span < $1.span }) where !claimed[mention.span.range].contains(true) {
            result.append(mention)
            for offset in mention.span.range { claimed[offset] = true }
        }
        return result.sorted { $0.span < $1.span }
    }

    /// The first index of `indices` (a slice) for which `isAbove` holds; `isAbove` must be
    /// monotonic over it. Cost: O(log n).
    static func partition(_ indices: ArraySlice<Int>, _ isAbove: (Int) -> Bool) -> Int {
        var low = indices.startIndex, high = indices.endIndex
        while low < high {
            let middle = (low + high) / 2
            if isAbove(indices[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Of the types an English and a Japanese mention of one entity got, the one the lexicon knows
    /// either name as (a listed entity counts most); on a tie, the English one (its tagger reads
    /// capitalization and titles).
    static func agreedType(_ english: EntityType, _ japanese: EntityType, names: [String], linker: NameLinker) -> EntityType {
        func support(_ type: EntityType) -> Int {
            names.reduce(0) { $0 + linker.support(for: $1, as: type) }
        }
        return support(japanese) > support(english) ? japanese : english
    }

    /// The katakana names (``KatakanaNames/runs(in:within:)``) of the Japanese sentences that no
    /// mention touches.
    static func katakanaNames(in scalars: [Unicode.Scalar], japanese: [Span], covered: [Bool]) -> [Span] {
        japanese.flatMap { KatakanaNames.runs(in: scalars, within: $0) }.filter { !covered[$0.range].contains(true) }
    }

    /// Runs of up to four consecutive capitalized English tokens ("Henry I", "Golden Gate Park")
    /// that no mention touches, every such run and its sub-runs.
    static func capitalizedNames(in scalars: [Unicode.Scalar], tokens: [Span], covered: [Bool]) -> [Span] {
        func isCapitalized(_ token: Span) -> Bool {
            guard let first = scalars[token.range].first else { return false }
            return Script(first) == .latin && first.isUppercase && !covered[token.range].contains(true)
        }
        var runs: [Span] = []
        var index = 0
        while index < tokens.count {
            guard isCapitalized(tokens[index]) else { index += 1; continue }
            var end = index + 1
            // Tokens in original offsets can overlap: one character may normalize to several (Ŀ → L·).
            while end < tokens.count, isCapitalized(tokens[end]), tokens[end - 1].end <= tokens[end].start,
                  scalars[tokens[end - 1].end..<tokens[end].start].allSatisfy({ Script($0) == .space }) {
                end += 1
            }
            for first in index..<end {
                for last in first..<min(end, first + 4) {
                    // "Trump's" reads as "Trump", as the token tagger's mentions do.
                    let word = TokenFeatures.stem(scalars[tokens[last].range])
                    runs.append(Span(start: tokens[first].start, end: tokens[last].start + word.count))
                }
            }
            index = end
        }
        return runs
    }
}

/// Scores remembered per pair of small numbers (below 2³¹): open addressing over a power-of-two
/// table, so that a look-up costs a multiply and a probe or two. Cross-language completion asks
/// for the same pairs hundreds of times per document, and a `Dictionary` hashes each look-up
/// with SipHash, several times the cost.
///
/// ```swift
/// var scores = PairScores()
/// scores[3, 7] = 0.9
/// scores[3, 7]   // 0.9
/// scores[7, 3]   // nil
/// ```
struct PairScores {
    /// Each slot's pair, packed and plus one (0: empty), and its score.
    private var keys: [UInt64]
    private var scores: [Double]
    private var count = 0

    /// An empty table. Cost: O(capacity), rounded up to a power of two.
    init(capacity: Int = 64) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        scores = [Double](repeating: 0, count: size)
    }

    /// The score of the pair (`first`, `second`), both in 0..<2³¹. Cost: O(1) expected.
    subscript(first: Int, second: Int) -> Double? {
        get {
            let key = Self.key(first, second)
            var slot = slot(of: key)
            while keys[slot] != 0 {
                if keys[slot] == key { return scores[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return }
            if 2 * (count + 1) > keys.count { grow() }
            insert(Self.key(first, second), newValue)
        }
    }

    private static func key(_ first: Int, _ second: Int) -> UInt64 {
        (UInt64(first) << 32 | UInt64(second)) &+ 1
    }

    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
    }

    private mutating func insert(_ key: UInt64, _ score: Double) {
        var slot = slot(of: key)
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        scores[slot] = score
    }

    private mutating func grow() {
        let old = zip(keys, scores).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        scores = [Double](repeating: 0, count: keys.count)
        count = 0
        for (key, score) in old { insert(key, score) }
    }
}
