using Bulwark.Core;
using Bulwark.Python.Syntax;

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
        // The same functions under the C module's name (`import _pickle as cPickle`) and Python 2's: not Bandit's.
        "_pickle.loads", "_pickle.load", "_pickle.Unpickler", "cPickle.loads", "cPickle.load", "cPickle.Unpickler",
    ];

    static bool IsCModule(string name) => name.StartsWith("_pickle.", StringComparison.Ordinal) || name.StartsWith("cPickle.", StringComparison.Ordinal);

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
        DifferencesFromBandit = """
            In the default profile, unpickling bytes the program fixes itself (`pickle.loads(b"...")`, or built only
            from constants, `pickle.loads(base64.b64decode(BLOB))`) is not reported: nothing from outside reaches it;
            nor is a round trip of the program's own object, `pickle.loads(pickle.dumps(obj))` (a deep copy, common in
            tests): the bytes never leave the process. Request data that does reach it is INJ012's, with its path.
            The same functions reached through the C module (`import _pickle as cPickle`, `_pickle.loads`) or Python
            2's `cPickle` are reported too; Bandit does not list them. `--profile bandit` reports every call of
            Bandit's list, and only those.
            """,
    };

    /// <summary>
    /// In the default profile, a byte string built only from constants, or one the same library just made from an
    /// object in memory: there is nothing to inject.
    /// </summary>
    protected override bool Harmless(Call call, CodeContext context)
    {
        var loader = context.Semantic.QualifiedName(call.Func);
        if (loader is not null && IsCModule(loader) && context.Settings.Profile == RuleProfile.Bandit) return true;
        if (call.Args.Count == 0 || call.Args[0] is Starred) return false;
        if (loader is not ("pickle.loads" or "_pickle.loads" or "cPickle.loads" or "dill.loads" or "jsonpickle.decode" or "jsonpickle.unpickler.decode")) return false;
        if (ProvenSafe.SkipInDefaultProfile(context, call.Args[0])) return true;
        return context.Settings.Profile != RuleProfile.Bandit && call.Args[0] is Call { Func: var dumper }
            && context.Semantic.QualifiedName(dumper) is { } made && made == DumperOf(loader);
    }

    /// <summary>The function whose output the loader reads back: `pickle.dumps` for `pickle.loads`.</summary>
    static string DumperOf(string loader) => loader switch
    {
        "pickle.loads" => "pickle.dumps",
        "_pickle.loads" => "_pickle.dumps",
        "cPickle.loads" => "cPickle.dumps",
        "dill.loads" => "dill.dumps",
        _ => "jsonpickle.encode",
    };

    protected override string Message(string name) =>
        $"`{name}` unpickles its input: pickled data from an untrusted source can execute arbitrary code.";
}
