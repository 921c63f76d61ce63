import Foundation
import TriangulateModel
import TriangulateNode

/// The people page's content.
struct PeoplePage {
    struct Person {
        let name: String
        let role: String
        let status: String
        let colour: String
        let added: String
    }

    let people: [Person]

    init(_ people: [StaffMember], now: Date) {
        self.people = people.map { person in
            let locked = person.lockedUntil.map { $0 > now } ?? false
            return Person(name: person.name.rawValue, role: person.role.label,
                          status: person.disabled ? "Disabled" : locked ? "Locked out" : "Active",
                          colour: person.disabled ? "grey" : locked ? "amber" : "green",
                          added: LondonMoment(person.createdAt).date.description)
        }
    }
}
