using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// What a branch condition proves about a variable where the branch is taken: membership in a constant collection,
/// equality with a constant, a validator (`isdigit()`, `re.fullmatch` of a restrictive pattern,
/// `url_has_allowed_host_and_scheme`), a `..` or leading-`/` check, a `startswith` on a normalised path. The answer is
/// the sink kinds the variable is then safe for.
/// </summary>
public static class Guards
{
    const int MaxDepth = 8;
    const int MaxScannedDefinitions = 4096;

    /// <summary>The guard for <paramref name="name"/> where <paramref name="condition"/> has the truth value <paramref name="polarity"/>.</summary>
    public static IrGuard Interpret(Node condition, bool polarity, string name, SemanticModel model, ModelCatalog catalog)
    {
        if (condition is MatchCase mc) return polarity && LiteralPattern(mc.Pattern, model) ? new IrGuard(SinkKinds.All, false) : default;
        return condition is Expr e ? Of(e, polarity, name, model, catalog, 0) : default;
    }

    static IrGuard Of(Expr e, bool polarity, string name, SemanticModel model, ModelCatalog catalog, int depth)
    {
        if (depth > MaxDepth) return default;
        switch (e)
        {
            case UnaryOp { Op: UnaryOperator.Not } not:
                return Of(not.Operand, !polarity, name, model, catalog, depth + 1);
            case BoolOp bo:
                // All of `a and b` hold when it is true; all of `a or b` fail when it is false.
                bool all = bo.Op == BoolOperator.And ? polarity : !polarity;
                uint clears = all ? 0 : SinkKinds.All;
                bool normalised = false;
                foreach (var v in bo.Values)
                {
                    var g = Of(v, polarity, name, model, catalog, depth + 1);
                    if (all) { clears |= g.Clears; normalised |= g.NeedsNormalised && g.Clears != 0; }
                    else { clears &= g.Clears; normalised |= g.NeedsNormalised; }
                }
                return new IrGuard(clears, normalised && clears != 0);
            case Compare c when c.Ops.Count == 1:
                return Comparison(c, polarity, name, model, catalog);
            case Call call:
                return CallGuard(call, polarity, name, model, catalog);
            case NamedExpr ne:
                return Of(ne.Value, polarity, name, model, catalog, depth + 1);
            case AttributeExpr host when !polarity && RelativeAfterBackslashes(host, name, model):
                // `if not urlparse(x).netloc:` with x's backslashes made slashes: a path on this site.
                return new IrGuard(SinkKinds.Ssrf | SinkKinds.Redirect, false);
            case Name self when self.Id == name:
                // `if not next:` taken, or `next or …` false: an empty string or None injects nothing.
                return polarity ? default : new IrGuard(SinkKinds.All, false);
            case Name flag:
                // `ok = url_has_allowed_host_and_scheme(next, …)` then `if ok:`: the test, stored in a variable.
                return StoredTest(flag, name, model) is { } stored ? Of(stored, polarity, name, model, catalog, depth + 1) : default;
            default:
                return default;
        }
    }

    /// <summary>
    /// The call a flag variable holds, when one assignment in the same body made it and nothing assigns the guarded
    /// variable between that assignment and the test (the call tested the value the branch then uses).
    /// </summary>
    static Call? StoredTest(Name flag, string name, SemanticModel model)
    {
        if (model.ReachingDefinitions(flag) is not [{ Kind: DefinitionKind.Assignment, Unpack: null, Value: Call stored } made]) return null;
        var scope = model.ScopeOf(flag);
        if (!ReferenceEquals(made.Scope, scope) || made.Node.End > flag.Start) return null;
        // Each narrowing asks once; a body of thousands of definitions would make that quadratic, so it gives up.
        var definitions = model.DefinitionsIn(scope);
        if (definitions.Count > MaxScannedDefinitions) return null;
        foreach (var d in definitions)
            if (d.Name == name && d.Member is null && d.Kind != DefinitionKind.Narrowing && d.Node.Start >= made.Node.Start && d.Node.Start < flag.Start)
                return null;
        return stored;
    }

    static bool IsName(Expr e, string name) => e is Name n && n.Id == name;

