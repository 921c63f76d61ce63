/// A case's page: what was recorded, section by section, what may be done next, and its
/// timeline of every step with who and when.
enum CaseTemplate {
    static let text = #"""
    <p><strong class="tag {{stateColour}}">{{stateLabel}}</strong> {{processTitle}}</p>
    {{#sections}}
    <h2>{{title}}</h2>
    <dl class="summary-list">
    {{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}
    </dl>
    {{/sections}}
    {{#matches}}{{> match-alerts}}{{/matches}}
    <h2 id="next">What can be done next</h2>
    {{#steps}}{{> step-links}}{{/steps}}
    {{#mayShare}}<p><a href="/cases/{{id}}/share">Share this case with partners</a></p>{{/mayShare}}
    {{#mayCorrect}}<p><a href="/cases/{{id}}/corrections">Correct a mistake in this case</a></p>{{/mayCorrect}}
    {{#hasCorrections}}
    <h2 id="corrections">Corrections</h2>
    <table aria-labelledby="corrections">
    <thead><tr><th scope="col">When</th><th scope="col">Value</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">Why</th><th scope="col">Who</th></tr></thead>
    <tbody>
    {{#corrections}}<tr><td>{{when}}</td><td>{{label}}</td><td>{{oldValue}}</td><td>{{newValue}}</td><td>{{reason}}</td><td>{{actor}}</td></tr>{{/corrections}}
    </tbody>
    </table>
    {{/hasCorrections}}
    <h2 id="timeline">Timeline</h2>
    <table aria-labelledby="timeline">
    <thead><tr><th scope="col">When</th><th scope="col">Record</th><th scope="col">What happened</th><th scope="col">Who</th></tr></thead>
    <tbody>
    {{#timeline}}<tr><td>{{when}}</td><td>{{record}}</td><td>{{what}}</td><td>{{who}}</td></tr>{{/timeline}}
    </tbody>
    </table>
    """#
}
