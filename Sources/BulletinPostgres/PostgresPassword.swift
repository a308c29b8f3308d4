import Foundation

/// Finds the password for a `PostgresAddress`, never from the configuration itself. In order:
/// 1. the address's `password_file` parameter (a file whose first line is the password);
/// 2. a systemd credential: `$CREDENTIALS_DIRECTORY/bulletind-database-password`
///    (`LoadCredential=bulletind-database-password:/etc/bulletind/db-password`);
/// 3. the libpq password file: `$PGPASSFILE`, else `~/.pgpass`, lines
///    `host:port:database:user:password` with `*` wildcards and `\` escapes.
/// None found: nil (trust, peer or certificate authentication need none).
public enum PostgresPassword {
    /// The credential name `LoadCredential=` should use.
    public static let credentialName = "bulletind-database-password"

    public static func find(for address: PostgresAddress,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let file = address.passwordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw PostgresSettingError("database: password_file=\(file) cannot be read: \(String(cString: strerror(errno)))")
            }
            return firstLine(text)
        }
        if let folder = environment["CREDENTIALS_DIRECTORY"] {
            let path = folder + "/" + credentialName
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return firstLine(text) }
        }
        let passFile = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        if let passFile, let text = try? String(contentsOfFile: passFile, encoding: .utf8) {
            return pgpassLookup(text, address: address)
        }
        return nil
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    /// The password of the first matching line of a `.pgpass` file.
    static func pgpassLookup(_ text: String, address: PostgresAddress) -> String? {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = splitFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [address.host, String(address.port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }
}
