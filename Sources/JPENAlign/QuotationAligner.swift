#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JPENLexicon
import JPENQuotes
import JPENText

/// Pairs each quotation of an article with its translation in another article.
///
/// Candidates are the quotations of both articles (``AlignmentArticle/candidates``: one a line
/// for a quotation over several paragraphs). Each possible pair is scored from: where the two
/// fall in the articles' alignment (the same bead of ``ArticleAlignment``, shared with how many
/// other quotations), words edict's glosses translate into each other (``GlossIndex``), anchors
/// (entity ids, dates, numbers) inside both, the speakers, the length ratio, and the relative
/// position. A global one-to-one assignment (Hungarian algorithm) then keeps the pairs of
/// greatest total score, each at least ``Options/threshold``; every other quotation is reported
/// unpaired.
///
/// ```swift
/// let aligner = QuotationAligner(glosses: try GlossIndex.load())
/// let result = aligner.align(source: english, target: japanese)
/// result.pairs.first?.score   // 0.99 for “In one word, I felt he was very friendly” ↔ 「一言で言えば…」
/// ```
/// Immutable and `Sendable`. Cost of ``align(source:target:names:)``: O(n·m) in the units of the
/// two articles for the backbone (gloss lookups only near the diagonal), then O(q³) in the
/// quotations for the assignment.
public struct QuotationAligner: Sendable {
    public struct Options: Sendable {
        /// The least score a pair needs; below it both quotations stay unpaired.
        public var threshold: Double = 0.7
        /// Pair a quotation whose translation carries no quotation marks with the stretch of the
        /// other article that translates its sentence (`QuotationPair.isMarked` false).
        public var pairsUnmarkedQuotations = false

        public init() {}
    }

    /// Edict's glosses, for the words two quotations share; nil leaves that evidence out.
    public let glosses: GlossIndex?
    public let options: Options

    public init(glosses: GlossIndex? = nil, options: Options = Options()) {
        self.glosses = glosses
        self.options = options
    }

    /// The pairs, best-scoring assignment first in source order, and the quotations left over.
    /// `names` compares the speakers of an English and a Japanese quotation whose entity ids
    /// differ (ニール・コイル ~ Neil Coyle); without it only equal ids count.
    public func align(source: AlignmentArticle, target: AlignmentArticle, names: NameLinker? = nil) -> QuotationAlignment {
        let backbone = ArticleAlignment(source: source, target: target, glosses: glosses)
        let sourceSides = sides(of: source, units: backbone.sourceUnits, beadOfUnit: backbone.beadIndex(ofSourceUnits: true))
        let targetSides = sides(of: target, units: backbone.targetUnits, beadOfUnit: backbone.beadIndex(ofSourceUnits: false))
        var perBeadSource: [Int: Int] = [:], perBeadTarget: [Int: Int] = [:]
        for side in sourceSides { perBeadSource[side.bead, default: 0] += 1 }
        for side in targetSides { perBeadTarget[side.bead, default: 0] += 1 }

        var speakers = SpeakerComparison(names: names, sourceLanguage: source.language, targetLanguage: target.language)
        let scores = sourceSides.map { s in
            targetSides.map { t in
                score(s, t, counts: (perBeadSource[s.bead] ?? 1, perBeadTarget[t.bead] ?? 1), ratio: backbone.lengthRatio,
                      wordOverlap: wordOverlap(s.quotation, source, t.quotation, target), speakers: speakers.compare(s.speaker, t.speaker))
            }
        }
        let assignment = Assignment.best(scores.map { $0.map { $0 - options.threshold } })
        var pairs: [QuotationPair] = []
        var pairedTargets = Set<Int>()
        var unpairedSource: [Quotation] = []
        for (row, column) in assignment.enumerated() {
            if let column {
                pairs.append(QuotationPair(source: source.candidates[row], target: target.candidates[column], score: scores[row][column]))
                pairedTargets.insert(column)
            } else {
                unpairedSource.append(source.candidates[row])
            }
        }
        var unpairedTarget = target.candidates.indices.filter { !pairedTargets.contains($0) }.map { target.candidates[$0] }
        if options.pairsUnmarkedQuotations {
            pairs += unmarkedPairs(&unpairedSource, &unpairedTarget, backbone: backbone, source: source, target: target,
                                   perBeadSource: perBeadSource, perBeadTarget: perBeadTarget)
            pairs.sort { $0.source.start < $1.source.start }
        }
        return QuotationAlignment(pairs: pairs, unpairedSource: unpairedSource, unpairedTarget: unpairedTarget)
    }

