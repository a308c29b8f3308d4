/// The version printed by `bulletind --version`.
enum BulletindVersion {
    static let string = "0.1.0"
}
