import Foundation
import JPENICU
import JPENText

/// The folded form under which the lexicon stores and finds names.
///
/// One function serves both scripts so that Japanese headwords and romanized names share one
/// index: case is folded, Latin diacritics are dropped (Shinzō → shinzo, Ötzi → otzi), Hepburn long
/// vowels are shortened (Shinzou, Shinzoo → shinzo; Yuuki → yuki), and spaces, punctuation and the
/// katakana middle dot are dropped (ウィルバー・ロス → ウィルバーロス). Kana and kanji stay as they are.
///
/// ```swift
/// LexiconKey.make("Shinzō  ABE")      // "shinzoabe"
/// LexiconKey.slug("Tokyo Bay")               // "tokyo-bay"
/// LexiconKey.orderFreeSlug("Shigeru Ishiba")  // "ishiba-shigeru" (words sorted: name order does not matter)
/// ```
public enum LexiconKey {
    /// The key of `text`. Cost: O(n).
    public static func make(_ text: String) -> String {
        let text = nfkc(text)
        var folder = Folder()
        var out = UTF8Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            folder.fold(scalar) { out.append($0) }
        }
        return out.take()
    }

    /// Code points gathered as UTF-8 for one String made at the end: appending to a
    /// `String.UnicodeScalarView` costs some 300 instructions a code point, this a few.
    struct UTF8Builder {
        private var bytes: [UInt8] = []

        init(capacity: Int = 0) {
            bytes.reserveCapacity(capacity)
        }

        var isEmpty: Bool { bytes.isEmpty }

        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }

        /// The String of what was gathered; the builder is left empty, its storage kept.
        mutating func take() -> String {
            defer { bytes.removeAll(keepingCapacity: true) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The readable part of a derived entity id: the words of `name` in the order they are
    /// written, lower-cased, diacritics dropped, joined with `-` ("Tokyo Bay" → `tokyo-bay`,
    /// "Shinzō Abe" → `shinzo-abe`). Letters are kept as they are ("Cooperation" keeps its "oo"),
    /// unless `shorteningLongVowels`, for a Japanese romanization whose Hepburn long vowels a
    /// reader writes short (Funabashi Youichi → `funabashi-yoichi`). Cost: O(n).
    public static func slug(_ name: String, shorteningLongVowels: Bool = false) -> String {
        words(of: name, shorteningLongVowels: shorteningLongVowels).joined(separator: "-")
    }

    /// The folded words of `name`, sorted and joined with `-`: what two spellings of one name share
    /// whatever their word order and long vowels ("Shigeru Ishiba", "Ishiba Shigeru" and 石破茂's
    /// romanization "Ishiba Shigeru" → `ishiba-shigeru`), for telling that mentions name one entity
    /// without knowing which word is the family name. Cost: O(n log n) in words.
    public static func orderFreeSlug(_ name: String) -> String {
        words(of: name, shorteningLongVowels: true).sorted().joined(separator: "-")
    }

    /// ``slug(_:shorteningLongVowels:)`` and ``orderFreeSlug(_:)`` of `name`, from one pass over
    /// it: a derived id and its link key read both. Cost: O(n log n) in words.
    static func slugs(_ name: String, shorteningLongVowels: Bool) -> (slug: String, orderFree: String) {
        let (words, shortened) = words(of: name, shorteningLongVowels: shorteningLongVowels, shortenedToo: true)
        return (words.joined(separator: "-"), (shorteningLongVowels ? words : shortened).sorted().joined(separator: "-"))
    }

    /// The folded words of `name`, in order.
    private static func words(of name: String, shorteningLongVowels: Bool) -> [String] {
        words(of: name, shorteningLongVowels: shorteningLongVowels, shortenedToo: false).words
    }

    /// The folded words of `name`, in order; with `shortenedToo`, unless `shorteningLongVowels`,
    /// also folded shortening long vowels, in the same pass (else `shortened` is empty).
    private static func words(of name: String, shorteningLongVowels: Bool, shortenedToo: Bool) -> (words: [String], shortened: [String]) {
        let both = shortenedToo && !shorteningLongVowels
        var words: [String] = [], shortened: [String] = []
        var folder = Folder(shortensLongVowels: shorteningLongVowels), shortener = Folder()
        var word = UTF8Builder(), shortWord = UTF8Builder()
        for scalar in nfkc(name).unicodeScalars {
            if isSeparator(scalar) {
                if !word.isEmpty { words.append(word.take()) }
                if !shortWord.isEmpty { shortened.append(shortWord.take()) }
                folder = Folder(shortensLongVowels: shorteningLongVowels)
                shortener = Folder()
            } else {
                folder.fold(scalar) { word.append($0) }
                if both { shortener.fold(scalar) { shortWord.append($0) } }
            }
        }
        if !word.isEmpty { words.append(word.take()) }
        if !shortWord.isEmpty { shortened.append(shortWord.take()) }
        return (words, shortened)
    }

    /// `text` in NFKC. Cost: O(n); an ICU call only for text that ``isKnownNFKC(_:)`` cannot vouch for.
    static func nfkc(_ text: String) -> String {
        isKnownNFKC(text) ? text : Normalizer.nfkc.normalize(text)
    }

    /// Whether every code point of `text` is ASCII, kana (with ー, ・, ゝ, ヽ, 々) or a CJK unified
    /// ideograph (U+4E00–U+9FFF): NFKC leaves such text as it is, since none of these decomposes
    /// and none combines with a neighbour (the combining voicing marks U+3099, U+309A are not
    /// among them). Names are nearly all such text, and skipping ICU spares a UTF-16 copy, the
    /// call and a String decoded back. False only means "not known". Cost: O(n), no allocation.
    static func isKnownNFKC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isKnownNFKC)
    }

    /// Whether `scalar` is one of the code points of ``isKnownNFKC(_:)``: NFC and NFKC leave it as
    /// it is, and it never combines with the code point before it. Cost: O(1).
    static func isKnownNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0x3005, 0x3041...0x3096, 0x309D...0x309E, 0x30A0...0x30FE, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// Whether `scalar` separates words and is left out of keys: spaces, punctuation, ・.
    @inlinable
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch Script(scalar) {
        case .space, .punctuation: true
        default: false
        }
    }

    /// Folds NFKC-normalized code points one at a time; remembers the last output to shorten long
    /// vowels. Scanning text uses it directly so that text and keys fold alike.
    struct Folder {
        private var last: UInt32 = 0
        /// Whether ou, oo, uu fold to o, o, u (keys and the order-free slug); a readable slug
        /// keeps them.
        private let shortensLongVowels: Bool

        init(shortensLongVowels: Bool = true) {
            self.shortensLongVowels = shortensLongVowels
        }

        /// The folded form of one code point: most fold to none or one, an accented letter to
        /// several (ß → ss).
        enum Folded {
            case none
            case one(Unicode.Scalar)
            case several([Unicode.Scalar])
        }

        /// Passes the folded form of `scalar` (zero, one or more code points) to `emit`.
        mutating func fold(_ scalar: Unicode.Scalar, emit: (Unicode.Scalar) -> Void) {
            switch fold(scalar) {
            case .none: break
            case .one(let folded): emit(folded)
            case .several(let folded): for scalar in folded { emit(scalar) }
            }
        }

        /// The folded form of `scalar`, as a value: the scanner's inner loop takes no closure.
        @inline(__always)
        mutating func fold(_ scalar: Unicode.Scalar) -> Folded {
            // Kana and kanji, most of what is folded, inline: no separator and no Latin letter,
            // without a call or a script look-up.
            guard !Script.isCommonJapaneseLetter(scalar.value) else {
                last = scalar.value
                return .one(scalar)
            }
            return foldOther(scalar)
        }

        /// ``fold(_:)`` of a code point that is no kana nor kanji.
        private mutating func foldOther(_ scalar: Unicode.Scalar) -> Folded {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: return latin(value + 0x20)
                case 0x61...0x7A, 0x30...0x39: return latin(value)
                default: return .none
                }
            } else if isSeparator(scalar) {
                return .none
            } else if let ascii = LexiconKey.asciiFold(scalar) {
                // Most accented letters fold to one letter: no array for those.
                if ascii.utf8.count == 1 { return latin(UInt32(ascii.utf8.first!)) }
                var folded: [Unicode.Scalar] = []
                for byte in ascii.utf8 {
                    if case .one(let letter) = latin(UInt32(byte)) { folded.append(letter) }
                }
                return folded.count > 1 ? .several(folded) : folded.first.map { .one($0) } ?? .none
            } else {
                last = value
                return .one(scalar)
            }
        }

        private mutating func latin(_ value: UInt32) -> Folded {
            // ou, oo, uu → o, o, u: the Hepburn variants of a long vowel.
            let u: UInt32 = 0x75, o: UInt32 = 0x6F
            if shortensLongVowels, (value == u && (last == o || last == u)) || (value == o && last == o) { return .none }
            last = value
            return .one(Unicode.Scalar(value)!)
        }
    }

    /// The lower-case ASCII spelling of an accented Latin letter (ō → o, ß → ss, æ → ae); nil
    /// for other code points. Cost: O(1), an array read for Latin ones.
    static func asciiFold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case latinBlocks.0: latinFolds[Int(scalar.value - latinBlocks.0.lowerBound)]
        case latinBlocks.1: latinFolds[latinBlocks.0.count + Int(scalar.value - latinBlocks.1.lowerBound)]
        default: nil
        }
    }

    /// The blocks of accented Latin letters: Latin-1 Supplement to Latin Extended-B, and Latin
    /// Extended Additional.
    private static let latinBlocks: (ClosedRange<UInt32>, ClosedRange<UInt32>) = (0xC0...0x24F, 0x1E00...0x1EFF)

    /// ``asciiFold(_:)`` of each code point of ``latinBlocks``, worked out once per process (a
    /// millisecond): a scan folds every accented letter of its text, and a decomposition each
    /// time cost more than the scan's step.
    private static let latinFolds: [String?] = (Array(latinBlocks.0) + Array(latinBlocks.1)).map { value in
        if let special = letterFolds[value] { return special }
        let base = String(Unicode.Scalar(value)!).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.isASCII && $0.properties.isAlphabetic }
        return base.isEmpty ? nil : String(String.UnicodeScalarView(base))
    }

    /// Letters that do not decompose to a base letter and a mark.
    private static let letterFolds: [UInt32: String] = [
        0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0xF8: "o", 0xD8: "o", 0x111: "d", 0x110: "d", 0x142: "l",
        0x141: "l", 0x153: "oe", 0x152: "oe", 0xFE: "th", 0xDE: "th", 0xF0: "d", 0xD0: "d", 0x131: "i",
        0x14B: "ng", 0x14A: "ng",
    ]
}
