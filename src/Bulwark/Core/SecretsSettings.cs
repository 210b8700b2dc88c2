using System.Text;
using System.Text.RegularExpressions;
using Bulwark.Core;

namespace Bulwark.Core;

/// <summary>
/// `[tool.bulwark.secrets]`: what the secrets rules leave alone. Values are allowed by SHA-256 (so the configuration
/// never holds the secret), by a regular expression over the value (linear-time engine), or by path; credential
/// types can be switched off; test paths get lower confidence and no generic findings.
/// </summary>
public sealed record SecretsSettings
{
    /// <summary>Unanchored globs match any path component: a directory named `tests`, a file named `conftest.py`.</summary>
    public static readonly IReadOnlyList<string> DefaultTestPaths =
    [
        "test", "tests", "testing", "test_*.py", "*_test.py", "*_tests.py", "testutils*", "test_utils*", "conftest.py", "fixtures", "testdata", "test_data", "__tests__",
        "spec", "examples", "example", "samples", "*example*", "docs",
    ];

    public static readonly SecretsSettings Default = new();

    public IReadOnlyList<string> TestPaths { get; init; } = DefaultTestPaths;
    public IReadOnlyList<string> AllowPaths { get; init; } = [];
    /// <summary>Lower-case hex SHA-256 digests of allowed values.</summary>
    public IReadOnlySet<string> AllowValueSha256 { get; init; } = new HashSet<string>();
    public IReadOnlyList<Regex> AllowRegexes { get; init; } = [];
    public IReadOnlySet<string> IgnoreTypes { get; init; } = new HashSet<string>();

    public bool IsTestPath(string relativePath)
    {
        foreach (var g in TestPaths) if (Glob.IsMatch(g, relativePath)) return true;
        return false;
    }

    public bool PathAllowed(string relativePath)
    {
        foreach (var g in AllowPaths) if (Glob.IsMatch(g, relativePath)) return true;
        return false;
    }

    /// <summary>The value is allowed by hash or expression. The digest is computed in memory only, never stored.</summary>
    public bool ValueAllowed(string value)
    {
        foreach (var r in AllowRegexes) if (r.IsMatch(value)) return true;
        if (AllowValueSha256.Count == 0) return false;
        var digest = Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(value)));
        return AllowValueSha256.Contains(digest);
    }

    /// <summary>Compiles a user's allowlist expression: linear-time, with a one-line error for a bad pattern.</summary>
    public static Regex CompileAllowRegex(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
