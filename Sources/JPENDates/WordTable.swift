/// A dictionary of words that looks a word up without hashing a String.
///
/// The English rules look each word they meet up in several word lists, and nearly every look-up
/// fails ("the" is no month, no unit, no weekday). Hashing the String for each cost a fifth of the
/// date stage. A word of 1–13 lower-case ASCII letters is one number instead, its ``code(_:)``
/// (the lexer computes it once per word, ``DateLexer/Tokens/wordCodes``), looked up in an
/// open-addressing table with a multiplicative hash: a few loads and compares. Other keys (with a
/// space, longer, empty) live in a `Dictionary` that only words without a code consult.
///
/// ```swift
/// let months: WordTable<Int> = ["may": 5, "june": 6]
/// months["june"]                                          // 6
/// months[code: WordTable<Int>.code("the"), word: "the"]   // nil
/// ```
///
/// Cost: O(1) per look-up (O(length) more for a String, to make its code); building costs O(keys).
struct WordTable<Value> {
    /// The codes of the packed keys at their slots; 0 marks an empty slot.
    private let codes: [UInt64]
    private let values: [Value?]
    /// How far right a code's product shifts to become a slot: 64 minus log2 of the slot count.
    private let shift: UInt64
    /// Keys that have no code.
    private let others: [String: Value]
    let keys: [String]

    init(_ values: [String: Value]) {
        keys = Array(values.keys)
        var bits: UInt64 = 3
        // At most a quarter full: a missing word, the usual case, probes 1.4 slots on average.
        while 1 << bits < values.count * 4 { bits += 1 }
        var codes = [UInt64](repeating: 0, count: 1 << bits)
        var slotValues = [Value?](repeating: nil, count: 1 << bits)
        var others: [String: Value] = [:]
        for (key, value) in values {
            let code = Self.code(key)
            guard code != 0 else { others[key] = value; continue }
            var slot = Self.slot(code, shift: 64 - bits)
            while codes[slot] != 0 { slot = (slot + 1) & (codes.count - 1) }
            codes[slot] = code
            slotValues[slot] = value
        }
        self.codes = codes
        self.values = slotValues
        self.shift = 64 - bits
        self.others = others
    }

    subscript(word: String) -> Value? { self[code: Self.code(word), word: word] }

    /// The value of a word whose ``code(_:)`` is known: `code`, or `word()` when it has none.
    subscript(code code: UInt64, word word: @autoclosure () -> String) -> Value? {
        guard code != 0 else { return others.isEmpty ? nil : others[word()] }
        var slot = Self.slot(code, shift: shift)
        while true {
            let found = codes[slot]
            if found == code { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & (codes.count - 1)
        }
    }

    func contains(_ word: String) -> Bool { self[word] != nil }

    private static func slot(_ code: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// A word of 1–13 lower-case ASCII letters as a number: its letters as base-27 digits (a = 1),
    /// which 27^13 < 2^63 keeps distinct; 0 for any other word.
    static func code(_ word: String) -> UInt64 {
        var code: UInt64 = 0
        var length = 0
        for byte in word.utf8 {
            guard byte >= 0x61, byte <= 0x7A, length < 13 else { return 0 }
            code = code &* 27 &+ UInt64(byte &- 0x60)
            length += 1
        }
        return code
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
/// kana readings, which share their first UTF-8 byte with every kana, as much). The groups are
/// found by an open-addressing table keyed by the code point, and each word's code points are
/// stored decoded, so matching compares code points without hashing or decoding a String.
/// Within a group the words keep their order, so the earlier of two equally long words still wins.
///
/// ```swift
/// let table = LiteralTable(["にがつ", "いちがつ", "に"])
/// table.group(startingWith: "に").map { table.words[table.order[$0]] }   // ["にがつ", "に"]
/// ```
///
/// Cost: O(1) per look-up; building costs O(words).
struct LiteralTable: Sendable {
    /// The words, in list order.
    let words: [String]
    /// Indices in ``words``, grouped by first code point, in list order within a group.
    let order: [Int]
    /// The code points of the word at each index of ``words``, as a range of ``codePoints``.
    let bounds: [Range<Int>]
    let codePoints: [Unicode.Scalar]
    /// Slot → a group's first code point plus one (0: an empty slot) and its range of ``order``.
    private let firsts: [UInt32]
    private let groups: [Range<Int>]
    private let shift: UInt32

    init(_ words: [String]) {
        self.words = words
        var codePoints: [Unicode.Scalar] = []
        bounds = words.map { word in
            let start = codePoints.count
            codePoints.append(contentsOf: word.unicodeScalars)
            return start..<codePoints.count
        }
        self.codePoints = codePoints
        var firstOrder: [Unicode.Scalar] = []
        var members: [Unicode.Scalar: [Int]] = [:]
        for (index, word) in words.enumerated() {
            let first = word.unicodeScalars.first!
            if members[first] == nil { firstOrder.append(first) }
            members[first, default: []].append(index)
        }
        var bits: UInt32 = 2
        // At most a quarter full: a code point no word starts with, the usual case, probes few slots.
        while 1 << bits < firstOrder.count * 4 { bits += 1 }
        var firsts = [UInt32](repeating: 0, count: 1 << bits)
        var groups = [Range<Int>](repeating: 0..<0, count: 1 << bits)
        var order: [Int] = []
        for first in firstOrder {
            var slot = Self.slot(first, shift: 32 - bits)
            while firsts[slot] != 0 { slot = (slot + 1) & (firsts.count - 1) }
            firsts[slot] = first.value + 1
            groups[slot] = order.count..<order.count + members[first]!.count
            order += members[first]!
        }
        self.order = order
        self.firsts = firsts
        self.groups = groups
        shift = 32 - bits
    }

    /// The range of ``order`` holding the words that start with `scalar`; empty when none does.
    func group(startingWith scalar: Unicode.Scalar) -> Range<Int> {
        var slot = Self.slot(scalar, shift: shift)
        while true {
            let found = firsts[slot]
            if found == scalar.value + 1 { return groups[slot] }
            if found == 0 { return 0..<0 }
            slot = (slot + 1) & (firsts.count - 1)
        }
    }

    private static func slot(_ scalar: Unicode.Scalar, shift: UInt32) -> Int {
        Int(truncatingIfNeeded: (scalar.value &* 0x9E37_79B1) >> shift)
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

    @inline(__always)  // asked at every token: a call cost more than the load
    subscript(scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x10000 ? bmp[Int(scalar.value)] : beyondBMP[scalar] ?? 0
    }
}
