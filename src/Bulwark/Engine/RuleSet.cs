using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Rules;

namespace Bulwark.Engine;

/// <summary>The rules one scan runs, after profile, --select and --ignore, indexed for the per-file passes.</summary>
public sealed class RuleSet
{
    readonly CodeRule[]?[] _byKind;

    public IReadOnlyList<IRule> Rules { get; }
    public IReadOnlyList<CodeRule> CodeRules { get; }
    public IReadOnlyList<FileRule> FileRules { get; }
    public IReadOnlyList<ProjectRule> ProjectRules { get; }
    /// <summary>Injection rules, answered together by the project-wide taint analysis.</summary>
    public IReadOnlyList<TaintRule> TaintRules { get; }
    /// <summary>
    /// Whether the project-wide taint analysis runs: for any injection rule (flows are all it has), or for a rule that
    /// also has a name check (LOG001, AUTH001) when that rule was selected by its id. Selected only through its family
    /// (`--select code`), such a rule runs its name check alone, so a code-rule scan keeps a code-rule scan's cost.
    /// </summary>
    public bool RunsTaint { get; }
    public IReadOnlyList<DocumentRule> DocumentRules { get; }
    readonly DocumentRule[][] _documentsByKind;

    /// <param name="settings">The scan's settings, for rules whose callee names are options (defaults when null).</param>
    public RuleSet(IEnumerable<IRule> rules, bool nameCheckFlows = true, ScanSettings? settings = null)
    {
        Rules = rules.OrderBy(r => r.Info.Id, StringComparer.Ordinal).ToArray();
        // A taint rule's name check runs in the per-file walk like any code rule.
        CodeRules = [.. Rules.OfType<CodeRule>(), .. Rules.OfType<TaintRule>().Select(r => r.Pattern).OfType<CodeRule>()];
        FileRules = Rules.OfType<FileRule>().ToArray();
        ProjectRules = Rules.OfType<ProjectRule>().ToArray();
        _treePredicates = ProjectRules.Select(r => r.KeepsTree).OfType<Predicate<SourceFile>>().Distinct().ToArray();
        TaintRules = Rules.OfType<TaintRule>().ToArray();
        RunsTaint = TaintRules.Any(r => r.Pattern is null || nameCheckFlows);
        DocumentRules = Rules.OfType<DocumentRule>().ToArray();
        _documentsByKind = new DocumentRule[Enum.GetValues<FileKind>().Length][];
        for (int k = 0; k < _documentsByKind.Length; k++)
            _documentsByKind[k] = DocumentRules.Where(r => r.Kinds.Contains((FileKind)k)).ToArray();
        var lists = new List<CodeRule>?[Enum.GetValues<NodeKind>().Length];
        foreach (var r in CodeRules)
            foreach (var k in r.Kinds)
                (lists[(int)k] ??= []).Add(r);
        settings ??= new ScanSettings();
        // Constant rules that declared the strings they look at are asked only about those.
        if (lists[(int)NodeKind.Constant] is { } constantRules)
        {
            var strings = new List<(CodeRule, StringMatcher)>();
            foreach (var r in constantRules)
                if (r.StringsFor(settings) is { } interest) strings.Add((r, new StringMatcher(interest)));
            if (strings.Count > 0)
            {
                StringTable = [.. strings];
                constantRules.RemoveAll(r => strings.Exists(x => ReferenceEquals(x.Item1, r)));
                if (constantRules.Count == 0) lists[(int)NodeKind.Constant] = null;
            }
        }
        _byKind = new CodeRule[]?[lists.Length];
        for (int i = 0; i < lists.Length; i++) _byKind[i] = lists[i]?.ToArray();
        if (_byKind[(int)NodeKind.Call] is { } callRules && callRules.Any(r => r.CallsFor(settings) is not null))
            CallTable = new CallDispatch(callRules, settings);
        ReadsExpressions = StringTable is not null;
        for (var k = NodeKind.BoolOp; k <= NodeKind.Slice; k++) ReadsExpressions |= _byKind[(int)k] is not null;
        foreach (var k in (ReadOnlySpan<NodeKind>)[NodeKind.Comprehension, NodeKind.Arguments, NodeKind.Arg, NodeKind.Keyword])
            ReadsExpressions |= _byKind[(int)k] is not null;
    }

    /// <summary>
    /// Whether some code rule inspects a kind of node that can sit inside an expression (an expression, or a lambda's
    /// arguments, a call's keyword, a comprehension). When none does (`--select B101`), the rule walk need not enter
    /// expressions: statements never sit inside one.
    /// </summary>
    public bool ReadsExpressions { get; }

    public CodeRule[]? ForKind(NodeKind kind) => _byKind[(int)kind];

