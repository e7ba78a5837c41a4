import JPENLexicon
import JPENText

/// Japanese mentions that start or stop inside a compound, re-scored against the same mention run
/// to the compound's ends (the run of kanji, katakana and Latin letters it sits in). Names written as one compound are one mention in both kinds of annotated data
/// (日本オリンピック委員会, パリ交通公団, ゆめタウン久留米), but a tagger that knows the first part
/// (日本, パリ) better than the head often stops there; the same for a mention that misses the
/// compound's start (東|ローマ帝国). Here the tagger's own scores decide: the
/// mention is widened, as an organization or with its own type, when that labelling of the
/// stretch scores less than `margin` per added character below the decoded one (Viterbi's path
/// is the best one, so widening needs that allowance; measured on the development sets, half of
/// the model's largest weight per character).
enum CompoundMentions {
    /// The allowance per added character, as a share of the model's largest weight.
    static let marginShare: Float = 0.5

    /// Rewrites `tags` (one per character of `sentence`) in place. `emissions` holds ``Tag/count``
    /// scores per position, `transitions` the model's constrained transition scores and `margin`
    /// the allowance per added character. Cost: O(characters of the widened stretches · tags).
    static func widen(_ tags: inout [UInt8], in sentence: ArraySlice<Unicode.Scalar>, emissions: [Float],
                      transitions: [Float], margin: Float) {
        let n = tags.count, base = sentence.startIndex
        // Digits stay out: a number after a name is seldom part of it (田老|66).
        func inCompound(_ position: Int) -> Bool {
            let kind = CharacterFeatures.characterClass(sentence[base + position])
            return kind != .digit && CharacterFeatures.isCompound(kind.rawValue)
        }
        for mention in Tag.decode(tags) {
            guard case .entity(let type) = mention.kind else { continue }
            let start = mention.range.lowerBound, end = mention.range.upperBound
            // The stretches of the compound around the mention that no other mention holds.
            var compoundEnd = end
            if end < n, inCompound(end - 1) {
                while compoundEnd < n, inCompound(compoundEnd), tags[compoundEnd] == Tag.outside { compoundEnd += 1 }
                if compoundEnd < n, inCompound(compoundEnd) { compoundEnd = end }
            }
            var compoundStart = start
            if start > 0, inCompound(start) {
                while compoundStart > 0, inCompound(compoundStart - 1), tags[compoundStart - 1] == Tag.outside { compoundStart -= 1 }
                if compoundStart > 0, inCompound(compoundStart - 1) { compoundStart = start }
            }
            guard compoundStart < start || compoundEnd > end else { continue }
            let region = compoundStart..<compoundEnd
            let current = score(Array(tags[region]), at: compoundStart, tags: tags, emissions: emissions, transitions: transitions)
            var best: [UInt8]? = nil, bestScore = current
            for (from, to) in [(start, compoundEnd), (compoundStart, end), (compoundStart, compoundEnd)] where (from, to) != (start, end) {
                for kind in type == .organization ? [type] : [.organization, type] {
                    let widened = Tag.encode([((from - compoundStart)..<(to - compoundStart), .entity(kind))], count: region.count)
                    let allowance = margin * Float(start - from + to - end)
                    let widenedScore = score(widened, at: compoundStart, tags: tags, emissions: emissions, transitions: transitions) + allowance
                    if widenedScore > bestScore { best = widened; bestScore = widenedScore }
                }
            }
            if let best { tags.replaceSubrange(region, with: best) }
        }
    }

    /// The path score of `labels` put at `start`, between the tags around them.
    private static func score(_ labels: [UInt8], at start: Int, tags: [UInt8], emissions: [Float], transitions: [Float]) -> Float {
        let count = Tag.count
        var total: Float = 0
        var previous = start == 0 ? count : Int(tags[start - 1])
        for (offset, label) in labels.enumerated() {
            total += transitions[previous * count + Int(label)] + emissions[(start + offset) * count + Int(label)]
            previous = Int(label)
        }
        let after = start + labels.count
        if after < tags.count { total += transitions[previous * count + Int(tags[after])] }
        return total
    }
}
