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
    let transitions: [Float]
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
        self.transitions = Viterbi.constrained((0..<transitionCount).map { Float(bitPattern: file.load(at: header + 4 * $0)) })
        self.weightsOffset = weightsOffset
    }

    static func weightsOffset(tags: Int) -> Int {
        let end = 8 + 6 * 4 + 4 * (tags + 1) * tags
        return (end + 15) / 16 * 16
    }

    /// The best tag sequence for `count` positions whose features (``templateCount`` row indices
    /// each) are `features`. Cost: O(count · (templateCount + tags²) · tags).
    public func tag(_ features: [UInt32], count: Int, scratch: inout [Float]) -> [UInt8] {
        let tags = Tag.count
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(count * tags)
        let templates = templateCount
        let weights = UnsafeRawPointer(file.bytes.baseAddress!).advanced(by: weightsOffset)
            .assumingMemoryBound(to: Int16.self)
        let scale = self.scale
        features.withUnsafeBufferPointer { features in
            var sums = [Int32](repeating: 0, count: tags)
            sums.withUnsafeMutableBufferPointer { sums in
                for position in 0..<count {
                    for t in 0..<tags { sums[t] = 0 }
                    for k in 0..<templates {
                        let row = weights + Int(features[position * templates + k]) * tags
                        for t in 0..<tags { sums[t] &+= Int32(Int16(littleEndian: row[t])) }
                    }
                    for t in 0..<tags { scratch.append(Float(sums[t]) * scale) }
                }
            }
        }
        return Viterbi.decode(emissions: scratch, count: count, transitions: transitions)
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

    /// `emissions` holds `count` rows of ``Tag/count`` scores; `transitions` (tags+1) rows, the last
    /// for the start, already ``constrained(_:)``. Cost: O(count · tags²).
    static func decode(emissions: [Float], count: Int, transitions: [Float]) -> [UInt8] {
        let tags = Tag.count
        guard count > 0 else { return [] }
        var score = [Float](repeating: -.infinity, count: tags)
        var next = score
        var back = [UInt8](repeating: 0, count: count * tags)
        for t in 0..<tags { score[t] = transitions[tags * tags + t] + emissions[t] }
        // Each tag's well-formed predecessors, in order (`tags` slots per tag, the first
        // `predecessorCounts[t]` used): an ill-formed one scores minus infinity and can never win,
        // and about two thirds of the pairs are ill-formed.
        var predecessors = [Int](repeating: 0, count: tags * tags), predecessorCounts = [Int](repeating: 0, count: tags)
        for t in 0..<tags {
            for p in 0..<tags where transitions[p * tags + t] > -.infinity {
                predecessors[t * tags + predecessorCounts[t]] = p
                predecessorCounts[t] += 1
            }
        }
        transitions.withUnsafeBufferPointer { transitions in
            emissions.withUnsafeBufferPointer { emissions in
                for position in 1..<count {
                    for t in 0..<tags {
                        var best = -Float.infinity
                        var from = 0
                        for p in predecessors[(t * tags)..<(t * tags + predecessorCounts[t])] {
                            let s = score[p] + transitions[p * tags + t]
                            if s > best { best = s; from = p }
                        }
                        next[t] = best + emissions[position * tags + t]
                        back[position * tags + t] = UInt8(from)
                    }
                    swap(&score, &next)
                }
            }
        }
        var last = 0
        for t in 1..<tags where Tag.canEnd(UInt8(t)) && (score[t] > score[last] || !Tag.canEnd(UInt8(last))) { last = t }
        var path = [UInt8](repeating: 0, count: count)
        path[count - 1] = UInt8(last)
        for position in stride(from: count - 1, to: 0, by: -1) {
            path[position - 1] = back[position * tags + Int(path[position])]
        }
        return path
    }
}