    /// <summary>Whether a project rule reads this Python file again, so its parsed tree is kept (<see cref="ProjectRule.KeepsTree"/>).</summary>
    public bool KeepsTree(SourceFile file)
    {
        foreach (var keeps in _treePredicates) if (keeps(file)) return true;
        return false;
    }

    /// <summary>The project rules' distinct <see cref="ProjectRule.KeepsTree"/> predicates: each asked once per file.</summary>
    readonly Predicate<SourceFile>[] _treePredicates;

    /// <summary>The call rules indexed by the callee names they declared; null when none declared any.</summary>
    internal CallDispatch? CallTable { get; }

    /// <summary>The constant rules that declared the string literals they look at (<see cref="CodeRule.StringsFor"/>); null when none did.</summary>
    internal (CodeRule Rule, StringMatcher Matcher)[]? StringTable { get; }

    /// <summary>The file rules interested in a file, decided from its path before it is read.</summary>
    public IReadOnlyList<FileRule> FileRulesFor(DiscoveredFile file)
    {
        List<FileRule>? result = null;
        foreach (var r in FileRules)
            if (r.AppliesTo(file)) (result ??= []).Add(r);
        return result ?? (IReadOnlyList<FileRule>)[];
    }

    /// <summary>The document rules that read files of this kind.</summary>
    public IReadOnlyList<DocumentRule> DocumentRulesFor(FileKind kind) => _documentsByKind[(int)kind];

    public bool Contains(string id)
    {
        foreach (var r in Rules) if (r.Info.Id == id) return true;
        return false;
    }

    /// <summary>Selects rules from the catalog by profile, --select and --ignore. Unknown selectors are errors.</summary>
    public static RuleSet From(IReadOnlyList<IRule> catalog, ScanSettings settings)
    {
        foreach (var token in settings.Select.Concat(settings.ExtendSelect).Concat(settings.Ignore))
            if (!catalog.Any(r => Matches(r.Info, token)))
                throw new ConfigException($"unknown rule or family '{token}' (see `bulwark rules`)");
        // A selector that is some rule's exact id selects that rule alone, not the variants that alias it
        // (`--select B105` runs B105, not also BW105, which lists B105 as an alias so suppressions carry over).
        var ids = new HashSet<string>(catalog.Select(r => r.Info.Id), StringComparer.OrdinalIgnoreCase);
        bool Selects(RuleInfo rule, string token) =>
            ids.Contains(token) ? rule.Id.Equals(token, StringComparison.OrdinalIgnoreCase) : Matches(rule, token);
        // An alias that a rule of the profile carries names that rule: `--select S311` in the default profile is BW311
        // (which lists B311 and S311 as aliases), not also Bandit's B311 beside it.
        bool AliasInProfile(string token) => catalog.Any(r => (r.Info.Profiles & settings.Profile) != 0 &&
            r.Info.Aliases.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase)));
        bool Names(RuleInfo rule, string token) =>
            rule.Id.Equals(token, StringComparison.OrdinalIgnoreCase) ||
            rule.Aliases.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase)) && !AliasInProfile(token);
        var chosen = new List<IRule>();
        foreach (var r in catalog)
        {
            // A rule outside the profile runs only when named by its id (or an alias no rule of the profile carries);
            // families and prefixes stay within the profile.
            bool named = settings.Select.Concat(settings.ExtendSelect).Any(t => Names(r.Info, t));
            bool inProfile = (r.Info.Profiles & settings.Profile) != 0;
            bool selected = (inProfile || named) && (settings.Select.Count == 0 || settings.Select.Any(t => Selects(r.Info, t)));
            bool extended = (inProfile || named) && settings.ExtendSelect.Any(t => Selects(r.Info, t));
            if (!selected && !extended) continue;
            if (settings.Ignore.Any(t => Matches(r.Info, t))) continue;
            chosen.Add(r);
        }
        bool nameCheckFlows = chosen.OfType<TaintRule>().Any(r => r.Pattern is not null && settings.Select.Concat(settings.ExtendSelect).Any(t => Names(r.Info, t)));
        return new RuleSet(chosen, nameCheckFlows, settings);
    }

    /// <summary>A selector names a rule by id or alias, a family, an id prefix (`B6`), or `ALL`.</summary>
    public static bool Matches(RuleInfo rule, string token)
    {
        if (token.Equals("ALL", StringComparison.OrdinalIgnoreCase)) return true;
        if (EnumNames.TryParseFamily(token, out var f)) return rule.Family == f;
        if (rule.Id.StartsWith(token, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var a in rule.Aliases)
            if (a.StartsWith(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Some alias of the rule starts with <paramref name="code"/> (Ruff's `S6` selects every `S6xx`).</summary>
    public static bool MatchesAlias(RuleInfo rule, string code)
    {
        foreach (var a in rule.Aliases)
            if (a.StartsWith(code, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
