/// An error reported by ICU, with the operation that failed and ICU's error code.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// What jpen asked ICU to do, e.g. `"open word break iterator for ja"`.
    public let operation: String
    /// ICU's `UErrorCode` (positive values are errors).
    public let code: Int32

    public var description: String { "ICU failed to \(operation) (error \(code))" }

    /// Throws when `status` is an ICU error; negative values are warnings and pass.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
        if status > 0 { throw ICUError(operation: operation(), code: status) }
    }
}
