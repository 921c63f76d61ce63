/// A step's form: each field as the GOV.UK Design System draws its kind (text input, textarea,
/// radios in a fieldset, select, checkbox), with its hint and error.
enum StepFormTemplate {
    static let text = #"""
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#page}}<input type="hidden" name="page" value="{{page}}">{{/page}}
    {{#carried}}<input type="hidden" name="{{name}}" value="{{value}}">{{/carried}}
    {{#fields}}
    <div class="form-group{{#error}} error{{/error}}">
    {{#isChoice}}
    <fieldset{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>
    <legend>{{label}}{{#optional}} (optional){{/optional}}</legend>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <div class="radios">
    {{#options}}<div class="radio"><input type="radio" id="{{id}}" name="{{name}}" value="{{value}}"{{#selected}} checked{{/selected}}><label for="{{id}}">{{label}}</label></div>{{/options}}
    </div>
    </fieldset>
    {{/isChoice}}
    {{#isFlag}}
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <div class="checkbox"><input type="checkbox" id="{{name}}" name="{{name}}" value="yes"{{#checked}} checked{{/checked}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}><label for="{{name}}">{{label}}</label></div>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{/isFlag}}
    {{#isText}}
    <label for="{{name}}">{{label}}{{#optional}} (optional){{/optional}}</label>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <input type="text" id="{{name}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#suggests}} list="{{name}}-register" data-suggest="{{suggests}}" autocomplete="off"{{/suggests}}>
    {{#suggests}}<datalist id="{{name}}-register"></datalist>{{/suggests}}
    {{/isText}}
    {{#isDate}}
    <label for="{{name}}">{{label}}</label>
    <span class="hint" id="{{name}}-hint">{{#hint}}{{hint}}. {{/hint}}For example, 2026-03-31</span>
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <input type="text" id="{{name}}" name="{{name}}" value="{{value}}" class="date-input" inputmode="numeric" aria-describedby="{{name}}-hint{{#error}} {{name}}-error{{/error}}">
    {{/isDate}}
    {{#isLongText}}
    <label for="{{name}}">{{label}}{{#optional}} (optional){{/optional}}</label>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <textarea id="{{name}}" name="{{name}}" rows="5"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{value}}</textarea>
    {{/isLongText}}
    {{#isSelect}}
    <label for="{{name}}">{{label}}{{#optional}} (optional){{/optional}}</label>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <select id="{{name}}" name="{{name}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
    {{/isSelect}}
    </div>
    {{/fields}}
    <button type="submit" class="button">{{submit}}</button>
    <p><a href="{{cancel}}">Cancel</a></p>
    </form>
    {{#script}}<script src="/assets/{{script}}" defer></script>{{/script}}
    """#
}
