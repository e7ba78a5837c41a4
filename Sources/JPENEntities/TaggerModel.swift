import JPENText

/// A sequence tagger's weights: hashed feature rows of per-tag weights, and tag transitions.
///
/// The file is written by ``PerceptronTrainer/modelBytes()`` and read here by memory-mapping, so
/// loading costs microseconds. Layout, little-endian:
///
/// | bytes | content |
/// | --- | --- |
/// | 8 | magic `JPENNER` + 0 |
/// | 4 | format version (1) |
/// | 4 | feature set (1: ``CharacterFeatures``, 2: ``TokenFeatures``) |
/// | 4 | features per position |
/// | 4 | tag count |
/// | 4 | row bits: the file holds 2^bits rows |
/// | 4 | Float32 scale of the weights |
/// | 4·(tags+1)·tags | Float32 transition scores, previous tag (last row: sentence start) by tag |
/// | padding to 16 bytes | |
/// | 2·rows·tags | Int16 weights, row by row; a weight is the integer times the scale |
///
/// ```swift
/// let model = try TaggerModel(path: "ner-ja.bin", featureSet: CharacterFeatures.featureSet,
///                             templateCount: CharacterFeatures.templateCount)
/// var scratch = TaggerModel.Scratch()
/// let tags = model.tag(features, count: n, scratch: &scratch)
/// ```
public struct TaggerModel: Sendable {
    public static let magic: [UInt8] = Array("JPENNER".utf8) + [0]
    public static let version: UInt32 = 1

