using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B403 — import of `pickle`, `cPickle`, `dill` or `shelve`.</summary>
public sealed class ImportPickle : BlacklistedImport
{
    static readonly string[] Names = ["pickle", "cPickle", "dill", "shelve"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B403", Name: "import-pickle", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 502,
        What: """
            Imports of `pickle`, `cPickle`, `dill` or `shelve`, with Bandit's prefix matching (`pickletools` is reported
            too), including dynamic imports.
            """,
        Why: """
            Pickle-based deserialisation of untrusted data executes code. The import is only a hint; the loading calls
            are what B301 reports.
            """,
        Example: "import pickle",
        Fix: "import json",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b403-import-pickle"])
    {
        Compliance = Compliance.Deserialization,
        Aliases = ["S403"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: the import alone is not a vulnerability, and every loading call is
            already reported by B301 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: deserialising untrusted data with it can execute code.";
}
