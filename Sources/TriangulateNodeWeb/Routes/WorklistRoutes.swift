import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The worklist: the home page.
enum WorklistRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/") { _, context in
            let signedIn = try context.requireSignedIn()
            let store = site.store
            let nation = try store.defaultNation()
            let today = store.today
            let entries = try store.worklist(asOf: today, nation: nation, filter: WorklistFilter(owner: store.organisation.rawValue))
            var content = WorklistPage(entries: entries, person: signedIn.name, today: today, nation: nation)
            content.link(try store.caseIDs(references: content.shownReferences))
            content.matches = MatchAlertRows(try store.matchAlerts(), mayRecord: signedIn.role.allows(.record), csrf: signedIn.csrfToken, back: "/")
            return site.page(site.frame("Worklist", heading: "What is due", for: signedIn, section: .worklist), NodeTemplates.worklist, content)
        }
    }
}