    /// Why a model file cannot be used.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let problem: String
        public var description: String { "\(path): not a usable jpen tagger model: \(problem)" }
    }

    let file: MappedFile
    public let featureSet: UInt32
    public let templateCount: Int
    /// The mask that turns a feature hash into a row index.
    public let rowMask: UInt32
    let scale: Float
    /// Constrained transition scores, previous tag (last row: sentence start) by tag.
    let transitions: [Float]
    let predecessors: Viterbi.Predecessors
    let weightsOffset: Int

    /// Maps the model at `path` and checks its header against what the caller extracts.
    /// Cost: O(tags²) after an O(1) mapping.
    public init(path: String, featureSet: UInt32, templateCount: Int) throws {
        let file = try MappedFile(path: path)
        let header = 8 + 6 * 4
        guard file.bytes.count >= header, Array(file.bytes.prefix(8)) == Self.magic else {
            throw FormatError(path: path, problem: "no JPENNER header")
        }
        let version: UInt32 = file.load(at: 8)
        guard version == Self.version else { throw FormatError(path: path, problem: "format version \(version), expected \(Self.version)") }
        let set: UInt32 = file.load(at: 12)
        let templates = Int(file.load(UInt32.self, at: 16))
        let tags = Int(file.load(UInt32.self, at: 20))
        let bits = Int(file.load(UInt32.self, at: 24))
        guard set == featureSet, templates == templateCount else {
            throw FormatError(path: path, problem: "feature set \(set) with \(templates) features, expected \(featureSet) with \(templateCount)")
        }
        // ``score(_:count:into:)`` reads a row as 16 + 8 lanes.
        precondition((16...24).contains(Tag.count), "\(Tag.count) tags")
        guard tags == Tag.count, (1...30).contains(bits) else {
            throw FormatError(path: path, problem: "\(tags) tags and \(bits) row bits")
        }
        let transitionCount = (tags + 1) * tags
        let weightsOffset = Self.weightsOffset(tags: tags)
        guard file.bytes.count == weightsOffset + 2 * (1 << bits) * tags else {
            throw FormatError(path: path, problem: "size \(file.bytes.count) does not match its header")
        }
        self.file = file
        self.featureSet = set
        self.templateCount = templates
        self.rowMask = UInt32((1 << bits) - 1)
        self.scale = Float(bitPattern: file.load(at: 28))
        let transitions = Viterbi.constrained((0..<transitionCount).map { Float(bitPattern: file.load(at: header + 4 * $0)) })
        self.transitions = transitions
        predecessors = Viterbi.Predecessors(of: transitions)
        self.weightsOffset = weightsOffset
    }

    /// The largest weight of a feature for a tag: the unit of the model's scores.
    public var largestWeight: Float { scale * Float(Int16.max) }

    static func weightsOffset(tags: Int) -> Int {
        let end = 8 + 6 * 4 + 4 * (tags + 1) * tags
        return (end + 15) / 16 * 16
    }

    /// One task's buffers for ``tag(_:count:scratch:)``, reused across sentences so that tagging
    /// allocates only its result.
    public struct Scratch {
        /// After ``tag(_:count:scratch:)``: the score of each tag at each position, ``Tag/count`` per position.
        public internal(set) var emissions: [Float] = []
        /// Viterbi's best scores, position by position.
        var columns: [Float] = []

        public init() {}
    }

    /// The best tag sequence for `count` positions whose features (``templateCount`` row indices
    /// each) are `features`; leaves the emission scores in `scratch`. Cost: O(count · (templateCount
    /// + tags²) · tags): per position, ``templateCount`` rows of 2·tags bytes read from the mapped
    /// table (mostly cache misses, which the scoring loop leaves free to overlap) and Viterbi over
    /// the well-formed tag pairs; one allocation, the result.
    public func tag(_ features: [UInt32], count: Int, scratch: inout Scratch) -> [UInt8] {
        score(features, count: count, into: &scratch.emissions)
        return scratch.emissions.withUnsafeBufferPointer {
            Viterbi.decode(emissions: $0, count: count, predecessors: predecessors, columns: &scratch.columns)
        }
    }

    /// Replaces `emissions` with the score of each tag at each position, `Tag.count` per position:
    /// the sum of the position's rows times the scale. Cost per position: ``templateCount`` rows.
    ///
    /// A row is read as two vectors, tags 0..<16 and the last 8 (they overlap, and each sum keeps
    /// the lanes it owns), summed as integers: integer sums are exact in any order, so the scores
    /// equal a scalar sum's. The high and low bytes of the weights are summed apart in 16-bit lanes,
    /// exact for up to 128 rows a position. Nothing but the loads depends on the table, and 21 scalar loads
    /// per row would fill the processor's window with a few rows; with vectors and the next
    /// position's rows prefetched, many rows' cache misses are in flight at once.
    func score(_ features: [UInt32], count: Int, into emissions: inout [Float]) {
        let tags = Tag.count, templates = templateCount, scale = self.scale
        precondition(features.count >= count * templates, "\(features.count) features for \(count) positions")
        precondition(templates <= 128, "\(templates) features a position")
        emissions.removeAll(keepingCapacity: true)
        emissions.append(contentsOf: repeatElement(0, count: count * tags))
        guard count > 0 else { return }
        let rows = UnsafeRawPointer(file.bytes.baseAddress!) + weightsOffset
        let rowBytes = 2 * tags, tailStart = tags - 8
        features.withUnsafeBufferPointer { features in
            emissions.withUnsafeMutableBufferPointer { emissions in
                let features = features.baseAddress!, emissions = emissions.baseAddress!
                // Asks for the rows of a position to be loaded into the cache, without waiting for
                // them; a row can straddle two cache lines.
                func prefetchRows(of position: Int) {
                    guard position < count else { return }
                    for k in 0..<templates {
                        let row = rows + Int(features[position &* templates &+ k]) &* rowBytes
                        prefetchForReading(row)
                        prefetchForReading(row + rowBytes - 1)
                    }
                }
                for position in 0..<Self.prefetchDistance { prefetchRows(of: position) }
                for position in 0..<count {
                    prefetchRows(of: position + Self.prefetchDistance)
                    let indices = features + position &* templates
                    // Each weight is its high byte (signed) times 256 plus its low byte; summed
                    // apart, the bytes fit 16-bit lanes, which take half the work of 32-bit ones.
                    var headHigh = SIMD16<Int16>(), headLow = SIMD16<Int16>()
                    var tailHigh = SIMD8<Int16>(), tailLow = SIMD8<Int16>()
                    for k in 0..<templates {
                        let row = rows + Int(indices[k]) &* rowBytes
                        let head = Self.littleEndian(row.loadUnaligned(as: SIMD16<Int16>.self))
                        let tail = Self.littleEndian(row.loadUnaligned(fromByteOffset: 2 * tailStart, as: SIMD8<Int16>.self))
                        headHigh &+= head &>> 8
                        headLow &+= head & 0xFF
                        tailHigh &+= tail &>> 8
                        tailLow &+= tail & 0xFF
                    }
                    // Widened eight lanes at a time: the sixteen-lane conversion is a call.
                    @inline(__always) func widened(_ high: SIMD8<Int16>, _ low: SIMD8<Int16>) -> SIMD8<Int32> {
                        SIMD8<Int32>(truncatingIfNeeded: high) &* 256 &+ SIMD8<Int32>(truncatingIfNeeded: low)
                    }
                    let headFirst = widened(headHigh.lowHalf, headLow.lowHalf)
                    let headSecond = widened(headHigh.highHalf, headLow.highHalf)
                    let tail = widened(tailHigh, tailLow)
                    let out = emissions + position &* tags
                    for t in 0..<8 { out[t] = Float(headFirst[t]) * scale }
                    for t in 8..<16 { out[t] = Float(headSecond[t - 8]) * scale }
                    for t in 16..<tags { out[t] = Float(tail[t - tailStart]) * scale }
                }
            }
        }
    }

    /// Positions ahead whose rows are prefetched: one position is ~70 cache lines, more than a core
    /// keeps in flight, yet with the name table's lookups mostly answered by its fingerprint bits,
    /// four measured cheaper than two or three (score's samples down about a quarter from two).
    static let prefetchDistance = 4

    /// Lanes read from the little-endian file, in the host's order.
    @inline(__always)
    private static func littleEndian<V: SIMD>(_ lanes: V) -> V where V.Scalar == Int16 {
        #if _endian(big)
        var swapped = lanes
        for i in swapped.indices { swapped[i] = Int16(littleEndian: lanes[i]) }
        return swapped
        #else
        return lanes
        #endif
    }
}

