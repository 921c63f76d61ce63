/// The console's page templates: read-only views of the hub for its operators and auditors.
enum ConsoleTemplates {
    static let overview = "overview"
    static let audit = "audit"
    static let message = "message"

    static let all: [String: String] = [overview: overviewText, audit: auditText, message: messageText, "entries": entriesText]

    static let messageText = #"""
    <p>{{text}}</p>
    <p><a href="/">Go to the overview</a></p>
    """#

    static let overviewText = #"""
    <h2 id="organisations">Organisations</h2>
    <table aria-labelledby="organisations">
    <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Added</th></tr></thead>
    <tbody>{{#organisations}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{role}}</td><td><strong class="tag {{colour}}">{{status}}</strong></td><td>{{added}}</td></tr>{{/organisations}}</tbody>
    </table>
    <h2 id="checkpoints">Signed checkpoints</h2>
    <p>The latest: {{sizeText}}, tree head <code>{{root}}</code>, {{#signed}}<strong class="tag green">signed by the hub's key</strong>{{/signed}}{{^signed}}<strong class="tag red">signature does not check</strong>{{/signed}}</p>
    <table aria-labelledby="checkpoints">
    <thead><tr><th scope="col">Entries</th><th scope="col">Tree head</th><th scope="col">Signature</th><th scope="col">Consistent with the one before</th></tr></thead>
    <tbody>{{#checkpoints}}<tr><td>{{size}}</td><td><code>{{root}}</code></td><td><strong class="tag {{signedColour}}">{{signed}}</strong></td><td><strong class="tag {{consistentColour}}">{{consistent}}</strong></td></tr>{{/checkpoints}}</tbody>
    </table>
    <h2 id="refusals">Refusals by code</h2>
    {{#hasRefusals}}
    <table aria-labelledby="refusals"><thead><tr><th scope="col">Kind and code</th><th scope="col">Count</th></tr></thead>
    <tbody>{{#refusals}}<tr><td><code>{{code}}</code></td><td>{{count}}</td></tr>{{/refusals}}</tbody></table>
    {{/hasRefusals}}
    {{^hasRefusals}}<p>Nothing has been refused.</p>{{/hasRefusals}}
    <h2 id="events">Recent events</h2>
    {{> entries}}
    """#

    static let auditText = #"""
    <p>Who received a document, or what an organisation sent and received in a period: every entry of the log, each with its inclusion in the latest signed checkpoint ({{sizeText}}) proved and checked. The log holds no content.</p>
    <form method="get" action="/audit" class="filters" novalidate>
    <div class="form-group">
    <label for="document">Document id</label>
    <span class="hint" id="document-hint">As the sharing node shows it, for example 01a2…</span>
    <input type="text" id="document" name="document" value="{{document}}" aria-describedby="document-hint" spellcheck="false">
    </div>
    <p>or</p>
    <div class="inline-fields">
    <div class="form-group">
    <label for="organisation">Organisation code</label>
    <input type="text" id="organisation" name="organisation" value="{{organisation}}" spellcheck="false">
    </div>
    {{#fromField}}{{> date-field}}{{/fromField}}
    {{#toField}}{{> date-field}}{{/toField}}
    </div>
    <button type="submit" class="button">Search the log</button>
    </form>
    {{#searched}}
    <h2 id="events">{{summary}}</h2>
    {{> entries}}
    {{/searched}}
    """#

    static let entriesText = #"""
    {{#hasEntries}}
    <table aria-labelledby="events">
    <thead><tr><th scope="col">Entry</th><th scope="col">When (UTC)</th><th scope="col">Event</th><th scope="col">By</th><th scope="col">To or about</th><th scope="col">Share</th><th scope="col">In the log</th></tr></thead>
    <tbody>{{#entries}}<tr><td>{{index}}</td><td>{{at}}</td><td>{{event}}</td><td>{{actor}}</td><td>{{subject}}</td><td>{{#share}}<code>{{share}}</code>{{/share}}</td><td><strong class="tag {{colour}}">{{proof}}</strong></td></tr>{{/entries}}</tbody>
    </table>
    {{/hasEntries}}
    {{^hasEntries}}<p>No entries.</p>{{/hasEntries}}
    """#
}
