/// The cases: a search and filter form (sent by POST, so that nothing typed lands in a web
/// address), and the results as a table whose column headings sort it.
enum CasesTemplate {
    static let text = #"""
    <form method="post" action="/cases" class="filters" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <h2 class="visually-hidden">Search and filter</h2>
    <div class="inline-fields">
    <div class="form-group">
    <label for="words">Words in the title or reference</label>
    <input type="search" id="words" name="words" value="{{query.words}}">
    </div>
    <div class="form-group">
    <label for="identifier">Provider, location or register number</label>
    <input type="search" id="identifier" name="identifier" value="{{query.identifier}}" spellcheck="false">
    </div>
    </div>
    <div class="inline-fields">
    <div class="form-group">
    <label for="process">Process</label>
    <select id="process" name="process">{{#processes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/processes}}</select>
    </div>
    <div class="form-group">
    <label for="status">Status</label>
    <select id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>
    </div>
    <div class="form-group">
    <label for="state">State</label>
    <select id="state" name="state">{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select>
    </div>
    <div class="form-group">
    <label for="category">Category or type</label>
    <select id="category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select>
    </div>
    </div>
    <div class="inline-fields">
    {{#fromField}}{{> date-field}}{{/fromField}}
    {{#throughField}}{{> date-field}}{{/throughField}}
    <div class="form-group">
    <label for="order">Order</label>
    <select id="order" name="order">{{#orders}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/orders}}</select>
    </div>
    </div>
    <button type="submit" class="button">Search</button>
    <h2 id="results">{{resultCount}}</h2>
    {{#hasResults}}
    <table aria-labelledby="results">
    <thead><tr>
    {{#columns}}<th scope="col"{{#sortedAs}} aria-sort="{{sortedAs}}"{{/sortedAs}}><button type="submit" name="sort" value="{{order}}" class="sort-button">{{label}}<span class="visually-hidden"> (sort by this)</span></button></th>{{/columns}}
    <th scope="col">Process</th>
    </tr></thead>
    <tbody>
    {{#results}}
    <tr>
    <td><a href="/cases/{{id}}">{{reference}}</a>{{#safeguarding}} <strong class="tag red">Safeguarding</strong>{{/safeguarding}}</td>
    <td>{{title}}</td>
    <td><strong class="tag {{stateColour}}">{{stateLabel}}</strong></td>
    <td>{{openedOn}}</td>
    <td>{{processTitle}}</td>
    </tr>
    {{/results}}
    </tbody>
    </table>
    {{#more}}<p>{{more}}</p>{{/more}}
    {{/hasResults}}
    </form>
    """#
}