/// The best tag path under emission and transition scores among the well-formed ones (see
/// ``Tag/allows(_:after:)`` and ``Tag/canEnd(_:)``).
enum Viterbi {
    /// Transition scores with the ill-formed transitions at minus infinity, so decoding needs no
    /// test in its inner loop. Cost: O(tags²), once per model.
    static func constrained(_ transitions: [Float]) -> [Float] {
        let tags = Tag.count
        return transitions.enumerated().map { index, score in
            let from = index / tags, to = UInt8(index % tags)
            return Tag.allows(to, after: from == tags ? nil : UInt8(from)) ? score : -.infinity
        }
    }

    /// The transitions as decoding reads them, and the score of starting with each tag. The tags
    /// that may open a mention or follow one (O, every B, every U) are decoded together, one SIMD
    /// lane each, over the union of their predecessors (O, every L, every U) in ascending order; a
    /// lane whose tag may not follow a predecessor reads minus infinity there. The other tags (I
    /// and L, which only follow their own B or I) read their two predecessors. An ill-formed pair
    /// scores minus infinity and can never win, so both ways find what a loop over all pairs in
    /// ascending order finds, and about two thirds of the pairs are ill-formed. Cost: O(tags²) to
    /// build, once per model.
    struct Predecessors: Sendable {
        /// Up to 12 tags' scores, one lane each.
        struct Lanes {
            var low: SIMD8<Float>
            var high: SIMD4<Float>
        }

