/// Lets the global options come before the subcommand, as in
/// `triangulate --store org.sqlite concern list`: they are moved after it, where every
/// command declares them.
enum GlobalArguments {
    private static let withValue: Set<String> = ["--store", "--user"]
    private static let flags: Set<String> = ["--json"]

    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if withValue.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if flags.contains(argument) || (withValue.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        return Array(arguments[index...]) + leading
    }
}
