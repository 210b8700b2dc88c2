using Bulwark.Core;
using Bulwark.Documents.Yaml;
using Bulwark.Engine;
using Bulwark.Rules;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Bulwark.Config;

/// <summary>
/// The configuration a Bandit or Ruff user already has, read when there is no Bulwark configuration:
/// Bandit's `[tool.bandit]` (pyproject.toml), `.bandit` (INI) and YAML (`bandit -c FILE`) — `skips`, `tests`,
/// `exclude_dirs`/`exclude` and plugin options such as `hardcoded_tmp_directory.tmp_dirs` — and Ruff's
/// `per-file-ignores`/`extend-per-file-ignores` for its `S` (flake8-bandit) codes.
/// </summary>
public static class ForeignConfig
{
    public const string BanditIniName = ".bandit";
    public static readonly string[] RuffFileNames = ["ruff.toml", ".ruff.toml"];

    /// <summary>`[tool.bandit]` and Ruff's per-file ignores of a pyproject.toml; null when it has neither.</summary>
    public static ConfigFile? FromPyproject(string path)
    {
        // A pyproject.toml broken outside Bandit's and Ruff's tables is the dependency audit's to report.
        var entries = Entries(path, [["tool", "bandit"], ["tool", "ruff"]]);
        if (entries is null) return null;
        var bandit = new Builder(path, "Bandit");
        var ruff = new Builder(path, "Ruff");
        foreach (var e in entries)
        {
            if (e.Path.Length >= 3 && e.Path[0] == "tool" && e.Path[1] == "bandit") bandit.BanditToml(e with { Path = e.Path[2..] });
            else if (e.Path.Length >= 3 && e.Path[0] == "tool" && e.Path[1] == "ruff") ruff.RuffToml(e with { Path = e.Path[2..] });
        }
        return Merge(path, bandit, ruff);
    }

    /// <summary>Ruff's `ruff.toml`/`.ruff.toml`: its per-file ignores of `S` codes; null when it has none.</summary>
    public static ConfigFile? FromRuffToml(string path)
    {
        var ruff = new Builder(path, "Ruff");
        foreach (var e in Entries(path, null)!) ruff.RuffToml(e);
        return Merge(path, new Builder(path, "Bandit"), ruff);
    }

