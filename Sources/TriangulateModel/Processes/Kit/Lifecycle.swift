import Foundation

/// An explicit state machine from the protocol (DOMAIN.md §1.3): a closed set of states, a
/// closed set of events, and a table saying which event leads from which state to which.
///
/// Anything not in the table is refused, with a message listing what is allowed next.
public protocol Lifecycle {
    /// The states a record can be in.
    associatedtype State: LifecycleState
    /// The steps that move a record between states.
    associatedtype Event: LifecycleEvent

    /// What the record is called in messages, e.g. "concern".
    static var recordName: String { get }

    /// Every allowed transition: for each state, the events allowed from it and where they lead.
    static var transitions: [State: [Event: State]] { get }
}

/// A state of a ``Lifecycle``: a string raw value for storage, and words for people.
public protocol LifecycleState: Hashable, Sendable, CaseIterable, Codable, RawRepresentable where RawValue == String {
    /// How the state reads in a sentence, e.g. "under evaluation".
    var label: String { get }
}

/// An event of a ``Lifecycle``.
public protocol LifecycleEvent: Hashable, Sendable, CaseIterable, RawRepresentable where RawValue == String {
    /// The step in words, with the command that takes it, e.g. "record the outcome (outcome record)".
    var step: String { get }
}

extension Lifecycle {
    /// The state `event` leads to from `state`, or `nil` when the protocol does not allow it.
    public static func target(of event: Event, from state: State) -> State? {
        transitions[state]?[event]
    }

    /// The events allowed from `state`, in declaration order.
    public static func allowedEvents(from state: State) -> [Event] {
        Event.allCases.filter { target(of: $0, from: state) != nil }
    }

    /// The state after `event`; throws ``ModelError/Code/invalidTransition`` naming what is allowed instead.
    public static func apply(_ event: Event, to state: State) throws(ModelError) -> State {
        if let next = target(of: event, from: state) { return next }
        let allowed = allowedEvents(from: state).map(\.step)
        let next = allowed.isEmpty ? "nothing: it is final" : allowed.joined(separator: "; ")
        throw ModelError(
            .invalidTransition,
            "cannot \(event.step.withoutCommandHint) while the \(recordName) is \(state.label); allowed next: \(next)"
        )
    }
}

extension String {
    /// The step without its trailing "(command)" hint, to read inside a sentence.
    fileprivate var withoutCommandHint: String {
        guard let open = lastIndex(of: "("), hasSuffix(")") else { return self }
        return String(self[..<open]).trimmingCharacters(in: .whitespaces)
    }
}
