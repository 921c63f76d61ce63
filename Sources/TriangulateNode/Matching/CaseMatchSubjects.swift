import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol

/// An open case's subjects for matching: what a node derives tokens from. Providers,
/// locations, brands and professionals by their identifiers — never a name.
struct CaseMatchSubjects: Hashable, Sendable {
    /// The case's record id and reference.
    let caseId: String
    let reference: String
    /// The day it was identified or opened: its windows follow from it.
    let openedOn: LocalDate
    /// What it is about.
    let subjects: Set<MatchSubject>
}

/// How identifiers become match subjects, with the node's copy of CQC's register.
enum MatchSubjects {
    /// The subjects named in `text` (a case's identifiers, or a flow's subject typed as
    /// "Oaktrees Care Home (1-123456789)"): each CQC id in it, as the location the register knows
    /// it as — with the provider that runs it and its brand — or else as a provider the register
    /// knows. An id the register does not know is left out: it cannot be told a provider from a
    /// location.
    static func resolving(_ text: String, in db: Database) throws -> Set<MatchSubject> {
        var subjects: Set<MatchSubject> = []
        for match in text.matches(of: /1-[0-9]{9,11}/) {
            let id = String(match.output)
            if let row = try Row.fetchOne(db, sql: "SELECT providerId, brandId FROM registerLocation WHERE locationId = ?", arguments: [id]) {
                subjects.insert(.location(id))
                if let provider = row["providerId"] as String?, !provider.isEmpty { subjects.insert(.provider(provider)) }
                if let brand = row["brandId"] as String?, !brand.isEmpty { subjects.insert(.brand(brand)) }
            } else if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registerLocation WHERE providerId = ?)", arguments: [id]) == true {
                subjects.insert(.provider(id))
            }
        }
        return subjects
    }

    /// The subjects of a concern: its locations, providers and professionals as typed, and the
    /// provider and brand of each service as the register had them when the concern named it.
    static func of(_ concern: Concern, in db: Database) throws -> Set<MatchSubject> {
        var subjects: Set<MatchSubject> = []
        for subject in concern.subjects {
            switch subject {
            case .location(let id, _): subjects.insert(.location(id.rawValue))
            case .provider(let id?, _): subjects.insert(.provider(id.rawValue))
            case .professional(let regulator, let registration, _): subjects.insert(.professional(register: regulator.rawValue, number: registration))
            case .provider(nil, _), .other: break
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT providerId, brandId FROM caseService WHERE caseId = ?", arguments: [concern.id.description]) {
            if let provider = row["providerId"] as String?, !provider.isEmpty { subjects.insert(.provider(provider)) }
            if let brand = row["brandId"] as String?, !brand.isEmpty { subjects.insert(.brand(brand)) }
        }
        return subjects
    }
}
