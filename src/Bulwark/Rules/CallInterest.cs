namespace Bulwark.Rules;

/// <summary>
/// The calls a code rule looks at, declared so that the shared walk resolves each call's name once and hands the call
/// only to the rules that can care (as Ruff dispatches its banned-call checks), instead of every rule resolving it.
/// A call matches when any one list matches; an empty interest matches nothing. An interest is a pre-filter: the rule
/// still decides, so it may be wider than the rule's test but never narrower.
/// </summary>
public sealed class CallInterest
{
    /// <summary>
    /// Whole callee names: the call matches when its callee resolves through imports to one of them
    /// (`SemanticModel.QualifiedName`) or, when it resolves to nothing, is written as one (`LooseQualifiedName`,
    /// Bandit's view of a callee).
    /// </summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>First segments of the resolved callee name: `hashlib` matches `hashlib.md5` and `hashlib.new`.</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>
    /// Last segments: the call matches when its resolved name ends with one (`load` matches `yaml.load` called as
    /// `from yaml import load as l; l(...)`) or the callee as written does (`get` in `self.session.get(...)`).
    /// </summary>
    public IReadOnlyList<string> LastNames { get; init; } = [];

    /// <summary>
    /// Whole callee names in Bandit's view (`SemanticModel.LooseQualifiedName`: through import aliases, a local
    /// definition or a parameter keeping its written name), for rules that name calls the way Bandit does.
    /// </summary>
    public IReadOnlyList<string> LooseNames { get; init; } = [];

    /// <summary>Dotted parts of Bandit's name for the call: `hashlib` matches `hashlib.md5` and `x.hashlib.new`.</summary>
    public IReadOnlyList<string> LooseParts { get; init; } = [];

    /// <summary>Text within the callee's last segment as written: `chmod` matches `os.chmod` and `p.lchmod`.</summary>
    public IReadOnlyList<string> NameContains { get; init; } = [];

    /// <summary>Keyword arguments: the call matches when it passes one of them by name (`cert_reqs=…`), whatever its callee.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
}
