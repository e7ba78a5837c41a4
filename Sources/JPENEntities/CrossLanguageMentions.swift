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
        // The per-document state lives in values passed along, not in variables the nested
        // functions capture: captured variables are boxed, and each access is checked at run time.
        // Mentions and about as many candidate runs get numbers.
        var comparisons = NameComparisons(scalars: scalars, linker: linker, expecting: 2 * mentions.count)
        let mentionNames = mentions.map { comparisons.number($0.span) }
        let starts = mentions.map(\.span.start)

        // 1. One type per name across the languages.
        let latin = mentions.map { isLatin($0.span, in: scalars) }
        let englishIndices = mentions.indices.filter { latin[$0] }
        let japaneseIndices = mentions.indices.filter { !latin[$0] }
        var retyped: [Int: EntityType] = [:]
        for j in japaneseIndices {
            var sameType = false
            var best: (index: Int, score: Double)?
            for e in near(mentions[j].span, among: englishIndices, window: window, start: { starts[$0] }) {
                let score = comparisons.similarity(japanese: mentionNames[j], english: mentionNames[e])
                guard score >= threshold else { continue }
                if mentions[e].type == mentions[j].type { sameType = true; break }
                if score > (best?.score ?? 0) { best = (e, score) }
            }
            guard !sameType, let best else { continue }
            let agreed = agreedType(mentions[best.index].type, mentions[j].type,
                                    names: [comparisons.names[mentionNames[best.index]], comparisons.names[mentionNames[j]]],
                                    linker: linker)
            retyped[mentionNames[j]] = agreed
            retyped[mentionNames[best.index]] = agreed
        }
        let typed = retyped.isEmpty ? mentions
            : mentions.indices.map { (mentions[$0].span, retyped[mentionNames[$0]] ?? mentions[$0].type) }

        // 2. Counterparts the taggers missed, for each mention without one nearby.
        var covered = [Bool](repeating: false, count: scalars.count)
        for span in typed.map(\.span) + otherNames { for offset in span.range { covered[offset] = true } }
        let katakanaRuns = katakanaNames(in: scalars, japanese: japanese, covered: covered)
        let capitalizedRuns = capitalizedNames(in: scalars, tokens: englishTokens, covered: covered)
        var projection = Projection(mentions: typed, mentionNames: mentionNames, starts: starts, window: window,
                                    threshold: threshold, projectionThreshold: projectionThreshold)
        projection.project(englishIndices, counterparts: japaneseIndices, onto: katakanaRuns, sourcesAreEnglish: true,
                           comparisons: &comparisons)
        // English capitalizes nationalities and languages too ("Greeks", "Spanish"), which
        // match the names of their countries: only people are looked for among capitalized words.
        projection.project(japaneseIndices.filter { typed[$0].type == .person }, counterparts: englishIndices,
                           onto: capitalizedRuns, sourcesAreEnglish: false, comparisons: &comparisons)
        guard !projection.added.isEmpty else { return typed }
        // Runs of the two kinds never overlap (one script each), but two capitalized runs may.
        var result = typed
        var claimed = covered
        for mention in projection.added.sorted(by: { $0.span < $1.span }) where !claimed[mention.span.range].contains(true) {
            result.append(mention)
            for offset in mention.span.range { claimed[offset] = true }
        }
        return result.sorted { $0.span < $1.span }
    }

    /// Whether a name is written in Latin letters (or digits), by its first letter.
    static func isLatin(_ span: Span, in scalars: [Unicode.Scalar]) -> Bool {
        NameLinker.isLatin(scalars[span.range])
    }

    /// Counterparts stand near each other (a sentence and its translation, a paragraph and the
    /// next): only mentions and runs within `window` code points are compared, which keeps the
    /// cost linear in the length of a long document. `indices` are sorted by `start`.
    static func near(_ span: Span, among indices: [Int], window: Int, start: (Int) -> Int) -> ArraySlice<Int> {
        let low = partition(indices[...]) { start($0) >= span.start - window }
        let high = partition(indices[low...]) { start($0) > span.start + window }
        return indices[low..<high]
    }

    /// The distinct names of a document, numbered and made strings once, each prepared for
    /// comparisons the first time it is compared on its side; and their similarities, remembered
    /// per pair of numbers, as completion asks for the same pairs many times.
    struct NameComparisons {
        let linker: NameLinker
        private(set) var names: [String] = []
        private var numbers: NameNumbers
        private var japaneseNames: [PreparedJapaneseName?] = [], englishNames: [PreparedEnglishName?] = []
        private var similarities: PairScores

        /// Room for `count` names, and as many pairs, from the start: growing the tables rehashes
        /// each name and pair.
        init(scalars: [Unicode.Scalar], linker: NameLinker, expecting count: Int) {
            self.linker = linker
            numbers = NameNumbers(scalars: scalars, expecting: count)
            similarities = PairScores(capacity: count)
        }

        /// The number of the name at `span` (``NameNumbers/number(_:)``).
        mutating func number(_ span: Span) -> Int {
            let number = numbers.number(span)
            if number == names.count {
                names.append(String(scalars: numbers.scalars[span.range]))
                japaneseNames.append(nil)
                englishNames.append(nil)
            }
            return number
        }

        /// ``NameLinker/similarity(japanese:english:)`` of two numbered names.
        mutating func similarity(japanese: Int, english: Int) -> Double {
            if let known = similarities[japanese, english] { return known }
            // Prepared once, and read in place: a copy of one retains and releases its parts.
            if japaneseNames[japanese] == nil { japaneseNames[japanese] = linker.prepared(japanese: names[japanese]) }
            if englishNames[english] == nil { englishNames[english] = linker.prepared(english: names[english]) }
            let score = linker.similarity(japaneseNames[japanese]!, englishNames[english]!)
            similarities[japanese, english] = score
            return score
        }
    }

    /// Step 2 of ``complete(_:in:japanese:englishTokens:otherNames:linker:threshold:projectionThreshold:window:)``:
    /// the runs taken as counterparts of mentions that have none nearby.
    struct Projection {
        let mentions: [Mention]
        let mentionNames: [Int]
        let starts: [Int]
        let window: Int
        let threshold: Double
        let projectionThreshold: Double
        /// The runs taken, with the type of the mention they answer.
        private(set) var added: [Mention] = []
        private var taken = Set<Span>()

        init(mentions: [Mention], mentionNames: [Int], starts: [Int], window: Int, threshold: Double, projectionThreshold: Double) {
            self.mentions = mentions
            self.mentionNames = mentionNames
            self.starts = starts
            self.window = window
            self.threshold = threshold
            self.projectionThreshold = projectionThreshold
        }

        /// For each of `sources` (English mentions when `sourcesAreEnglish`, else Japanese) with
        /// no matching mention among `counterparts` nearby, the best matching run of `runs`
        /// nearby that no mention has taken.
        mutating func project(_ sources: [Int], counterparts: [Int], onto runs: [Span], sourcesAreEnglish: Bool,
                              comparisons: inout NameComparisons) {
            func score(_ source: Int, _ other: Int) -> Double {
                sourcesAreEnglish ? comparisons.similarity(japanese: other, english: source)
                    : comparisons.similarity(japanese: source, english: other)
            }
            let runIndices = Array(runs.indices)
            // Per run, its name's number and whether its span is taken: the loop below reads
            // them for every source near the run.
            var runNames = [Int?](repeating: nil, count: runs.count)
            var runTaken = runs.map { taken.contains($0) }
            for source in sources {
                let span = mentions[source].span, found = mentionNames[source]
                let nearMentions = CrossLanguageMentions.near(span, among: counterparts, window: window) { starts[$0] }
                if nearMentions.contains(where: { score(found, mentionNames[$0]) >= threshold }) { continue }
                var best: (index: Int, score: Double)?
                for index in CrossLanguageMentions.near(span, among: runIndices, window: window, start: { runs[$0].start })
                where !runTaken[index] {
                    let name = runNames[index] ?? comparisons.number(runs[index])
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
        let (oldKeys, oldScores) = (keys, scores)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        scores = [Double](repeating: 0, count: keys.count)
        count = 0
        for slot in oldKeys.indices where oldKeys[slot] != 0 { insert(oldKeys[slot], oldScores[slot]) }
    }
}