    /// <summary>
    /// The collection a condition proves <paramref name="name"/> a member of where it has the truth value
    /// <paramref name="polarity"/>, when that collection is a variable or an attribute the code computes
    /// (`if theme not in themes:` false, `if plugin in self.plugins:` true); null for any other condition. Constant
    /// collections are <see cref="Interpret"/>'s; whether a computed one is safe depends on what it holds.
    /// </summary>
    public static Expr? MembershipCollection(Node condition, bool polarity, string name)
    {
        var e = condition as Expr;
        while (e is UnaryOp { Op: UnaryOperator.Not } not) { e = not.Operand; polarity = !polarity; }
        if (e is not Compare { Ops: [CmpOperator.In or CmpOperator.NotIn] } c || !IsName(c.Left, name)) return null;
        bool holds = c.Ops[0] == CmpOperator.In ? polarity : !polarity;
        var collection = c.Comparators[0];
        return holds && IsAccessPath(collection) && !IsName(collection, name) ? collection : null;
    }

    /// <summary>A variable or a chain of attributes of one (`themes`, `self.plugins_list`): reading it runs no code of the module.</summary>
    static bool IsAccessPath(Expr e)
    {
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (e is Name) return true;
            if (e is not AttributeExpr a) return false;
            e = a.Value;
        }
        return false;
    }

    /// <summary>The variable, or a normalised form of it (`os.path.realpath(x)`, `Path(x).resolve()`), is what the test is about.</summary>
    static bool IsNormalisedName(Expr e, string name, SemanticModel model, ModelCatalog catalog)
    {
        switch (e)
        {
            case Call { Func: AttributeExpr { Attr: var m, Value: var recv } } when Normaliser(m, null, catalog) && !IsModule(recv, model):
                return IsName(recv, name) || IsNormalisedName(recv, name, model, catalog) || Wraps(recv, name, model);
            case Call c when model.QualifiedName(c.Func) is { } q && Normaliser(null, q, catalog) && c.Args.Count > 0:
                return IsName(c.Args[0], name) || Wraps(c.Args[0], name, model) || IsNormalisedName(c.Args[0], name, model, catalog);
            default:
                return false;
        }
    }

    static bool IsModule(Expr e, SemanticModel model) => e is Name or AttributeExpr && model.QualifiedName(e) is not null && e is not Call;

    /// <summary>`Path(x)`, `os.path.join(BASE, x)`: a call that builds a path from the variable.</summary>
    static bool Wraps(Expr e, string name, SemanticModel model) =>
        e is Call c && (c.Args.Any(a => IsName(a, name)) || c.Func is AttributeExpr { Value: var r } && IsName(r, name));

    static bool Normaliser(string? method, string? qualified, ModelCatalog catalog)
    {
        var t = catalog.Tables;
        if (method is not null) return t.SanitizerMethods.TryGetValue(method, out var sm) && sm.Normalizes;
        return qualified is not null && t.SanitizerCalls.TryGetValue(qualified, out var sc) && sc.Normalizes;
    }

    static IrGuard Comparison(Compare c, bool polarity, string name, SemanticModel model, ModelCatalog catalog)
    {
        var op = c.Ops[0];
        var left = c.Left;
        var right = c.Comparators[0];
        switch (op)
        {
            case CmpOperator.In or CmpOperator.NotIn:
            {
                bool holds = op == CmpOperator.In ? polarity : !polarity;
                // x in CONSTANTS: x is one of them.
                if (holds && IsName(left, name) && (ConstantCollection(right, model) is not null || model.Evaluate(right) is { Kind: ValueKind.Str or ValueKind.List or ValueKind.Tuple }))
                    return new IrGuard(SinkKinds.All, false);
                // urlparse(x).netloc in ALLOWED_HOSTS
                if (holds && HostOf(left, name, model) && ConstantCollection(right, model) is not null)
                    return new IrGuard(SinkKinds.Ssrf | SinkKinds.Redirect, false);
                // ".." in x is false: no parent-directory component.
                if (!holds && IsName(right, name) && model.Evaluate(left) is { Kind: ValueKind.Str } needle)
                    return new IrGuard(AbsentSubstring(needle.AsString!), false);
                return default;
            }
            case CmpOperator.Eq or CmpOperator.NotEq or CmpOperator.Is or CmpOperator.IsNot:
            {
                bool equal = op is CmpOperator.Eq or CmpOperator.Is ? polarity : !polarity;
                if (!equal) return default;
                if ((IsName(left, name) && model.Evaluate(right) is { } rv && !rv.IsNone) || (IsName(right, name) && model.Evaluate(left) is { } lv && !lv.IsNone))
                    return new IrGuard(SinkKinds.All, false);
                if (HostOf(left, name, model) && model.Evaluate(right) is { Kind: ValueKind.Str } host && host.AsString!.Length > 0)
                    return new IrGuard(SinkKinds.Ssrf | SinkKinds.Redirect, false);
                // urlparse(x).netloc == "" with x's backslashes made slashes: no host, a path on this site.
                if (model.Evaluate(right) is { Kind: ValueKind.Str, AsString: "" } && RelativeAfterBackslashes(left, name, model))
                    return new IrGuard(SinkKinds.Ssrf | SinkKinds.Redirect, false);
                // os.path.commonpath([BASE, x]) == BASE with x normalised; `commonprefix` compares characters, which for
                // a normalised path is `startswith(BASE)` (the base's own trailing separator is the program's to write)
                if (left is Call { Func: var cf, Args: [ListExpr or TupleExpr] } cp
                    && model.QualifiedName(cf) is "os.path.commonpath" or "posixpath.commonpath" or "os.path.commonprefix" or "posixpath.commonprefix"
                    && ((cp.Args[0] as ListExpr)?.Elts ?? ((TupleExpr)cp.Args[0]).Elts).Any(x => IsName(x, name) || IsNormalisedName(x, name, model, catalog)))
                    return new IrGuard(SinkKinds.Path, !((cp.Args[0] as ListExpr)?.Elts ?? ((TupleExpr)cp.Args[0]).Elts).Any(x => IsNormalisedName(x, name, model, catalog)));
                return default;
            }
            default:
                return default;
        }
    }

    /// <summary>`urlparse(x).netloc`, `urlsplit(x).hostname`, or `.hostname` of a variable assigned `urlsplit(x)`: the host part of x.</summary>
    static bool HostOf(Expr e, string name, SemanticModel model)
    {
        if (e is not AttributeExpr { Attr: "netloc" or "hostname" } a) return false;
        if (ParsesUrl(a.Value, name, model)) return true;
        if (a.Value is not Name parts) return false;
        var defs = model.ReachingDefinitions(parts);
        return defs.Count > 0 && defs.All(d => d.Kind == DefinitionKind.Assignment && d.Unpack is null && d.Value is not null && ParsesUrl(d.Value, name, model)
            || d.Kind == DefinitionKind.Narrowing && d.Prior.All(p => p.Kind == DefinitionKind.Assignment && p.Value is not null && ParsesUrl(p.Value, name, model)));
    }

    /// <summary>
    /// `urlparse(x).netloc` (or `urlsplit`, `.hostname`) where every value x can hold here had its backslashes made
    /// slashes (`x = x.replace("\\", "/")`): an empty host then means a path on this site. Without the replacement it
    /// does not: `urlparse("/\\evil.example").netloc` is empty, and browsers read the backslash as a slash.
    /// </summary>
    static bool RelativeAfterBackslashes(Expr e, string name, SemanticModel model) =>
        e is AttributeExpr { Attr: "netloc" or "hostname", Value: Call { Args: [Name url, ..] } parse } && url.Id == name
        && ParsesUrl(parse, name, model) && BackslashesReplaced(url, model);

    /// <summary>Every definition of the variable that reaches here is `….replace("\\", "/")`.</summary>
    static bool BackslashesReplaced(Name url, SemanticModel model)
    {
        var defs = model.ReachingDefinitions(url);
        return defs.Count > 0 && defs.All(d => d.Kind == DefinitionKind.Assignment && d.Unpack is null
            && d.Value is Call { Func: AttributeExpr { Attr: "replace" }, Args: [var from, var to] }
            && model.Evaluate(from) is { Kind: ValueKind.Str, AsString: "\\" } && model.Evaluate(to) is { Kind: ValueKind.Str, AsString: "/" });
    }

    static bool ParsesUrl(Expr e, string name, SemanticModel model) =>
        e is Call c && c.Args.Count > 0 && IsName(c.Args[0], name) && model.QualifiedName(c.Func) is { } q
        && (q.EndsWith("urlparse", StringComparison.Ordinal) || q.EndsWith("urlsplit", StringComparison.Ordinal));

    /// <summary>What a string is safe for when it does not contain <paramref name="needle"/>.</summary>
    public static uint AbsentSubstring(string needle) => needle switch
    {
        // Without `../` a name can climb no further than one `..` at its end (the base directory's parent, listed but
        // never left): the check every traversal needs to pass.
        ".." or "../" or "..\\" => SinkKinds.PathDotDot,
        "/" or "\\" => SinkKinds.Path,
        "\n" or "\r" or "\r\n" => SinkKinds.Log | SinkKinds.Header,
        "<" or ">" => SinkKinds.Xss,
        // An XPath string literal ends only at its own quote (XPath has no escapes): a value without the quote the
        // query puts around it cannot leave the literal. A check for one quote is taken as the query's quoting.
        "'" or "\"" => SinkKinds.Xpath,
        _ => 0,
    };

    static IrGuard CallGuard(Call call, bool polarity, string name, SemanticModel model, ModelCatalog catalog)
    {
        var tables = catalog.Tables;
        // `not yarl.URL(x).is_absolute()` with x's backslashes made slashes: a path on this site.
        if (!polarity && call is { Func: AttributeExpr { Attr: "is_absolute", Value: Call { Args: [Name url, ..] } parsed } }
            && url.Id == name && model.QualifiedName(parsed.Func) == "yarl.URL" && BackslashesReplaced(url, model))
            return new IrGuard(SinkKinds.Ssrf | SinkKinds.Redirect, false);
        // x.isdigit(), x.isalnum() …
        if (call.Func is AttributeExpr { Attr: var method, Value: var recv })
        {
            if (tables.ValidatorMethods.TryGetValue(method, out var vms))
                foreach (var vm in vms)
                {
                    if (vm.WhenTrue != polarity) continue;
                    // `x.isdigit()`; or a method checking its argument, whatever object it is called on
                    // (`get_adapter(request).is_safe_url(next)`: a wrapper of Django's check of that name).
                    if (vm.Arg.Receiver ? IsName(recv, name) : ValidatedArgument(call, vm.Arg) is { } checkedArg && IsName(checkedArg, name))
                        return new IrGuard(vm.Clears, false);
                }
            if (method is "startswith" && call.Args.Count == 1)
                return StartsWith(recv, call.Args[0], polarity, name, model, catalog);
            if (method is "is_relative_to" && polarity && (IsName(recv, name) || IsNormalisedName(recv, name, model, catalog)))
                return new IrGuard(SinkKinds.Path, !IsNormalisedName(recv, name, model, catalog));
            // PATTERN.fullmatch(x) with PATTERN = re.compile("...")
            if (method is "fullmatch" or "match" or "search" && polarity && call.Args.Count > 0 && IsName(call.Args[0], name)
                && CompiledPattern(recv, model) is { } compiled)
                return Regex(compiled, method, call, model);
        }
        // `if validate_redirect_url(url):`, `if self.is_safe_next(target):` — a project's own check of a redirect
        // target, by what its name says it is (the check itself compares hosts in ways no rule can read).
        if (polarity && CalledName(call.Func) is { } calledName && RedirectCheckName(calledName)
            && ValidatedArgument(call, RedirectCheckArgument) is { } target && IsName(target, name))
            return new IrGuard(SinkKinds.Redirect, false);
        var q = model.QualifiedName(call.Func);
        if (q is null) return default;
        // re.fullmatch(PATTERN, x)
        if (q is "re.fullmatch" or "re.match" or "re.search" && polarity && call.Args.Count >= 2 && IsName(call.Args[1], name)
            && model.Evaluate(call.Args[0]) is { Kind: ValueKind.Str } pattern)
            return Regex(pattern.AsString!, q[3..], call, model);
        if (q is "isinstance" && polarity && call.Args.Count == 2 && IsName(call.Args[0], name) && model.QualifiedName(call.Args[1]) is "int" or "float" or "bool" or "uuid.UUID")
            return new IrGuard(SinkKinds.All, false);
        if (q is "os.path.isabs" or "posixpath.isabs" && !polarity && call.Args.Count == 1 && IsName(call.Args[0], name))
            return new IrGuard(SinkKinds.PathAbsolute, false);
        if (tables.ValidatorCalls.TryGetValue(q, out var validators))
            foreach (var v in validators)
            {
                if (v.WhenTrue != polarity) continue;
                var arg = ValidatedArgument(call, v.Arg);
                if (arg is not null && (IsName(arg, name) || IsNormalisedName(arg, name, model, catalog))) return new IrGuard(v.Clears, false);
            }
        return default;
    }

    static readonly ArgSpec RedirectCheckArgument = new(0, "url", false, false);

    static string? CalledName(Expr func) => func switch { Name n => n.Id, AttributeExpr a => a.Attr, _ => null };

    /// <summary>
    /// A name that says its function checks a redirect target is safe: it names the target (`url`, `redirect`, `next`,
    /// `location`) and a safety property (`safe`, `allowed`, `trusted`, `local`, `relative`, `internal`, `same`), or
    /// validity of a redirect or next URL (`validate_redirect_url`, `is_valid_next`). `is_url` or `is_valid_url` (the
    /// syntax of a URL) do not say it.
    /// </summary>
    internal static bool RedirectCheckName(string name)
    {
        var n = name.ToLowerInvariant();
        bool url = n.Contains("url", StringComparison.Ordinal) || n.Contains("redirect", StringComparison.Ordinal)
            || n.Contains("next", StringComparison.Ordinal) || n.Contains("location", StringComparison.Ordinal);
        if (!url) return false;
        foreach (var word in (ReadOnlySpan<string>)["safe", "allowed", "trusted", "local", "relative", "internal", "same"])
            if (n.Contains(word, StringComparison.Ordinal)) return !n.Contains("unsafe", StringComparison.Ordinal);
        return n.Contains("valid", StringComparison.Ordinal) && (n.Contains("redirect", StringComparison.Ordinal) || n.Contains("next", StringComparison.Ordinal));
    }

    /// <summary>The argument of a call a validator's spec names (by keyword, else by position), or null when not passed.</summary>
    static Expr? ValidatedArgument(Call call, ArgSpec spec) =>
        spec.Keyword is { } kw && call.Keywords.FirstOrDefault(k => k.Name == kw) is { } k ? k.Value
        : spec.Position >= 0 && spec.Position < call.Args.Count ? call.Args[spec.Position] : null;

    static IrGuard Regex(string pattern, string method, Call call, SemanticModel model)
    {
        // re.IGNORECASE widens a class only by case; re.MULTILINE would let `$`/`^` match inside.
        foreach (var k in call.Keywords)
            if (k.Name == "flags" && (model.QualifiedName(k.Value) ?? "").Contains("MULTILINE", StringComparison.Ordinal)) return default;
        var use = method switch { "fullmatch" => RegexUse.FullMatch, "match" => RegexUse.Match, _ => RegexUse.Search };
        var chars = RegexCharacters.Of(pattern, use);
        return chars is null ? default : new IrGuard(chars.SafeKinds(), false);
    }

    static string? CompiledPattern(Expr e, SemanticModel model)
    {
        if (e is Call { Args.Count: > 0 } c && model.QualifiedName(c.Func) == "re.compile") return model.Evaluate(c.Args[0])?.AsString;
        if (e is not Name n) return null;
        string? found = null;
        foreach (var d in model.ReachingDefinitions(n))
        {
            if (d.Kind != DefinitionKind.Assignment || d.Value is not Call { Args.Count: > 0 } dc || model.QualifiedName(dc.Func) != "re.compile") return null;
            var p = model.Evaluate(dc.Args[0])?.AsString;
            if (p is null || (found is not null && found != p)) return null;
            found = p;
        }
        return found;
    }

    static IrGuard StartsWith(Expr recv, Expr prefixExpr, bool polarity, string name, SemanticModel model, ModelCatalog catalog)
    {
        // `str(p).startswith(str(BASE))`, `os.fspath(p)…`: the path's text.
        if (recv is Call { Args: [var inner], Keywords.Count: 0 } asText && model.QualifiedName(asText.Func) is "str" or "os.fspath") recv = inner;
        bool direct = IsName(recv, name);
        bool normalised = IsNormalisedName(recv, name, model, catalog);
        if (!direct && !normalised) return default;
        var prefix = model.Evaluate(prefixExpr);
        var text = prefix?.AsString;
        if (polarity)
        {
            uint clears = 0;
            // Inside a base directory: only meaningful for a normalised path (checked when the value is known to be one).
            if (text is null || text.Length > 1 || text == "/") clears |= SinkKinds.Path;
            // A fixed scheme and host, or a local path that is not protocol-relative.
            if (text is not null && (FixedOrigin(text) || text.Length > 1 && text[0] == '/' && text[1] != '/' && text[1] != '\\'))
                clears |= SinkKinds.Ssrf | SinkKinds.Redirect;
            return new IrGuard(clears, direct && (clears & SinkKinds.Path) != 0 && !normalised);
        }
        // Not starting with "/": a relative path.
        if (text is "/" && direct) return new IrGuard(SinkKinds.PathAbsolute, false);
        if (prefix?.Items is { } items && items.Any(i => i?.AsString == "/") && direct) return new IrGuard(SinkKinds.PathAbsolute, false);
        return default;
    }

    /// <summary>`https://api.example.com/…`: a scheme and a host, ended by a path.</summary>
    public static bool FixedOrigin(string prefix)
    {
        var scheme = prefix.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) return false;
        var slash = prefix.IndexOf('/', scheme + 3);
        return slash > scheme + 3;
    }

    static bool LiteralPattern(Pattern p, SemanticModel model) => p switch
    {
        MatchValue mv => model.Evaluate(mv.Value) is not null || mv.Value is AttributeExpr,
        MatchSingleton => true,
        MatchOr o => o.Patterns.All(x => LiteralPattern(x, model)),
        MatchAs { Pattern: { } inner } => LiteralPattern(inner, model),
        _ => false,
    };

    /// <summary>
    /// The element (or, for a dict, value) expressions of a collection fixed in the source: a display of constants or of
    /// functions, bound to a name on every reaching definition, or `.keys()`/`.values()` of one. Null otherwise.
    /// </summary>
    public static IReadOnlyList<Expr>? ConstantCollection(Expr e, SemanticModel model, int depth = 0)
    {
        if (depth > MaxDepth) return null;
        switch (e)
        {
            case TupleExpr t: return AllConstant(t.Elts, model, depth) ? t.Elts : null;
            case ListExpr l: return AllConstant(l.Elts, model, depth) ? l.Elts : null;
            case SetExpr s: return AllConstant(s.Elts, model, depth) ? s.Elts : null;
            case DictExpr d: return d.Keys.All(k => k is not null && model.Evaluate(k) is not null) && AllConstant(d.Values, model, depth) ? d.Values : null;
            case Call { Func: AttributeExpr { Attr: "keys" or "values", Value: var inner }, Args.Count: 0 }:
                return ConstantCollection(inner, model, depth + 1);
            case Call { Func: var f, Args: [var arg] } when model.QualifiedName(f) is "frozenset" or "set" or "tuple" or "list":
                return ConstantCollection(arg, model, depth + 1);
            case Name n:
                var defs = model.ReachingDefinitions(n);
                if (defs.Count == 0) return null;
                List<Expr>? all = null;
                foreach (var d in defs)
                {
                    if (d.Kind is not (DefinitionKind.Assignment or DefinitionKind.Narrowing) || d.Starred || d.Unpack is not null) return null;
                    if (d.Kind == DefinitionKind.Narrowing)
                    {
                        foreach (var p in d.Prior)
                            if (p.Kind != DefinitionKind.Assignment || p.Value is null || ConstantCollection(p.Value, model, depth + 1) is not { } pl) return null;
                            else (all ??= []).AddRange(pl);
                        continue;
                    }
                    if (d.Value is null || ConstantCollection(d.Value, model, depth + 1) is not { } items) return null;
                    (all ??= []).AddRange(items);
                }
                return all;
            case AttributeExpr a when model.QualifiedName(a) is null && a.Value is Name:
                return null;
            default:
                return null;
        }
    }

    static bool AllConstant(IReadOnlyList<Expr> items, SemanticModel model, int depth)
    {
        foreach (var i in items)
        {
            if (i is Starred) return false;
            if (model.Evaluate(i) is not null) continue;
            // Functions and classes (dispatch tables), nested constant collections.
            if (i is Name n && model.ReachingDefinitions(n) is { Count: > 0 } defs && defs.All(d => d.Kind is DefinitionKind.Function or DefinitionKind.Class or DefinitionKind.Import)) continue;
            if (i is Name bn && model.ReachingDefinitions(bn).Count == 0 && model.BindingOf(bn) is { Kind: BindingKind.FunctionDef or BindingKind.ClassDef or BindingKind.Import or BindingKind.FromImport }) continue;
            if (i is AttributeExpr && model.QualifiedName(i) is not null) continue;
            if (i is TupleExpr or ListExpr or DictExpr or SetExpr && ConstantCollection(i, model, depth + 1) is not null) continue;
            return false;
        }
        return true;
    }
}
