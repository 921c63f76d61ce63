/// A list of steps to take, as links; or why there are none.
enum StepLinksTemplate {
    static let text = #"""
    {{#hasLinks}}<ul class="step-list">{{#links}}<li><a href="{{href}}">{{title}}</a></li>{{/links}}</ul>{{/hasLinks}}
    {{^hasLinks}}{{#readOnly}}<p>Your role lets you read cases, not change them.</p>{{/readOnly}}{{^readOnly}}<p>Nothing: the case is finished.</p>{{/readOnly}}{{/hasLinks}}
    """#
}
