/// A long step's answers to check, each with a way back to change it, then the button that takes it.
enum CheckAnswersTemplate {
    static let text = #"""
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#carried}}<input type="hidden" name="{{name}}" value="{{value}}">{{/carried}}
    <dl class="summary-list">
    {{#answers}}<div><dt>{{label}}</dt><dd>{{value}}</dd><dd class="change"><button type="submit" name="goto" value="{{page}}" class="sort-button">Change<span class="visually-hidden"> {{label}}</span></button></dd></div>{{/answers}}
    </dl>
    <button type="submit" name="confirmed" value="yes" class="button">Save</button>
    <p><a href="{{cancel}}">Cancel</a></p>
    </form>
    """#
}
