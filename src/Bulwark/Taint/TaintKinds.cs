namespace Bulwark.Taint;

/// <summary>
/// The weaknesses a sink is vulnerable to, as bits: a value carries, per origin, the bits a sanitiser has cleared
/// for it. Path traversal has two: a `..` component and an absolute path (a prefix clears the second, not the first).
/// </summary>
public static class SinkKinds
{
    public const uint Sql = 1u << 0, Command = 1u << 1, Code = 1u << 2, PathDotDot = 1u << 3, PathAbsolute = 1u << 4,
        Ssrf = 1u << 5, Redirect = 1u << 6, Xss = 1u << 7, Template = 1u << 8, Ldap = 1u << 9, Xpath = 1u << 10,
        Xxe = 1u << 11, Deserialization = 1u << 12, TrustBoundary = 1u << 13, Header = 1u << 14, Log = 1u << 15,
        /// <summary>A secret or personal value written where others read it: a log, standard output, a warning, an exception message.</summary>
        Exposure = 1u << 16,
        /// <summary>A password hashed with a fast general-purpose hash.</summary>
        PasswordHash = 1u << 17,
        /// <summary>A regular expression's pattern: one the attacker writes can take exponential time to match (ReDoS).</summary>
        Regex = 1u << 18;
    public const uint Path = PathDotDot | PathAbsolute;
    /// <summary>The sinks only sensitive values (<see cref="SourceKinds.Sensitive"/>, <see cref="SourceKinds.Password"/>) reach.</summary>
    public const uint SensitiveSinks = Exposure | PasswordHash;
    public const uint All = (1u << 19) - 1;
    /// <summary>
    /// Not a kind but a qualifier a sink row may add (`sources = "remote"`): the sink is reported only for request
    /// data. Probing whether a path exists is a leak when a web request chooses the path, not when the local user does.
    /// </summary>
    public const uint RemoteOnly = 1u << 19;

    static readonly Dictionary<string, uint> ByName = new(StringComparer.Ordinal)
    {
        ["sql"] = Sql, ["command"] = Command, ["code"] = Code, ["path"] = Path, ["path-dotdot"] = PathDotDot,
        ["path-absolute"] = PathAbsolute, ["ssrf"] = Ssrf, ["redirect"] = Redirect, ["xss"] = Xss, ["template"] = Template,
        ["ldap"] = Ldap, ["xpath"] = Xpath, ["xxe"] = Xxe, ["deserialization"] = Deserialization,
        ["trust-boundary"] = TrustBoundary, ["header"] = Header, ["log"] = Log, ["exposure"] = Exposure,
        ["password-hash"] = PasswordHash, ["regex"] = Regex, ["all"] = All,
    };

    /// <summary>The kinds a sink may name (`path-dotdot` and `path-absolute` are for sanitisers).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The bits of a comma-separated list of kinds; null when a name is unknown.</summary>
    public static uint? Parse(string list)
    {
        uint mask = 0;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ByName.TryGetValue(part, out var bits)) return null;
            mask |= bits;
        }
        return mask;
    }

    public static string NameOf(uint mask)
    {
        mask &= All;
        foreach (var (name, bits) in ByName)
            if (bits == mask) return name;
        return string.Join(",", ByName.Where(kv => kv.Value != All && kv.Value != Path && (mask & kv.Value) == kv.Value).Select(kv => kv.Key));
    }
}

/// <summary>
/// Where attacker-influenced data comes from: a web request, the local user (CLI arguments, `input()`), the environment,
/// files. Two kinds are not attacker data but data that must not leak: <see cref="Sensitive"/> (secrets, tokens, keys,
/// card numbers, health data) and <see cref="Password"/>, read under a name that says so (see <see cref="INameSources"/>);
/// they reach only the sensitive sinks, and the other kinds never reach those.
/// </summary>
public static class SourceKinds
{
    public const uint Remote = 1, Local = 2, Environment = 4, File = 8, Sensitive = 16, Password = 32;
    public const uint Default = Remote | Local;
    public const uint Secrets = Sensitive | Password;

    static readonly Dictionary<string, uint> ByName = new(StringComparer.Ordinal)
    {
        ["remote"] = Remote, ["local"] = Local, ["environment"] = Environment, ["file"] = File,
        ["sensitive"] = Sensitive, ["password"] = Password,
    };

    /// <summary>Whether a flow from a source of this kind to a sink of that kind is a finding of any rule.</summary>
    public static bool MayReach(uint sourceKind, uint sinkKind)
    {
        if ((sourceKind & Secrets) == 0) return (sinkKind & SinkKinds.SensitiveSinks) == 0;
        if (sinkKind == SinkKinds.PasswordHash) return (sourceKind & Password) != 0;
        return (sinkKind & SinkKinds.SensitiveSinks) != 0;
    }

    public static IEnumerable<string> Names => ByName.Keys;

    public static uint? Parse(string list)
    {
        uint mask = 0;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ByName.TryGetValue(part, out var bits)) return null;
            mask |= bits;
        }
        return mask;
    }

    public static string NameOf(uint kind) => kind switch
    {
        Remote => "remote", Local => "local", Environment => "environment", File => "file", Sensitive => "sensitive",
        Password => "password", _ => "source",
    };
}

/// <summary>
/// Names that make a read a source of <see cref="SourceKinds.Sensitive"/> or <see cref="SourceKinds.Password"/> data
/// (`password`, `user.api_key`, `form["card_number"]`, `settings.SECRET_KEY`), and functions whose name says they hide
/// what they are given (`mask_card`, `redact`). The scan supplies the rules' shared vocabulary; the analysis only asks,
/// and asks nothing when no rule reports these kinds.
/// </summary>
public interface INameSources
{
    /// <summary>The source kind of a value read or assigned under this name; 0 when the name says nothing.</summary>
    uint Classify(string name);
    /// <summary>
    /// False only when <see cref="Classify"/> surely gives 0: a cheap test the analysis asks first, since nearly every
    /// name it sees says nothing. The default asks <see cref="Classify"/> about every name.
    /// </summary>
    bool MayClassify(ReadOnlySpan<char> name) => true;
    /// <summary>Whether a function of this name returns a masked, hashed or redacted form of its arguments.</summary>
    bool Masks(string functionName);
}
