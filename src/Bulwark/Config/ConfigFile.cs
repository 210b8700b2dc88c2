using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Bulwark.Config;

/// <summary>
/// Settings read from `bulwark.toml` (top level) or `pyproject.toml` (`[tool.bulwark]`). Every field is null when the
/// file does not set it, so command-line options can override what is set and defaults fill the rest.
/// </summary>
public sealed record ConfigFile
{
    public required string Path { get; init; }
    /// <summary>Whose format the file is in: Bulwark, Bandit, Ruff, or "Bandit and Ruff" (a pyproject.toml with both).</summary>
    public string Origin { get; init; } = "Bulwark";
    /// <summary>For reports: the path and, for another tool's file, whose it is.</summary>
    public string Describe() => Origin == "Bulwark" ? Path : $"{Path} ({Origin} settings)";
    public IReadOnlyList<string>? Select { get; init; }
    public IReadOnlyList<string>? ExtendSelect { get; init; }
    public IReadOnlyList<string>? Ignore { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }
    public IReadOnlyList<string>? ExtendExclude { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? PerFileIgnores { get; init; }
    public Severity? Severity { get; init; }
    public Confidence? Confidence { get; init; }
    public RuleProfile? Profile { get; init; }
    public bool? RespectGitignore { get; init; }
    public bool? IgnoreNosec { get; init; }
    public string? VulnDb { get; init; }
    public int? VulnDbMaxAgeDays { get; init; }
    /// <summary>`history = true | false | "path"`: record every scan (null when the file does not say).</summary>
    public bool? History { get; init; }
    /// <summary>`history = "path"`: the database, relative to the configuration file's directory.</summary>
    public string? HistoryPath { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>>? RuleOptions { get; init; }
    public SecretsSettings? Secrets { get; init; }
    public IReadOnlyDictionary<string, Severity>? SeverityOverrides { get; init; }
    /// <summary>`[taint]`: the project's own models (with the file they came from), the budget, extra source kinds.</summary>
    public IReadOnlyList<(string Origin, string Toml)>? TaintModels { get; init; }
    public int? TaintBudgetSeconds { get; init; }
    public IReadOnlyList<string>? TaintReportSources { get; init; }
    public IReadOnlyList<string>? TaintTestPaths { get; init; }

    public const string ProjectFileName = "pyproject.toml";
    public const string OwnFileName = "bulwark.toml";

    /// <summary>
    /// Walks up from <paramref name="start"/> to <paramref name="stopAt"/> (the repository root, inclusive; never
    /// above it, so a `bulwark.toml` in `/tmp` or a parent workspace cannot reconfigure the scan) for the first
    /// `bulwark.toml`, or `pyproject.toml` with a `[tool.bulwark]` table. When there is none, the nearest Bandit or
    /// Ruff configuration in the same directories is read instead (<see cref="ForeignConfig"/>). Null when there is
    /// nothing. Without <paramref name="stopAt"/> only <paramref name="start"/>'s own directory is searched.
    /// </summary>
    public static ConfigFile? Discover(string start, string? stopAt = null)
    {
        var dirs = SearchDirectories(start, stopAt);
        foreach (var dir in dirs)
        {
            var own = System.IO.Path.Combine(dir, OwnFileName);
            if (File.Exists(own)) return Load(own);
            var project = System.IO.Path.Combine(dir, ProjectFileName);
            if (File.Exists(project) && Load(project) is { } found) return found;
        }
        foreach (var dir in dirs)
        {
            var project = System.IO.Path.Combine(dir, ProjectFileName);
            if (File.Exists(project) && ForeignConfig.FromPyproject(project) is { } fromProject) return fromProject;
            var ini = System.IO.Path.Combine(dir, ForeignConfig.BanditIniName);
            if (File.Exists(ini)) return ForeignConfig.FromBanditIni(ini);
            foreach (var name in ForeignConfig.RuffFileNames)
            {
                var ruff = System.IO.Path.Combine(dir, name);
                if (File.Exists(ruff) && ForeignConfig.FromRuffToml(ruff) is { } fromRuff) return fromRuff;
            }
        }
        return null;
    }

    static List<string> SearchDirectories(string start, string? stopAt)
    {
        var full = System.IO.Path.GetFullPath(start);
        var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
        var stop = stopAt is null ? null : System.IO.Path.GetFullPath(stopAt).TrimEnd('/');
        var result = new List<string>();
        for (; dir is not null; dir = dir.Parent)
        {
            var d = dir.FullName.Length > 1 ? dir.FullName.TrimEnd('/') : dir.FullName;
            result.Add(d);
            if (stop is null || d == stop || (stop.Length > 0 && !RepositoryRoot.IsInside(d, stop))) break;
        }
        return result;
    }

    /// <summary>
    /// A file named with `--config`: `bulwark.toml`, a pyproject.toml (its `[tool.bulwark]`, else its `[tool.bandit]`
    /// and Ruff settings), `.bandit` (INI), a Bandit YAML (`.yaml`/`.yml`) or a `ruff.toml`.
    /// </summary>
    public static ConfigFile LoadExplicit(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: configuration file not found");
        var name = System.IO.Path.GetFileName(path);
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (name.Equals(ForeignConfig.BanditIniName, StringComparison.Ordinal) || ext is ".ini" or ".cfg") return ForeignConfig.FromBanditIni(path);
        if (ext is ".yaml" or ".yml") return ForeignConfig.FromBanditYaml(path);
        if (ForeignConfig.RuffFileNames.Contains(name))
            return ForeignConfig.FromRuffToml(path) ?? throw new ConfigException($"{path}: no per-file-ignores of `S` codes in this Ruff configuration");
        if (name.Equals(ProjectFileName, StringComparison.OrdinalIgnoreCase))
            return Load(path) ?? ForeignConfig.FromPyproject(path)
                ?? throw new ConfigException($"{path}: no [tool.bulwark] or [tool.bandit] table (nor Ruff per-file-ignores) in this pyproject.toml");
        return Load(path) ?? throw new ConfigException($"{path}: not a configuration file");
    }

    /// <summary>Reads a configuration file. A pyproject.toml without `[tool.bulwark]` gives null. Errors throw <see cref="ConfigException"/> with file and line.</summary>
    public static ConfigFile? Load(string path)
    {
        // A FIFO or device named like a configuration file would hang or flood the read: refused, bounded, visibly.
        var text = BoundedFile.ReadText(path, BoundedFile.MaxConfigBytes, out var error)
            ?? throw new ConfigException($"{Untrusted.Visible(path)}: cannot read configuration: {error}");
        bool isPyproject = System.IO.Path.GetFileName(path).Equals(ProjectFileName, StringComparison.OrdinalIgnoreCase);
        return Parse(text, path, isPyproject ? ["tool", "bulwark"] : []);
    }

    internal static bool MentionsTable(string text, string[] prefix)
    {
        var dotted = string.Join('.', prefix);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.TrimStart('[').TrimStart().StartsWith(dotted, StringComparison.Ordinal)) return true;
            if (line.StartsWith(dotted, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    public static ConfigFile? Parse(string text, string path, string[] prefix)
    {
        if (NestingGuard.CheckToml(text) is { } tooDeep)
        {
            if (prefix.Length > 0 && !MentionsTable(text, prefix)) return null;
            throw new ConfigException($"{Untrusted.Visible(path)}: {tooDeep}");
        }
        DocumentSyntax doc;
        // Tomlyn can throw on some malformed escapes (`"\uD800"`, found by fuzzing) instead of reporting them.
        try { doc = SyntaxParser.Parse(text, path, false); }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            if (prefix.Length > 0 && !MentionsTable(text, prefix)) return null;
            throw new ConfigException($"{Untrusted.Visible(path)}: invalid TOML: {Untrusted.Message(ex.Message)}");
        }
        foreach (var d in doc.Diagnostics)
            if (d.Kind == DiagnosticMessageKind.Error)
            {
                // A pyproject.toml broken in a part that is not Bulwark's is the dependency audit's to report, not a reason to stop.
                if (prefix.Length > 0 && !MentionsTable(text, prefix)) return null;
                throw new ConfigException($"{path}:{d.Span.Start.Line + 1}:{d.Span.Start.Column + 1}: invalid TOML: {Untrusted.Message(d.Message)}");
            }

        var entries = TomlEntries.Flatten(doc);
        bool any = prefix.Length == 0;
        var reader = new Reader(path);
        foreach (var e in entries)
        {
            if (!StartsWith(e.Path, prefix)) continue;
            any = true;
            reader.Read(e with { Path = e.Path[prefix.Length..] });
        }
        return any ? reader.Build() : null;
    }

    static bool StartsWith(string[] path, string[] prefix)
    {
        if (path.Length < prefix.Length) return false;
        for (int i = 0; i < prefix.Length; i++) if (path[i] != prefix[i]) return false;
        return true;
    }

    /// <summary>Interprets `key = value` entries, with one-line errors naming the file and line.</summary>
    sealed class Reader(string path)
    {
        readonly Dictionary<string, object?> _values = new();
        readonly List<KeyValuePair<string, IReadOnlyList<string>>> _perFile = [];
        readonly Dictionary<string, Severity> _overrides = new(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, Dictionary<string, object>> _ruleOptions = new(StringComparer.OrdinalIgnoreCase);
        SecretsSettings? _secrets;
        TaintConfig.Settings _taint = TaintConfig.Settings.Empty;

        static readonly string[] Known =
        [
            "select", "extend-select", "ignore", "exclude", "extend-exclude", "include", "per-file-ignores", "severity",
            "confidence", "profile", "respect-gitignore", "ignore-nosec", "vuln-db", "vuln-db-max-age-days", "rule-options",
            "secrets", "severity-overrides", "taint", "history",
        ];

        ConfigException Error(TomlEntry e, string message) => new($"{path}:{e.Line}: {message}");

        public void Read(TomlEntry e)
        {
            if (e.Path.Length == 0) return;
            var key = e.Path[0];
            if (Array.IndexOf(Known, key) < 0)
                throw Error(e, $"unknown configuration key '{string.Join('.', e.Path)}' (known: {string.Join(", ", Known)})");
            switch (key)
            {
                case "per-file-ignores":
                    if (e.Path.Length != 2) throw Error(e, "per-file-ignores maps a glob to a list of rule ids, e.g. \"tests/**\" = [\"B101\"]");
                    var ids = Strings(e);
                    foreach (var id in ids) CheckSelector(e, id);
                    _perFile.Add(new(e.Path[1], ids));
                    return;
                case "rule-options":
                    ReadRuleOption(e);
                    return;
                case "severity-overrides":
                    if (e.Path.Length != 2) throw Error(e, "severity-overrides maps a rule id to a severity, e.g. B101 = \"high\"");
                    if (RuleCatalog.Find(e.Path[1]) is null) throw Error(e, $"unknown rule '{e.Path[1]}' in severity-overrides (see `bulwark rules`)");
                    _overrides[e.Path[1]] = EnumNames.TryParseSeverity(String(e), out var over) ? over
                        : throw Error(e, $"severity-overrides.{e.Path[1]} must be one of low, medium, high, critical (got '{String(e)}')");
                    return;
                case "secrets":
                    _secrets = SecretsConfig.Read(_secrets ?? SecretsSettings.Default, e, Strings, m => Error(e, m));
                    return;
                case "taint":
                    _taint = TaintConfig.Read(_taint, path, e, Strings, m => Error(e, m));
                    return;
            }
            if (e.Path.Length != 1) throw Error(e, $"'{key}' is not a table");
            switch (key)
            {
                case "select" or "extend-select" or "ignore":
                    var list = Strings(e);
                    foreach (var id in list) CheckSelector(e, id);
                    _values[key] = list;
                    break;
                case "exclude" or "extend-exclude" or "include":
                    _values[key] = Strings(e);
                    break;
                case "severity":
                    _values[key] = EnumNames.TryParseSeverity(String(e), out var s) ? s
                        : throw Error(e, $"severity must be one of low, medium, high, critical (got '{String(e)}')");
                    break;
                case "confidence":
                    _values[key] = EnumNames.TryParseConfidence(String(e), out var c) ? c
                        : throw Error(e, $"confidence must be one of low, medium, high (got '{String(e)}')");
                    break;
                case "profile":
                    _values[key] = ParseProfile(String(e)) ?? throw Error(e, $"profile must be 'default' or 'bandit' (got '{String(e)}')");
                    break;
                case "respect-gitignore" or "ignore-nosec":
                    _values[key] = e.Value is BooleanValueSyntax b ? b.Value : throw Error(e, $"'{key}' must be true or false");
                    break;
                case "vuln-db":
                    _values[key] = String(e);
                    break;
                case "history":
                    if (e.Value is BooleanValueSyntax hb) _values[key] = hb.Value;
                    else if (e.Value is StringValueSyntax { Value: { } hp } && !string.IsNullOrWhiteSpace(hp) && hp.IndexOf('\0') < 0)
                    {
                        _values[key] = true;
                        _values["history-path"] = hp;
                    }
                    else throw Error(e, "'history' must be true, false or the path of the history database (e.g. \".bulwark/history.db\")");
                    break;
                case "vuln-db-max-age-days":
                    _values[key] = e.Value is IntegerValueSyntax { Value: >= 0 and <= 3650 } i ? (int)i.Value
                        : throw Error(e, "'vuln-db-max-age-days' must be a whole number of days (0–3650)");
                    break;
            }
        }

        void ReadRuleOption(TomlEntry e)
        {
            if (e.Path.Length != 3) throw Error(e, "rule options are set as [rule-options.RULE] option = value");
            var rule = RuleCatalog.Find(e.Path[1]) ?? throw Error(e, $"unknown rule '{e.Path[1]}' in rule-options");
            var name = e.Path[2];
            var option = rule.Info.Options.FirstOrDefault(o => o.Name == name)
                ?? throw Error(e, rule.Info.Options.Count == 0
                    ? $"rule {rule.Info.Id} has no options"
                    : $"rule {rule.Info.Id} has no option '{name}' (options: {string.Join(", ", rule.Info.Options.Select(o => o.Name))})");
            object value = option.Type switch
            {
                RuleOptionType.Bool => e.Value is BooleanValueSyntax b ? b.Value : throw Error(e, $"{rule.Info.Id}.{name} must be true or false"),
                RuleOptionType.Int => e.Value is IntegerValueSyntax i ? i.Value : throw Error(e, $"{rule.Info.Id}.{name} must be an integer"),
                RuleOptionType.String => String(e),
                RuleOptionType.StringList => Strings(e),
                _ => throw new InvalidOperationException(),
            };
            if (!_ruleOptions.TryGetValue(rule.Info.Id, out var opts)) _ruleOptions[rule.Info.Id] = opts = [];
            opts[name] = value;
        }

        void CheckSelector(TomlEntry e, string token)
        {
            if (!RuleCatalog.All.Any(r => RuleSet.Matches(r.Info, token)))
                throw Error(e, $"unknown rule or family '{token}' (see `bulwark rules`)");
        }

        string String(TomlEntry e) => e.Value is StringValueSyntax s ? s.Value ?? ""
            : throw Error(e, $"'{string.Join('.', e.Path)}' must be a string");

        IReadOnlyList<string> Strings(TomlEntry e)
        {
            if (e.Value is not ArraySyntax array) throw Error(e, $"'{string.Join('.', e.Path)}' must be a list of strings");
            var list = new List<string>();
            foreach (var item in array.Items)
                list.Add(item.Value is StringValueSyntax s ? s.Value ?? "" : throw Error(e, $"'{string.Join('.', e.Path)}' must be a list of strings"));
            return list;
        }

        T? Get<T>(string key) where T : class => _values.TryGetValue(key, out var v) ? (T?)v : null;
        T? GetValue<T>(string key) where T : struct => _values.TryGetValue(key, out var v) ? (T?)v : null;

        public ConfigFile Build() => new()
        {
            Path = path,
            Select = Get<IReadOnlyList<string>>("select"),
            ExtendSelect = Get<IReadOnlyList<string>>("extend-select"),
            Ignore = Get<IReadOnlyList<string>>("ignore"),
            Exclude = Get<IReadOnlyList<string>>("exclude"),
            ExtendExclude = Get<IReadOnlyList<string>>("extend-exclude"),
            Include = Get<IReadOnlyList<string>>("include"),
            PerFileIgnores = _perFile.Count > 0 ? _perFile : null,
            Severity = GetValue<Severity>("severity"),
            Confidence = GetValue<Confidence>("confidence"),
            Profile = GetValue<RuleProfile>("profile"),
            RespectGitignore = GetValue<bool>("respect-gitignore"),
            IgnoreNosec = GetValue<bool>("ignore-nosec"),
            VulnDb = Get<string>("vuln-db"),
            VulnDbMaxAgeDays = GetValue<int>("vuln-db-max-age-days"),
            History = GetValue<bool>("history"),
            HistoryPath = Get<string>("history-path"),
            RuleOptions = _ruleOptions.Count > 0
                ? _ruleOptions.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, object>)kv.Value)
                : null,
            Secrets = _secrets,
            SeverityOverrides = _overrides.Count > 0 ? _overrides : null,
            TaintModels = _taint.Models.Count > 0 ? _taint.Models : null,
            TaintBudgetSeconds = _taint.BudgetSeconds,
            TaintReportSources = _taint.ReportSources,
            TaintTestPaths = _taint.TestPaths,
        };
    }

    public static RuleProfile? ParseProfile(string s) => s.ToLowerInvariant() switch
    {
        "default" or "bulwark" => RuleProfile.Default,
        "bandit" => RuleProfile.Bandit,
        _ => null,
    };
}

/// <summary>One `key = value` of a TOML document with its full dotted path (table headers and dotted keys joined) and 1-based line.</summary>
public sealed record TomlEntry(string[] Path, ValueSyntax Value, int Line);

public static class TomlEntries
{
    /// <summary>Flattens a document: inline tables become paths too, arrays stay values.</summary>
    public static List<TomlEntry> Flatten(DocumentSyntax doc)
    {
        var result = new List<TomlEntry>();
        foreach (var kv in doc.KeyValues) Add(result, [], kv);
        foreach (var table in doc.Tables)
        {
            var header = table.Name is { } name ? KeyPath(name) : [];
            foreach (var kv in table.Items) Add(result, header, kv);
        }
        return result;
    }

    static void Add(List<TomlEntry> result, string[] prefix, KeyValueSyntax kv)
    {
        if (kv.Key is null || kv.Value is null) return;
        var path = prefix.Concat(KeyPath(kv.Key)).ToArray();
        if (kv.Value is InlineTableSyntax inline)
        {
            foreach (var item in inline.Items) if (item.KeyValue is { } inner) Add(result, path, inner);
            return;
        }
        result.Add(new TomlEntry(path, kv.Value, kv.Span.Start.Line + 1));
    }

    public static string[] KeyPath(KeySyntax key)
    {
        var parts = new List<string> { KeyText(key.Key) };
        foreach (var dot in key.DotKeys) parts.Add(KeyText(dot.Key));
        return parts.ToArray();
    }

    static string KeyText(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => "",
    };
}