    /// <summary>Bandit's `.bandit` INI file (section `[bandit]`: `skips`, `tests`, `exclude`, comma-separated).</summary>
    public static ConfigFile FromBanditIni(string path)
    {
        var b = new Builder(path, "Bandit");
        bool inSection = false;
        int lineNo = 0;
        foreach (var raw in Read(path).Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[') { inSection = line.Equals("[bandit]", StringComparison.OrdinalIgnoreCase); continue; }
            if (!inSection) continue;
            int eq = line.IndexOfAny(['=', ':']);
            if (eq < 0) throw new ConfigException($"{path}:{lineNo}: expected `key = value` in the [bandit] section");
            var key = line[..eq].Trim();
            var values = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            b.BanditKey(key, values, lineNo);
        }
        return b.Build(path) ?? new ConfigFile { Path = path, Origin = "Bandit" };
    }

    /// <summary>A Bandit YAML configuration (`bandit -c FILE`).</summary>
    public static ConfigFile FromBanditYaml(string path)
    {
        YamlFile yaml;
        try { yaml = YamlLoader.Load(Read(path)); }
        catch (YamlLoadException ex) { throw new ConfigException($"{path}: invalid YAML: {ex.Describe()}"); }
        var b = new Builder(path, "Bandit");
        if (yaml.Root is YamlMapping root)
        {
            foreach (var (key, value) in root.Pairs())
            {
                if (value is YamlSequence seq)
                    b.BanditKey(key.Value, seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray(), key.Line);
                else if (value is YamlMapping plugin)
                    foreach (var (option, v) in plugin.Pairs()) b.PluginOption(key.Value, option.Value, YamlValue(v), key.Line);
            }
        }
        else if (yaml.Root is not null && !(yaml.Root is YamlScalar { IsNull: true }))
            throw new ConfigException($"{path}: a Bandit configuration is a mapping (skips:, tests:, exclude_dirs:, plugin options)");
        return b.Build(path) ?? new ConfigFile { Path = path, Origin = "Bandit" };
    }

    static object? YamlValue(YamlNode node) => node switch
    {
        YamlSequence s => s.Items.OfType<YamlScalar>().Select(i => i.Value).ToList(),
        YamlScalar { AsBool: { } b } => b,
        YamlScalar sc when long.TryParse(sc.Value, out var n) => n,
        YamlScalar sc => sc.Value,
        _ => null,
    };

    static ConfigFile? Merge(string path, Builder bandit, Builder ruff)
    {
        var a = bandit.Build(path);
        var b = ruff.Build(path);
        if (a is null) return b;
        if (b is null) return a;
        return a with
        {
            Origin = "Bandit and Ruff",
            PerFileIgnores = (a.PerFileIgnores ?? []).Concat(b.PerFileIgnores ?? []).ToList(),
        };
    }

    // Bounded: a FIFO or device named like a configuration file is refused, not read forever.
    static string Read(string path) => BoundedFile.ReadText(path, BoundedFile.MaxConfigBytes, out var error)
        ?? throw new ConfigException($"{Untrusted.Visible(path)}: cannot read configuration: {error}");

    /// <summary>The file's entries; with <paramref name="tolerated"/>, null (not an error) when it is broken but names none of those tables.</summary>
    static List<TomlEntry>? Entries(string path, string[][]? tolerated)
    {
        var text = Read(path);
        bool Ours() => tolerated is null || tolerated.Any(t => ConfigFile.MentionsTable(text, t));
        if (NestingGuard.CheckToml(text) is { } tooDeep)
            { if (Ours()) throw new ConfigException($"{Untrusted.Visible(path)}: {tooDeep}"); return null; }
        DocumentSyntax doc;
        try { doc = SyntaxParser.Parse(text, path, false); }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            { if (Ours()) throw new ConfigException($"{Untrusted.Visible(path)}: invalid TOML: {Untrusted.Message(ex.Message)}"); return null; }
        }
        foreach (var d in doc.Diagnostics)
            if (d.Kind == DiagnosticMessageKind.Error)
                { if (Ours()) throw new ConfigException($"{path}:{d.Span.Start.Line + 1}:{d.Span.Start.Column + 1}: invalid TOML: {Untrusted.Message(d.Message)}"); return null; }
        return TomlEntries.Flatten(doc);
    }

    /// <summary>Accumulates what a foreign file says, in Bulwark's terms.</summary>
    sealed class Builder(string path, string origin)
    {
        readonly List<string> _select = [], _ignore = [], _exclude = [];
        readonly List<KeyValuePair<string, IReadOnlyList<string>>> _perFile = [];
        readonly Dictionary<string, Dictionary<string, object>> _options = new(StringComparer.OrdinalIgnoreCase);
        bool _any;

        public void BanditToml(TomlEntry e)
        {
            if (e.Path.Length == 1)
            {
                if (Strings(e) is { } values) BanditKey(e.Path[0], values, e.Line);
                return;
            }
            if (e.Path.Length == 2) PluginOption(e.Path[0], e.Path[1], TomlValue(e.Value), e.Line);
        }

        public void RuffToml(TomlEntry e)
        {
            // `per-file-ignores`, `extend-per-file-ignores`, under `lint.` or (older Ruff) at the top.
            var p = e.Path;
            if (p.Length == 3 && p[0] == "lint") p = p[1..];
            if (p.Length != 2 || p[0] is not ("per-file-ignores" or "extend-per-file-ignores")) return;
            var codes = (Strings(e) ?? []).Where(IsBanditCode).ToArray();
            if (codes.Length == 0) return;
            _perFile.Add(new(p[1], codes));
            _any = true;
        }

