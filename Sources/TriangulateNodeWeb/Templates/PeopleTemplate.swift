/// The node's people, for an administrator: who can sign in, and with what role.
enum PeopleTemplate {
    static let text = #"""
    <p>People are added, disabled and given new passwords with the command line: <code>triangulate user --help</code>.</p>
    <table>
    <caption>People who can sign in to this node</caption>
    <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Added</th></tr></thead>
    <tbody>
    {{#people}}<tr><td>{{name}}</td><td>{{role}}</td><td><strong class="tag {{colour}}">{{status}}</strong></td><td>{{added}}</td></tr>{{/people}}
    </tbody>
    </table>
    """#
}
