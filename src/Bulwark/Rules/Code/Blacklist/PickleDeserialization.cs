using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B301 — deserialisation with pickle or a library built on it.</summary>
public sealed class PickleDeserialization : BlacklistedCall
{
    static readonly string[] Names =
    [
        "pickle.loads", "pickle.load", "pickle.Unpickler",
        "dill.loads", "dill.load", "dill.Unpickler",
        "shelve.open", "shelve.DbfilenameShelf",
        "jsonpickle.decode", "jsonpickle.unpickler.decode", "jsonpickle.unpickler.Unpickler",
        "pandas.read_pickle",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B301", Name: "pickle", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 502,
        What: "Calls that unpickle data: " + Listing(Names) + ".",
        Why: """
            Unpickling runs whatever the byte stream tells it to: a crafted pickle calls `os.system` or any other
            callable while it loads. Data that an attacker can write — a request body, an upload, a cache entry, a file
            in a shared directory — must never reach these functions.
            """,
        Example: """
            def restore(request):
                return pickle.loads(request.body)
            """,
        Fix: """
            def restore(request):
                return json.loads(request.body)  # a data-only format
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle",
                     "https://docs.python.org/3/library/pickle.html"])
    {
        Compliance = Compliance.Deserialization,
        Aliases = ["S301"],
    };

    protected override string Message(string name) =>
        $"`{name}` unpickles its input: pickled data from an untrusted source can execute arbitrary code.";
}
