import Foundation

/// A call one of the two organisations passed to the other (seed 002, "Enhancing the Customer
/// Experience"): transferred warm or signposted, with how long the caller waited against the
/// agreed limit (CQC to LGSCO: one minute; LGSCO to CQC: thirty seconds). A callback carries
/// only the caller's name, contact number and service provider with the sender's reference, and
/// only once the caller's permission to share them is recorded, with its date and time.
public struct CallTransfer: Hashable, Codable, Sendable {
    /// Which way the call went.
    public enum Direction: String, Choice {
        case cqcToLGSCO = "cqc-to-lgsco"
        case lgscoToCQC = "lgsco-to-cqc"

        public static let choiceName = "direction"

        /// The longest wait agreed before the call is put through, in seconds.
        public var waitLimit: Int {
            switch self {
            case .cqcToLGSCO: 60
            case .lgscoToCQC: 30
            }
        }

        /// The sender's reference label on a callback, e.g. `CQC Reference`.
        public var referenceLabel: String {
            switch self {
            case .cqcToLGSCO: "CQC Reference"
            case .lgscoToCQC: "LGSCO Reference"
            }
        }
    }

    /// How the call was passed on.
    public enum Handling: String, Choice {
        case warmTransfer = "warm-transfer"
        case signpost
        case callback

        public static let choiceName = "handling"
    }

    /// The caller's details for a callback: these and nothing else.
    public struct Callback: Hashable, Codable, Sendable {
        public let name: String
        public let contactNumber: String
        public let serviceProvider: String
        public let senderReference: String

        /// Makes a callback.
        public init(name: String, contactNumber: String, serviceProvider: String, senderReference: String) {
            self.name = name
            self.contactNumber = contactNumber
            self.serviceProvider = serviceProvider
            self.senderReference = senderReference
        }
    }

    public let id: String
    public let direction: Direction
    public let handling: Handling
    /// The day of the call.
    public let on: LocalDate
    /// How long the caller waited before being put through, in seconds, if measured.
    public let waitSeconds: Int?
    /// When the caller gave permission to share their details, if they did.
    public let permissionAt: Date?
    /// The callback's details, held only with permission.
    public let callback: Callback?

    /// Whether the caller waited longer than agreed.
    public var waitExceeded: Bool { waitSeconds.map { $0 > direction.waitLimit } ?? false }

    /// Makes a call, refusing a callback without permission recorded (at or before `now`) and a
    /// callback handling without its details.
    public init(id: String, direction: Direction, handling: Handling, on: LocalDate, waitSeconds: Int?, permissionAt: Date?, callback: Callback?,
                now: Date) throws(ModelError) {
        if let waitSeconds, !(0...86_400).contains(waitSeconds) { throw ModelError(.invalidValue, "the wait is in seconds, from 0 to 86400") }
        if callback != nil {
            guard let permissionAt else {
                throw ModelError(.invalidValue, "record when the caller gave permission to share their details (--permission-at) before any details are kept")
            }
            guard permissionAt <= now else { throw ModelError(.invalidValue, "permission cannot be recorded as given in the future") }
        }
        if handling == .callback, callback == nil {
            throw ModelError(.invalidValue, "a callback needs the caller's name, contact number and service provider, and your reference")
        }
        self.id = id
        self.direction = direction
        self.handling = handling
        self.on = on
        self.waitSeconds = waitSeconds
        self.permissionAt = permissionAt
        self.callback = callback
    }

    /// The callback message: the sender's reference, name, contact number and service provider,
    /// nothing else.
    public var callbackMessage: String? {
        callback.map { details in
            """
            \(direction.referenceLabel): \(details.senderReference)
            Name: \(details.name)
            Contact number: \(details.contactNumber)
            Service provider: \(details.serviceProvider)
            """
        }
    }
}

/// The monthly counts of calls passed between LGSCO and CQC, due "within 10 working days of the
/// start of the month" that follows.
public struct CallCounts: Hashable, Codable, Sendable {
    /// The month counted, `YYYY-MM`, and the day the counts are due.
    public let month: String
    public let due: LocalDate
    /// Counts by direction, then by handling.
    public let counts: [String: [String: Int]]
    /// Calls whose wait was longer than agreed, by direction.
    public let waitsExceeded: [String: Int]
    /// Every call counted.
    public let total: Int

    /// The counts of `calls` made in `month` (its first day), due ten working days after it ends.
    public init(month first: LocalDate, calls: [CallTransfer], calendar: WorkingCalendar, nation: Nation) {
        let next = first.adding(months: 1) ?? first
        let inMonth = calls.filter { $0.on >= first && $0.on < next }
        month = first.monthKey
        due = calendar.adding(workingDays: 10, to: next.adding(days: -1) ?? next, in: nation) ?? next
        var counts: [String: [String: Int]] = [:]
        var waits: [String: Int] = [:]
        for direction in CallTransfer.Direction.allCases {
            let calls = inMonth.filter { $0.direction == direction }
            counts[direction.rawValue] = Dictionary(uniqueKeysWithValues: CallTransfer.Handling.allCases.map { handling in
                (handling.rawValue, calls.filter { $0.handling == handling }.count)
            })
            waits[direction.rawValue] = calls.filter(\.waitExceeded).count
        }
        self.counts = counts
        self.waitsExceeded = waits
        total = inMonth.count
    }
}
