/// Concerns rolled up by the provider or brand running their services on the day each concern
/// named them: one row each, most concerns first.
enum ProviderRollUpTemplate {
    static let text = #"""
    <p>Group by: {{#groupings}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="/reports/providers?by={{value}}">{{label}}</a>{{/current}}{{^last}} · {{/last}}{{/groupings}}</p>
    <p>A concern counts once per {{grouping}} however many of its locations it names; the provider is the one the register showed on the day the concern named the service. Brands come from CQC's monthly directory with filters.</p>
    {{#hasRows}}
    <table>
    <caption>Concerns by {{grouping}}</caption>
    <thead><tr><th scope="col">{{column}}</th><th scope="col">Name</th><th scope="col">Concerns</th><th scope="col">Open</th><th scope="col">Locations named</th><th scope="col">Latest identified</th><th scope="col">Concerns</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{concerns}}</td><td>{{open}}</td><td>{{locations}}</td><td>{{latest}}</td><td>{{references}}</td></tr>{{/rows}}</tbody>
    </table>
    {{/hasRows}}
    {{^hasRows}}<p>No concern names a provider or location yet.</p>{{/hasRows}}
    """#
}
