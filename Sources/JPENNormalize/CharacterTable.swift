import JPENICU

/// What the normalizer needs to know of each code point of the Basic Multilingual Plane, so the
/// common case costs two array reads instead of ICU calls.
///
/// Built once per process from ICU's NFKC data: one ICU call normalizes every BMP code point,
/// each followed by U+0000 (which composes with nothing), so all 65,536 results come from a
/// single pass. Cost: about a millisecond and 192 KB.
struct CharacterTable: Sendable {
    static let shared = CharacterTable()

    /// A normalization segment starts here: text may be cut just before this code point.
    static let boundaryBefore: UInt8 = 1 << 0
    /// NFKC turns the code point alone into one BMP code point, stored in ``single``.
    static let hasSingle: UInt8 = 1 << 1
    /// One of jpen's own rules may apply (``SpecialKind``).
    static let special: UInt8 = 1 << 2
    /// A normalization segment starts here, NFKC leaves the code point alone unchanged, and no
    /// rule touches it (ー is left out: runs of it may collapse). A run of such code points is
    /// copied as it is, when a boundary follows it.
    static let passThrough: UInt8 = 1 << 3
    /// Like ``passThrough``, but NFKC turns the code point into ``single`` (Ａ → A, ｱ → ア),
    /// which no rule touches either.
    static let mapsAlone: UInt8 = 1 << 4

    let flags: [UInt8]
    let single: [UInt16]

    private init() {
        let nfkc = Normalizer.nfkc
        var units: [UInt16] = []
        units.reserveCapacity(0x20000)
        for value in 0..<0x10000 {
            // U+0000 is the separator (NFKC keeps it; its entry is the space's, which is also
            // itself), and a lone surrogate is not text: a space stands in for both.
            units.append(value == 0 || (0xD800...0xDFFF).contains(value) ? 0x20 : UInt16(value))
            units.append(0)
        }
        let normalized = nfkc.normalize(units)
        var flags = [UInt8](repeating: 0, count: 0x10000)
        var single = [UInt16](repeating: 0, count: 0x10000)
        var value = 0
        var chunkStart = 0
        for (index, unit) in normalized.enumerated() where unit == 0 {
            if index - chunkStart == 1 && !UTF16.isLeadSurrogate(normalized[chunkStart]) {
                single[value] = value == 0 ? 0 : normalized[chunkStart]
                flags[value] |= Self.hasSingle
            }
            value += 1
            chunkStart = index + 1
        }
        precondition(value == 0x10000, "NFKC must keep every U+0000 separator")
        for value in 0..<0x10000 where !(0xD800...0xDFFF).contains(value) {
            let scalar = Unicode.Scalar(UInt32(value))!
            if nfkc.hasBoundary(before: scalar) { flags[value] |= Self.boundaryBefore }
            // A compatibility form of a dash (﹘ ︱) is special too: NFKC makes it one, and the
            // long-vowel rule must see it before NFKC for normalizing twice to change nothing.
            if SpecialKind(scalar) != nil
                || (flags[value] & Self.hasSingle != 0
                    && SpecialKind.canBeLongVowel(Unicode.Scalar(UInt32(single[value]))!)) {
                flags[value] |= Self.special
            }
        }
        for value in 0..<0x10000 where !(0xD800...0xDFFF).contains(value) {
            guard flags[value] & (Self.boundaryBefore | Self.hasSingle | Self.special) == Self.boundaryBefore | Self.hasSingle,
                  single[value] != 0x30FC, flags[Int(single[value])] & Self.special == 0 else { continue }
            flags[value] |= single[value] == UInt16(value) ? Self.passThrough : Self.mapsAlone
        }
        self.flags = flags
        self.single = single
    }

    /// The flags of any code point; outside the BMP ICU is asked (never ``hasSingle``).
    @inline(__always)
    func flags(of scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value < 0x10000 { return flags[Int(scalar.value)] }
        return Normalizer.nfkc.hasBoundary(before: scalar) ? Self.boundaryBefore : 0
    }
}

/// The code points jpen's own rules look at, beyond NFKC.
enum SpecialKind {
    case carriageReturn, lineBreak, paragraphSeparator
    case space, zeroWidth, hyphen, dash, halfWidthLongVowel, tilde, spacingSoundMark

    init?(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0D: self = .carriageReturn
        case 0x85, 0x2028: self = .lineBreak
        case 0x2029: self = .paragraphSeparator
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: self = .space
        case 0xAD, 0x180E, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF: self = .zeroWidth
        case 0x02D7, 0x058A, 0x2010...0x2013, 0x2043, 0x207B, 0x208B, 0x2212, 0xFE63, 0xFF0D: self = .hyphen
        case 0x2014, 0x2015, 0x2500, 0x2501: self = .dash
        case 0xFF70: self = .halfWidthLongVowel
        case 0x223C, 0x223E, 0x2053, 0x301C, 0x3030, 0xFF5E: self = .tilde
        case 0x309B, 0x309C: self = .spacingSoundMark
        default: return nil
        }
    }

    /// Whether the character can stand for ー after kana (``TextNormalizer/Options/longVowels``).
    static func canBeLongVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2010...0x2015, 0x2212, 0x2500, 0x2501, 0xFE63, 0xFF0D, 0xFF70: true
        default: false
        }
    }
}
