using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>
/// BW310 — the default profile's B310: urllib openers, except when the URL's scheme is fixed to http(s) in the
/// source (a literal, an f-string or a concatenation that starts with `https://`).
/// </summary>
public sealed class UrlOpenUncheckedScheme : CodeRule
{
    static readonly HashSet<string> Openers = new(UrllibOpeners.Names, StringComparer.Ordinal);
    static readonly HashSet<string> RequestTypes = new(StringComparer.Ordinal)
    {
        "urllib.request.Request", "six.moves.urllib.request.Request",
    };

    public override RuleInfo Info { get; } = new(
        Id: "BW310", Name: "url-open-unchecked-scheme", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 22,
        What: """
            The urllib openers B310 lists (`urlopen`, `urlretrieve`, `URLopener`, `FancyURLopener`, also through
            `six.moves`) when the URL's scheme is not fixed to `http`/`https` in the code: a variable, a parameter, or a
            literal with another scheme. `urlopen("https://...")`, `urlopen(f"https://{host}/x")`, `urlopen("https://" +
            path)`, `"https://%s" % host`, `"https://{}".format(host)` and `urlopen(Request("https://..."))` are not
            reported.
            """,
        Why: """
            urllib's openers follow any scheme they support, `file://` included: a URL that a user can influence may
            read local files (`file:///etc/passwd`) or reach internal services. When the code itself fixes the scheme,
            that risk is gone.
            """,
        Example: """
            def fetch(url):
                return urllib.request.urlopen(url).read()
            """,
        Fix: """
            def fetch(url):
                if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                    raise ValueError("unsupported scheme")
                return urllib.request.urlopen(url).read()  # nosec BW310: scheme checked above
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b310-urllib-urlopen",
                     "https://docs.python.org/3/library/urllib.request.html"])
    {
        Aliases = ["B310", "S310"],
        Compliance = Compliance.PathTraversal,
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B310 reports every call, including `urlopen("https://example.com")`, whose scheme cannot be changed
            by anyone. BW310 does not report URLs whose scheme is fixed to http(s) in the source; B310 runs unchanged in
            the `bandit` profile.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    public override CallInterest? Calls { get; } = new() { LooseNames = UrllibOpeners.Names };

    public override void Check(Node node, CodeContext context)
    {
        var call = (Call)node;
        var (name, dynamicImport) = BlacklistNames.Of(call, context);
        if (name is null || dynamicImport || !Openers.Contains(name)) return;
        bool isOpenerClass = name.EndsWith("URLopener", StringComparison.Ordinal);
        if (!isOpenerClass)
        {
            var url = call.Args.Count > 0 ? call.Args[0] : BlacklistNames.Keyword(call, "url");
            if (url is Call request && context.Semantic.QualifiedName(request.Func) is { } r && RequestTypes.Contains(r))
                url = request.Args.Count > 0 ? request.Args[0] : BlacklistNames.Keyword(request, "url");
            if (url is not null && HasFixedWebScheme(url)) return;
        }
        context.Report(this, call, isOpenerClass
            ? $"`{name}` opens URLs of any scheme, `file:` included; use `urllib.request.urlopen` with a checked http(s) URL."
            : $"`{name}` with a URL whose scheme is not fixed: `file:` and other schemes are accepted too; check the scheme first.");
    }

    /// <summary>A literal, f-string, `+` concatenation, `%` or `.format` template whose leading text is http:// or https://.</summary>
    static bool HasFixedWebScheme(Expr url)
    {
        while (true)
        {
            if (url is BinOp { Op: Operator.Add or Operator.Mod } op) url = op.Left;
            else if (url is Call { Func: AttributeExpr { Attr: "format", Value: Constant template } }) url = template;
            else break;
        }
        string? prefix = url switch
        {
            Constant { ValueKind: ConstantKind.Str } c => c.AsString,
            JoinedStr { Values.Count: > 0 } j when j.Values[0] is Constant { ValueKind: ConstantKind.Str } head => head.AsString,
            _ => null,
        };
        return prefix is not null
            && (prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || prefix.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
    }
}
