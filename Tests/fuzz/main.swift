import BulletinClassifier
import BulletinSplitter
import Foundation

// BulletinFuzz: a seeded mutation loop over the reader (text, Markdown, HTML, e-mail with
// MIME, quoted-printable, base64, encoded words, charsets), the splitter, the classifier and
// the summary renderer. Same seed, same inputs. Prints one line of figures; exits 0 when no
// execution crashed, hung or broke a documented guarantee, 1 on a broken guarantee (the
// input is written to the artifacts folder), 3 on a hang; a crash kills the process with its
// signal after writing the input (see CrashRecorder).

let options: FuzzOptions
do {
    options = try FuzzOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    print("""
        usage: BulletinFuzz [--seconds S] [--iterations N] [--seed N] [--max-length BYTES] [--hang-limit S] [--artifacts DIR] [CORPUS_DIR...]
               BulletinFuzz --replay FILE...
        \((error as? FuzzUsageError).map { $0.message == "usage" ? "" : "error: \($0.message)" } ?? "error: \(error)")
        """)
    exit(2)
}

let rulesPath = FuzzOptions.repositoryRoot.appendingPathComponent("Config/topics.toml").path
let taxonomy: Taxonomy
do {
    taxonomy = try Taxonomy.parse(try String(contentsOfFile: rulesPath, encoding: .utf8), fileName: rulesPath)
} catch {
    print("fuzz: cannot load \(rulesPath): \(error)")
    exit(2)
}
let harness = FuzzHarness(splitter: try BulletinSplitter(), classifier: Classifier(taxonomy: taxonomy))
let fileNames = ["bulletin.txt", "bulletin.md", "bulletin.html", "bulletin.eml", "bulletin", "bulletin.htm"]

// Replay: every file under every name; print what happened.
if !options.replay.isEmpty {
    var failed = false
    for path in options.replay {
        guard let data = FileManager.default.contents(atPath: path) else { print("\(path): cannot read"); failed = true; continue }
        for name in fileNames {
            let result = harness.run([UInt8](data), fileName: name, checkDeterminism: true)
            print("\(path) as \(name): \(result.signature)\(result.violation.map { " VIOLATION: \($0)" } ?? "")")
            if result.violation != nil { failed = true }
        }
    }
    exit(failed ? 1 : 0)
}

// The corpus: every regular file of the corpus folders, fed by preference under its own name.
var corpus: [CorpusEntry] = []
for folder in options.corpusFolders {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
    for name in names {
        if let data = FileManager.default.contents(atPath: folder + "/" + name) {
            corpus.append(CorpusEntry(bytes: [UInt8](data), fileName: name))
        }
    }
}
if corpus.isEmpty { corpus.append(CorpusEntry(bytes: Array("Title\n\nBody.\n".utf8), fileName: "seed.txt")) }
let seedCount = corpus.count

try? FileManager.default.createDirectory(atPath: options.artifacts, withIntermediateDirectories: true)
let artifact = options.artifacts + "/crash-seed\(options.seed).bin"
CrashRecorder.install(artifactPath: artifact)
let watchdog = HangWatchdog(limit: options.hangLimit)
watchdog.start { "seed \(options.seed); input written to \(artifact)" }

var rng = SeededGenerator(seed: options.seed)
let mutator = Mutator(maxLength: options.maxLength)
var signatures = Set<String>()
let corpusLimit = 4096
let started = Date()
var executions = 0

// Seeds first, under every name, then mutations until a bound is reached.
@MainActor func execute(_ bytes: [UInt8], name: String, keep: Bool) {
    CrashRecorder.record(bytes)
    watchdog.begin()
    let result = harness.run(bytes, fileName: name, checkDeterminism: executions % 64 == 0)
    watchdog.end()
    executions += 1
    if let violation = result.violation {
        CrashRecorder.dump()
        print("fuzz: FAILED after \(executions) executions (seed \(options.seed)): \(violation)")
        print("fuzz: input (\(bytes.count) bytes, read as \(name)) written to \(artifact); reproduce with: BulletinFuzz --replay \(artifact)")
        exit(1)
    }
    if signatures.insert(result.signature).inserted, keep, corpus.count < corpusLimit {
        corpus.append(CorpusEntry(bytes: bytes, fileName: name))
    }
}

for entry in corpus.prefix(seedCount) {
    for name in fileNames { execute(entry.bytes, name: name, keep: false) }
}
while true {
    if options.iterations > 0, executions >= options.iterations { break }
    if executions % 32 == 0, Date().timeIntervalSince(started) >= options.seconds { break }
    let entry = corpus[Int(rng.next() % UInt64(corpus.count))]
    let other = corpus[Int(rng.next() % UInt64(corpus.count))]
    var bytes = mutator.mutate(entry.bytes, other: other.bytes, using: &rng)
    // Now and then a large input (about 1 MB by repetition): time must stay linear.
    if executions % 2000 == 1999, !bytes.isEmpty {
        var large: [UInt8] = []
        large.reserveCapacity(1 << 20)
        while large.count < (1 << 20) { large.append(contentsOf: bytes) }
        bytes = large
    }
    let name = rng.next() % 2 == 0 ? entry.fileName : fileNames[Int(rng.next() % UInt64(fileNames.count))]
    execute(bytes, name: name, keep: bytes.count <= options.maxLength)
}
let elapsed = Date().timeIntervalSince(started)
print(String(format: "fuzz: seed %llu, %.1f s, %d executions (%.0f/s), corpus %d seeds + %d kept, %d behaviours, 0 crashes, 0 hangs, 0 violations",
             options.seed, elapsed, executions, Double(executions) / max(elapsed, 0.001), seedCount, corpus.count - seedCount, signatures.count))
