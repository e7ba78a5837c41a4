#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JPENText

/// The backbone: which stretch of one article translates which stretch of the other, found by
/// Gale and Church's length model with shared anchors (entity ids, dates, numbers) and words
/// edict translates (``GlossIndex``) as bonuses.
///
/// Units are the articles' lines when both have several (news copy keeps a paragraph a line),
/// else their sentences. Cost: O(n·m) in the units of the two articles, and the gloss lookups of
/// the unit pairs near the diagonal.
struct ArticleAlignment {
    /// A run of source units translated by a run of target units (either may be empty).
    struct Bead {
        let source: Range<Int>
        let target: Range<Int>
    }

    let sourceUnits: [Span]
    let targetUnits: [Span]
    let beads: [Bead]
    /// Target code points per source code point over the whole articles.
    let lengthRatio: Double

    /// Bead shapes with their prior probabilities (Gale and Church's, with 3–1 and 1–3 added).
    private static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.01), (0, 1, 0.01), (2, 1, 0.045), (1, 2, 0.045), (2, 2, 0.011), (3, 1, 0.005), (1, 3, 0.005),
    ]
    /// Variance of a translation's length, per code point of it (Gale and Church's 6.8, widened
    /// because English and Japanese differ more than the languages they measured).
    private static let variance = 12.0
    /// How much one anchor both sides of a bead share lowers its cost (in nats).
    private static let anchorBonus = 1.5

    init(source: AlignmentArticle, target: AlignmentArticle, glosses: GlossIndex?) {
        let sourceLines = source.lines, targetLines = target.lines
        let byLines = sourceLines.count > 1 && targetLines.count > 1
        sourceUnits = byLines ? sourceLines : Self.units(source)
        targetUnits = byLines ? targetLines : Self.units(target)
        let sourceLengths = sourceUnits.map { Self.length($0, in: source.document) }
        let targetLengths = targetUnits.map { Self.length($0, in: target.document) }
        let sourceTotal = sourceLengths.reduce(0, +), targetTotal = targetLengths.reduce(0, +)
        lengthRatio = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        let sourceKeys = Self.anchorKeys(sourceUnits, source.anchors)
        let targetKeys = Self.anchorKeys(targetUnits, target.anchors)
        let (sourceUnits, targetUnits) = (self.sourceUnits, self.targetUnits)
        let words = glosses.flatMap { Self.sharedWords(source, sourceUnits, target, targetUnits, glosses: $0) }

        let n = sourceUnits.count, m = targetUnits.count
        var cost = Array(repeating: Array(repeating: Double.infinity, count: m + 1), count: n + 1)
        var back = Array(repeating: Array(repeating: -1, count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m where cost[i][j].isFinite {
                for (shape, (a, b, prior)) in Self.shapes.enumerated() where i + a <= n && j + b <= m {
                    let l1 = sourceLengths[i..<(i + a)].reduce(0, +), l2 = targetLengths[j..<(j + b)].reduce(0, +)
                    var step = -log(prior)
                    if a > 0 && b > 0 {
                        step += Self.lengthCost(Double(l1), Double(l2), ratio: lengthRatio)
                        let shared = sourceKeys[i..<(i + a)].reduce(into: Set<String>()) { $0.formUnion($1) }
                            .intersection(targetKeys[j..<(j + b)].reduce(into: Set<String>()) { $0.formUnion($1) })
                        step -= Self.anchorBonus * Double(min(shared.count, 4))
                        if let words { step -= words.bonus(source: i..<(i + a), target: j..<(j + b)) }
                    }
                    if cost[i][j] + step < cost[i + a][j + b] {
                        cost[i + a][j + b] = cost[i][j] + step
                        back[i + a][j + b] = shape
                    }
                }
            }
        }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let shape = Self.shapes[back[i][j]]
            beads.append(Bead(source: (i - shape.source)..<i, target: (j - shape.target)..<j))
            i -= shape.source
            j -= shape.target
        }
        self.beads = beads.reversed()
    }

    /// How many English words of one unit have a translation in a unit of the other article,
    /// for the pairs of units near the diagonal.
    struct SharedWords {
        let targetCount: Int
        /// Row-major by source unit: (matched, known) English words; zeros off the band.
        let counts: [(matched: Int, known: Int)]
        /// The most a bead gains from shared words (in nats), when all its known words match.
        static let weight = 4.0

        /// The bead's gain: the share of its known English words that match, less the share two
        /// unrelated stretches reach by chance, trusted in proportion to how many words are known.
        func bonus(source: Range<Int>, target: Range<Int>) -> Double {
            var matched = 0, known = 0
            for i in source {
                var unitKnown = 0
                for j in target {
                    let count = counts[i * targetCount + j]
                    matched += count.matched
                    unitKnown = max(unitKnown, count.known)
                }
                known += unitKnown
            }
            guard known > 0 else { return 0 }
            return Self.weight * (min(1, Double(matched) / Double(known)) - 0.1) * min(1, Double(known) / 5)
        }
    }

    /// Shared words of every unit pair within a band around the diagonal (ten units or a tenth of
    /// the longer article, whichever is more); nil unless one article is English and the other
    /// Japanese.
    private static func sharedWords(_ source: AlignmentArticle, _ sourceUnits: [Span], _ target: AlignmentArticle,
                                    _ targetUnits: [Span], glosses: GlossIndex) -> SharedWords? {
        let englishIsSource: Bool
        switch (source.language, target.language) {
        case (.english, .japanese): englishIsSource = true
        case (.japanese, .english): englishIsSource = false
        default: return nil
        }
        let (english, englishUnits, japanese, japaneseUnits) = englishIsSource
            ? (source, sourceUnits, target, targetUnits) : (target, targetUnits, source, sourceUnits)
        let glossed = englishUnits.map { glosses.glossedWords(english.document[$0]) }
        let japaneseWords = japaneseUnits.map { JapaneseWords(japanese.document[$0]) }
        let n = sourceUnits.count, m = targetUnits.count
        let band = max(10, max(n, m) / 10)
        var counts = Array(repeating: (matched: 0, known: 0), count: n * m)
        for i in 0..<n {
            let center = n > 1 ? i * (m - 1) / (n - 1) : 0
            for j in max(0, center - band)..<min(m, center + band + 1) {
                counts[i * m + j] = englishIsSource ? japaneseWords[j].count(glossed[i]) : japaneseWords[i].count(glossed[j])
            }
        }
        return SharedWords(targetCount: m, counts: counts)
    }

    /// For each unit of one side, the index of the bead that holds it.
    func beadIndex(ofSourceUnits: Bool) -> [Int] {
        var result = Array(repeating: 0, count: ofSourceUnits ? sourceUnits.count : targetUnits.count)
        for (index, bead) in beads.enumerated() {
            for unit in ofSourceUnits ? bead.source : bead.target { result[unit] = index }
        }
        return result
    }

    /// The sentences, or the whole text when the segmenter gave none.
    private static func units(_ article: AlignmentArticle) -> [Span] {
        if !article.sentences.isEmpty { return article.sentences }
        return article.document.count > 0 ? [article.document.fullSpan] : []
    }

    /// Code points that are not space: what a translator's length follows.
    private static func length(_ span: Span, in document: Document) -> Int {
        document.scalars[span.range].reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }

    private static func anchorKeys(_ units: [Span], _ anchors: [Anchor]) -> [Set<String>] {
        var keys = Array(repeating: Set<String>(), count: units.count)
        for anchor in anchors {
            if let unit = unitIndex(of: anchor.span.start, in: units) { keys[unit].insert(anchor.key) }
        }
        return keys
    }

    /// The unit holding `offset`, else the last one starting before it (nil before the first).
    static func unitIndex(of offset: Int, in units: [Span]) -> Int? {
        var low = 0, high = units.count
        while low < high {
            let middle = (low + high) / 2
            if units[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? (units.isEmpty ? nil : 0) : low - 1
    }

    /// −log of the probability that lengths differ by at least this much: Gale and Church's
    /// two-sided normal tail.
    private static func lengthCost(_ l1: Double, _ l2: Double, ratio: Double) -> Double {
        let expected = l1 * ratio
        let delta = (l2 - expected) / (variance * max(1, (expected + l2) / 2)).squareRoot()
        return -log(max(erfc(abs(delta) / 2.0.squareRoot()), 1e-300))
    }
}
