using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies.Requirements;

/// <summary>A PEP 508 environment marker such as `python_version &lt; "3.11" and sys_platform == "win32"`.</summary>
public abstract class Marker
{
    public abstract bool Evaluate(IReadOnlyDictionary<string, string> environment);

    public static readonly string[] Variables =
    [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra", "extras", "dependency_groups",
    ];

    /// <summary>The environment Bulwark assumes when none is given: CPython 3.12 on 64-bit Linux.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEnvironment { get; } = new Dictionary<string, string>
    {
        ["python_version"] = "3.12", ["python_full_version"] = "3.12.0", ["os_name"] = "posix", ["sys_platform"] = "linux",
        ["platform_release"] = "", ["platform_system"] = "Linux", ["platform_version"] = "", ["platform_machine"] = "x86_64",
        ["platform_python_implementation"] = "CPython", ["implementation_name"] = "cpython", ["implementation_version"] = "3.12.0",
        ["extra"] = "",
    };

    public static Marker Parse(string text) =>
        TryParse(text, out var m, out var e) ? m : throw new FormatException(e);

    public static bool TryParse(string text, out Marker marker, out string error)
    {
        var p = new MarkerParser(text);
        try
        {
            marker = p.ParseOr();
            p.SkipSpace();
            if (!p.Done) throw new FormatException($"unexpected '{text[p.Pos..]}' in marker");
            error = "";
            return true;
        }
        catch (FormatException ex)
        {
            marker = null!; error = ex.Message;
            return false;
        }
    }

    sealed class MarkerParser(string text)
    {
        public int Pos;
        public bool Done => Pos >= text.Length;

        public void SkipSpace() { while (Pos < text.Length && char.IsWhiteSpace(text[Pos])) Pos++; }

        bool Keyword(string k)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, Pos, k, 0, k.Length) != 0) return false;
            int end = Pos + k.Length;
            if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) return false;
            Pos = end; return true;
        }

        public Marker ParseOr()
        {
            var left = ParseAnd();
            while (Keyword("or")) left = new BoolMarker(false, left, ParseAnd());
            return left;
        }

        Marker ParseAnd()
        {
            var left = ParseAtom();
            while (Keyword("and")) left = new BoolMarker(true, left, ParseAtom());
            return left;
        }

        Marker ParseAtom()
        {
            SkipSpace();
            if (Pos < text.Length && text[Pos] == '(')
            {
                Pos++;
                var inner = ParseOr();
                SkipSpace();
                if (Pos >= text.Length || text[Pos] != ')') throw new FormatException("missing ')' in marker");
                Pos++;
                return inner;
            }
            var l = ParseValue();
            var op = ParseOp();
            var r = ParseValue();
            if (!l.IsVariable && !r.IsVariable) throw new FormatException("a marker compares a variable with a string");
            return new CompareMarker(l, op, r);
        }

        MarkerValue ParseValue()
        {
            SkipSpace();
            if (Pos >= text.Length) throw new FormatException("marker ends early");
            char c = text[Pos];
            if (c is '"' or '\'')
            {
                int end = text.IndexOf(c, Pos + 1);
                if (end < 0) throw new FormatException("unterminated string in marker");
                var s = text.Substring(Pos + 1, end - Pos - 1);
                Pos = end + 1;
                return new MarkerValue(s, false);
            }
            int start = Pos;
            while (Pos < text.Length && (char.IsAsciiLetterOrDigit(text[Pos]) || text[Pos] is '_' or '.')) Pos++;
            var name = text[start..Pos];
            if (name == "os.name") name = "os_name";
            else if (name == "sys.platform") name = "sys_platform";
            else if (name == "platform.version") name = "platform_version";
            else if (name == "platform.machine") name = "platform_machine";
            else if (name == "platform.python_implementation") name = "platform_python_implementation";
            else if (name == "python_implementation") name = "platform_python_implementation";
            if (Array.IndexOf(Variables, name) < 0) throw new FormatException($"unknown marker variable '{name}'");
            return new MarkerValue(name, true);
        }

        string ParseOp()
        {
            SkipSpace();
            foreach (var op in (string[])["===", "==", "!=", "<=", ">=", "~=", "<", ">"])
                if (string.CompareOrdinal(text, Pos, op, 0, op.Length) == 0) { Pos += op.Length; return op; }
            if (Keyword("in")) return "in";
            if (Keyword("not"))
            {
                if (Keyword("in")) return "not in";
                throw new FormatException("expected 'in' after 'not'");
            }
            throw new FormatException($"expected a marker operator at '{text[Pos..]}'");
        }
    }
}

public readonly record struct MarkerValue(string Text, bool IsVariable)
{
    public override string ToString() => IsVariable ? Text : "\"" + Text + "\"";
}

public sealed class BoolMarker(bool isAnd, Marker left, Marker right) : Marker
{
    public bool IsAnd { get; } = isAnd;
    public Marker Left { get; } = left;
    public Marker Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, string> env) =>
        IsAnd ? Left.Evaluate(env) && Right.Evaluate(env) : Left.Evaluate(env) || Right.Evaluate(env);

    public override string ToString()
    {
        string Wrap(Marker m) => m is BoolMarker b && b.IsAnd != IsAnd ? "(" + m + ")" : m.ToString()!;
        return Wrap(Left) + (IsAnd ? " and " : " or ") + Wrap(Right);
    }
}

public sealed class CompareMarker(MarkerValue left, string op, MarkerValue right) : Marker
{
    public MarkerValue Left { get; } = left;
    public string Op { get; } = op;
    public MarkerValue Right { get; } = right;

    string Resolve(MarkerValue v, IReadOnlyDictionary<string, string> env) =>
        !v.IsVariable ? v.Text : env.TryGetValue(v.Text, out var s) ? s : "";

    public override bool Evaluate(IReadOnlyDictionary<string, string> env)
    {
        var l = Resolve(Left, env);
        var r = Resolve(Right, env);
        // `extra` names compare after PEP 685 normalisation.
        if (Left.Text is "extra" && Left.IsVariable || Right.Text is "extra" && Right.IsVariable)
        {
            l = PackageName.Normalize(l); r = PackageName.Normalize(r);
        }
        switch (Op)
        {
            case "in": return r.Contains(l, StringComparison.Ordinal);
            case "not in": return !r.Contains(l, StringComparison.Ordinal);
        }
        // Version-like values compare as PEP 440 specifiers; anything else falls back to string comparison.
        if (Op != "===" && PackageVersion.TryParse(l, out var lv) && Specifier.TryParse(Op + r, out var spec, out _))
            return spec.Contains(lv);
        return Op switch
        {
            "==" or "===" => l == r,
            "!=" => l != r,
            "<" => string.CompareOrdinal(l, r) < 0,
            "<=" => string.CompareOrdinal(l, r) <= 0,
            ">" => string.CompareOrdinal(l, r) > 0,
            ">=" => string.CompareOrdinal(l, r) >= 0,
            _ => false,
        };
    }

    public override string ToString() => $"{Left} {Op} {Right}";
}
