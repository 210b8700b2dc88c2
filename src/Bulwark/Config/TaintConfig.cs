using Bulwark.Engine;
using Tomlyn.Syntax;

namespace Bulwark.Config;

/// <summary>
/// Reads `[tool.bulwark.taint]` (or `[taint]` in bulwark.toml): the analysis budget, extra source kinds to report,
/// and the project's own models — rows of `sources`, `sinks`, `sanitizers`, `validators`, `propagators`, `markers`
/// and `entrypoints`, and maps `types`, `returns`, `attributes`, `bases` — in the format of the built-in model files.
/// Each model entry is checked now, so a mistake is a one-line error naming the configuration file and line.
/// </summary>
static class TaintConfig
{
    public static readonly string[] Keys =
    [
        "budget-seconds", "report-sources", "test-paths",
        "sources", "sinks", "sanitizers", "validators", "propagators", "markers", "files", "entrypoints",
        "types", "returns", "attributes", "bases",
    ];

    static readonly string[] MapKeys = ["types", "returns", "attributes", "bases"];

    /// <summary>What the file sets; each field null when it does not.</summary>
    public sealed record Settings(int? BudgetSeconds, IReadOnlyList<string>? ReportSources, IReadOnlyList<(string Origin, string Toml)> Models,
        IReadOnlyList<string>? TestPaths = null)
    {
        public static readonly Settings Empty = new(null, null, []);
    }

    public static Settings Read(Settings current, string path, TomlEntry e, Func<TomlEntry, IReadOnlyList<string>> strings,
        Func<string, Exception> error)
    {
        if (e.Path.Length < 2)
            throw error("taint settings are keys of the [taint] table, e.g. budget-seconds = 30");
        var key = e.Path[1];
        if (Array.IndexOf(Keys, key) < 0)
            throw error($"unknown configuration key 'taint.{key}' (known: {string.Join(", ", Keys)})");
        bool isMap = Array.IndexOf(MapKeys, key) >= 0;
        if (!isMap && e.Path.Length != 2 || isMap && e.Path.Length != 3)
            throw error(isMap ? $"'taint.{key}' maps qualified names, e.g. [taint.{key}] \"pkg.f\" = \"pkg.T\""
                              : $"'taint.{key}' is not a table");
        switch (key)
        {
            case "budget-seconds":
                return current with
                {
                    BudgetSeconds = e.Value is IntegerValueSyntax { Value: >= 1 and <= 3600 } i ? (int)i.Value
                        : throw error("'taint.budget-seconds' must be a whole number of seconds (1–3600)"),
                };
            case "report-sources":
                var kinds = strings(e);
                foreach (var k in kinds)
                    if (!TaintPhase.SourceKindNames.Contains(k))
                        throw error($"taint.report-sources: unknown source kind '{k}' (known: {string.Join(", ", TaintPhase.SourceKindNames)})");
                return current with { ReportSources = kinds };
            case "test-paths":
                return current with { TestPaths = strings(e) };
        }
        // A model entry: re-read by the model reader, with its lines where they are in the configuration file.
        var value = e.Value.ToString()?.Trim() ?? "";
        var toml = isMap
            ? new string('\n', Math.Max(0, e.Line - 2)) + $"[{key}]\n{Quote(e.Path[2])} = {value}\n"
            : new string('\n', Math.Max(0, e.Line - 1)) + $"{key} = {value}\n";
        TaintPhase.Validate(path, toml);
        return current with { Models = [.. current.Models, (path, toml)] };
    }

    static string Quote(string key) => "\"" + key.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
