/// Training examples of a linear model, stored flat: each example is the weight rows of its
/// hashed features and its class; examples come in groups (a sentence's gaps) that training
/// shuffles as units.
///
/// ```swift
/// var examples = TrainingExamples()
/// examples.add(features: [12, 40_000], label: 1)
/// examples.endGroup()
/// ```
/// Memory: 4 bytes a feature, 12 an example.
public struct TrainingExamples: Sendable {
    /// The rows of every example's features, one example after another.
    public private(set) var features: [Int32] = []
    /// Where each example's features end in ``features``.
    private(set) var featureEnds: [Int] = []
    /// Each example's class: for a binary model 1 (yes) or 0 (no).
    public private(set) var labels: [Int32] = []
    /// Where each group's examples end.
    private(set) var groupEnds: [Int] = []

    public init() {}

    /// The number of examples.
    public var count: Int { labels.count }

    /// Adds one feature row to the example being built. Cost: O(1) amortized.
    public mutating func addFeature(_ row: Int) {
        features.append(Int32(truncatingIfNeeded: row))
    }

    /// Ends the example being built (the features added since the last one) with class `label`.
    public mutating func endExample(label: Int) {
        featureEnds.append(features.count)
        labels.append(Int32(label))
    }

    /// Adds an example with the feature rows `rows` and class `label`. Cost: O(rows).
    public mutating func add<Rows: Sequence<Int>>(features rows: Rows, label: Int) {
        for row in rows { addFeature(row) }
        endExample(label: label)
    }

    /// Closes the group of the examples added since the last call; an empty group is ignored.
    public mutating func endGroup() {
        if labels.count > (groupEnds.last ?? 0) { groupEnds.append(labels.count) }
    }

    /// Where each group's examples end, the examples after the last ``endGroup()`` being one more.
    var closedGroupEnds: [Int] {
        groupEnds.last ?? 0 < labels.count ? groupEnds + [labels.count] : groupEnds
    }

    /// The feature rows of example `example`.
    func featureRange(of example: Int) -> Range<Int> {
        (example == 0 ? 0 : featureEnds[example - 1])..<featureEnds[example]
    }
}
