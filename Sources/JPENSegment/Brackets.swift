/// Opening and closing brackets and quotation marks that a sentence break must not fall inside.
enum Brackets {
    /// +1 for an opening mark, -1 for a closing one, 0 otherwise. Symmetric marks (") count 0:
    /// whether they open or close is not known from the mark alone.
    static func depthChange(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "「", "『", "（", "(", "【", "〔", "［", "〈", "《", "“", "‘", "«": 1
        case "」", "』", "）", ")", "】", "〕", "］", "〉", "》", "”", "’", "»": -1
        default: 0
        }
    }
}