    /// What scoring needs of one quotation.
    private struct Side {
        let quotation: Quotation
        let bead: Int
        let position: Double
        let length: Int
        let anchors: Set<String>
        let speaker: Speaker?
    }

    private func sides(of article: AlignmentArticle, units: [Span], beadOfUnit: [Int]) -> [Side] {
        article.candidates.map { quotation in
            let unit = ArticleAlignment.unitIndex(of: quotation.span.start, in: units)
            let anchors = article.anchors.filter { quotation.span.contains($0.span) }.map(\.key)
            // The speaker by the entity named inside the speaker's phrase (ニール・コイル in
            // 国会議員のニール・コイル氏), else by the phrase.
            let speaker = quotation.speaker.map { speaker in
                let entity = article.anchors.first { $0.key.hasPrefix("entity:") && speaker.span.contains($0.span) }
                return Speaker(id: speaker.id, name: entity.map { article.document[$0.span] } ?? speaker.text)
            }
            return Side(quotation: quotation, bead: unit.map { beadOfUnit[$0] } ?? -1,
                        position: Double(quotation.span.start) / Double(max(article.document.count, 1)),
                        length: article.document.scalars[quotation.span.range].reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) },
                        anchors: Set(anchors), speaker: speaker)
        }
    }

    /// The probability-like score of one pair: a logistic function of the evidence. `counts` are
    /// the quotations in the source quotation's bead on the source side and in the target
    /// quotation's bead on the target side.
    private func score(_ s: Side, _ t: Side, counts: (source: Int, target: Int), ratio: Double, wordOverlap: Double?,
                       speakers: SpeakerComparison.Verdict) -> Double {
        let ambiguity = max(counts.source, counts.target)
        let beadDistance = s.bead < 0 || t.bead < 0 ? Int.max : abs(s.bead - t.bead)
        // The backbone's word: one quotation each side of a bead is all but certain; two each
        // side leaves the order inside to the other evidence.
        let backbone = beadDistance == 0 ? 1.0 / Double(ambiguity) : beadDistance == 1 ? 0.2 / Double(ambiguity) : 0
        var evidence = -3.0 + 5.5 * backbone
        if let wordOverlap {
            // Where a bead holds several quotations on both sides they are mostly lists of short
            // terms and titles, which share glossed words by chance: word overlap may speak
            // against such a pair but not lift it alone.
            let lexical = 3 * (wordOverlap - 0.2)
            evidence += beadDistance == 0 && min(counts.source, counts.target) > 1 ? min(lexical, 0) : lexical
        }
        let shared = s.anchors.intersection(t.anchors).count
        evidence += 1.2 * Double(min(shared, 3))
        // Different numbers or dates speak against a pair; entities less so, as the recognizer
        // finds a name in one language and misses it in the other.
        let sourceValues = s.anchors.filter { !$0.hasPrefix("entity:") }, targetValues = t.anchors.filter { !$0.hasPrefix("entity:") }
        if !sourceValues.isEmpty && !targetValues.isEmpty && sourceValues.isDisjoint(with: targetValues) { evidence -= 1 }
        switch speakers {
        case .same: evidence += 1
        case .different: evidence -= 0.5
        case .unknown: break
        }
        let lengthSkew = abs(log((Double(t.length) + 2) / (Double(s.length) * ratio + 2)))
        evidence -= max(0, lengthSkew - 0.5) * 1.5
        evidence -= 4 * abs(s.position - t.position)
        return 1 / (1 + exp(-evidence))
    }

    /// The share of one quotation's English words whose translations the other holds; nil
    /// without a gloss index or an English–Japanese pair.
    private func wordOverlap(_ s: Quotation, _ source: AlignmentArticle, _ t: Quotation, _ target: AlignmentArticle) -> Double? {
        guard let glosses else { return nil }
        switch (source.language, target.language) {
        case (.english, .japanese): return glosses.overlap(english: s.text, japanese: t.text)
        case (.japanese, .english): return glosses.overlap(english: t.text, japanese: s.text)
        default: return nil
        }
    }

    /// Speech left unpaired whose bead on the other side holds no quotation: paired with that
    /// stretch of the other article.
    private func unmarkedPairs(_ unpairedSource: inout [Quotation], _ unpairedTarget: inout [Quotation],
                               backbone: ArticleAlignment, source: AlignmentArticle, target: AlignmentArticle,
                               perBeadSource: [Int: Int], perBeadTarget: [Int: Int]) -> [QuotationPair] {
        var pairs: [QuotationPair] = []
        func stretch(_ units: Range<Int>, _ spans: [Span]) -> Span? {
            units.isEmpty ? nil : Span(start: spans[units.lowerBound].start, end: spans[units.upperBound - 1].end)
        }
        let sourceBeads = backbone.beadIndex(ofSourceUnits: true), targetBeads = backbone.beadIndex(ofSourceUnits: false)
        unpairedSource.removeAll { quotation in
            guard quotation.kind == .speech, let unit = ArticleAlignment.unitIndex(of: quotation.span.start, in: backbone.sourceUnits),
                  perBeadTarget[sourceBeads[unit]] == nil,
                  let span = stretch(backbone.beads[sourceBeads[unit]].target, backbone.targetUnits) else { return false }
            pairs.append(QuotationPair(source: quotation.span, target: span, score: options.threshold, isMarked: false,
                                       sourceSpeaker: quotation.speaker, targetSpeaker: nil))
            return true
        }
        unpairedTarget.removeAll { quotation in
            guard quotation.kind == .speech, let unit = ArticleAlignment.unitIndex(of: quotation.span.start, in: backbone.targetUnits),
                  perBeadSource[targetBeads[unit]] == nil,
                  let span = stretch(backbone.beads[targetBeads[unit]].source, backbone.sourceUnits) else { return false }
            pairs.append(QuotationPair(source: span, target: quotation.span, score: options.threshold, isMarked: false,
                                       sourceSpeaker: nil, targetSpeaker: quotation.speaker))
            return true
        }
        return pairs
    }
}