        /// The tags decoded as lanes, in lane order.
        let laneTags: [Int]
        /// The lanes' predecessors, ascending, and for each the transition scores to the lanes' tags.
        let laneSources: [Int32]
        let laneScores: [Lanes]
        /// The other tags, each with its predecessors in ascending order (a missing one is tag 0
        /// at minus infinity, which never wins).
        let others: [(tag: Int, first: Int, firstScore: Float, second: Int, secondScore: Float)]
        let start: [Float]
        /// Every tag's well-formed predecessors, ascending, with their transition scores: tag `t`'s
        /// are `sources[sourceStarts[t]..<sourceStarts[t + 1]]`.
        let sources: [(tag: Int, score: Float)]
        let sourceStarts: [Int]

        /// `transitions`: (tags+1) rows, the last for the start, already ``constrained(_:)``.
        init(of transitions: [Float]) {
            let tags = Tag.count
            precondition(transitions.count == (tags + 1) * tags, "\(transitions.count) transition scores")
            func sources(of t: Int) -> [Int] { (0..<tags).filter { transitions[$0 * tags + t] > -.infinity } }
            let laneTags = (0..<tags).filter { Tag.allows(UInt8($0), after: Tag.outside) }
            precondition(laneTags.count <= 12, "\(laneTags.count) lanes")
            self.laneTags = laneTags
            let laneSources = Set(laneTags.flatMap(sources)).sorted()
            self.laneSources = laneSources.map { Int32($0) }
            laneScores = laneSources.map { p in
                var lanes = Lanes(low: SIMD8(repeating: -.infinity), high: SIMD4(repeating: -.infinity))
                for (lane, t) in laneTags.enumerated() {
                    if lane < 8 { lanes.low[lane] = transitions[p * tags + t] } else { lanes.high[lane - 8] = transitions[p * tags + t] }
                }
                return lanes
            }
            others = (0..<tags).filter { !laneTags.contains($0) }.map { t in
                let sources = sources(of: t)
                precondition(sources.count <= 2, "tag \(t) has \(sources.count) predecessors")
                let (first, second) = (sources.first ?? 0, sources.count == 2 ? sources[1] : 0)
                return (t, first, sources.isEmpty ? -.infinity : transitions[first * tags + t],
                        second, sources.count == 2 ? transitions[second * tags + t] : -.infinity)
            }
            start = Array(transitions[(tags * tags)...])
            let perTag = (0..<tags).map { t in sources(of: t).map { (tag: $0, score: transitions[$0 * tags + t]) } }
            self.sources = perTag.flatMap { $0 }
            sourceStarts = perTag.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        }
    }

    /// `emissions` holds `count` rows of ``Tag/count`` scores; `transitions` (tags+1) rows, the last
    /// for the start, already ``constrained(_:)``. Cost: O(tags²) and as the decoding below.
    static func decode(emissions: [Float], count: Int, transitions: [Float]) -> [UInt8] {
        var columns: [Float] = []
        return emissions.withUnsafeBufferPointer {
            decode(emissions: $0, count: count, predecessors: Predecessors(of: transitions), columns: &columns)
        }
    }

