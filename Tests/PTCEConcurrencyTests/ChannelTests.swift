import Foundation
@testable import PTCEConcurrency
import Testing

/// Values handed from one thread to another in batches: every value once, in order, whatever
/// the batch boundaries; a receiver that stops lets go of what waits.
@Suite(.timeLimit(.minutes(1))) struct ChannelTests {
    /// Sends `count` values on another thread, receives them here.
    private func handOver(_ count: Int, batchSize: Int) -> [Int] {
        let channel = Channel<Int>(batchSize: batchSize)
        let sender = BackgroundTask<Void, Never> {
            for value in 0..<count { channel.send(value) }
            channel.close()
            channel.close()  // a second close changes nothing
        }
        let received = Array(channel)
        sender.value()
        return received
    }

    @Test(arguments: [0, 1, 3, 4, 5, 1_024, 2_048, 10_001])
    func everyValueOnceInOrder(count: Int) {
        #expect(handOver(count, batchSize: 4) == Array(0..<count))
        #expect(handOver(count, batchSize: 1_024) == Array(0..<count))
    }

    @Test func aReceiverThatStopsEndsItsIteration() {
        let channel = Channel<Int>(batchSize: 2)
        for value in 0..<10 { channel.send(value) }
        var iterator = channel.makeIterator()
        #expect(iterator.next() == 0)
        #expect(iterator.next() == 1)
        channel.stop()
        for value in 10..<20 { channel.send(value) }  // dropped
        channel.close()
        #expect(iterator.next() == nil)
    }
}
