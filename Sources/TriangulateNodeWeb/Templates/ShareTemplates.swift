/// The share form: who to share with, why and on what basis.
enum ShareFormTemplate {
    static let text = #"""
    <p>Only a minimised projection of the case leaves this node, through the hub, to the organisations you choose. You will see exactly what will be sent before anything is.</p>
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="form-group{{#toError}} error{{/toError}}">
    <fieldset aria-describedby="to-hint{{#toError}} to-error{{/toError}}">
    <legend>Share with</legend>
    <span class="hint" id="to-hint">Only organisations that need to know</span>
    {{#toError}}<span class="error-message" id="to-error"><span class="visually-hidden">Error:</span> {{toError}}</span>{{/toError}}
    {{#organisations}}<div class="checkbox"><input type="checkbox" id="{{id}}" name="to" value="{{code}}"{{#selected}} checked{{/selected}}><label for="{{id}}">{{name}} ({{code}})</label></div>{{/organisations}}
    </fieldset>
    </div>
    <div class="form-group{{#purposeError}} error{{/purposeError}}">
    <label for="purpose">Purpose</label>
    {{#purposeError}}<span class="error-message" id="purpose-error"><span class="visually-hidden">Error:</span> {{purposeError}}</span>{{/purposeError}}
    <input type="text" id="purpose" name="purpose" value="{{purpose}}"{{#purposeError}} aria-describedby="purpose-error"{{/purposeError}}>
    </div>
    <div class="form-group{{#basisError}} error{{/basisError}}">
    <label for="basis">Lawful basis or legal gateway</label>
    <span class="hint" id="basis-hint">For example, ECP 2021 information sharing gateway</span>
    {{#basisError}}<span class="error-message" id="basis-error"><span class="visually-hidden">Error:</span> {{basisError}}</span>{{/basisError}}
    <input type="text" id="basis" name="basis" value="{{basis}}" aria-describedby="basis-hint{{#basisError}} basis-error{{/basisError}}">
    </div>
    <button type="submit" class="button">Preview what will be sent</button>
    <p><a href="{{back}}">Cancel</a></p>
    </form>
    """#
}

/// The preview of a share: every field with its value and whether it leaves, who will see it,
/// and the button that makes the share.
enum SharePreviewTemplate {
    static let text = #"""
    <p>This is exactly what will leave this node for {{reference}}, at the next sync. Nothing has been sent yet.</p>
    <h2 id="audience">Who will see it</h2>
    <ul>{{#audience}}<li>{{organisation}}{{#hasPeople}}: only {{people}}{{/hasPeople}}</li>{{/audience}}</ul>
    <table>
    <caption>What will be sent ({{payloadClass}})</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Value on this node</th><th scope="col">Sent?</th></tr></thead>
    <tbody>
    {{#fields}}<tr><td>{{name}}</td><td>{{value}}</td><td>{{#leaves}}<strong class="tag green">Sent</strong>{{/leaves}}{{^leaves}}<strong class="tag grey">Not sent</strong>{{#isPersonal}} personal data{{/isPersonal}}{{/leaves}}</td></tr>{{/fields}}
    </tbody>
    </table>
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#to}}<input type="hidden" name="to" value="{{.}}">{{/to}}
    <input type="hidden" name="purpose" value="{{purpose}}">
    <input type="hidden" name="basis" value="{{basis}}">
    <input type="hidden" name="confirmed" value="yes">
    <button type="submit" class="button">Share</button>
    </form>
    <p><a href="{{back}}">Change the share</a></p>
    """#
}

/// What other organisations have shared with this one.
enum ReceivedListTemplate {
    static let text = #"""
    {{#hasShares}}
    <table>
    <caption>Shared with your organisation, newest first</caption>
    <thead><tr><th scope="col">From</th><th scope="col">What</th><th scope="col">Purpose</th><th scope="col">Received</th><th scope="col">Status</th></tr></thead>
    <tbody>
    {{#shares}}<tr><td>{{owner}}</td><td><a href="/received/{{share}}">{{what}}</a></td><td>{{purpose}}</td><td>{{received}}</td><td>{{#withdrawn}}<strong class="tag grey">Withdrawn</strong>{{/withdrawn}}{{^withdrawn}}<strong class="tag green">Current</strong>{{/withdrawn}}</td></tr>{{/shares}}
    </tbody>
    </table>
    {{/hasShares}}
    {{^hasShares}}<p>Nothing has been shared with your organisation yet.</p>{{/hasShares}}
    """#
}

/// One received document as the person signed in may see it.
enum ReceivedDocumentTemplate {
    static let text = #"""
    <dl class="summary-list">
    <div><dt>From</dt><dd>{{owner}}</dd></div>
    <div><dt>Purpose</dt><dd>{{purpose}}</dd></div>
    <div><dt>Basis</dt><dd>{{basis}}</dd></div>
    </dl>
    {{#withdrawn}}<p>This share was withdrawn by {{owner}}; its content has been removed from this node.</p>{{/withdrawn}}
    {{#replied}}<div class="notice" role="status"><p>Your reply is saved. It reaches {{owner}} on the next sync.</p></div>{{/replied}}
    {{#embargoedUntil}}<div class="notice" role="status"><p><strong>Under embargo:</strong> not to be published before {{embargoedUntil}}.</p></div>{{/embargoedUntil}}
    {{#hasWithheld}}<div class="notice" role="status"><p>Some fields are personal data shared only with named people: {{withheld}}. You are not one of them, so they are not shown.</p></div>{{/hasWithheld}}
    {{#hasFields}}
    <table>
    <caption>What was shared</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
    <tbody>
    {{#fields}}<tr><td>{{name}}</td><td>{{value}}</td></tr>{{/fields}}
    </tbody>
    </table>
    {{/hasFields}}
    {{#hasReplies}}
    <h2>Reply</h2>
    <p>Your reply reaches {{owner}} on the next sync, and is recorded on its case.</p>
    <ul class="links">{{#replies}}<li><a href="{{href}}">{{title}}</a></li>{{/replies}}</ul>
    {{/hasReplies}}
    <p><a href="/received">All shared with us</a></p>
    """#
}
