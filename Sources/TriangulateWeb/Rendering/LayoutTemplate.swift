/// The page layout every Triangulate page shares, following the GOV.UK Design System's
/// template: a skip link, a header with the service's name and navigation, an optional banner,
/// the error summary first in the main content, and the content. No script, no inline style.
enum LayoutTemplate {
    static let name = "layout"

    static let text = #"""
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{#hasErrors}}Error: {{/hasErrors}}{{frame.title}} – {{frame.serviceName}}</title>
    <link rel="stylesheet" href="/assets/{{stylesheet}}">
    </head>
    <body>
    <a href="#main" class="skip-link">Skip to main content</a>
    <header class="header">
    <div class="width">
    <a href="/" class="service-name">{{frame.serviceName}}</a>
    {{#frame.signedInAs}}
    <nav aria-label="Main">
    <ul class="nav">
    {{#frame.navigation}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/frame.navigation}}
    </ul>
    </nav>
    <form method="post" action="/sign-out" class="sign-out">
    <input type="hidden" name="csrf" value="{{frame.csrfToken}}">
    <span>Signed in as {{frame.signedInAs}}</span>
    <button type="submit" class="link-button">Sign out</button>
    </form>
    {{/frame.signedInAs}}
    </div>
    </header>
    {{#frame.banner}}
    <div class="banner" role="region" aria-label="Warning">
    <div class="width"><strong class="banner-text"><span class="visually-hidden">Warning: </span>{{frame.banner}}</strong></div>
    </div>
    {{/frame.banner}}
    <div class="width">
    <main id="main" tabindex="-1">
    {{#hasErrors}}
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
    <h2 id="error-summary-title">There is a problem</h2>
    <ul>
    {{#frame.errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/frame.errors}}
    </ul>
    </div>
    {{/hasErrors}}
    {{#frame.notice}}
    <div class="notice" role="status"><p>{{frame.notice}}</p></div>
    {{/frame.notice}}
    {{#frame.caption}}<span class="caption">{{frame.caption}}</span>{{/frame.caption}}
    <h1>{{frame.heading}}</h1>
    {{{content}}}
    </main>
    </div>
    <footer class="footer"><div class="width"><p>Triangulate: early warnings about care, shared on a need-to-know basis.</p></div></footer>
    </body>
    </html>
    """#
}
