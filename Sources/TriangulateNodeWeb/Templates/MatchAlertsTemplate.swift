/// The alerts partial, on the worklist and a case's page: a table of subjects other
/// organisations also hold cases on, never who until they agree, with forms to answer.
enum MatchAlertsTemplate {
    static let text = #"""
    {{#hasRows}}
    <h2 id="matches">Other organisations hold cases on the same subjects</h2>
    <p>The hub matched keyed tokens of your open cases' subjects with other organisations' without learning either. Who they are is revealed only between organisations that agree.</p>
    <table aria-labelledby="matches">
    <thead><tr><th scope="col">Subject</th><th scope="col">Your cases</th><th scope="col">Also held by</th><th scope="col">Introduction</th></tr></thead>
    <tbody>
    {{#rows}}
    <tr>
    <td>{{subject}}</td>
    <td>{{#cases}}<a href="/cases/{{id}}">{{reference}}</a> {{/cases}}</td>
    <td>{{others}}</td>
    <td>{{introduction}}
    {{#mayAnswer}}
    <form method="post" action="/matches/{{id}}">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}">
    {{^mayReveal}}<button type="submit" name="consent" value="ask" class="button secondary">Ask to be put in touch</button>{{/mayReveal}}
    {{#mayReveal}}<button type="submit" name="consent" value="reveal" class="button secondary">Reveal us to them</button>{{/mayReveal}}
    <button type="submit" name="consent" value="decline" class="button secondary">Decline</button>
    </form>
    {{/mayAnswer}}
    </td>
    </tr>
    {{/rows}}
    </tbody>
    </table>
    {{/hasRows}}
    """#
}
