/// The Emerging Concerns Protocol's five reports and the completeness check, for a period, with
/// charts drawn on the server and the same figures as tables, and downloads.
enum ReportTemplate {
    static let text = #"""
    <form method="get" action="/reports" class="filters" novalidate>
    <div class="inline-fields">
    {{#fromField}}{{> date-field}}{{/fromField}}
    {{#toField}}{{> date-field}}{{/toField}}
    </div>
    <button type="submit" class="button">Show the reports</button>
    </form>
    <p>Download these figures: <a href="/reports/ecp.csv{{query}}">CSV</a> or <a href="/reports/ecp.xlsx{{query}}">Excel (XLSX)</a>. They hold counts only, never names.</p>
    <p>Other processes' reports: {{#flows}}<a href="/reports/flows/{{id}}{{query}}">{{title}}</a>{{^last}}, {{/last}}{{/flows}}. Concerns by provider and brand: <a href="/reports/providers">providers</a>.</p>

    <h2 id="initiated">1. Protocol initiated</h2>
    {{{initiatedChart}}}
    <table aria-labelledby="initiated"><thead><tr><th scope="col">Decision or category</th><th scope="col">Concerns</th></tr></thead>
    <tbody>{{#initiated}}<tr><td>{{label}}</td><td>{{value}}</td></tr>{{/initiated}}</tbody></table>

    <h2 id="shared">2. Information shared</h2>
    {{#hasShared}}
    {{{sharedChart}}}
    <table aria-labelledby="shared"><thead><tr><th scope="col">Month</th><th scope="col">Direction</th><th scope="col">With</th><th scope="col">Category</th><th scope="col">Class</th><th scope="col">Count</th></tr></thead>
    <tbody>{{#shared}}<tr><td>{{month}}</td><td>{{direction}}</td><td>{{counterpart}}</td><td>{{category}}</td><td>{{payloadClass}}</td><td>{{count}}</td></tr>{{/shared}}</tbody></table>
    {{/hasShared}}
    {{^hasShared}}<p>None in this period.</p>{{/hasShared}}

    <h2>3. Panels convened</h2>
    <p class="figure">{{panelsConvened}}</p>
    <h2>4. Panels attended</h2>
    <p class="figure">{{panelsAttended}}</p>

    <h2 id="actions">5. Actions and outcomes</h2>
    {{{actionsChart}}}
    <table aria-labelledby="actions"><thead><tr><th scope="col">Actions or outcome</th><th scope="col">Count</th></tr></thead>
    <tbody>{{#actions}}<tr><td>{{label}}</td><td>{{value}}</td></tr>{{/actions}}</tbody></table>

    <h2 id="completeness">Completeness of the minimum data</h2>
    <p>{{completeSummary}}</p>
    {{#hasGaps}}
    <table aria-labelledby="completeness"><thead><tr><th scope="col">Concern</th><th scope="col">What is missing</th></tr></thead>
    <tbody>{{#gaps}}<tr><td>{{reference}}</td><td>{{detail}}</td></tr>{{/gaps}}</tbody></table>
    {{/hasGaps}}
    """#
}
