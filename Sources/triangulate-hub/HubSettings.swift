import Configuration
import Foundation
import SystemPackage
import TriangulateHub

/// The hub's settings beneath its options: `TRIANGULATE_HUB_*` environment variables, then a
/// JSON file (`serve --config FILE`, or `$TRIANGULATE_HUB_CONFIG`), read through
/// swift-configuration. An option given on the command line wins over both.
///
/// The file's keys, and their variables: `host` (`TRIANGULATE_HUB_HOST`), `port`, `store`,
/// `postgres`, `tls.certificate` (`TRIANGULATE_HUB_TLS_CERTIFICATE`), `tls.key`, `rate.limit`,
/// `log.level`, `console.port`, `console.host`, `console.operators`, and matching's
/// `match.quorum` (`TRIANGULATE_HUB_MATCH_QUORUM`), `match.windowDays`, `match.maximumTokens`,
/// `match.publicationsPerHour`, `match.newTokensPerDay`. A key the hub does not know is refused,
/// so that a misspelt one is never ignored.
struct HubSettings {
    /// Every key the file may hold.
    static let keys: Set<String> = ["host", "port", "store", "postgres", "tls.certificate", "tls.key", "rate.limit", "log.level",
                                    "console.port", "console.host", "console.operators", "match.quorum", "match.windowDays",
                                    "match.maximumTokens", "match.publicationsPerHour", "match.newTokensPerDay"]

    private let reader: ConfigReader
    /// Where the file was, for messages.
    let file: String?

    /// Reads the environment and, when given, the file; refuses a file that cannot be read, is
    /// not a JSON object, or holds a key the hub does not know.
    static func read(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> HubSettings {
        let prefix = "TRIANGULATE_HUB_"
        let variables = Dictionary(environment.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) }) { first, _ in first }
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: variables)]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw HubError(.invalidRequest, "cannot read the configuration file \(file)")
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw HubError(.invalidRequest, "\(file) is not a JSON object of settings")
            }
            let unknown = Self.flattenedKeys(object).subtracting(keys)
            guard unknown.isEmpty else {
                throw HubError(.invalidRequest, "\(file) has settings the hub does not know: \(unknown.sorted().joined(separator: ", ")) (it knows \(keys.sorted().joined(separator: ", ")))")
            }
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
        }
        return HubSettings(reader: ConfigReader(providers: providers), file: file)
    }

    /// A text setting.
    func string(_ key: String) -> String? { reader.string(forKey: ConfigKey(key)) }

    /// A whole-number setting; refuses one that is not a number.
    func int(_ key: String) throws -> Int? {
        guard string(key) != nil || reader.int(forKey: ConfigKey(key)) != nil else { return nil }
        guard let value = reader.int(forKey: ConfigKey(key)) ?? string(key).flatMap(Int.init) else {
            throw HubError(.invalidRequest, "the setting \(key) must be a whole number")
        }
        return value
    }

    /// A number setting; refuses one that is not a number.
    func double(_ key: String) throws -> Double? {
        guard string(key) != nil || reader.double(forKey: ConfigKey(key)) != nil || reader.int(forKey: ConfigKey(key)) != nil else { return nil }
        guard let value = reader.double(forKey: ConfigKey(key)) ?? reader.int(forKey: ConfigKey(key)).map(Double.init) ?? string(key).flatMap(Double.init) else {
            throw HubError(.invalidRequest, "the setting \(key) must be a number")
        }
        return value
    }

    /// The dotted paths of an object's leaves: `{"tls": {"key": …}}` gives `tls.key`.
    private static func flattenedKeys(_ object: [String: Any], prefix: String = "") -> Set<String> {
        var keys: Set<String> = []
        for (key, value) in object {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value as? [String: Any] { keys.formUnion(flattenedKeys(nested, prefix: path)) } else { keys.insert(path) }
        }
        return keys
    }
}
