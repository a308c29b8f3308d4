/// One input of the corpus and the file name it is fed under by preference.
struct CorpusEntry {
    var bytes: [UInt8]
    var fileName: String
}
