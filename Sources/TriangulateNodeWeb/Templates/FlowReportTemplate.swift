/// A council's process report for a period: cases opened and closed, open by stage, deadlines
/// met and missed, time in each stage — each chart beside its table, and a CSV download.
enum FlowReportTemplate {
    static let text = #"""
    <form method="get" action="/reports/flows/{{process}}" class="filters" novalidate>
    <div class="inline-fields">
    {{#fromField}}{{> date-field}}{{/fromField}}
    {{#toField}}{{> date-field}}{{/toField}}
    </div>
    <button type="submit" class="button">Show the report</button>
    </form>
    <p>Download these figures: <a href="/reports/csv/{{process}}{{query}}">CSV</a>. They hold counts and days only, never a reference or a name.</p>
    <p class="figure">{{opened}} opened, {{closed}} closed in the period.</p>

    <h2 id="stages">Open at the end of the period, by stage</h2>
    {{{stagesChart}}}
    <table aria-labelledby="stages"><thead><tr><th scope="col">Stage</th><th scope="col">Open</th><th scope="col">Stays completed</th><th scope="col">Median days</th><th scope="col">Longest days</th></tr></thead>
    <tbody>{{#stages}}<tr><td>{{stage}}</td><td>{{open}}</td><td>{{completedStays}}</td><td>{{median}}</td><td>{{longest}}</td></tr>{{/stages}}</tbody></table>

    <h2 id="deadlines">Deadlines</h2>
    {{{deadlinesChart}}}
    <table aria-labelledby="deadlines"><thead><tr><th scope="col">Deadline</th><th scope="col">Met</th><th scope="col">Missed</th><th scope="col">Running</th></tr></thead>
    <tbody>{{#clocks}}<tr><td>{{what}}</td><td>{{met}}</td><td>{{missed}}</td><td>{{running}}</td></tr>{{/clocks}}</tbody></table>
    """#
}