    /// `columns`: storage reused across calls (grown to count·tags floats when shorter). Cost:
    /// O(count · well-formed tag pairs), and an allocation, the result.
    ///
    /// The forward pass keeps every position's best scores but no back pointers: the best path's
    /// predecessors are found again from the scores at the end, with the same sums and the same
    /// rule (the first predecessor with the highest score), so a position costs the predecessors of
    /// one tag there instead of tracking them for every tag.
    static func decode(emissions: UnsafeBufferPointer<Float>, count: Int, predecessors: Predecessors,
                       columns storage: inout [Float]) -> [UInt8] {
        let tags = Tag.count
        guard count > 0 else { return [] }
        precondition(emissions.count >= count * tags, "\(emissions.count) emissions for \(count) positions")
        let emissions = emissions.baseAddress!
        if storage.count < count * tags { storage.append(contentsOf: repeatElement(0, count: count * tags - storage.count)) }
        let lanes = predecessors.laneTags.count
        return predecessors.start.withUnsafeBufferPointer { start in
        predecessors.laneSources.withUnsafeBufferPointer { laneSources in
        predecessors.laneScores.withUnsafeBufferPointer { laneScores in
        predecessors.laneTags.withUnsafeBufferPointer { laneTags in
        predecessors.others.withUnsafeBufferPointer { others in
        storage.withUnsafeMutableBufferPointer { storage in
            // The best path's score ending in each tag, position by position.
            let columns = storage.baseAddress!
            for t in 0..<tags { columns[t] = start[t] + emissions[t] }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 12) { laneBest in
                let laneBest = laneBest.baseAddress!
                for position in 1..<count {
                    let row = position &* tags
                    let score = columns + (row &- tags), next = columns + row
                    var bestLow = SIMD8<Float>(repeating: -.infinity), bestHigh = SIMD4<Float>(repeating: -.infinity)
                    for j in 0..<laneSources.count {
                        let p = Int(laneSources[j])
                        let low = SIMD8(repeating: score[p]) + laneScores[j].low
                        let high = SIMD4(repeating: score[p]) + laneScores[j].high
                        bestLow.replace(with: low, where: low .> bestLow)
                        bestHigh.replace(with: high, where: high .> bestHigh)
                    }
                    UnsafeMutableRawPointer(laneBest).storeBytes(of: bestLow, as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(laneBest + 8).storeBytes(of: bestHigh, as: SIMD4<Float>.self)
                    for lane in 0..<lanes {
                        let t = laneTags[lane]
                        next[t] = laneBest[lane] + emissions[row &+ t]
                    }
                    for other in others {
                        let first = score[other.first] + other.firstScore, second = score[other.second] + other.secondScore
                        next[other.tag] = (second > first ? second : first) + emissions[row &+ other.tag]
                    }
                }
            }
            let final = columns + (count - 1) * tags
            var last = 0
            for t in 1..<tags where Tag.canEnd(UInt8(t)) && (final[t] > final[last] || !Tag.canEnd(UInt8(last))) {
                last = t
            }
            return predecessors.sources.withUnsafeBufferPointer { sources in
            predecessors.sourceStarts.withUnsafeBufferPointer { sourceStarts in
                [UInt8](unsafeUninitializedCapacity: count) { path, initialized in
                    var tag = last
                    path[count - 1] = UInt8(tag)
                    for position in stride(from: count - 1, to: 0, by: -1) {
                        let score = columns + (position - 1) * tags
                        // Two chains of comparisons (alternate predecessors), half as long as
                        // one: the whole path waits on them. Of equal bests the lower tag wins.
                        var best = (-Float.infinity, -Float.infinity), from = (0, 0)
                        var index = sourceStarts[tag]
                        let end = sourceStarts[tag + 1]
                        while index + 1 < end {
                            let even = sources[index], odd = sources[index + 1]
                            let evenScore = score[even.tag] + even.score, oddScore = score[odd.tag] + odd.score
                            if evenScore > best.0 { best.0 = evenScore; from.0 = even.tag }
                            if oddScore > best.1 { best.1 = oddScore; from.1 = odd.tag }
                            index += 2
                        }
                        if index < end {
                            let even = sources[index], evenScore = score[even.tag] + even.score
                            if evenScore > best.0 { best.0 = evenScore; from.0 = even.tag }
                        }
                        tag = best.1 > best.0 || (best.1 == best.0 && from.1 < from.0) ? from.1 : from.0
                        path[position - 1] = UInt8(tag)
                    }
                    initialized = count
                }
            }
            }
        }
        }
        }
        }
        }
        }
    }
}
