import JPENICU
import JPENText

/// Normalizes text for matching while keeping a map back to the original offsets.
///
/// Immutable and `Sendable`: one normalizer serves every task.
///
/// ```swift
/// let normalized = TextNormalizer().normalize(Document(text: "ｽ－ﾊﾟ－\r\n㍿　ＡＢＣ"))
/// normalized.string                                   // "スーパー\n株式会社 ABC"
/// normalized.originalSpan(of: Span(start: 5, end: 9)) // 7..<8, the ㍿
/// ```
///
/// NFKC works on ICU's normalization segments (almost always single code points): each segment
/// is normalized alone and every code point it produces maps back to the whole segment, so no
/// normalized character claims a source it did not come from. jpen's own rules (see
/// ``Options``) run on single code points before NFKC, because some of them read their
/// neighbours (CR LF, a dash after katakana); NFKC's output goes through the context-free ones
/// again, so ⁻ becomes − and then "-".
public struct TextNormalizer: Sendable {
    /// The unifications this normalizer applies.
    public let options: Options

    /// A normalizer with `options`; ``Options/default`` is what jpen's stages read through.
    public init(options: Options = .default) {
        self.options = options
    }

    /// `document`'s text, normalized, with its offset map. Cost: O(n) time and 20 bytes a code
    /// point. Runs of code points that nothing changes (most text) are copied in bulk, about
    /// 1 GB/s of mixed Japanese and English; a code point NFKC maps to one BMP code point (full-width
    /// forms, half-width katakana) is two table reads, about 200 MB/s for text full of them; only
    /// ㍿-like expansions, combining marks and characters outside the BMP that are not inert call
    /// ICU. `NormalizeBenchmark` measures it.
    public func normalize(_ document: Document) -> NormalizedText {
        var run = NormalizationRun(source: document.scalars, options: options)
        run.normalizeAll()
        if options.contains(.japaneseSpaces) { run.removeSpacesBetweenJapanese() }
        return run.finish()
    }
}

/// One normalization in progress: the source, the output so far and its offset map.
private struct NormalizationRun {
    let source: [Unicode.Scalar]
    let options: TextNormalizer.Options
    let table = CharacterTable.shared
    var scalars: [Unicode.Scalar] = []
    var starts: [Int] = []
    var ends: [Int] = []
    /// A multi-code-point segment in UTF-16, for ICU; reused.
    var segment: [UInt16] = []

    init(source: [Unicode.Scalar], options: TextNormalizer.Options) {
        self.source = source
        self.options = options
        scalars.reserveCapacity(source.count)
        starts.reserveCapacity(source.count + 1)
        ends.reserveCapacity(source.count)
    }

    mutating func normalizeAll() {
        let compatibility = options.contains(.compatibility)
        let count = source.count
        var index = 0
        while index < count {
            // Most text is runs of code points that are copied as they are or through a table:
            // find the run, leaving out its last code point when a combining mark follows.
            var end = index
            var mapped = false
            while end < count {
                let flags = table.flags(of: source[end])
                if flags & CharacterTable.passThrough == 0 {
                    guard compatibility, flags & CharacterTable.mapsAlone != 0 else { break }
                    mapped = true
                }
                end += 1
            }
            if end < count, end > index, compatibility, startsMark(at: end) { end -= 1 }
            if end > index {
                if mapped {
                    let single = table.single
                    Self.appendRun(index..<end, of: source, to: &scalars) { $0.value < 0x10000 ? Unicode.Scalar(UInt32(single[Int($0.value)]))! : $0 }
                } else {
                    scalars.append(contentsOf: source[index..<end])
                }
                Self.appendOffsets(index..<end, to: &starts)
                Self.appendOffsets((index + 1)..<(end + 1), to: &ends)
                index = end
                if index == count { break }
            }
            index = normalize(at: index, flags: table.flags(of: source[index]), compatibility: compatibility)
        }
    }

