import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The node's people, for administrators.
enum PeopleRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/people") { _, context in
            let signedIn = try context.require(.administer)
            let content = PeoplePage(try site.store.people(), now: site.store.now)
            return site.page(site.frame("People", for: signedIn, section: .people), NodeTemplates.people, content)
        }
    }
}
