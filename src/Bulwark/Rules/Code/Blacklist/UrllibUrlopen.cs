using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B310 — urllib openers that accept any URL scheme.</summary>
public sealed class UrllibUrlopen : BlacklistedCall
{
    protected override IReadOnlyList<string> QualifiedNames => UrllibOpeners.Names;

    public override RuleInfo Info { get; } = new(
        Id: "B310", Name: "urllib-urlopen", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 22,
        What: $"""
            Calls to {Listing(UrllibOpeners.Names)}. As in Bandit 1.9, every call is reported, literal `https://` URLs
            included.
            """,
        Why: """
            urllib's openers follow any scheme they support, `file://` included: a URL that a user can influence may
            read local files (`file:///etc/passwd`) or reach internal services.
            """,
        Example: """
            def fetch(url):
                return urllib.request.urlopen(url).read()
            """,
        Fix: """
            def fetch(url):
                if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                    raise ValueError("unsupported scheme")
                return urllib.request.urlopen(url).read()
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b310-urllib-urlopen",
                     "https://docs.python.org/3/library/urllib.request.html"])
    {
        Compliance = Compliance.PathTraversal,
        Aliases = ["S310"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only, reporting every call as Bandit does. The default profile runs BW310
            (`url-open-unchecked-scheme`), which does not report URLs whose `http://` or `https://` scheme is fixed in
            the source.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` opens any URL scheme, `file:` included; check the scheme of URLs that are not fixed.";
}