    /// Appends `transform` of each code point of `run` (offsets of `source`) to `output`,
    /// through a buffer: appending a lazy map paid a capacity check per code point. Static, as
    /// ``appendOffsets(_:to:)`` is: an instance method called with `&scalars` would hold a second
    /// reference to the output through `self`, and every run would copy all of it.
    private static func appendRun(_ run: Range<Int>, of source: [Unicode.Scalar], to output: inout [Unicode.Scalar],
                                  _ transform: (Unicode.Scalar) -> Unicode.Scalar) {
        let base = output.count
        output.append(contentsOf: repeatElement(Unicode.Scalar(0), count: run.count))
        source.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { output in
                for index in run { output[base &+ index &- run.lowerBound] = transform(source[index]) }
            }
        }
    }

    /// Appends the offsets of `range` to `offsets`, through a buffer that the compiler fills
    /// several at a time: appending the range went offset by offset.
    private static func appendOffsets(_ range: Range<Int>, to offsets: inout [Int]) {
        let base = offsets.count
        offsets.append(contentsOf: repeatElement(0, count: range.count))
        offsets.withUnsafeMutableBufferPointer { offsets in
            // Wrapping additions: an overflow check per offset kept the loop from being vectorized.
            var offset = range.lowerBound
            for slot in base..<offsets.count {
                offsets[slot] = offset
                offset &+= 1
            }
        }
    }

    /// Normalizes what starts at `index` through the rules or NFKC; returns where to go on.
    private mutating func normalize(at index: Int, flags: UInt8, compatibility: Bool) -> Int {
        let scalar = source[index]
        if flags & CharacterTable.special != 0, let next = applyRule(at: index) { return next }
        guard compatibility else {
            emit(scalar, from: index, to: index + 1)
            return index + 1
        }
        // The NFKC segment ends at the next boundary, or at a code point a rule may claim
        // (none of them composes with what precedes it).
        var next = index + 1
        while next < source.count, startsMark(at: next) {
            while isRemoved(source[next]) { next += 1 }
            next += 1
        }
        if next == index + 1 {
            if flags & CharacterTable.hasSingle != 0 {
                emit(Unicode.Scalar(UInt32(table.single[Int(scalar.value)]))!, from: index, to: next)
                return next
            }
            if scalar.value >= 0x10000 && Normalizer.nfkc.isInert(scalar) {
                emit(scalar, from: index, to: next)
                return next
            }
        }
        normalizeSegment(from: index, to: next)
        return next
    }

    /// Whether a combining mark that NFKC joins to what precedes it starts at `index`, after
    /// characters that will be removed (they are looked through: a mark composes as if they
    /// were not there). A code point a rule may claim is never such a mark.
    private func startsMark(at index: Int) -> Bool {
        var index = index
        while index < source.count, isRemoved(source[index]) { index += 1 }
        return index < source.count
            && table.flags(of: source[index]) & (CharacterTable.boundaryBefore | CharacterTable.special) == 0
    }

    /// NFKC of `source[start..<end]` through ICU; every result maps to the whole segment.
    private mutating func normalizeSegment(from start: Int, to end: Int) {
        segment.removeAll(keepingCapacity: true)
        for scalar in source[start..<end] where !isRemoved(scalar) { segment.append(contentsOf: UTF16.encode(scalar)!) }
        let normalized = Normalizer.nfkc.normalize(segment)
        var units = normalized.makeIterator()
        var decoder = UTF16()
        while case .scalarValue(let scalar) = decoder.decode(&units) {
            emit(scalar, from: start, to: end)
        }
    }

    /// Applies jpen's own rule for the special code point at `index`; returns where to go on, or
    /// nil when no rule applies (its option is off) and NFKC should have it.
    private mutating func applyRule(at index: Int) -> Int? {
        let scalar = source[index]
        guard let kind = SpecialKind(scalar) else {
            // A compatibility form of a dash: only the long-vowel rule reads it before NFKC.
            return options.contains(.longVowels) ? longVowelRun(at: index) : nil
        }
        switch kind {
        case .carriageReturn:
            guard options.contains(.lineBreaks) else { return nil }
            let end = index + 1 < source.count && source[index + 1] == "\n" ? index + 2 : index + 1
            emit("\n", from: index, to: end)
            return end
        case .lineBreak:
            guard options.contains(.lineBreaks) else { return nil }
            emit("\n", from: index, to: index + 1)
            return index + 1
        case .paragraphSeparator:
            guard options.contains(.lineBreaks) else { return nil }
            emit("\n", from: index, to: index + 1)
            emit("\n", from: index, to: index + 1)
            return index + 1
        case .spacingSoundMark:
            guard options.contains(.compatibility) else { return nil }
            // NFKC would make ゛ a space and a combining mark, cutting the word in two.
            if !joinSoundMark(scalar, at: index) { append(scalar, from: index, to: index + 1) }
            return index + 1
        case .hyphen, .dash, .halfWidthLongVowel:
            if options.contains(.longVowels), let end = longVowelRun(at: index) { return end }
            guard kind != .dash, isEnabled(kind) else { return nil }
        case .space, .zeroWidth, .tilde:
            guard isEnabled(kind) else { return nil }
        }
        if let mapped = contextFree(scalar) { emit(mapped, from: index, to: index + 1) }
        return index + 1
    }

    private func isEnabled(_ kind: SpecialKind) -> Bool {
        switch kind {
        case .space: options.contains(.spaces)
        case .zeroWidth: options.contains(.zeroWidth)
        case .hyphen: options.contains(.hyphens)
        case .halfWidthLongVowel: options.contains(.longVowels)
        case .tilde: !options.isDisjoint(with: [.tildes, .removeTildes])
        default: false
        }
    }

    /// The rules that read no neighbours: `scalar` replaced, kept, or removed (nil).
    private func contextFree(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch SpecialKind(scalar) {
        case .space: options.contains(.spaces) ? " " : scalar
        case .zeroWidth: options.contains(.zeroWidth) ? nil : scalar
        case .hyphen: options.contains(.hyphens) ? "-" : scalar
        case .halfWidthLongVowel: options.contains(.longVowels) ? "ー" : scalar
        case .tilde: options.contains(.removeTildes) ? nil : options.contains(.tildes) ? "~" : scalar
        default: scalar
        }
    }

    /// When the dash-like run starting at `index` stands for a long vowel, emits ー for each of
    /// its characters and returns the run's end. The run also takes in ー and ASCII "-" (which
    /// stays), and characters that will be removed are looked through, so that normalizing
    /// normalized text again changes nothing.
    private mutating func longVowelRun(at index: Int) -> Int? {
        guard isDashLike(source[index]), let previous = scalars.last else { return nil }
        var end = index + 1
        var probe = end
        while true {
            while probe < source.count, isRemoved(source[probe]) { probe += 1 }
            guard probe < source.count,
                  isDashLike(source[probe]) || source[probe] == "-" || source[probe] == "ー" else { break }
            probe += 1
            end = probe
        }
        // With japaneseSpaces a space before Japanese goes away, so what follows it counts.
        if options.contains(.japaneseSpaces) {
            var next = probe
            while next < source.count, Self.isHorizontalSpace(source[next]) || isRemoved(source[next]) { next += 1 }
            if next < source.count, Self.isJapanese(normalizedStart(at: next)) { probe = next }
        }
        let length = source[index..<end].count { !isRemoved($0) }
        let before = Script(previous)
        // What follows is judged as it will be normalized (㌍ is カロリー); a combining mark
        // (゙ after ―) is not kana here: NFKC may move it past other marks.
        let after = probe < source.count ? Script(normalizedStart(at: probe)) : .space
        let kanaAfter = (after == .hiragana || after == .katakana)
            && table.flags(of: source[probe]) & CharacterTable.boundaryBefore != 0
        guard (before == .katakana && (length == 1 || kanaAfter)) || (before == .hiragana && kanaAfter) else {
            return nil
        }
        for position in index..<end where !isRemoved(source[position]) {
            emit(source[position] == "-" ? "-" : "ー", from: position, to: position + 1)
        }
        return end
    }

    /// The first code point NFKC makes of `source[index]` alone (itself with NFKC off).
    private func normalizedStart(at index: Int) -> Unicode.Scalar {
        let scalar = source[index]
        guard options.contains(.compatibility) else { return scalar }
        if scalar.value < 0x10000, table.flags[Int(scalar.value)] & CharacterTable.hasSingle != 0 {
            return Unicode.Scalar(UInt32(table.single[Int(scalar.value)]))!
        }
        return Normalizer.nfkc.normalize(String(scalar)).unicodeScalars.first ?? scalar
    }

    /// Whether a rule removes `scalar` whatever surrounds it.
    private func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch SpecialKind(scalar) {
        case .zeroWidth: options.contains(.zeroWidth)
        case .tilde: options.contains(.removeTildes)
        default: false
        }
    }

    /// Whether `scalar` can stand for ー, itself or (with NFKC on) through its compatibility form.
    private func isDashLike(_ scalar: Unicode.Scalar) -> Bool {
        if SpecialKind.canBeLongVowel(scalar) { return true }
        let value = Int(scalar.value)
        guard options.contains(.compatibility), value < 0x10000,
              table.flags[value] & CharacterTable.hasSingle != 0 else { return false }
        return SpecialKind.canBeLongVowel(Unicode.Scalar(UInt32(table.single[value]))!)
    }

    /// Joins a spacing sound mark (゛ ゜) to the kana before it (か゛ → が), when they compose.
    private mutating func joinSoundMark(_ mark: Unicode.Scalar, at index: Int) -> Bool {
        guard let last = scalars.last, [.hiragana, .katakana].contains(Script(last)) else { return false }
        let combining: UInt16 = mark == "\u{309B}" ? 0x3099 : 0x309A
        let composed = Normalizer.nfc.normalize([UInt16(last.value), combining])
        guard composed.count == 1, let joined = Unicode.Scalar(UInt32(composed[0])) else { return false }
        scalars[scalars.count - 1] = joined
        extendGroup(endingAt: ends.count - 1, to: index + 1)
        return true
    }

    /// Appends `scalar` after the context-free rules, merging a repeated ー into the one before.
    private mutating func emit(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        var scalar = scalar
        if table.flags(of: scalar) & CharacterTable.special != 0 {
            guard let mapped = contextFree(scalar) else { return }
            scalar = mapped
        }
        if scalar == "ー", scalars.last == "ー", options.contains(.repeatedLongVowels) {
            extendGroup(endingAt: ends.count - 1, to: end)
            return
        }
        if let last = ends.last, start < last {
            // The rest of a segment whose first code point merged into the ー before it: it
            // joins that ー's source group, so groups never overlap.
            extendGroup(endingAt: ends.count - 1, to: end)
            append(scalar, from: starts[starts.count - 1], to: ends[ends.count - 1])
            return
        }
        append(scalar, from: start, to: end)
    }

    /// Extends the source group of output `index`, and of every code point before it in the
    /// same group (株式会社 from ㍿), to end at `end`, so that groups stay whole.
    private mutating func extendGroup(endingAt index: Int, to end: Int) {
        let start = starts[index], oldEnd = ends[index]
        guard end > oldEnd else { return }
        var position = index
        while position >= 0, starts[position] == start, ends[position] == oldEnd {
            ends[position] = end
            position -= 1
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    /// Drops runs of horizontal space that have a Japanese character on both sides.
    mutating func removeSpacesBetweenJapanese() {
        // Most texts have no such space: find the first before moving anything.
        var first = 0
        while first < scalars.count {
            guard Self.isHorizontalSpace(scalars[first]) else { first += 1; continue }
            var end = first + 1
            while end < scalars.count, Self.isHorizontalSpace(scalars[end]) { end += 1 }
            if first > 0, end < scalars.count, Self.isJapanese(scalars[first - 1]), Self.isJapanese(scalars[end]) { break }
            first = end
        }
        guard first < scalars.count else { return }
        var write = first
        var read = first
        while read < scalars.count {
            if Self.isHorizontalSpace(scalars[read]) {
                var end = read + 1
                while end < scalars.count, Self.isHorizontalSpace(scalars[end]) { end += 1 }
                if write > 0, end < scalars.count, Self.isJapanese(scalars[write - 1]), Self.isJapanese(scalars[end]) {
                    read = end
                    continue
                }
            }
            if scalars[read] == "ー", write > 0, scalars[write - 1] == "ー", options.contains(.repeatedLongVowels) {
                // The removed space joined two runs of ー.
                extendGroup(endingAt: write - 1, to: ends[read])
            } else {
                var start = starts[read], end = ends[read]
                if write > 0, start < ends[write - 1] {
                    // The rest of a group whose first code point that merge took: it joins.
                    extendGroup(endingAt: write - 1, to: end)
                    start = starts[write - 1]
                    end = ends[write - 1]
                }
                scalars[write] = scalars[read]
                starts[write] = start
                ends[write] = end
                write += 1
            }
            read += 1
        }
        scalars.removeSubrange(write...)
        starts.removeSubrange(write...)
        ends.removeSubrange(write...)
    }

    private static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : SpecialKind(scalar) == .space
    }

    /// Kana, kanji and CJK punctuation; not a sound mark (゙ ゚ ゛ ゜), which a removed space
    /// would bring next to kana it then composes with.
    private static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        if (0x3099...0x309C).contains(scalar.value) { return false }
        switch Script(scalar) {
        case .hiragana, .katakana, .kanji: return true
        default: return (0x3001...0x303F).contains(scalar.value) || scalar == "・"
        }
    }

    mutating func finish() -> NormalizedText {
        starts.append(source.count)
        return NormalizedText(scalars: scalars, originalStarts: starts, originalEnds: ends)
    }
}
