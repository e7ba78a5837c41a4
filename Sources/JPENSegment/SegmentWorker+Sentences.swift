import JPENText

extension SegmentWorker {
    /// Sentences of one paragraph, in normalized offsets, trimmed of space, with their language
    /// runs (``LanguageRuns``, found in the same pass over the code points).
    ///
    /// Each place where a sentence could start is judged by the language of the sentence so far.
    /// Japanese: ICU proposes the breaks; a break inside open brackets or quotation marks
    /// (「…。…」) is dropped, and so is one between a quotation and the particle that reports it
    /// (「…。」と述べた). English: every space between two tokens is a candidate, judged by the
    /// learned ``SentenceBoundaryModel``; a line break always ends a sentence unless the paragraph
    /// is hard-wrapped. Cost: O(paragraph length).
    func sentenceSpans(in paragraph: Span, of scalars: [Unicode.Scalar]) -> [(span: Span, runs: [LanguageRun])] {
        // The buffers are moved into locals (keeping their storage) for the paragraph: each read
        // of a class's array property in the loops below paid an exclusivity check.
        var icuBreaks = self.icuBreaks, paragraphTokens = self.paragraphTokens, descriptions = paragraphDescriptions
        var tokenScores = self.tokenScores, rows = gapRows
        self.icuBreaks = []
        self.paragraphTokens = []
        paragraphDescriptions = []
        self.tokenScores = []
        gapRows = []
        defer {
            self.icuBreaks = icuBreaks
            self.paragraphTokens = paragraphTokens
            paragraphDescriptions = descriptions
            self.tokenScores = tokenScores
            gapRows = rows
        }
        icuBreaks.removeAll(keepingCapacity: true)
        // ICU's breaks are read only where the sentence so far has no more English letters than
        // Japanese ones (weighted), and where English text without space runs into Japanese.
        // Without Japanese in the paragraph, that is only before a sentence's first English
        // letter; as English sentences start with one, ICU (a sixth of sentence splitting) is
        // asked only when a sentence starts otherwise (“, a digit), and then for the whole
        // paragraph, so its breaks are the same as ever.
        var icuAsked = false
        // (No Japanese letter is below U+3005, 々: English text is answered by one comparison.)
        if scalars[paragraph.range].contains(where: { $0.value >= 0x3005 && LanguageRuns.language(of: $0) == .japanese }) {
            findICUBreaks(in: paragraph, of: scalars, into: &icuBreaks)
            icuAsked = true
        }
        paragraphTokens.removeAll(keepingCapacity: true)
        // Without a Latin letter every sentence is judged the Japanese way: no tokens needed.
        if scalars[paragraph.range].contains(where: { (0x61...0x7A).contains($0.value | 0x20) }) {
            EnglishTokenizer.tokens(in: paragraph, of: scalars, into: &paragraphTokens)
        }
        descriptions.removeAll(keepingCapacity: true)
        descriptions.append(contentsOf: repeatElement(Self.undescribed, count: paragraphTokens.count))
        tokenScores.removeAll(keepingCapacity: true)
        tokenScores.append(contentsOf: repeatElement(0, count: paragraphTokens.count))
        // Gaps below this have their token scores and descriptions; and their sentence
        // features' rows asked for, as the sentence stood then.
        var scoredGaps = 0, prefetchedGaps = 0
        // Asked only at a line break (most paragraphs have none): it reads the whole paragraph.
        var hardWrapped: Bool? = nil
        func isHardWrapped() -> Bool {
            if let known = hardWrapped { return known }
            let found = Paragraphs.isHardWrapped(paragraph, in: scalars)
            hardWrapped = found
            return found
        }

        var result: [(span: Span, runs: [LanguageRun])] = []
        var runs = LanguageRuns()
        var start = paragraph.start
        var scanned = paragraph.start
        var depth = 0, japaneseWeight = 0, latinWeight = 0
        var nextBreak = 0, nextGap = 0, sentenceFirstToken = 0
        while true {
            if !icuAsked, latinWeight == 0, scanned < paragraph.end, LanguageRuns.language(of: scalars[scanned]) != .english {
                findICUBreaks(in: paragraph, of: scalars, into: &icuBreaks)
                icuAsked = true
                nextBreak = 0
            }
            // The next place to judge: an ICU break or the start of a token, whichever is first.
            while nextBreak < icuBreaks.count, icuBreaks[nextBreak] <= scanned { nextBreak += 1 }
            while nextGap + 1 < paragraphTokens.count, paragraphTokens[nextGap + 1].span.start <= scanned { nextGap += 1 }
            let breakPosition = nextBreak < icuBreaks.count ? icuBreaks[nextBreak] : paragraph.end
            let gapPosition = nextGap + 1 < paragraphTokens.count ? paragraphTokens[nextGap + 1].span.start : paragraph.end
            let position = min(breakPosition, gapPosition)
            guard position < paragraph.end else { break }
            while scanned < position {
                let scalar = scalars[scanned]
                depth = max(0, depth + Brackets.depthChange(scalar))
                let language = LanguageRuns.language(of: scalar)
                switch language {
                case .japanese: japaneseWeight += 2
                case .english: latinWeight += 1
                case .undetermined: break
                }
                runs.add(language, at: scanned)
                scanned += 1
            }
            let icuBreak = breakPosition == position
            let gapAfter: Int? = gapPosition == position ? nextGap : nil
            let isBreak: Bool
            if japaneseWeight >= latinWeight {
                isBreak = icuBreak && depth == 0
                    && !Brackets.continuesAfterQuotation(at: position, in: paragraph, of: scalars)
                    && !(isWrappedLineBreak(before: position, in: paragraph, of: scalars) && isHardWrapped())
            } else if let left = gapAfter, paragraphTokens[left].span.end < position {
                if containsLineBreak(paragraphTokens[left].span.end..<position, of: scalars) && !isHardWrapped() {
                    isBreak = true
                } else {
                    if left >= scoredGaps {
                        scoredGaps = min(left + 64, paragraphTokens.count - 1)
                        scoreTokenFeatures(ofGapsAfter: left..<scoredGaps, tokens: paragraphTokens, scalars: scalars,
                                           descriptions: &descriptions, rows: &rows, scores: &tokenScores)
                    }
                    var score = tokenScores[left]
                    descriptions.withUnsafeBufferPointer { described in
                        SentenceBoundaryFeatures.forEachFeature(
                            gapAfter: left, tokenCount: paragraphTokens.count, insideBrackets: depth > 0,
                            tokensInSentence: left + 1 - sentenceFirstToken, bits: sentenceModel.bits, part: .sentence,
                            description: { described[$0] }) { score &+= sentenceModel.weight(row: $0) }
                    }
                    isBreak = score > 0
                }
            } else {
                // No space: only the start of Japanese text after English ends a sentence.
                isBreak = icuBreak && Script(scalars[position]).language == .japanese
            }
            if isBreak {
                let sentenceRuns = runs.finished()
                if let trimmed = Paragraphs.trim(Span(start: start, end: position), in: scalars) { result.append((trimmed, sentenceRuns)) }
                start = position
                sentenceFirstToken = nextGap + 1
                prefetchedGaps = 0
                depth = 0
                japaneseWeight = 0
                latinWeight = 0
            }
            if let left = gapAfter {
                // The sentence features' rows of the next few scored gaps, as they will be
                // judged unless a sentence ends before them (after a break, asked for again):
                // their reads miss the cache, and the judging stalled on them.
                prefetchedGaps = max(prefetchedGaps, left + 1)
                descriptions.withUnsafeBufferPointer { described in
                    while prefetchedGaps < min(left + 1 + Self.sentenceFeatureLookahead, scoredGaps) {
                        let ahead = prefetchedGaps
                        prefetchedGaps += 1
                        guard paragraphTokens[ahead].span.end < paragraphTokens[ahead + 1].span.start else { continue }
                        SentenceBoundaryFeatures.forEachFeature(
                            gapAfter: ahead, tokenCount: paragraphTokens.count, insideBrackets: depth > 0,
                            tokensInSentence: ahead + 1 - sentenceFirstToken, bits: sentenceModel.bits, part: .sentence,
                            description: { described[$0] }) { sentenceModel.prefetch(row: $0) }
                    }
                }
            }
        }
        for index in scanned..<paragraph.end { runs.add(LanguageRuns.language(of: scalars[index]), at: index) }
        if let trimmed = Paragraphs.trim(Span(start: start, end: paragraph.end), in: scalars) { result.append((trimmed, runs.finished())) }
        return result
    }

