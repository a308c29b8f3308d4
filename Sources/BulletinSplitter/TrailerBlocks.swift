/// The bulletin cut at its delimiters (trailers and separator lines): the measures
/// `ArticleAssembler` uses to tell a block that lost a trailer (two articles) from an
/// article with sub-headings (one article). Built in one linear pass; every question is
/// answered in constant time.
struct TrailerBlocks {
    /// Number of trailer lines before the footer.
    let trailerCount: Int
    /// The median number of prose bytes (body and why paragraphs) of the blocks a trailer
    /// closes: the size of the bulletin's typical trailer-closed block. 0 when there is none.
    let typicalBytes: Int
    /// For each segment index, the number of its block.
    private let block: [Int]
    /// For each block, the index of the delimiter that closes it (or the footer's start).
    private let blockEnd: [Int]
    /// For each block, how many title candidates in it stand alone between two body
    /// paragraphs (prose before, prose after).
    private let standaloneCandidates: [Int]
    /// Prefix sums over the segments: prose paragraphs and their bytes before index `i`.
    private let paragraphsBefore: [Int]
    private let bytesBefore: [Int]

    init(_ segments: [Segment], end: Int) {
        var block = [Int](repeating: 0, count: segments.count)
        var blockEnd: [Int] = []
        var standalone: [Int] = [0]
        var paragraphs = [Int](repeating: 0, count: end + 1)
        var bytes = [Int](repeating: 0, count: end + 1)
        var closedSizes: [Int] = []
        var trailers = 0
        var current = 0
        var blockStartBytes = 0
        for index in 0..<end {
            let segment = segments[index]
            block[index] = current
            let prose = segment.isBodyLike
            paragraphs[index + 1] = paragraphs[index] + (prose ? 1 : 0)
            bytes[index + 1] = bytes[index] + (prose ? segment.text.utf8.count : 0)
            if segment.isTitleCandidate, !segment.isHeading, index > 0, segments[index - 1].isBodyLike,
               index + 1 < end, segments[index + 1].isBodyLike {
                standalone[current] += 1
            }
            if segment.kind == .trailer || segment.kind == .separator {
                if segment.kind == .trailer {
                    trailers += 1
                    closedSizes.append(bytes[index + 1] - blockStartBytes)
                }
                blockEnd.append(index)
                standalone.append(0)
                current += 1
                blockStartBytes = bytes[index + 1]
            }
        }
        blockEnd.append(end)
        for index in end..<segments.count { block[index] = current }
        closedSizes.sort()
        self.block = block
        self.blockEnd = blockEnd
        standaloneCandidates = standalone
        paragraphsBefore = paragraphs
        bytesBefore = bytes
        trailerCount = trailers
        typicalBytes = closedSizes.isEmpty ? 0 : closedSizes[closedSizes.count / 2]
    }

    /// The number of stand-alone title candidates in the block of `index`.
    func standaloneCandidates(inBlockOf index: Int) -> Int { standaloneCandidates[block[index]] }

    /// The index of the delimiter (or footer start) that ends the block of `index`.
    func end(ofBlockOf index: Int) -> Int { blockEnd[block[index]] }

    /// Whether the block of `index` is closed by a delimiter rather than by the footer.
    func isClosed(_ index: Int) -> Bool { block[index] < blockEnd.count - 1 }

    /// Prose paragraphs and their bytes in the segments `range` (within the footer's start).
    func prose(in range: Range<Int>) -> (paragraphs: Int, bytes: Int) {
        (paragraphsBefore[range.upperBound] - paragraphsBefore[range.lowerBound],
         bytesBefore[range.upperBound] - bytesBefore[range.lowerBound])
    }
}
