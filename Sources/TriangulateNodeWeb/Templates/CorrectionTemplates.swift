/// The values of a case that may be corrected.
enum CorrectionListTemplate {
    static let text = #"""
    <p>Correct a value recorded in error (UK GDPR Article 16). The old value, the new value, who corrected it and why are kept in the case's history; a value already shared reaches every recipient at the next sync.</p>
    <table>
    <caption>Values that can be corrected</caption>
    <thead><tr><th scope="col">Value</th><th scope="col">Now</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
    <tbody>
    {{#fields}}<tr><td>{{label}}</td><td>{{value}}</td><td><a href="{{href}}">Correct<span class="visually-hidden"> {{label}}</span></a></td></tr>{{/fields}}
    </tbody>
    </table>
    <p><a href="{{back}}">Back to the case</a></p>
    """#
}

/// The form that corrects one value, with a reason.
enum CorrectionFormTemplate {
    static let text = #"""
    <dl class="summary-list"><div><dt>Recorded now</dt><dd>{{current}}</dd></div></dl>
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="form-group{{#valueError}} error{{/valueError}}">
    <label for="value">Corrected value</label>
    {{#isDate}}<span class="hint" id="value-hint">For example, 2026-03-31</span>{{/isDate}}
    {{#valueError}}<span class="error-message" id="value-error"><span class="visually-hidden">Error:</span> {{valueError}}</span>{{/valueError}}
    {{#isLongText}}<textarea id="value" name="value" rows="6"{{#valueError}} aria-describedby="value-error"{{/valueError}}>{{value}}</textarea>{{/isLongText}}
    {{^isLongText}}<input type="text" id="value" name="value" value="{{value}}"{{#isDate}} class="date-input" aria-describedby="value-hint{{#valueError}} value-error{{/valueError}}"{{/isDate}}{{^isDate}}{{#valueError}} aria-describedby="value-error"{{/valueError}}{{/isDate}}>{{/isLongText}}
    </div>
    <div class="form-group{{#reasonError}} error{{/reasonError}}">
    <label for="reason">Why it is corrected</label>
    <span class="hint" id="reason-hint">This is kept with the correction, with your name</span>
    {{#reasonError}}<span class="error-message" id="reason-error"><span class="visually-hidden">Error:</span> {{reasonError}}</span>{{/reasonError}}
    <textarea id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#reasonError}} reason-error{{/reasonError}}">{{reason}}</textarea>
    </div>
    <button type="submit" class="button">Save the correction</button>
    <p><a href="{{back}}">Cancel</a></p>
    </form>
    """#
}
