/// A dictionary of words that turns away most absent words without hashing them.
///
/// The English rules look each word they meet up in several word lists, and nearly every look-up
/// fails ("the" is no month, no unit, no weekday). Hashing the word for each failure cost a
/// fifth of the date stage. A word's signature (length, first and last byte) is one bit in a
/// 4 KB table; only a word whose signature some key shares is hashed.
///
/// ```swift
/// let months: WordTable<Int> = ["may": 5, "june": 6]
/// months["june"]   // 6
/// months["the"]    // nil, from the signature table alone
/// ```
///
/// Cost: O(1) per look-up; building costs O(keys).
struct WordTable<Value> {
    private let values: [String: Value]
    /// One bit per signature any key has.
    private let signatures: [UInt64]

    init(_ values: [String: Value]) {
        self.values = values
        var signatures = [UInt64](repeating: 0, count: 1 << 15 / 64)
        for key in values.keys {
            let signature = Self.signature(key)
            signatures[signature >> 6] |= 1 << UInt64(signature & 63)
        }
        self.signatures = signatures
    }

    var keys: Dictionary<String, Value>.Keys { values.keys }

    subscript(word: String) -> Value? {
        let signature = Self.signature(word)
        guard signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0 else { return nil }
        return values[word]
    }

    func contains(_ word: String) -> Bool { self[word] != nil }

    /// 15 bits: the length (up to 31) and the low five bits of the first and last bytes.
    static func signature(_ word: String) -> Int {
        let utf8 = word.utf8
        guard !utf8.isEmpty else { return 0 }
        let first = Int(utf8[utf8.startIndex] & 31)
        let last = Int(utf8[utf8.index(before: utf8.endIndex)] & 31)
        return min(utf8.count, 31) << 10 | first << 5 | last
    }
}

extension WordTable: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }
}

/// A set of words: `let hedges: WordTable<Void> = ["about", "nearly"]`.
extension WordTable: ExpressibleByArrayLiteral where Value == Void {
    init(arrayLiteral elements: String...) {
        self.init(Dictionary(uniqueKeysWithValues: elements.map { ($0, ()) }))
    }
}

extension WordTable: Sendable where Value: Sendable {}

/// A list of words for ``DateScanner/literal(_:_:)``, grouped by first code point: one look-up
/// finds the few words that can match at a token instead of comparing every word there (the
/// sixty deictic words, compared at every kanji that starts one, cost a tenth of the stage; the
/// kana readings, which share their first UTF-8 byte with every kana, as much). A code point no
/// word starts with is mostly turned away by a bit before any hashing.
/// Within a group the words keep their order, so the earlier of two equally long words still wins.
///
/// Cost: O(1) per look-up; building costs O(words).
struct LiteralTable: Sendable {
    let words: [String]
    private let groups: [Unicode.Scalar: [String]]
    /// One bit per value of the low ten bits of the words' first code points.
    private let firstBits: [UInt64]

    init(_ words: [String]) {
        self.words = words
        groups = Dictionary(grouping: words) { $0.unicodeScalars.first! }
        var bits = [UInt64](repeating: 0, count: 1024 / 64)
        for first in groups.keys {
            let low = Int(first.value & 1023)
            bits[low >> 6] |= 1 << UInt64(low & 63)
        }
        firstBits = bits
    }

    /// The words that start with `scalar`, in list order.
    subscript(startingWith scalar: Unicode.Scalar) -> [String] {
        let low = Int(scalar.value & 1023)
        guard firstBits[low >> 6] & (1 << UInt64(low & 63)) != 0 else { return [] }
        return groups[scalar] ?? []
    }
}

/// Flags per code point, asked about nearly every code point of a text: a byte per code point of
/// the Basic Multilingual Plane (a 64 KB table), so a look-up is one load where hashing the code
/// point, as `Set` or `Dictionary` do, cost a twentieth of the date stage. Code points beyond the
/// BMP fall back to a `Dictionary`.
///
/// ```swift
/// let flags = ScalarFlags([("年", 1), ("月", 2), ("年", 4)])
/// flags["年"]   // 5
/// flags["a"]    // 0
/// ```
///
/// Cost: O(1) per look-up; building costs O(entries) and 64 KB.
struct ScalarFlags: Sendable {
    private var bmp = [UInt8](repeating: 0, count: 0x10000)
    private var beyondBMP: [Unicode.Scalar: UInt8] = [:]

    /// The flags of each code point are the union of those its entries give.
    init(_ entries: some Sequence<(Unicode.Scalar, UInt8)>) {
        for (scalar, flags) in entries {
            if scalar.value < 0x10000 {
                bmp[Int(scalar.value)] |= flags
            } else {
                beyondBMP[scalar, default: 0] |= flags
            }
        }
    }

    subscript(scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x10000 ? bmp[Int(scalar.value)] : beyondBMP[scalar] ?? 0
    }
}
