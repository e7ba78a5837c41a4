import JPENICU
import JPENText

/// Normalizes text for matching while keeping a map back to the original offsets.
///
/// Immutable and `Sendable`: one normalizer serves every task.
///
/// The text is cut at ICU's normalization boundaries into segments (almost always single code
/// points), each segment normalized alone, and every code point a segment produces maps back to
/// the whole segment. That makes the map exact: no normalized character claims a source it did
/// not come from.
public struct TextNormalizer: Sendable {
    public init() {}

    /// `document`'s text, NFKC-normalized, with its offset map. Cost: O(n); ASCII and code points
    /// that NFKC leaves alone skip ICU.
    public func normalize(_ document: Document) -> NormalizedText {
        let source = document.scalars
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        scalars.reserveCapacity(source.count)
        starts.reserveCapacity(source.count + 1)
        ends.reserveCapacity(source.count)
        let nfkc = Normalizer.nfkc
        var index = 0
        var segment: [UInt16] = []
        while index < source.count {
            let scalar = source[index]
            var next = index + 1
            while next < source.count, !nfkc.hasBoundary(before: source[next]) { next += 1 }
            if next == index + 1, scalar.isASCII || nfkc.isInert(scalar) {
                scalars.append(scalar)
                starts.append(index)
                ends.append(next)
            } else {
                segment.removeAll(keepingCapacity: true)
                for s in source[index..<next] { segment.append(contentsOf: UTF16.encode(s)!) }
                for s in String(decoding: nfkc.normalize(segment), as: UTF16.self).unicodeScalars {
                    scalars.append(s)
                    starts.append(index)
                    ends.append(next)
                }
            }
            index = next
        }
        starts.append(source.count)
        return NormalizedText(scalars: scalars, originalStarts: starts, originalEnds: ends)
    }
}
