import Dispatch
import Foundation

/// A value given once by one thread, awaited by others.
package final class Promise<Value: Sendable>: @unchecked Sendable {
    private let given = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stored: Value?
    private var isGiven = false

    /// Creates a promise not yet fulfilled: ``value()`` waits until ``fulfil(_:)`` is called.
    package init() {}

    /// Gives the value and wakes the threads waiting for it. Only the first value given counts:
    /// returns whether this one did.
    @discardableResult
    package func fulfil(_ value: Value) -> Bool {
        let isFirst = lock.withLock {
            guard !isGiven else { return false }
            (stored, isGiven) = (value, true)
            return true
        }
        if isFirst { given.signal() }
        return isFirst
    }

    /// Waits until the value is given.
    package func value() -> Value {
        given.wait()
        given.signal()
        return stored!
    }
}

/// A value given once by one thread and taken once by another, then no longer held: for a large
/// value (a file's bytes) that only one thread needs, and must not outlive its use.
package final class Handover<Value: Sendable>: @unchecked Sendable {
    private let given = Promise<Void>()
    private let lock = NSLock()
    private var stored: Value?
    private var isGiven = false

    /// Creates a handover with nothing given yet: ``take()`` waits until ``give(_:)`` is called.
    package init() {}

    /// Gives the value (`nil`: none will come) and wakes the thread waiting for it. Only the
    /// first call counts.
    package func give(_ value: Value?) {
        let isFirst = lock.withLock {
            guard !isGiven else { return false }
            (stored, isGiven) = (value, true)
            return true
        }
        if isFirst { given.fulfil(()) }
    }

    /// Waits until the value is given, and takes it: `nil` when none was, or it was taken already.
    package func take() -> Value? {
        given.value()
        return lock.withLock {
            defer { stored = nil }
            return stored
        }
    }
}

/// Work started on a thread of its own; ``value()`` waits for it, then returns its result or
/// throws its error.
///
/// A thread, not a worker of a dispatch queue: tasks that wait on one another (a reading that
/// waits for its file's fingerprint, a workbook that waits for the members) would otherwise hold
/// the few workers a two-core machine's pool has, and stall until it grows.
package final class BackgroundTask<Value: Sendable, Failure: Error>: Sendable {
    private let result = Promise<Result<Value, Failure>>()

    /// Starts `work` at once on a new thread, with as much stack as the main thread.
    package init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        let result = self.result
        let thread = Thread { result.fulfil(Result { () throws(Failure) in try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until the work ends, then returns its result or throws its error (of type `Failure`); may be called more
    /// than once, from any thread.
    package func value() throws(Failure) -> Value {
        try result.value().get()
    }
}
