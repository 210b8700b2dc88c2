using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B404 — import of `subprocess`.</summary>
public sealed class ImportSubprocess : BlacklistedImport
{
    static readonly string[] Names = ["subprocess"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B404", Name: "import-subprocess", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 78,
        What: "Imports of `subprocess` (prefix match, so `subprocess32` too), including dynamic imports.",
        Why: """
            Running programs is where command injection happens; Bandit flags the import so that the module's uses get
            reviewed.
            """,
        Example: "import subprocess",
        Fix: """subprocess.run(["git", "status"])  # keep the import; pass argument lists, never shell=True""",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b404-import-subprocess"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S404"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: importing `subprocess` is ordinary and not a finding by itself; the
            default profile reports the dangerous calls themselves (such as B602, `shell=True`).
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: review how it runs commands.";
}
