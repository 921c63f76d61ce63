import Hummingbird
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateWeb

/// Answers to the hub's alerts: ask to be put in touch, reveal, or decline.
enum MatchRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.post("/matches/{id}") { _, context in
            let signedIn = try context.require(.record)
            let id = try context.parameters.require("id")
            guard id.count <= 64, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
            let form = try context.requireForm()
            guard let consent = form["consent"].flatMap(MatchConsent.init(rawValue:)) else { throw PageError.notFound }
            // Back to the worklist or the case the form was on; never anywhere else.
            let back = form["back"].flatMap { $0 == "/" || ($0.hasPrefix("/cases/") && $0.dropFirst(7).allSatisfy { $0.isHexDigit || $0 == "-" }) ? $0 : nil } ?? "/"
            do {
                _ = try await site.store.answerMatchAlert(id, consent, by: signedIn.name.rawValue)
                context.logger.info("match answered", metadata: ["consent": "\(consent.rawValue)"])
                return Response.redirect(to: back + "?answered=1")
            } catch let error as NodeError where error.code != .notFound {
                let frame = site.frame("The answer was not sent", for: signedIn, section: .worklist)
                return site.page(frame, NodeTemplates.message,
                                 ["text": error.message.prefix(1).uppercased() + error.message.dropFirst() + ". Nothing was changed: try again later."])
            }
        }
    }
}