/// The speaker of a candidate: its entity id and the name to compare across languages.
private struct Speaker {
    let id: String?
    let name: String
}

/// Whether two quotations have one speaker: by equal entity ids, else by how closely a Japanese
/// and an English name match. Remembers the names it compared.
private struct SpeakerComparison {
    enum Verdict { case same, different, unknown }

    let names: NameLinker?
    let sourceLanguage: Language
    let targetLanguage: Language
    private var known: [String: Verdict] = [:]

    init(names: NameLinker?, sourceLanguage: Language, targetLanguage: Language) {
        self.names = names
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    mutating func compare(_ s: Speaker?, _ t: Speaker?) -> Verdict {
        guard let s, let t else { return .unknown }
        // Provisional ids (`speaker:…`) are the phrase lowercased: they differ across languages.
        let linked = [s.id, t.id].compactMap { $0 }.filter { !$0.hasPrefix("speaker:") }
        if linked.count == 2 && linked[0] == linked[1] { return .same }
        let key = s.name + "\u{1F}" + t.name
        if let verdict = known[key] { return verdict }
        var verdict = linked.count == 2 ? Verdict.different : .unknown
        if let names {
            let pair: (japanese: String, english: String)? = switch (sourceLanguage, targetLanguage) {
            case (.english, .japanese): (t.name, s.name)
            case (.japanese, .english): (s.name, t.name)
            default: nil
            }
            if let pair {
                let similarity = names.similarity(japanese: pair.japanese, english: pair.english)
                verdict = similarity >= 0.6 ? .same : similarity < 0.3 ? .different : .unknown
            }
        }
        known[key] = verdict
        return verdict
    }
}

/// A quotation and its translation. Spans are code points of each article's original text.
public struct QuotationPair: Hashable, Sendable {
    public let source: Span
    public let target: Span
    /// From 0 to 1: how sure the aligner is that `target` translates `source`.
    public let score: Double
    /// False when one side is the stretch of text that translates a quotation unmarked there.
    public let isMarked: Bool
    public let sourceSpeaker: QuoteSpeaker?
    public let targetSpeaker: QuoteSpeaker?

    public init(source: Span, target: Span, score: Double, isMarked: Bool = true,
                sourceSpeaker: QuoteSpeaker?, targetSpeaker: QuoteSpeaker?) {
        self.source = source
        self.target = target
        self.score = score
        self.isMarked = isMarked
        self.sourceSpeaker = sourceSpeaker
        self.targetSpeaker = targetSpeaker
    }

    init(source: Quotation, target: Quotation, score: Double) {
        self.init(source: source.span, target: target.span, score: score, sourceSpeaker: source.speaker, targetSpeaker: target.speaker)
    }
}

/// What ``QuotationAligner/align(source:target:)`` finds.
public struct QuotationAlignment: Sendable {
    /// In source order.
    public let pairs: [QuotationPair]
    public let unpairedSource: [Quotation]
    public let unpairedTarget: [Quotation]
}
