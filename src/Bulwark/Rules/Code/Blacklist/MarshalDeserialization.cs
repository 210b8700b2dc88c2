using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B302 — deserialisation with marshal.</summary>
public sealed class MarshalDeserialization : BlacklistedCall
{
    static readonly string[] Names = ["marshal.load", "marshal.loads"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B302", Name: "marshal", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 502,
        What: "Calls to " + Listing(Names) + ".",
        Why: """
            `marshal` is CPython's internal format for code objects; it is not hardened against malformed or malicious
            input, and the values it loads (code objects among them) are easily turned into code execution.
            """,
        Example: "state = marshal.loads(sock.recv(4096))",
        Fix: "state = json.loads(sock.recv(4096))",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b302-marshal",
                     "https://docs.python.org/3/library/marshal.html"])
    {
        Compliance = Compliance.Deserialization,
        Aliases = ["S302"],
    };

    protected override string Message(string name) =>
        $"`{name}` deserialises with marshal, which is not safe against untrusted data.";
}
