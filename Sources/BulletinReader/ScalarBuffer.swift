/// A text's Unicode scalars with O(1) access by position, in the narrowest storage that holds
/// them all: one byte per scalar when every scalar is below U+0100 (Latin-1: most pages, all
/// ASCII), two below U+10000, four otherwise. `Array(text.unicodeScalars)` takes four bytes
/// per scalar whatever the text: for a 20 MB HTML page, 80 MB (issue 14's measurement:
/// the largest single allocation of reading an HTML bulletin).
struct ScalarBuffer: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case latin1([UInt8])
        case basic([UInt16])
        case full([Unicode.Scalar])
    }

    private let storage: Storage
    let count: Int

    init(_ text: String) {
        var widest: UInt32 = 0
        var count = 0
        for scalar in text.unicodeScalars {
            widest = Swift.max(widest, scalar.value)
            count += 1
        }
        self.count = count
        if widest < 0x100 {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            for scalar in text.unicodeScalars { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) }
            storage = .latin1(bytes)
        } else if widest < 0x1_0000 {
            var units: [UInt16] = []
            units.reserveCapacity(count)
            for scalar in text.unicodeScalars { units.append(UInt16(truncatingIfNeeded: scalar.value)) }
            storage = .basic(units)
        } else {
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(count)
            scalars.append(contentsOf: text.unicodeScalars)
            storage = .full(scalars)
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Unicode.Scalar {
        switch storage {
        case .latin1(let bytes):
            return Unicode.Scalar(bytes[position])
        case .basic(let units):
            // Below U+10000 and not a surrogate: it came from a valid scalar.
            return Unicode.Scalar(units[position]) ?? "\u{FFFD}"
        case .full(let scalars):
            return scalars[position]
        }
    }
}
