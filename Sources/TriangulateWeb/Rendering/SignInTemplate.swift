/// The sign-in form of the node's application and the hub's console: a name and a password,
/// with errors beside the fields (GOV.UK pattern). `SignInPage` renders it.
public enum SignInTemplate {
    /// The template's name in every renderer.
    public static let name = "sign-in"

    static let text = #"""
    <form method="post" action="{{action}}" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="form-group{{#nameError}} error{{/nameError}}">
    <label for="name">Name</label>
    {{#nameError}}<span class="error-message" id="name-error"><span class="visually-hidden">Error:</span> {{nameError}}</span>{{/nameError}}
    <input type="text" id="name" name="name" value="{{name}}" autocomplete="username" spellcheck="false"{{#nameError}} aria-describedby="name-error"{{/nameError}}>
    </div>
    <div class="form-group{{#passwordError}} error{{/passwordError}}">
    <label for="password">Password</label>
    {{#passwordError}}<span class="error-message" id="password-error"><span class="visually-hidden">Error:</span> {{passwordError}}</span>{{/passwordError}}
    <input type="password" id="password" name="password" autocomplete="current-password"{{#passwordError}} aria-describedby="password-error"{{/passwordError}}>
    </div>
    <button type="submit" class="button">Sign in</button>
    </form>
    <p>{{help}}</p>
    """#
}
