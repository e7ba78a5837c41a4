import Foundation
import JPENICU
import JPENLexicon

/// Compiles edict's lines into a ``GlossIndex`` file: each content word of a short gloss (at
/// most three of them, so definitions are left out) points to the headword's stem.
///
/// ```swift
/// var builder = GlossIndexBuilder()
/// builder.add(line: "友好的 [ゆうこうてき] /(adj-na) friendly/amicable/")
/// try builder.write(to: path, signature: 1)
/// ```
/// Cost: O(size of the dictionary); edict takes about a second in a release build.
public struct GlossIndexBuilder {
    private var stemNumbers: [String: UInt32] = [:]
    private var stems: [String] = []
    private var postings: [String: Set<UInt32>] = [:]

    /// A word glossing more headwords than this says nothing about a translation ("thing").
    static let mostStemsPerWord = 400

    public init() {}

    /// Adds one edict line (`HEADWORD [READING] /(tags) gloss/gloss/`). Other lines are ignored.
    public mutating func add(line: Substring) {
        guard let slash = line.range(of: " /") else { return }
        var head = line[..<slash.lowerBound]
        if let bracket = head.firstIndex(of: "[") { head = head[..<bracket] }
        guard let stem = Self.stem(of: head.trimmingCharacters(in: .whitespaces)) else { return }
        for field in line[slash.upperBound...].split(separator: "/") {
            // Tags in parentheses anywhere in a gloss: parts of speech, sense numbers, notes.
            var gloss = "", depth = 0
            for character in field {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { gloss.append(character) }
            }
            guard !gloss.hasPrefix("EntL") else { continue }
            let words = GlossIndex.contentWords(gloss)
            guard !words.isEmpty, words.count <= 3 else { continue }
            let number = stemNumbers[stem] ?? {
                stems.append(stem)
                stemNumbers[stem] = UInt32(stems.count - 1)
                return UInt32(stems.count - 1)
            }()
            for word in words { postings[word, default: []].insert(number) }
        }
    }

    /// What of a headword to look for in running text, where it may be inflected: a kanji word
    /// without its trailing kana (落ち着く → 落ち着, 友好的 whole), a katakana word whole. Nil for
    /// hiragana-only words, which occur inside too many others, and for stems under two
    /// characters (感じる → 感) or over ``GlossIndex/longestStem``.
    static func stem(of headword: String) -> String? {
        var scalars = Array(headword.unicodeScalars)
        guard !scalars.isEmpty, scalars.allSatisfy({ isKanji($0) || isKana($0) || $0 == "ー" || $0 == "・" }) else { return nil }
        if scalars.contains(where: isKanji) {
            while let last = scalars.last, isHiragana(last) { scalars.removeLast() }
        } else if scalars.contains(where: isHiragana) {
            return nil
        }
        guard (2...GlossIndex.longestStem).contains(scalars.count) else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isKanji(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || scalar == "々"
            || (0x20000...0x2FFFF).contains(scalar.value)
    }
    private static func isHiragana(_ scalar: Unicode.Scalar) -> Bool { (0x3041...0x309F).contains(scalar.value) }
    private static func isKana(_ scalar: Unicode.Scalar) -> Bool { (0x3041...0x30FF).contains(scalar.value) }

    /// The compiled file's bytes.
    public func serialized(signature: UInt64) -> [UInt8] {
        let words = postings.filter { $0.value.count <= Self.mostStemsPerWord }.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var strings: [UInt8] = []
        var stemRecords: [(UInt32, UInt32)] = []
        var wordRecords: [(UInt32, UInt32, UInt32, UInt32)] = []
        var postingList: [UInt32] = []
        let postingsCount = words.reduce(0) { $0 + postings[$1]!.count }
        let stringsBase = GlossIndex.headerSize + words.count * 16 + stems.count * 8 + postingsCount * 4
        for stem in stems {
            stemRecords.append((UInt32(stringsBase + strings.count), UInt32(stem.utf8.count)))
            strings += stem.utf8
        }
        for word in words {
            let numbers = postings[word]!.sorted()
            wordRecords.append((UInt32(stringsBase + strings.count), UInt32(word.utf8.count), UInt32(postingList.count), UInt32(numbers.count)))
            strings += word.utf8
            postingList += numbers
        }
        var bytes = GlossIndex.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(GlossIndex.formatVersion)
        append(signature)
        append(UInt32(words.count))
        append(UInt32(stems.count))
        for (offset, length, first, count) in wordRecords { append(offset); append(length); append(first); append(count) }
        for (offset, length) in stemRecords { append(offset); append(length) }
        for number in postingList { append(number) }
        bytes += strings
        return bytes
    }

    /// Writes the compiled file atomically (a reader never sees half of it).
    public func write(to path: String, signature: UInt64) throws(GlossIndexError) {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(serialized(signature: signature)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw GlossIndexError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension GlossIndex {
    /// The index of the edict that `sources` name, compiled into `glosses.bin` beside the
    /// lexicon's cache when missing or when edict's size or time or the format changed. Nil when
    /// there is no edict. Cost: milliseconds when current; about a second to compile.
    public static func load(_ sources: LexiconSources = .standard()) throws(GlossIndexError) -> GlossIndex? {
        guard let edict = sources.dictionaries.first(where: { $0.source == .edict })?.path,
              let attributes = try? FileManager.default.attributesOfItem(atPath: edict) else { return nil }
        let signature = Self.signature(edict, size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                                       modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        let path = sources.cacheDirectory + "/glosses.bin"
        if let index = try? GlossIndex(path: path), index.signature == signature { return index }
        guard let data = FileManager.default.contents(atPath: edict) else { throw GlossIndexError("cannot read \(edict)") }
        let text: String
        do {
            text = try Converter.decode([UInt8](data), charset: "EUC-JP")
        } catch {
            throw GlossIndexError("cannot decode \(edict) from EUC-JP: \(error)")
        }
        var builder = GlossIndexBuilder()
        for line in text.split(separator: "\n") { builder.add(line: line) }
        do {
            try builder.write(to: path, signature: signature)
        } catch {
            // A read-only cache still gets an index, in the temporary folder.
            let fallback = NSTemporaryDirectory() + "jpen-\(getuid())/glosses.bin"
            try builder.write(to: fallback, signature: signature)
            return try GlossIndex(path: fallback)
        }
        return try GlossIndex(path: path)
    }

    /// FNV-1a over the format version, edict's path, size and modification time.
    private static func signature(_ path: String, size: UInt64, modified: Double) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("\(formatVersion)|\(path)|\(size)|\(modified)".utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
