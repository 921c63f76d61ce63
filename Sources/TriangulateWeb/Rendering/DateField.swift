/// A date typed as `YYYY-MM-DD`, as every Triangulate form asks for one: its label, an example
/// as its hint, what was typed and what was wrong — drawn by the shared `date-field` template.
public struct DateField: Sendable {
    /// The field's name and id.
    public let name: String
    /// Its label.
    public let label: String
    /// An example date for the hint.
    public let example: String
    /// What was typed.
    public let value: String
    /// What is wrong with it, if anything.
    public let error: String?

    /// Makes a field.
    public init(name: String, label: String, example: String, value: String, error: String?) {
        self.name = name
        self.label = label
        self.example = example
        self.value = value
        self.error = error
    }

    /// The template's name in every renderer.
    public static let template = "date-field"

    static let text = #"""
    <div class="form-group{{#error}} error{{/error}}">
    <label for="{{name}}">{{label}}</label>
    <span class="hint" id="{{name}}-hint">For example, {{example}}</span>
    {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
    <input type="text" id="{{name}}" name="{{name}}" value="{{value}}" class="date-input" aria-describedby="{{name}}-hint{{#error}} {{name}}-error{{/error}}">
    </div>
    """#
}
