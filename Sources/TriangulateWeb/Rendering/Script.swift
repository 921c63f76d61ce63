/// The one script of Triangulate's pages, written by hand and served from the site itself:
/// register suggestions for the fields that take a provider or location. A field marked
/// `data-suggest` (`location-id` for an id alone, `description` for words) gets a `<datalist>`
/// of the register's matches as it is typed (at least two characters, a quarter-second after the
/// last key), fetched by POST with the form's CSRF token so nothing typed reaches an address or
/// a log. Without it, the field is a plain text field: nothing depends on it.
public enum Script {
    /// The file name it is served under, e.g. `suggest-3f1c….js`.
    public static let fileName = "suggest-\(Fingerprint.of(text)).js"

    /// The script.
    public static let text = #"""
    "use strict";
    (function () {
      var timers = new WeakMap();
      function fill(input, list) {
        var form = input.form;
        var token = form && form.querySelector("input[name=csrf]");
        var typed = input.value.trim();
        if (!token || typed.length < 2) { return; }
        var body = new URLSearchParams();
        body.set("csrf", token.value);
        body.set("q", typed);
        fetch("/register/suggest", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = input.getAttribute("data-suggest") === "location-id" ? suggestion.id : suggestion.text;
              option.label = suggestion.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }
      document.querySelectorAll("input[data-suggest]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        if (!list) { return; }
        input.addEventListener("input", function () {
          clearTimeout(timers.get(input));
          timers.set(input, setTimeout(function () { fill(input, list); }, 250));
        });
      });
    })();
    """#
}

/// A short hash of an asset's text, for a file name that changes whenever the text does.
enum Fingerprint {
    /// FNV-1a over the UTF-8 of `text`, in hexadecimal.
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
