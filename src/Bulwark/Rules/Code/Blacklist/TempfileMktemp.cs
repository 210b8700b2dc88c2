using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B306 — `tempfile.mktemp`.</summary>
public sealed class TempfileMktemp : BlacklistedCall
{
    static readonly string[] Names = ["tempfile.mktemp"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B306", Name: "mktemp-q", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 377,
        What: "Calls to `tempfile.mktemp`.",
        Why: """
            `mktemp` only returns a name that did not exist a moment ago; between that check and the open, another local
            user can create the file or a symlink there and read or redirect what is written (a race documented as
            deprecated since Python 2.3).
            """,
        Example: """
            path = tempfile.mktemp()
            with open(path, "w") as f:
                f.write(data)
            """,
        Fix: """
            with tempfile.NamedTemporaryFile("w", delete=False) as f:
                f.write(data)
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b306-mktemp-q",
                     "https://docs.python.org/3/library/tempfile.html#tempfile.mktemp"])
    {
        Compliance = Compliance.FilePermissions,
        Aliases = ["S306"],
    };

    protected override string Message(string name) =>
        $"`{name}` is insecure (a race between choosing the name and creating the file); use `tempfile.mkstemp` or `NamedTemporaryFile`.";
}
