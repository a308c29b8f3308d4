import Foundation

/// STUB until the store's SHA-256 lands.
public enum SHA256 {
    public static func hex(_ data: Data) -> String { String(data.hashValue) }
}