    /// Sets `scores[left]`, for each gap with space after token `left` of `gaps`, to the sum of
    /// the weights of its token features (``SentenceBoundaryFeatures/Part/tokens``), and
    /// describes the tokens they read into `descriptions` (each token once).
    ///
    /// The weights are a table the cache does not hold: hashing a batch of gaps first and then
    /// reading all their rows lets the misses overlap, where judging gap by gap stalled on each;
    /// each row is also asked for as soon as it is hashed, so they overlap the hashing too.
    private func scoreTokenFeatures(ofGapsAfter gaps: Range<Int>, tokens: [Token], scalars: [Unicode.Scalar],
                                    descriptions: inout [SentenceBoundaryFeatures.TokenDescription],
                                    rows: inout [Int32], scores: inout [Int32]) {
        func hasSpace(_ left: Int) -> Bool { tokens[left].span.end < tokens[left + 1].span.start }
        for left in gaps where hasSpace(left) {
            for index in max(0, left - 1)...min(left + 2, tokens.count - 1)
            where descriptions[index].lengthClass == Self.undescribed.lengthClass {
                descriptions[index] = SentenceBoundaryFeatures.describe(tokens[index], scalars)
            }
        }
        rows.removeAll(keepingCapacity: true)
        descriptions.withUnsafeBufferPointer { described in
            for left in gaps where hasSpace(left) {
                SentenceBoundaryFeatures.forEachFeature(
                    gapAfter: left, tokenCount: tokens.count, insideBrackets: false, tokensInSentence: 0,
                    bits: sentenceModel.bits, part: .tokens, description: { described[$0] }) {
                    rows.append(Int32(truncatingIfNeeded: $0))
                    sentenceModel.prefetch(row: $0)
                }
            }
        }
        var read = 0
        for left in gaps where hasSpace(left) {
            var score: Int32 = 0
            for row in rows[read..<(read + SentenceBoundaryFeatures.tokenFeatureCount)] { score &+= sentenceModel.weight(row: Int(row)) }
            scores[left] = score
            read += SentenceBoundaryFeatures.tokenFeatureCount
        }
    }

