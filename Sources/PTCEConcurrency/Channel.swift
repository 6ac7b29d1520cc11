import Foundation

/// Values handed from one thread to another as they are made, in order: the sender never
/// waits, the receiver waits while the channel is empty and open. Values travel in batches, so
/// that a million of them cost a few thousand handovers.
///
/// One thread sends (``send(_:)``, ``close()``); one thread receives, by iterating.
package final class Channel<Element>: Sequence, @unchecked Sendable {
    private let condition = NSCondition()
    /// Batches sent and not yet taken; guarded by `condition`.
    private var batches: [[Element]] = []
    private var isClosed = false
    private var isStopped = false
    /// The batch being filled; the sender's alone.
    private var pending: [Element] = []
    private let batchSize: Int

    /// Creates an open channel handing values over `batchSize` at a time.
    package init(batchSize: Int = 1_024) {
        self.batchSize = batchSize
        pending.reserveCapacity(batchSize)
    }

    /// Sends `value`; it reaches the receiver with the batch it completes, or at ``close()``.
    /// After ``stop()`` the value is dropped.
    package func send(_ value: Element) {
        pending.append(value)
        if pending.count == batchSize { publish(closing: false) }
    }

    /// Sends what is pending and ends the channel: the receiver's iteration ends once it has taken
    /// everything. Closing twice does nothing more.
    package func close() {
        publish(closing: true)
    }

    /// Called by the receiver when it wants nothing more: what is waiting is let go and later
    /// values are dropped, so that a receiver that gave up holds no memory.
    package func stop() {
        condition.lock()
        isStopped = true
        batches = []
        condition.unlock()
    }

    private func publish(closing: Bool) {
        let batch = pending
        pending = []
        pending.reserveCapacity(closing ? 0 : batchSize)
        condition.lock()
        if !isStopped, !batch.isEmpty { batches.append(batch) }
        if closing { isClosed = true }
        condition.signal()
        condition.unlock()
    }

    /// Waits for the next batch; `nil` once the channel is closed (or stopped) and empty.
    private func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !isClosed, !isStopped { condition.wait() }
        return batches.isEmpty ? nil : batches.removeFirst()
    }

    package struct Iterator: IteratorProtocol {
        let channel: Channel
        var batch: [Element] = []
        var index = 0

        package mutating func next() -> Element? {
            while index == batch.count {
                guard let next = channel.take() else { return nil }
                (batch, index) = (next, 0)
            }
            defer { index += 1 }
            return batch[index]
        }
    }

    /// The values in the order they were sent; waits for each, ends when the channel is closed.
    package func makeIterator() -> Iterator { Iterator(channel: self) }
}
