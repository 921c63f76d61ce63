import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Sets up a standing series of meetings; settings not given take its kind's defaults
    /// (a local CQC–ADASS series: every two months at least, chair rotating every six months,
    /// templates two calendar days before).
    public func createSeries(_ new: NewSeries, by user: String) throws -> SeriesDossier {
        let kind = try Self.meetingKind(new.kind)
        guard let defaults = InformationSharingMeetings.defaults(for: kind.id) else {
            throw NodeError(.invalidInput, "a \(kind.title.lowercased()) is not held as a series: use one of \(ProcessRegistry.meetingKinds.map(\.id).filter { InformationSharingMeetings.defaults(for: $0) != nil }.joined(separator: ", "))")
        }
        let title = try Text.required(new.title, "title", hint: "--title")
        return try perform(by: user) { command in
            let chairs = try new.chairs.map { try OrganisationCode(parsing: $0) }
            let invitees = try new.invitees.map { try OrganisationCode(parsing: $0) }
            for code in chairs + invitees { try command.requireKnown(code) }
            let format = ReferenceFormat(prefix: "SER")
            let number = try Lookup.nextNumber(table: "meetingSeries", prefix: format.yearPrefix(command.today.year), in: command.db)
            let series = MeetingSeries(id: command.newID(), reference: format.reference(year: command.today.year, number: number), kind: kind.id,
                                       title: title, startsOn: new.startsOn, cadence: new.cadence ?? defaults.cadence, repeats: defaults.repeats,
                                       chairs: chairs, chairPeriod: new.chairPeriod ?? defaults.chairPeriod,
                                       invitees: Array(Set(chairs + invitees)).sorted(), templateLead: new.templateLead ?? defaults.templateLead,
                                       recordedBy: command.user, recordedAt: command.at)
            try SeriesRules.check(series)
            try series.insert(command.db)
            try command.log(nil, "series", series.reference, "\(kind.title) series set up: \(title)")
            return try Self.seriesDossier(series, today: command.today, in: command.db)
        }
    }

    /// One series, with who chairs and when its next meeting is due.
    public func series(_ reference: String) throws -> SeriesDossier {
        try read { db in try Self.seriesDossier(Lookup.one(MeetingSeries.self, reference, noun: "series", in: db), today: today, in: db) }
    }

    /// Every series, oldest first.
    public func seriesList() throws -> [SeriesDossier] {
        try read { db in try MeetingSeries.order(Column("reference")).fetchAll(db).map { try Self.seriesDossier($0, today: today, in: db) } }
    }

    /// Sets up the series' meeting on `day`: chaired by whoever's turn it is then, its invitees
    /// invited, its agenda from the kind's template.
    public func scheduleSeriesMeeting(_ reference: String, on day: LocalDate, by user: String) throws -> MeetingDossier {
        try perform(by: user) { command in
            let series = try Lookup.one(MeetingSeries.self, reference, noun: "series", in: command.db)
            if let clash = try String.fetchOne(command.db, sql: "SELECT reference FROM meeting WHERE seriesId = ? AND date = ?",
                                               arguments: [series.id.description, day]) {
                throw NodeError(.invalidInput, "\(series.reference) already meets on \(day): \(clash)")
            }
            let meeting = try Self.createMeeting(kind: series.kind, on: day, chair: SeriesRules.chair(of: series, on: day).rawValue, chairPerson: nil,
                                                 caseId: nil, seriesId: series.id.description, personalInformation: false, command)
            for code in series.invitees {
                try MeetingInvitee(meetingId: meeting.id, organisation: code, person: nil, needToKnow: nil).insert(command.db)
            }
            return try Self.meetingDossier(meeting, in: command.db)
        }
    }

    static func seriesDossier(_ series: MeetingSeries, today: LocalDate, in db: Database) throws -> SeriesDossier {
        let meetings = try Meeting.filter(Column("seriesId") == series.id.description).order(Column("date")).fetchAll(db)
        var terms: [SeriesDossier.ChairTerm] = []
        var day = max(today, series.startsOn)
        let end = day.adding(months: 12) ?? day
        while day < end {
            let chair = SeriesRules.chair(of: series, on: day)
            var last = day
            while let next = last.adding(days: 1), next < end, SeriesRules.chair(of: series, on: next) == chair { last = next }
            terms.append(SeriesDossier.ChairTerm(chair: chair, from: day, to: last))
            guard let next = last.adding(days: 1) else { break }
            day = next
        }
        return SeriesDossier(
            series: series, chairToday: SeriesRules.chair(of: series, on: today),
            nextDue: SeriesRules.nextDue(of: series, held: meetings.map(\.date)),
            meetings: meetings.map { .init(reference: $0.reference, date: $0.date, chair: $0.chair, minutesState: $0.minutesState) },
            chairTerms: terms)
    }
}
