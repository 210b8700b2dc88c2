using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Semantics;

namespace Bulwark.Engine;

/// <summary>
/// The rules registered for calls, indexed by the names they declared (<see cref="CodeRule.Calls"/>): a call's callee
/// is resolved once and the call goes to the rules that declared no interest plus those whose names it matches, in
/// the order of <see cref="RuleSet.ForKind"/>.
/// </summary>
sealed class CallDispatch
{
    readonly CodeRule[] _rules;
    readonly bool[] _always;
    readonly Dictionary<string, int[]> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, int[]> _byLoose = new(StringComparer.Ordinal);
    readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan, _byLooseSpan;
    readonly Dictionary<string, int[]> _byKeyword = new(StringComparer.Ordinal);
    readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byPart;
    readonly (string Text, int[] Rules)[] _contains;
    readonly bool _anyPart;
    readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byRoot;
    readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byLast;
    readonly bool _anyRoot, _anyLast;

    public CallDispatch(CodeRule[] rules, ScanSettings settings)
    {
        _rules = rules;
        _always = new bool[rules.Length];
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byRoot = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byLast = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byLoose = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var contains = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Length; i++)
        {
            if (rules[i].CallsFor(settings) is not { } interest) { _always[i] = true; continue; }
            foreach (var n in interest.Names) Add(byName, n, i);
            foreach (var n in interest.LooseNames) Add(byLoose, n, i);
            foreach (var n in interest.LooseParts) Add(byPart, n, i);
            foreach (var n in interest.Keywords) Add(byKeyword, n, i);
            foreach (var n in interest.NameContains) Add(contains, n, i);
            foreach (var n in interest.Roots) Add(byRoot, n, i);
            foreach (var n in interest.LastNames) Add(byLast, n, i);
        }
        foreach (var (k, v) in byName) _byName[k] = [.. v];
        foreach (var (k, v) in byLoose) _byLoose[k] = [.. v];
        foreach (var (k, v) in byKeyword) _byKeyword[k] = [.. v];
        _byNameSpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byLooseSpan = _byLoose.GetAlternateLookup<ReadOnlySpan<char>>();
        var parts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (k, v) in byPart) parts[k] = [.. v];
        _byPart = parts.GetAlternateLookup<ReadOnlySpan<char>>();
        _anyPart = parts.Count > 0;
        _contains = [.. contains.Select(kv => (kv.Key, kv.Value.ToArray()))];
        var roots = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (k, v) in byRoot) roots[k] = [.. v];
        var lasts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (k, v) in byLast) lasts[k] = [.. v];
        _byRoot = roots.GetAlternateLookup<ReadOnlySpan<char>>();
        _byLast = lasts.GetAlternateLookup<ReadOnlySpan<char>>();
        _anyRoot = roots.Count > 0;
        _anyLast = lasts.Count > 0;
    }

    static void Add(Dictionary<string, List<int>> map, string key, int rule)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(rule)) list.Add(rule);
    }

    /// <summary>A fresh per-walk selection buffer (walks run in parallel; each owns one).</summary>
    public bool[] NewBuffer() => new bool[_rules.Length];

    public CodeRule this[int index] => _rules[index];
    public int Count => _rules.Length;

    /// <summary>Marks in <paramref name="selected"/> the rules this call goes to.</summary>
    public void Select(Call call, SemanticModel model, bool[] selected)
    {
        Array.Copy(_always, selected, _always.Length);
        if (_byKeyword.Count > 0)
        {
            var keywords = call.Keywords;
            for (int i = 0; i < keywords.Count; i++)
                if (keywords[i].Name is { } k && _byKeyword.TryGetValue(k, out var byKeyword)) Mark(byKeyword, selected);
        }
        var func = call.Func;
        if (func is not (Name or AttributeExpr)) return; // no name to resolve: only the rules that see every call
        var written = SemanticModel.SimpleName(func);
        var qualified = model.QualifiedName(func);
        // Bandit's view of the callee (`SemanticModel.LooseQualifiedName`), written into a buffer rather than made a
        // string: most calls resolve to nothing (`self.assertEqual`) and no rule wants them.
        ReadOnlySpan<char> bandit = default;
        bool hasBandit = false;
        if (_byName.Count > 0 || _byLoose.Count > 0 || _anyPart)
        {
            if (qualified is not null) { bandit = qualified; hasBandit = true; }
            else
            {
                var buffer = t_loose ??= new char[256];
                int length = model.WriteLooseQualifiedName(func, buffer);
                if (length == SemanticModel.LooseNameTooLong && model.LooseQualifiedName(func) is { } long_) { bandit = long_; hasBandit = true; }
                else if (length >= 0) { bandit = buffer.AsSpan(0, length); hasBandit = true; }
            }
        }
        if (_byName.Count > 0 && hasBandit && _byNameSpan.TryGetValue(bandit, out var named)) Mark(named, selected);
        if ((_byLoose.Count > 0 || _anyPart) && hasBandit)
        {
            if (_byLooseSpan.TryGetValue(bandit, out var byBandit)) Mark(byBandit, selected);
            if (_anyPart)
                for (int start = 0; start <= bandit.Length;)
                {
                    int next = bandit[start..].IndexOf('.');
                    int dot = next < 0 ? bandit.Length : start + next;
                    if (_byPart.TryGetValue(bandit.Slice(start, dot - start), out var byPart)) Mark(byPart, selected);
                    start = dot + 1;
                }
        }
        if (_contains.Length > 0 && written is not null)
            foreach (var (text, rules) in _contains)
                if (written.Contains(text, StringComparison.Ordinal)) Mark(rules, selected);
        if (qualified is not null)
        {
            if (_anyRoot)
            {
                int dot = qualified.IndexOf('.');
                if (_byRoot.TryGetValue(dot < 0 ? qualified : qualified.AsSpan(0, dot), out var rooted)) Mark(rooted, selected);
            }
            if (_anyLast && _byLast.TryGetValue(qualified.AsSpan(qualified.LastIndexOf('.') + 1), out var last)) Mark(last, selected);
        }
        if (_anyLast && written is not null && _byLast.TryGetValue(written, out var asWritten)) Mark(asWritten, selected);
    }

    /// <summary>Each worker thread's buffer for a callee's dotted name.</summary>
    [ThreadStatic] static char[]? t_loose;

    static void Mark(int[] rules, bool[] selected)
    {
        foreach (var r in rules) selected[r] = true;
    }
}
