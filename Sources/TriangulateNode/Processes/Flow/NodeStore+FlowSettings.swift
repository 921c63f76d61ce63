import Foundation
import GRDB
import TriangulateModel

/// A flow's setting on this node: its name, its value, and whether it is the default.
public struct FlowSettingValue: Hashable, Codable, Sendable {
    public let process: String
    public let name: String
    public let value: String
    public let isDefault: Bool
}

extension NodeStore {
    /// Every setting of flow `process`, with its value here.
    public func flowSettings(process: String) throws -> [FlowSettingValue] {
        let flow = try Self.flow(process)
        return try read { db in try Self.settings(of: flow, in: db) }
    }

    /// Sets `name` of flow `process` to `value`: a span such as `42 calendar days` or `3 months`.
    public func setFlowSetting(process: String, name: String, value: String, by user: String) throws -> [FlowSettingValue] {
        let flow = try Self.flow(process)
        guard flow.settings.contains(where: { $0.name == name }) else {
            throw NodeError(.invalidInput, flow.settings.isEmpty
                ? "\(flow.title) has no settings"
                : "\(flow.title) has no setting '\(name)': its settings are \(flow.settings.map(\.name).joined(separator: ", "))")
        }
        let span = try ClockSpan(parsing: value)
        return try perform(by: user) { command in
            try command.db.execute(sql: """
                INSERT INTO processSetting (process, name, value, setBy, setAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (process, name) DO UPDATE SET value = excluded.value, setBy = excluded.setBy, setAt = excluded.setAt
                """, arguments: [flow.id, name, span.description, command.user, command.at])
            try command.log(nil, "setting", "\(flow.id).\(name)", "set to \(span)")
            return try Self.settings(of: flow, in: command.db)
        }
    }

    /// The value of setting `name` of `flow` here, or nil while it has its default.
    static func flowSetting(_ name: String, of flow: FlowDefinition, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM processSetting WHERE process = ? AND name = ?", arguments: [flow.id, name])
    }

    private static func settings(of flow: FlowDefinition, in db: Database) throws -> [FlowSettingValue] {
        try flow.settings.map { setting in
            let value = try flowSetting(setting.name, of: flow, in: db)
            return FlowSettingValue(process: flow.id, name: setting.name, value: value ?? setting.defaultValue.description, isDefault: value == nil)
        }
    }
}
