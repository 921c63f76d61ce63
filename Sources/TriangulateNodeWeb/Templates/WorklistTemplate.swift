/// The worklist: what is overdue and due, for the person signed in and for the organisation.
enum WorklistTemplate {
    static let text = #"""
    <p>Today is {{today}}. Working days are counted in {{nation}}.</p>
    {{#matches}}{{> match-alerts}}{{/matches}}
    {{#groups}}
    <h2 id="{{id}}">{{title}}</h2>
    {{#hasRows}}
    <table aria-labelledby="{{id}}">
    <thead><tr><th scope="col">Status</th><th scope="col">Due</th><th scope="col">What is due</th><th scope="col">Case</th><th scope="col">Owed by</th></tr></thead>
    <tbody>
    {{#rows}}
    <tr>
    <td><strong class="tag {{colour}}">{{statusText}}</strong></td>
    <td>{{due}}<span class="hint">{{remaining}}</span></td>
    <td>{{what}}</td>
    <td>{{#caseID}}<a href="/cases/{{caseID}}">{{reference}}</a>{{/caseID}}{{^caseID}}{{reference}}{{/caseID}}</td>
    <td>{{owedBy}}</td>
    </tr>
    {{/rows}}
    </tbody>
    </table>
    {{#more}}<p>{{more}}</p>{{/more}}
    {{/hasRows}}
    {{^hasRows}}<p>{{empty}}</p>{{/hasRows}}
    {{/groups}}
    """#
}
