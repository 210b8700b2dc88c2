using System.Reflection;
using System.Text.RegularExpressions;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Architecture;

/// <summary>
/// Regular expressions in the product run on scanned text, which an attacker may write: every one must be
/// linear-time (RegexOptions.NonBacktracking). Checked on the compiled regexes, so an option dropped in an edit fails.
/// </summary>
public class RegexSafetyTests
{
    static IEnumerable<(string Name, Regex Regex)> GeneratedRegexes()
    {
        foreach (var assembly in new[] { typeof(Bulwark.Core.Finding).Assembly, typeof(Bulwark.Python.Syntax.Expr).Assembly })
            foreach (var type in assembly.GetTypes())
                foreach (var m in type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    if (m.GetCustomAttribute<GeneratedRegexAttribute>() is not null && m.GetParameters().Length == 0)
                        yield return (type.FullName + "." + m.Name, (Regex)m.Invoke(null, null)!);
    }

    [Fact]
    public void Every_generated_regex_of_the_product_is_non_backtracking()
    {
        var all = GeneratedRegexes().ToList();
        Assert.True(all.Count >= 10, $"found only {all.Count} generated regexes: the reflection lookup is broken");
        var backtracking = all.Where(r => (r.Regex.Options & RegexOptions.NonBacktracking) == 0).Select(r => r.Name).ToList();
        Assert.True(backtracking.Count == 0, "backtracking regexes on scanned text:\n" + string.Join("\n", backtracking));
    }

    [Fact]
    public void The_product_builds_no_regex_at_run_time_outside_generated_ones()
    {
        var hits = new List<string>();
        foreach (var folder in new[] { "src/Bulwark", "src/Bulwark.Python", "src/Bulwark.Cli" })
            foreach (var f in Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(RepoPaths.RepoRoot, f).Replace('\\', '/');
                if (rel.Contains("/obj/") || rel.Contains("/bin/")) continue;
                var code = NamespaceReferences.StripCommentsAndStrings(File.ReadAllText(f));
                if (Regex.IsMatch(code, @"\bnew\s+Regex\s*\(|\bRegex\s*\.\s*(IsMatch|Match|Matches|Replace|Split)\s*\(") && !code.Contains("NonBacktracking"))
                    hits.Add(rel);
            }
        Assert.True(hits.Count == 0, "regexes built without NonBacktracking:\n" + string.Join("\n", hits));
    }
}
