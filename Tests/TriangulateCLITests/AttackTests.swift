import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The attacks a partner with an enrolled key — or anyone who can reach the hub — was seen to
/// make, each against a real hub process and real node stores, checked on the bytes of the
/// recipients' files; after each, the hub still answers `/health`.
@Suite("Attacks on the hub and nodes", .serialized)
struct AttackTests {
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return UUIDv7.make(at: Date(), using: &generator).uuidString.lowercased()
    }

    /// NMC, sent only a panel's agenda, declares its own share of the panel — itself as owner,
    /// CQC and GMC as audience, identifiable, with the minutes — hoping CQC's node will sign its
    /// minutes into it. The hub refuses the declaration; CQC's minutes reach neither GMC nor NMC.
    @Test(arguments: HubExchangeTests.stores)
    func aPartnerCannotRedirectAnotherOrganisationsPersonalData(_ store: String) async throws {
        let exchange = store == "PostgreSQL" ? try await Exchange.onPostgres(Exchange.postgresServer!) : try Exchange()
        try exchange.join("CQC", "NMC", "GMC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing",
                        "--summary", "s", "--source", "whistleblower")
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "Pattern")
        try exchange.ok("CQC", "panel", "decide", "ECP-2026-0001", "--call", "--rationale", "Several holders")
        try exchange.ok("CQC", "panel", "convene", "ECP-2026-0001/P1", "--chair", "B. Chair", "--date", "2026-12-20")
        try exchange.ok("CQC", "panel", "invite", "ECP-2026-0001/P1", "--org", "NMC", "--person", "C. Officer", "--role", "member",
                        "--need-to-know", "Holds the nurses' registrations")
        try exchange.ok("CQC", "share", "ECP-2026-0001/P1", "--to", "NMC", "--fields", "reference,agenda", "--purpose", "Agenda",
                        "--basis", "ECP 2021")
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        let panel = try DatabaseQueue(path: exchange.store("NMC")).read { db in
            try Row.fetchOne(db, sql: "SELECT documentId FROM received")
        }
        let documentID: String = try #require(panel)["documentId"]

        let forged = ShareDeclaration(
            id: Self.newID(), document: DocumentHeader(id: documentID, type: .panel, owner: "NMC"), schema: DocumentType.panel.schema,
            audience: [AudienceMember(organisation: "CQC", people: [NamedRecipient(name: "B. Chair", needToKnow: "chairs it")]),
                       AudienceMember(organisation: "GMC", people: [NamedRecipient(name: "D. Adviser", needToKnow: "wants it")])],
            purpose: "Regulatory Review Panel", basis: "ECP 2021", payloadClass: "identifiable",
            fields: ["agenda", "attendance", "minutes"], panel: "ECP-2026-0001/P1", approvedBy: "NMC IG")
        let attempt = try await exchange.push(PushRequest(shares: [forged]), key: try exchange.key(of: "NMC"))
        #expect(attempt.status == 200 && attempt.answer?.accepted == 0, "\(attempt.body)")
        #expect(attempt.answer?.refused.first?.code == "not-owner")

        let marker = "MINUTES-\(UUID().uuidString)"
        try exchange.ok("CQC", "panel", "attend", "ECP-2026-0001/P1", "--org", "NMC", "--person", "C. Officer")
        try exchange.ok("CQC", "panel", "minutes", "ECP-2026-0001/P1", "--text", "Resident R. named: \(marker)")
        for _ in 0..<2 { for organisation in ["CQC", "NMC", "GMC"] { try exchange.ok(organisation, "sync") } }
        #expect(!exchange.files(of: "GMC", contain: marker), "GMC holds CQC's minutes")
        #expect(!exchange.files(of: "NMC", contain: marker), "NMC holds the minutes it was never sent")
        #expect(try exchange.ok("GMC", "received").array.isEmpty)
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0)
        #expect(await exchange.healthy())
    }

    /// Headers and query values out of range get 400 or 401 with a reason; none crashes the hub.
    @Test func oneRequestCannotBringTheHubDown() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        let key = try exchange.key(of: "CQC")
        var headers = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: Date()).headers
        for timestamp in ["-9223372036854775808", "9223372036854775807", "99999999999999999999", "1e9", "", " 1"] {
            headers[RequestSignature.timestampHeader] = timestamp
            let (status, body) = try await exchange.request("GET", "/v1/inbox", headers: headers)
            #expect(status == 401 && body.contains("\"error\""), "timestamp \(timestamp): \(status) \(body)")
        }
        #expect(await exchange.healthy())
        for query in ["wait=nan", "wait=inf", "wait=-1", "wait=31", "wait=1e3", "after=-1", "after=abc", "after=99999999999999999999",
                      "limit=0", "limit=1001", "limit=", "after=1&after=2"] {
            let (status, body) = try await exchange.signed("GET", "/v1/inbox", query: query, key: key)
            #expect(status == 400 && body.contains("\"error\""), "\(query): \(status) \(body)")
        }
        #expect(try await exchange.signed("GET", "/v1/inbox", query: "after=0&limit=10&wait=0", key: key).0 == 200)
        for (path, query) in [("/v1/audit/inclusion", "index=-1&size=1"), ("/v1/audit/inclusion", "index=0"), ("/v1/audit/inclusion", "index=0&size=nan"),
                              ("/v1/audit/consistency", ""), ("/v1/audit/consistency", "from=1&to=-1"),
                              ("/v1/audit/consistency", "from=0&to=18446744073709551615")] {
            let (status, body) = try await exchange.request("GET", path + "?" + query, headers: [:])
            #expect(status == 400 && body.contains("\"error\""), "\(path)?\(query): \(status) \(body)")
        }
        #expect(await exchange.healthy() && exchange.hubsRunning)
        let (ready, readyBody) = try await exchange.request("GET", "/health/ready", headers: [:])
        #expect(ready == 200 && readyBody.contains("auditSize"), "\(readyBody)")
    }

    /// Enrolment proves the private key is held, never takes over another's key; a new token
    /// retires the old key (or after a rotation window), and a key can be revoked.
    @Test func identityIsProvenAndKeysRetire() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        let cqc = try exchange.key(of: "CQC")
        let token = try exchange.operator_("org", "add", "LGSCO", "--name", "LGSCO").object["token"] as? String ?? ""

        // LGSCO tries to enrol CQC's public key: without a proof, then with its own signature.
        let bare = Data(#"{"token":"\#(token)","publicKey":"\#(cqc.publicKey.base64)"}"#.utf8)
        #expect(try await exchange.request("POST", "/v1/enrol", body: bare, headers: ["Content-Type": "application/json"]).0 == 400)
        let lgsco = NodeSigningKey()
        let ownProof = try EnrolmentRequest(token: token, key: lgsco)
        let stolen = EnrolmentRequest(token: token, publicKey: cqc.publicKey.base64, proof: ownProof.proof)
        let (status, body) = try await exchange.request("POST", "/v1/enrol", body: try WireJSON.encoder().encode(stolen),
                                                        headers: ["Content-Type": "application/json"])
        #expect(status == 401 && body.contains("proof"), "\(body)")
        try exchange.ok("CQC", "sync")  // still CQC's
        try exchange.ok("LGSCO", "init", "--org", "LGSCO")
        try exchange.ok("LGSCO", "enrol", "--hub", exchange.url, "--token", token)

        // A new token retires CQC's key at once; a new enrolment brings a new key.
        let second = try exchange.operator_("org", "token", "CQC").object["token"] as? String ?? ""
        let refused = try exchange.node("CQC", "sync")
        #expect(refused.status == 1 && refused.stderr.contains("retired or revoked"), "\(refused.stderr)")
        try exchange.ok("CQC", "enrol", "--hub", exchange.url, "--token", second)
        try exchange.ok("CQC", "sync")
        let rotated = try exchange.key(of: "CQC")
        #expect(rotated.publicKey.keyID != cqc.publicKey.keyID)
        #expect(try await exchange.signed("GET", "/v1/inbox", key: cqc).0 == 401, "the old key is dead")

        // With a rotation window both keys work until the window after the new enrolment ends.
        let third = try exchange.operator_("org", "token", "CQC", "--rotation-hours", "1").object["token"] as? String ?? ""
        try exchange.ok("CQC", "sync")
        try exchange.ok("CQC", "enrol", "--hub", exchange.url, "--token", third)
        #expect(try await exchange.signed("GET", "/v1/inbox", key: rotated).0 == 200, "the previous key works in the window")
        let current = try exchange.key(of: "CQC")
        let keys = try exchange.operator_("org", "keys", "CQC").array
        #expect(keys.count == 3 && keys.first?["keyID"] as? String == current.publicKey.keyID && keys.first?["status"] as? String == "current")
        #expect(keys.map { $0["status"] as? String } == ["current", "rotating out", "retired"])

        // Revoked, the current key is refused at once.
        try exchange.operator_("org", "revoke-key", current.publicKey.keyID)
        let revoked = try exchange.node("CQC", "sync")
        #expect(revoked.status == 1 && revoked.stderr.contains("retired or revoked"))
        #expect(try exchange.operator_("org", "revoke-key", "ffffffffffffffff").status != 0)

        let events = try exchange.operator_("audit", "export", "--format", "jsonl").stdout
        #expect(events.components(separatedBy: "key-retired").count - 1 == 3)
        #expect(try exchange.operator_("audit", "verify").status == 0)
        #expect(await exchange.healthy())
    }

    /// Bodies are read only once the sender is known, and never past the cap: an unsigned or
    /// forged flood of large bodies leaves the hub's memory as it was; a body over the cap gets
    /// 413 with a JSON reason.
    @Test func bodiesAreReadOnlyOnceAuthenticatedAndCapped() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        let key = try exchange.key(of: "CQC")
        let (enrolStatus, enrolBody) = try await exchange.request("POST", "/v1/enrol", body: Data(count: 100_000), headers: [:])
        #expect(enrolStatus == 413 && enrolBody.contains("\"error\""), "\(enrolStatus) \(enrolBody)")

        let large = Data(count: 33 << 20)
        let (tooLarge, tooLargeBody) = try await exchange.signed("POST", "/v1/push", body: large, key: key)
        #expect(tooLarge == 413 && tooLargeBody.contains("\"error\""), "\(tooLarge) \(tooLargeBody)")

        let pid = try #require(exchange.hubProcessIdentifier)
        let before = try Self.residentMegabytes(pid)
        let body = Data(count: 16 << 20)
        var forged = try RequestSignature.sign(method: "POST", path: "/v1/push", body: body, key: NodeSigningKey(), at: Date()).headers
        forged[RequestSignature.keyHeader] = key.publicKey.keyID
        forged[RequestSignature.digestHeader] = sha256Hex(body)
        let url = try #require(URL(string: exchange.url + "/v1/push"))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                var headers = forged
                headers[RequestSignature.nonceHeader] = UUID().uuidString
                let request = Self.post(url, body: body, headers: headers)
                group.addTask { try await Self.status(of: request) }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 401 }, "\(statuses)")
        let after = try Self.residentMegabytes(pid)
        #expect(after - before < 100, "24 forged 16 MB bodies took the hub from \(before) MB to \(after) MB")
        #expect(await exchange.healthy())
    }

    /// A push of 20,000 withdrawals of made-up shares is refused whole and logged once, with
    /// counts; a megabyte share id never reaches the log; partners' free text is bounded.
    @Test func floodsAreRefusedWholeAndTheLogHoldsNoAttackerText() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        let key = try exchange.key(of: "CQC")
        func logSize() async throws -> UInt64 {
            let (_, body) = try await exchange.request("GET", "/v1/audit/checkpoint", headers: [:])
            return try WireJSON.decoder().decode(SignedCheckpoint.self, from: Data(body.utf8)).size
        }
        let before = try await logSize()
        let flood = PushRequest(withdrawals: (0..<20_000).map { _ in WithdrawalRequest(share: Self.newID()) })
        let answer = try await exchange.push(flood, key: key)
        #expect(answer.status == 429 && answer.body.contains("flood"), "\(answer.status) \(answer.body.prefix(300))")
        #expect(try await logSize() == before + 1, "the flood is one entry")

        let huge = String(repeating: "x", count: 1 << 20)
        let odd = try await exchange.push(PushRequest(withdrawals: [WithdrawalRequest(share: huge)]), key: key)
        #expect(odd.answer?.accepted == 0 && odd.answer?.refused.first?.share == "")
        let document = DocumentHeader(id: Self.newID(), type: .concernSummary, owner: "CQC")
        for purpose in ["Clear the screen \u{1B}[2J", String(repeating: "p", count: 3_000)] {
            let declaration = ShareDeclaration(id: Self.newID(), document: document, schema: document.type.schema, audience: [AudienceMember(organisation: "NMC")],
                                               purpose: purpose, basis: "ECP", payloadClass: "metadata", fields: ["title"])
            let refused = try await exchange.push(PushRequest(shares: [declaration]), key: key)
            #expect(refused.answer?.accepted == 0 && refused.answer?.refused.first?.code == "malformed", "\(refused.body.prefix(300))")
        }
        let shared = try exchange.node("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "Red \u{1B}[31m", "--basis", "b")
        #expect(shared.status == 1)

        let log = try exchange.operator_("audit", "export", "--format", "jsonl").stdout
        #expect(!log.contains("xxxxxxxxxxxxxxxx") && !log.contains("Clear the screen") && !log.contains("pppppppp"))
        #expect(log.contains("refusals"))
        #expect(try exchange.operator_("audit", "verify").status == 0)
        #expect(await exchange.healthy())
    }

    /// Stores, their write-ahead logs and the hub's store are readable by their owner only; a
    /// store opened up is named in a warning.
    @Test func storesAreReadableByTheirOwnerOnly() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        try exchange.ok("CQC", "sync")
        let hub = exchange.directory.appendingPathComponent("hub.sqlite").path
        let files = [exchange.store("CQC"), hub, hub + "-wal", hub + "-shm"]
        for file in files {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(file) has mode \(String(mode, radix: 8))")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: exchange.store("CQC"))
        let warned = try exchange.node("CQC", "concern", "list")
        #expect(warned.status == 0 && warned.stderr.contains("can be read by other users") && warned.stderr.contains("chmod 600"))
    }

    /// A purpose with terminal escape codes, held in a store from before the hub refused such
    /// text, is shown with the codes escaped, never sent to the terminal.
    @Test func partnersTextIsShownEscaped() throws {
        let exchange = try Exchange()
        try exchange.join("LGSCO")
        let declaration = ShareDeclaration(
            id: Self.newID(), document: DocumentHeader(id: Self.newID(), type: .concernSummary, owner: "CQC"), schema: DocumentType.concernSummary.schema,
            audience: [AudienceMember(organisation: "LGSCO")], purpose: "Clear \u{1B}[2J\u{1B}]0;owned\u{7}", basis: "b",
            payloadClass: "metadata", fields: ["title"])
        let queue = try DatabaseQueue(path: exchange.store("LGSCO"))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO received (share, documentId, owner, declaration, receivedAt) VALUES (?, ?, 'CQC', ?, ?)",
                           arguments: [declaration.id, declaration.document.id, try WireJSON.encoder().encode(declaration), Date()])
        }
        try queue.close()
        let shown = try CLI.launch(["received", "--store", exchange.store("LGSCO")], in: exchange.directory)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{7}"), "escape codes reached the terminal")
        #expect(shown.stdout.contains("\\u{1B}[2J"), "\(shown.stdout)")
    }

    static func post(_ url: URL, body: Data, headers: [String: String]) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return request
    }

    static func status(of request: URLRequest) async throws -> Int {
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    static func residentMegabytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
