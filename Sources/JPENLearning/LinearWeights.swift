import JPENText

/// The weights of a linear model over hashed features (``FeatureHash``), read in place from a
/// memory-mapped file: 2^``bits`` rows of ``classCount`` Int16 weights, a weight being the
/// integer times ``scale``. A binary model has one class (its score > 0 says yes); a multiclass
/// model one weight per class in each row. Every learned model of jpen uses this one format.
///
/// Layout, little-endian:
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 4 | magic `JPLW` |
/// | 4 | 4 | kind: four ASCII letters naming the model (``Kind``) |
/// | 8 | 4 | format version of that kind: of its features and its extra data |
/// | 12 | 4 | class count `c` |
/// | 16 | 4 | bits `b`: 2^b rows |
/// | 20 | 4 | scale (Float32) |
/// | 24 | 4 | extra byte count `e` |
/// | 28 | 4 | zero |
/// | 32 | 2·c·2^b | weights, Int16, row by row |
/// | padding to a multiple of 16 | | zero |
/// | | e | the kind's extra data (a dictionary table, transition scores), ``extra`` |
///
/// ```swift
/// let weights = try LinearWeights(path: "ja-words.bin", kind: "JAWB", version: 4, classCount: 1)
/// var sum: Int32 = 0
/// for index in features { sum &+= Int32(weights[index]) }   // > 0: yes
/// ```
public struct LinearWeights: @unchecked Sendable {
    // `weights` and `extra` point into `file`'s read-only mapping, which the value keeps alive.

    /// Four ASCII letters that name what a weights file is for, so that one model's file is
    /// never read as another's.
    public struct Kind: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: UInt32

        /// `name` must be four ASCII characters: `"ENSB"`.
        public init(_ name: String) {
            let bytes = Array(name.utf8)
            precondition(bytes.count == 4 && bytes.allSatisfy { $0 < 0x80 }, "a kind is four ASCII letters")
            rawValue = bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }

        public init(stringLiteral name: String) { self.init(name) }

        init(rawValue: UInt32) { self.rawValue = rawValue }

        public var description: String {
            String(decoding: (0..<4).map { UInt8(truncatingIfNeeded: rawValue >> (8 * $0)) }, as: UTF8.self)
        }
    }

    /// Why a file is not the weights the caller asked for.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    static let magic: UInt32 = 0x574C_504A  // "JPLW"
    static let headerSize = 32

    /// The file the weights live in.
    public let file: MappedFile
    public let kind: Kind
    public let version: UInt32
    /// Weights per row: 1 for a binary model.
    public let classCount: Int
    /// The file holds `1 << bits` rows: a feature's row is `FeatureHash.index(bits:)`.
    public let bits: Int
    /// The value of one step of a quantized weight.
    public let scale: Float
    /// All weights, row by row: row `r`, class `k` is `weights[r * classCount + k]`.
    public let weights: UnsafeBufferPointer<Int16>
    /// The data the kind keeps after the weights.
    public let extra: UnsafeRawBufferPointer

    /// Checks that `file` holds weights of `kind` at `version` (with `classCount` classes, when
    /// given) and that its size matches its header. Cost: O(1).
    public init(file: MappedFile, kind: Kind, version: UInt32, classCount: Int? = nil) throws(FormatError) {
        let bytes = file.bytes
        guard bytes.count >= Self.headerSize, file.load(UInt32.self, at: 0) == Self.magic else {
            throw FormatError(description: "\(file.path) is not a jpen weights file")
        }
        let foundKind = Kind(rawValue: file.load(UInt32.self, at: 4))
        guard foundKind == kind else {
            throw FormatError(description: "\(file.path) holds \(foundKind) weights, not \(kind)")
        }
        let foundVersion = file.load(UInt32.self, at: 8)
        guard foundVersion == version else {
            throw FormatError(description: "\(file.path) is \(kind) format \(foundVersion); this build reads \(version)")
        }
        let classes = Int(file.load(UInt32.self, at: 12))
        let bits = Int(file.load(UInt32.self, at: 16))
        let extraCount = Int(file.load(UInt32.self, at: 24))
        guard classes >= 1, classes <= 1 << 16, classCount.map({ $0 == classes }) ?? true else {
            throw FormatError(description: "\(file.path) has \(classes) classes\(classCount.map { ", expected \($0)" } ?? "")")
        }
        guard (1...30).contains(bits),
              bytes.count == Self.extraOffset(classCount: classes, bits: bits) + extraCount else {
            throw FormatError(description: "\(file.path) is truncated or has a bad size")
        }
        // Mapped memory is page-aligned; the weights start at 32 and the extra data at a multiple of 16.
        let base = bytes.baseAddress!
        self.weights = UnsafeBufferPointer(start: base.advanced(by: Self.headerSize).assumingMemoryBound(to: Int16.self),
                                           count: classes << bits)
        self.extra = UnsafeRawBufferPointer(start: base.advanced(by: Self.extraOffset(classCount: classes, bits: bits)),
                                            count: extraCount)
        self.file = file
        self.kind = kind
        self.version = foundVersion
        self.classCount = classes
        self.bits = bits
        self.scale = Float(bitPattern: file.load(UInt32.self, at: 20))
    }

    /// Maps and checks the weights at `path`. Cost: O(1).
    public init(path: String, kind: Kind, version: UInt32, classCount: Int? = nil) throws(FormatError) {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw FormatError(description: error.description) }
        try self.init(file: file, kind: kind, version: version, classCount: classCount)
    }

    /// The quantized weight at `index` (row × class count + class). Cost: O(1).
    @inlinable
    public subscript(index: Int) -> Int16 {
        Int16(littleEndian: weights[index])
    }

    /// The file contents for `weights` (`classCount << bits` of them, row by row) and the kind's
    /// `extra` data: the one builder of the format. Weights are quantized to Int16 steps of
    /// the largest magnitude / 32767. Cost: O(weights + extra).
    public static func encode(kind: Kind, version: UInt32, classCount: Int, weights: [Float], extra: [UInt8] = []) -> [UInt8] {
        let bits = (weights.count / max(classCount, 1)).trailingZeroBitCount
        precondition(classCount >= 1 && weights.count == classCount << bits && bits >= 1,
                     "weights must be classCount × a power of two (at least 2) rows")
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(extraOffset(classCount: classCount, bits: bits) + extra.count)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(magic)
        append(kind.rawValue)
        append(version)
        append(UInt32(classCount))
        append(UInt32(bits))
        append(scale.bitPattern)
        append(UInt32(extra.count))
        append(UInt32(0))
        for weight in weights { append(Int16((weight / scale).rounded())) }
        bytes.append(contentsOf: repeatElement(0, count: extraOffset(classCount: classCount, bits: bits) - bytes.count))
        bytes.append(contentsOf: extra)
        return bytes
    }

    static func extraOffset(classCount: Int, bits: Int) -> Int {
        (headerSize + 2 * (classCount << bits) + 15) / 16 * 16
    }
}
