using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ016 — regular-expression injection: request data used as a pattern (ReDoS).</summary>
public sealed class RegexInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ016", Name: "regex-injection", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 1333,
        What: """
            Request data used as a regular expression's pattern: `re.compile`, `re.search`, `re.match`, `re.prefixmatch`, `re.fullmatch`, `re.findall`, `re.finditer`, `re.sub`, `re.subn`, `re.split`. A value escaped with `re.escape`, or validated to hold no pattern syntax, is safe.
            """,
        Why: """
            Python's regular expressions backtrack: a pattern with nested repetition (`(a+)+$`) takes time exponential in the subject's length, so one request can hold a worker for minutes (denial of service). A pattern also matches more than the code expects (`.*` finds every record).
            """,
        Example: "hits = [line for line in lines if re.search(request.args[\"q\"], line)]",
        Fix: "q = re.escape(request.args[\"q\"])  # the text, matched literally\nhits = [line for line in lines if re.search(q, line)]",
        References: ["https://cwe.mitre.org/data/definitions/1333.html",
                     "https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS",
                     "https://docs.python.org/3/library/re.html#re.escape"])
    {
        Compliance = Compliance.ResourceExhaustion,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no regular-expression injection check.
            """,
    };

    public override string SinkKind => "regex";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Regular-expression injection";
}
