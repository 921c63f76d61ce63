import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate review`: the learning review the protocol asks for every time.
struct ReviewCommand: NodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Record the review of this use of the protocol for learning.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The concern.") var concern: String
    @Option(help: "What went well.") var wentWell: String
    @Option(help: "What might have been done differently.") var doDifferently: String
    @Option(help: "The lessons, de-identified.") var lessons: String?
    @Option(help: "Where the lessons were disseminated.") var disseminatedTo: String?
    @Option(help: ArgumentHelp("Who took part (repeatable; default you).", valueName: "name")) var reviewer: [String] = []
    @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

    func execute(_ store: NodeStore) throws -> Rendered {
        let review = try store.recordReview(concern, ReviewInput(
            on: try Parse.date(on), reviewers: reviewer, wentWell: wentWell, doDifferently: doDifferently,
            lessons: lessons, disseminatedTo: disseminatedTo), by: global.userName)
        return Rendered(json: review, text: "Learning review recorded on \(review.reviewedOn), id \(review.id). Next: triangulate concern close \(concern)")
    }
}
