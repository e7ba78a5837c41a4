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
    let decoding: Viterbi.Transitions
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
        // ``score(_:count:into:)`` reads a row as 16 lanes and one more weight.
        precondition(Tag.count == 17, "\(Tag.count) tags")
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
        decoding = Viterbi.Transitions(transitions)
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
        var columns: [Viterbi.Column] = []

        public init() {}
    }

    /// The best tag sequence for `count` positions whose features (``templateCount`` row indices
    /// each) are `features`; leaves the emission scores in `scratch`. Cost: O(count · templateCount
    /// · tags): per position, ``templateCount`` rows of 2·tags bytes read from the mapped table
    /// (mostly cache misses, which the scoring loop leaves free to overlap) and a few dozen vector
    /// operations of Viterbi over the well-formed tag pairs; one allocation, the result.
    public func tag(_ features: [UInt32], count: Int, scratch: inout Scratch) -> [UInt8] {
        score(features, count: count, into: &scratch.emissions)
        return scratch.emissions.withUnsafeBufferPointer {
            Viterbi.decode(emissions: $0, count: count, transitions: decoding, columns: &scratch.columns)
        }
    }

    /// Replaces `emissions` with the score of each tag at each position, `Tag.count` per position:
    /// the sum of the position's rows times the scale. Cost per position: ``templateCount`` rows.
    ///
    /// A row is read as a vector of tags 0..<16 and the last tag's weight alone, summed as
    /// integers: integer sums are exact in any order, so the scores equal a scalar sum's. The high
    /// and low bytes of the vector's weights are summed apart in 16-bit lanes, exact for up to 128
    /// rows a position. Nothing but the loads depends on the table, and 17 scalar loads per row
    /// would fill the processor's window with a few rows; with three loads a row and the next
    /// position's rows prefetched, many rows' cache misses are in flight at once.
    func score(_ features: [UInt32], count: Int, into emissions: inout [Float]) {
        let tags = Tag.count, templates = templateCount, scale = self.scale
        precondition(features.count >= count * templates, "\(features.count) features for \(count) positions")
        precondition(templates <= 128, "\(templates) features a position")
        emissions.removeAll(keepingCapacity: true)
        emissions.append(contentsOf: repeatElement(0, count: count * tags))
        guard count > 0 else { return }
        let rows = UnsafeRawPointer(file.bytes.baseAddress!) + weightsOffset
        let rowBytes = 2 * tags
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
                    var last: Int32 = 0
                    for k in 0..<templates {
                        let row = rows + Int(indices[k]) &* rowBytes
                        let head = Self.littleEndian(row.loadUnaligned(as: SIMD16<Int16>.self))
                        last &+= Int32(Int16(littleEndian: row.loadUnaligned(fromByteOffset: 32, as: Int16.self)))
                        headHigh &+= head &>> 8
                        headLow &+= head & 0xFF
                    }
                    // Widened eight lanes at a time: the sixteen-lane conversion is a call.
                    @inline(__always) func widened(_ high: SIMD8<Int16>, _ low: SIMD8<Int16>) -> SIMD8<Int32> {
                        SIMD8<Int32>(truncatingIfNeeded: high) &* 256 &+ SIMD8<Int32>(truncatingIfNeeded: low)
                    }
                    let headFirst = widened(headHigh.lowHalf, headLow.lowHalf)
                    let headSecond = widened(headHigh.highHalf, headLow.highHalf)
                    let out = emissions + position &* tags
                    for t in 0..<8 { out[t] = Float(headFirst[t]) * scale }
                    for t in 8..<16 { out[t] = Float(headSecond[t - 8]) * scale }
                    out[16] = Float(last) * scale
                }
            }
        }
    }

    /// Positions ahead whose rows are prefetched: one position is ~55 cache lines, more than a core
    /// keeps in flight, yet eight measured cheaper than four (score's samples down about a fifth),
    /// and four than two or three; twelve to thirty-two were no cheaper than eight.
    static let prefetchDistance = 8

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
///
/// Decoding reads the tags by part: O, then B, I, L and U with one SIMD lane per kind of mention
/// (``Column``). The well-formed pairs then take a few vector operations a position: a kind's I
/// and L follow its own B or I, lane by lane; O, B and U follow O, any L or any U (each of those
/// nine predecessors is added to the B and U lanes at once, and their maximum taken as a tree, as
/// the next position waits on it). An ill-formed pair is never read.
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

    /// One score for each kind of mention.
    typealias Kinds = SIMD4<Float>

    /// The tag of a kind's part.
    static func tag(_ kind: Int, _ part: Tag.Part) -> Int { 1 + 4 * kind + Int(part.rawValue) }

    /// One position's scores of each tag, by part.
    struct Column {
        var outside: Float
        var begin, inside, last, unit: Kinds

        init(outside: Float, begin: Kinds, inside: Kinds, last: Kinds, unit: Kinds) {
            (self.outside, self.begin, self.inside, self.last, self.unit) = (outside, begin, inside, last, unit)
        }

        /// The ``Tag/count`` scores at `scores`, in tag order (O, then each kind's B, I, L and U).
        @inline(__always)
        init(tagOrder scores: UnsafePointer<Float>) {
            let kinds = UnsafeRawPointer(scores + 1)
            let first = kinds.loadUnaligned(as: Kinds.self), second = kinds.loadUnaligned(fromByteOffset: 16, as: Kinds.self)
            let third = kinds.loadUnaligned(fromByteOffset: 32, as: Kinds.self), fourth = kinds.loadUnaligned(fromByteOffset: 48, as: Kinds.self)
            self.init(outside: scores[0], begin: Kinds(first[0], second[0], third[0], fourth[0]),
                      inside: Kinds(first[1], second[1], third[1], fourth[1]), last: Kinds(first[2], second[2], third[2], fourth[2]),
                      unit: Kinds(first[3], second[3], third[3], fourth[3]))
        }

        @inline(__always)
        static func + (a: Column, b: Column) -> Column {
            Column(outside: a.outside + b.outside, begin: a.begin + b.begin, inside: a.inside + b.inside,
                   last: a.last + b.last, unit: a.unit + b.unit)
        }
    }

    /// A constrained transition matrix as decoding reads it.
    struct Transitions: Sendable {
        /// Into each kind's B, then each kind's U: from O, from each kind's L, from each kind's U.
        let openingFromOutside: SIMD8<Float>
        let openingFromLast: (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)
        let openingFromUnit: (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)
        /// Into O: from O, from each kind's L, from each kind's U.
        let outsideFromOutside: Float
        let outsideFromLast, outsideFromUnit: Kinds
        /// Into each kind's I and L, from its B and its I.
        let insideFromBegin, insideFromInside, lastFromBegin, lastFromInside: Kinds
        /// The score of starting with each tag.
        let start: Column

        /// The transitions into one tag from the tags that may come before it, as going back
        /// along the path reads them.
        struct Into {
            /// Into O, a B or a U: from O, each kind's L, each kind's U.
            var outside: Float, last: Kinds, unit: Kinds
            /// Into an I or L: from its kind's B and I.
            var begin: Float, inside: Float
        }
        /// By tag.
        let into: [Into]

        /// `transitions`: (tags+1) rows, the last for the start, already ``constrained(_:)``.
        /// Cost: O(tags²), once per model.
        init(_ transitions: [Float]) {
            let tags = Tag.count
            precondition(MentionKind.all.count == 4 && transitions.count == (tags + 1) * tags, "\(transitions.count) transition scores")
            func score(_ from: Int, _ to: Int) -> Float { transitions[from * tags + to] }
            func kinds(_ score: (Int) -> Float) -> Kinds { Kinds(score(0), score(1), score(2), score(3)) }
            func opening(from previous: Int) -> SIMD8<Float> {
                SIMD8(lowHalf: kinds { score(previous, tag($0, .begin)) }, highHalf: kinds { score(previous, tag($0, .unit)) })
            }
            func closes(_ tag: Int) -> Bool { Tag.part(UInt8(tag)).map { $0 == .last || $0 == .unit } ?? true }
            func continues(_ tag: Int) -> Bool { Tag.part(UInt8(tag)).map { $0 == .inside || $0 == .last } ?? false }
            for from in 0..<tags {
                for to in 0..<tags {
                    let read = continues(to) ? !closes(from) && (from - 1) / 4 == (to - 1) / 4 : closes(from)
                    precondition(read || score(from, to) == -.infinity, "transition \(from) to \(to) is not constrained")
                }
            }
            openingFromOutside = opening(from: Int(Tag.outside))
            let fromLast = (0..<4).map { opening(from: tag($0, .last)) }, fromUnit = (0..<4).map { opening(from: tag($0, .unit)) }
            openingFromLast = (fromLast[0], fromLast[1], fromLast[2], fromLast[3])
            openingFromUnit = (fromUnit[0], fromUnit[1], fromUnit[2], fromUnit[3])
            outsideFromOutside = score(0, 0)
            outsideFromLast = kinds { score(tag($0, .last), 0) }
            outsideFromUnit = kinds { score(tag($0, .unit), 0) }
            insideFromBegin = kinds { score(tag($0, .begin), tag($0, .inside)) }
            insideFromInside = kinds { score(tag($0, .inside), tag($0, .inside)) }
            lastFromBegin = kinds { score(tag($0, .begin), tag($0, .last)) }
            lastFromInside = kinds { score(tag($0, .inside), tag($0, .last)) }
            start = transitions.withUnsafeBufferPointer { Column(tagOrder: $0.baseAddress! + tags * tags) }
            into = (0..<tags).map { to in
                if continues(to) {
                    let kind = (to - 1) / 4
                    return Into(outside: -.infinity, last: Kinds(repeating: -.infinity), unit: Kinds(repeating: -.infinity),
                                begin: score(tag(kind, .begin), to), inside: score(tag(kind, .inside), to))
                }
                return Into(outside: score(0, to), last: kinds { score(tag($0, .last), to) }, unit: kinds { score(tag($0, .unit), to) },
                            begin: -.infinity, inside: -.infinity)
            }
        }

        /// The best path's scores at a position whose emission scores are `emissions`, after `scores`.
        @inline(__always)
        func next(after scores: Column, emissions: Column) -> Column {
            @inline(__always) func opening(from score: Float, _ transitions: SIMD8<Float>) -> SIMD8<Float> {
                SIMD8(repeating: score) + transitions
            }
            let s = scores
            let fromLast = larger(larger(opening(from: s.last[0], openingFromLast.0), opening(from: s.last[1], openingFromLast.1)),
                                  larger(opening(from: s.last[2], openingFromLast.2), opening(from: s.last[3], openingFromLast.3)))
            let fromUnit = larger(larger(opening(from: s.unit[0], openingFromUnit.0), opening(from: s.unit[1], openingFromUnit.1)),
                                  larger(opening(from: s.unit[2], openingFromUnit.2), opening(from: s.unit[3], openingFromUnit.3)))
            let opened = larger(larger(fromLast, fromUnit), opening(from: s.outside, openingFromOutside))
                + SIMD8(lowHalf: emissions.begin, highHalf: emissions.unit)
            let stay = s.outside + outsideFromOutside, closed = largest(larger(s.last + outsideFromLast, s.unit + outsideFromUnit))
            return Column(outside: (closed > stay ? closed : stay) + emissions.outside, begin: opened.lowHalf,
                          inside: larger(s.begin + insideFromBegin, s.inside + insideFromInside) + emissions.inside,
                          last: larger(s.begin + lastFromBegin, s.inside + lastFromInside) + emissions.last,
                          unit: opened.highHalf)
        }
    }

    /// Each lane's larger score (one `maxps`: no NaN is ever summed).
    @inline(__always)
    static func larger<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Float {
        a.replacing(with: b, where: b .> a)
    }

    /// Each lane's larger score, as two halves: eight lanes at once compare one lane at a time.
    @inline(__always)
    static func larger(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(lowHalf: larger(a.lowHalf, b.lowHalf), highHalf: larger(a.highHalf, b.highHalf))
    }

    @inline(__always)
    static func largest(_ scores: Kinds) -> Float {
        let pair = larger(scores.lowHalf, scores.highHalf)
        return pair[1] > pair[0] ? pair[1] : pair[0]
    }

    /// The tag of the first highest score in tag order among O's `outside`, each kind's L's `last`
    /// and each kind's U's `unit`.
    @inline(__always)
    static func firstBest(outside: Float, last: Kinds, unit: Kinds) -> Int {
        let best = largest(larger(last, unit))
        guard best > outside else { return Int(Tag.outside) }
        for kind in 0..<4 {
            if last[kind] == best { return tag(kind, .last) }
            if unit[kind] == best { return tag(kind, .unit) }
        }
        preconditionFailure("no score is the highest")
    }

    /// The tag before `tag` on the best path, whose scores at the previous position are `scores`:
    /// the first in tag order of the well-formed predecessors that score highest.
    @inline(__always)
    static func predecessor(of tag: Int, after scores: UnsafePointer<Column>, into: Transitions.Into) -> Int {
        let part = (tag &- 1) & 3
        if tag != Int(Tag.outside) && (part == Int(Tag.Part.inside.rawValue) || part == Int(Tag.Part.last.rawValue)) {
            let kind = (tag &- 1) >> 2, begin = tag &- part
            return scores.pointee.inside[kind] + into.inside > scores.pointee.begin[kind] + into.begin ? begin &+ 1 : begin
        }
        let s = scores.pointee
        return firstBest(outside: s.outside + into.outside, last: s.last + into.last, unit: s.unit + into.unit)
    }

    /// `emissions` holds `count` rows of ``Tag/count`` scores; `transitions` (tags+1) rows, the last
    /// for the start, already ``constrained(_:)``. Cost: O(tags²) and as the decoding below.
    static func decode(emissions: [Float], count: Int, transitions: [Float]) -> [UInt8] {
        var columns: [Column] = []
        return emissions.withUnsafeBufferPointer {
            decode(emissions: $0, count: count, transitions: Transitions(transitions), columns: &columns)
        }
    }

    /// `columns`: storage reused across calls (grown to `count` columns when shorter). Cost: a few
    /// dozen vector operations a position, and an allocation, the result.
    ///
    /// The forward pass keeps every position's best scores but no back pointers: the best path's
    /// predecessors are found again from the scores at the end, with the same sums and the same
    /// rule (the first predecessor with the highest score), so a position costs the predecessors of
    /// one tag there instead of tracking them for every tag.
    static func decode(emissions: UnsafeBufferPointer<Float>, count: Int, transitions: Transitions,
                       columns storage: inout [Column]) -> [UInt8] {
        let tags = Tag.count
        guard count > 0 else { return [] }
        precondition(emissions.count >= count * tags, "\(emissions.count) emissions for \(count) positions")
        let emissions = emissions.baseAddress!
        if storage.count < count { storage.append(contentsOf: repeatElement(transitions.start, count: count - storage.count)) }
        return storage.withUnsafeMutableBufferPointer { storage in
            let columns = storage.baseAddress!
            var column = transitions.start + Column(tagOrder: emissions)
            columns[0] = column
            for position in 1..<count {
                column = transitions.next(after: column, emissions: Column(tagOrder: emissions + position &* tags))
                columns[position] = column
            }
            return transitions.into.withUnsafeBufferPointer { into in
                [UInt8](unsafeUninitializedCapacity: count) { path, initialized in
                    var tag = firstBest(outside: column.outside, last: column.last, unit: column.unit)
                    path[count - 1] = UInt8(tag)
                    for position in stride(from: count - 1, to: 0, by: -1) {
                        tag = predecessor(of: tag, after: columns + (position - 1), into: into[tag])
                        path[position - 1] = UInt8(tag)
                    }
                    initialized = count
                }
            }
        }
    }
}
