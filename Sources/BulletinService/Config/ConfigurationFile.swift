/// Parses bulletind.toml. STUB until the TOML module lands.
public enum ConfigurationFile {
    public static func parse(_ text: String, fileName: String) throws -> Configuration {
        Configuration.repositoryDefaults
    }
}
