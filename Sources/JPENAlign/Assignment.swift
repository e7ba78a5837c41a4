/// The one-to-one assignment of rows to columns with the greatest total weight (Hungarian
/// algorithm, Jonker–Volgenant potentials). Only positive weights are worth pairing; a row whose
/// best column would add nothing stays unassigned.
///
/// ```swift
/// Assignment.best([[0.9, 0.8], [0.85, 0.1]])   // [1, 0]: 0.8 + 0.85 beats 0.9 + 0.1
/// ```
/// Cost: O(n²·m) for n rows and m columns (n ≤ m after transposing).
enum Assignment {
    /// For each row, its column, or nil.
    static func best(_ weights: [[Double]]) -> [Int?] {
        let rows = weights.count
        guard rows > 0, let columns = weights.first?.count, columns > 0 else { return Array(repeating: nil, count: rows) }
        if rows > columns {
            let transposed = (0..<columns).map { column in (0..<rows).map { weights[$0][column] } }
            var result: [Int?] = Array(repeating: nil, count: rows)
            for (column, row) in best(transposed).enumerated() { if let row { result[row] = column } }
            return result
        }
        // Minimize −max(weight, 0): a zero-weight cell is as good as leaving the row unpaired.
        let cost = weights.map { $0.map { -max($0, 0) } }
        var u = Array(repeating: 0.0, count: rows + 1), v = Array(repeating: 0.0, count: columns + 1)
        var rowOf = Array(repeating: 0, count: columns + 1), way = Array(repeating: 0, count: columns + 1)
        for row in 1...rows {
            rowOf[0] = row
            var column0 = 0
            var minimum = Array(repeating: Double.infinity, count: columns + 1)
            var used = Array(repeating: false, count: columns + 1)
            repeat {
                used[column0] = true
                let row0 = rowOf[column0]
                var delta = Double.infinity, column1 = 0
                for column in 1...columns where !used[column] {
                    let reduced = cost[row0 - 1][column - 1] - u[row0] - v[column]
                    if reduced < minimum[column] { minimum[column] = reduced; way[column] = column0 }
                    if minimum[column] < delta { delta = minimum[column]; column1 = column }
                }
                for column in 0...columns {
                    if used[column] { u[rowOf[column]] += delta; v[column] -= delta } else { minimum[column] -= delta }
                }
                column0 = column1
            } while rowOf[column0] != 0
            repeat {
                let column1 = way[column0]
                rowOf[column0] = rowOf[column1]
                column0 = column1
            } while column0 != 0
        }
        var result: [Int?] = Array(repeating: nil, count: rows)
        for column in 1...columns where rowOf[column] != 0 && weights[rowOf[column] - 1][column - 1] > 0 {
            result[rowOf[column] - 1] = column - 1
        }
        return result
    }
}