        // Ruff's flake8-bandit codes (`S`, `S1`, `S602`), which Bulwark's rules carry as aliases; other linters' codes are not ours.
        static bool IsBanditCode(string code) =>
            code.Equals("ALL", StringComparison.OrdinalIgnoreCase) ||
            code.Length >= 1 && code[0] == 'S' && code.Skip(1).All(char.IsAsciiDigit) && RuleCatalog.All.Any(r => RuleSet.MatchesAlias(r.Info, code));

        public void BanditKey(string key, string[] values, int line)
        {
            switch (key)
            {
                case "skips": _ignore.AddRange(KnownTests(values, key, line)); _any = true; break;
                case "tests": _select.AddRange(KnownTests(values, key, line)); _any = true; break;
                case "exclude_dirs" or "exclude":
                    foreach (var v in values)
                    {
                        // Bandit's entries are paths (`./tests`, `/venv/`, `tests`); as globs, relative to this file.
                        var g = v.Trim().Replace('\\', '/');
                        while (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
                        g = g.Trim('/');
                        if (g.Length > 0) _exclude.Add(g);
                    }
                    _any = true;
                    break;
            }
        }

        // Bandit accepts test ids (B101) and ignores what it does not know; Bulwark keeps what some rule answers to.
        IEnumerable<string> KnownTests(string[] values, string key, int line)
        {
            foreach (var v in values)
            {
                var id = v.Trim();
                if (id.Length == 0) continue;
                if (RuleCatalog.Find(id) is null)
                    throw new ConfigException($"{path}:{line}: {key}: unknown Bandit test '{id}' (see `bulwark rules`)");
                yield return id;
            }
        }

        /// <summary>`hardcoded_tmp_directory: {tmp_dirs: [...]}` → the option of the rule whose name is the plugin's.</summary>
        public void PluginOption(string plugin, string option, object? value, int line)
        {
            var name = plugin.Replace('_', '-');
            var rule = RuleCatalog.All.FirstOrDefault(r => r.Info.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                && r.Info.Options.Any(o => o.Name == option));
            if (rule is null || value is null) return; // a plugin option Bulwark has no equivalent for
            var info = rule.Info.Options.First(o => o.Name == option);
            object? converted = info.Type switch
            {
                RuleOptionType.Bool => value as bool?,
                RuleOptionType.Int => value as long?,
                RuleOptionType.String => value as string,
                RuleOptionType.StringList => value is List<string> list ? list : value is string one ? new List<string> { one } : null,
                _ => null,
            };
            if (converted is null)
                throw new ConfigException($"{path}:{line}: {plugin}.{option} must be {info.Type switch { RuleOptionType.Bool => "true or false", RuleOptionType.Int => "an integer", RuleOptionType.String => "a string", _ => "a list of strings" }}");
            if (!_options.TryGetValue(rule.Info.Id, out var opts)) _options[rule.Info.Id] = opts = [];
            opts[option] = converted is List<string> l ? (IReadOnlyList<string>)l : converted;
            _any = true;
        }

        static object? TomlValue(ValueSyntax v) => v switch
        {
            BooleanValueSyntax b => b.Value,
            IntegerValueSyntax i => i.Value,
            StringValueSyntax s => s.Value ?? "",
            ArraySyntax a => a.Items.Select(i => i.Value as StringValueSyntax).Where(s => s is not null).Select(s => s!.Value ?? "").ToList(),
            _ => null,
        };

        static string[]? Strings(TomlEntry e) => e.Value switch
        {
            ArraySyntax a => a.Items.Select(i => i.Value as StringValueSyntax).Where(s => s is not null).Select(s => s!.Value ?? "").ToArray(),
            // Bandit also accepts a comma-separated string.
            StringValueSyntax s => (s.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => null,
        };

        public ConfigFile? Build(string file) => !_any ? null : new ConfigFile
        {
            Path = file,
            Origin = origin,
            Select = _select.Count > 0 ? _select : null,
            Ignore = _ignore.Count > 0 ? _ignore : null,
            Exclude = _exclude.Count > 0 ? _exclude : null,
            PerFileIgnores = _perFile.Count > 0 ? _perFile : null,
            RuleOptions = _options.Count > 0 ? _options.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, object>)kv.Value) : null,
        };
    }
}
