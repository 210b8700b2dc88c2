using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ012 — Unsafe deserialisation: attacker-controlled data reaching a `deserialization` sink unsanitised.</summary>
public sealed class UnsafeDeserialization : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ012", Name: "unsafe-deserialization", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 502,
        What: """
            Request data (or command-line input) deserialised by a format that can construct arbitrary objects: `pickle`, `marshal`, `shelve` at a path from the data, `yaml.load` without a safe loader, `yaml.unsafe_load`, `jsonpickle.decode`, `dill`, `cloudpickle`, `joblib.load`, `torch.load` without `weights_only=True`. `yaml.safe_load`, `json` and a `pickle.load` of a file the application chose are not reported.
            """,
        Why: """
            Unpickling (and its equivalents) runs code chosen by whoever wrote the bytes: remote code execution.
            """,
        Example: "state = pickle.loads(base64.b64decode(request.cookies[\"cart\"]))",
        Fix: "state = json.loads(request.cookies[\"cart\"])",
        References: ["https://cwe.mitre.org/data/definitions/502.html",
                     "https://docs.python.org/3/library/pickle.html"])
    {
        Aliases = ["B301", "B302", "B506", "S301", "S302", "S506"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B301/B302/B506 report every `pickle`/`marshal`/`yaml.load` call, whatever it reads; this rule reports untrusted bytes reaching them.
            """,
    };

    public override string SinkKind => "deserialization";
    public override string Weakness => "Unsafe deserialisation";

    public override IReadOnlyList<string> Replaces { get; } = ["B301", "B302", "B506"];
}