    /// Sets `breaks` to the sentence breaks ICU finds in `paragraph`, as offsets of `scalars`.
    private func findICUBreaks(in paragraph: Span, of scalars: [Unicode.Scalar], into breaks: inout [Int]) {
        window.fill(scalars[paragraph.range])
        let codePointAt = window.codePointAt
        window.units.withUnsafeBufferPointer { units in
            sentenceBreaker.boundaries(in: units) { end, _ in
                breaks.append(paragraph.start + Int(codePointAt[end]))
            }
        }
    }

    /// How many gaps after the one judged have their sentence features' weights asked for.
    static let sentenceFeatureLookahead = 4

    /// Marks a token not described yet: a real description's length class is never 0.
    static let undescribed = SentenceBoundaryFeatures.TokenDescription(lower: 0, shape: 0, lengthClass: 0)

    private func containsLineBreak(_ range: Range<Int>, of scalars: [Unicode.Scalar]) -> Bool {
        scalars[range].contains(where: Paragraphs.isLineBreak)
    }

    /// Whether the space before `position` holds a line break that a hard-wrapped paragraph put
    /// in the middle of a sentence: the text before it does not end with a full stop.
    private func isWrappedLineBreak(before position: Int, in paragraph: Span, of scalars: [Unicode.Scalar]) -> Bool {
        var index = position
        var sawLineBreak = false
        while index > paragraph.start, Script(scalars[index - 1]) == .space {
            if Paragraphs.isLineBreak(scalars[index - 1]) { sawLineBreak = true }
            index -= 1
        }
        guard sawLineBreak, index > paragraph.start else { return false }
        return !Paragraphs.endsSentence(scalars[index - 1])
    }
}
