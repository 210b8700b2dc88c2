using Bulwark.Tests.Support;

namespace Bulwark.Tests.Architecture;

/// <summary>
/// Dependencies between the parts of `src/Bulwark` go one way: Core ← {Semantics, Dependencies}; Semantics ← Taint; {Semantics, Taint, Dependencies} ← Rules ← Engine ←
/// {Config, Reports}. Read from the sources, so a back-edge fails here with the file and line that makes it.
/// </summary>
public class LayeringTests
{
    /// <summary>
    /// What each top-level namespace under `Bulwark.` may use besides itself. `Python` is the parser project
    /// (`src/Bulwark.Python`, no dependencies of its own). A new top-level namespace must be placed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        // Shared vocabulary: findings, locations, rule metadata, source and discovered files, settings, globs.
        ["Core"] = ["Python"],
        // Parsers of document formats with positions (YAML, GitHub Actions workflows); know nothing of security.
        ["Documents"] = ["Core"],
        // Credential formats, the one-pass detector, the vocabulary of secret names, masking; know nothing of rules.
        ["Secrets"] = ["Python", "Core"],
        // Scopes, bindings, names and constants of one module; knows nothing of rules or manifests.
        ["Semantics"] = ["Python", "Core"],
        // The taint analysis: IR lowered from the semantic model, project index, call resolution, summaries,
        // models as data; knows the injection vocabulary (source, sink and sanitiser kinds) but no rule.
        ["Taint"] = ["Python", "Core", "Semantics"],
        // The dependency domain (manifests, versions, advisories, SBOM, fixes); knows nothing of rules or scans.
        ["Dependencies"] = ["Python", "Core", "Documents"],
        // Rule contracts, contexts and every rule.
        ["Rules"] = ["Python", "Core", "Semantics", "Taint", "Dependencies", "Documents", "Secrets"],
        // The security-practice scorecard: facts read from the project's files and the scan's findings.
        ["Posture"] = ["Core", "Dependencies", "Documents"],
        // The scan: discovery, per-file analysis, suppressions, baseline; runs rules without knowing any family's domain.
        ["Engine"] = ["Python", "Core", "Semantics", "Taint", "Rules", "Documents", "Secrets", "Posture"],
        // Configuration files and reporters, above the scan; reporters know nothing about Python.
        ["Config"] = ["Core", "Rules", "Engine", "Secrets", "Documents"],
        ["Reports"] = ["Core", "Rules", "Engine", "Posture", "Secrets"],
        // The scan-history database (SQLite): records finished scans and compares them; above the scan like Config.
        ["History"] = ["Core", "Engine"],
    };

    [Fact]
    public void Namespaces_of_src_Bulwark_use_only_the_layers_below_them()
    {
        var references = NamespaceReferences.Read(Sources("src/Bulwark"), Sources("src/Bulwark.Python"));
        var forbidden = new List<string>();
        foreach (var r in references)
        {
            var from = Layer(r.From);
            var to = Layer(r.To);
            if (from is null || to is null || from == to) continue;
            if (!MayUse.TryGetValue(from, out var allowed))
                forbidden.Add($"{r.Path}:{r.Line}: namespace {r.From} is in no layer: place Bulwark.{from} in {nameof(LayeringTests)}.{nameof(MayUse)}");
            else if (!allowed.Contains(to))
                forbidden.Add($"{r.Path}:{r.Line}: {r.From} uses {r.To} ({r.How}); {from} may use only {string.Join(", ", allowed)}");
        }
        Assert.True(references.Count > 100, $"only {references.Count} references read: is the reader broken?");
        Assert.True(forbidden.Count == 0, "forbidden dependencies:\n" + string.Join('\n', forbidden.Distinct()));
    }

    [Fact]
    public void Every_namespace_of_src_Bulwark_is_in_a_layer_and_matches_its_folder()
    {
        var problems = new List<string>();
        foreach (var (path, text) in Sources("src/Bulwark"))
        {
            var code = NamespaceReferences.StripCommentsAndStrings(text);
            var match = System.Text.RegularExpressions.Regex.Match(code, @"^\s*namespace\s+([\w.]+)", System.Text.RegularExpressions.RegexOptions.Multiline);
            if (!match.Success) { problems.Add($"{path}: no namespace"); continue; }
            var ns = match.Groups[1].Value;
            var layer = Layer(ns);
            // src/Bulwark/Rules/Code/Blacklist/X.cs → Bulwark.Rules.Code.Blacklist; an enclosing namespace is allowed
            // too (the catalog's partial classes in each family folder are in Bulwark.Rules).
            var folder = "Bulwark." + string.Join('.', path["src/Bulwark/".Length..].Split('/')[..^1]);
            if (layer is null || !MayUse.ContainsKey(layer)) problems.Add($"{path}: namespace {ns} is in no layer");
            else if (ns != folder && !folder.StartsWith(ns + ".", StringComparison.Ordinal) || ns == "Bulwark")
                problems.Add($"{path}: namespace {ns} does not match its folder ({folder})");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void A_rule_family_uses_no_other_family()
    {
        // Bulwark.Rules.<Family>… is one family, in Rules/<Family>/; what several families share lives in Bulwark.Rules.
        var references = NamespaceReferences.Read(Sources("src/Bulwark"), Sources("src/Bulwark.Python"));
        var crossing = references.Where(r => Family(r.From) is { } from && Family(r.To) is { } to && from != to)
            .Select(r => $"{r.Path}:{r.Line}: {r.From} uses {r.To} ({r.How})").Distinct().ToList();
        Assert.True(crossing.Count == 0, "rule families using each other:\n" + string.Join('\n', crossing));
    }

    static string? Family(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 3 && parts[0] == "Bulwark" && parts[1] == "Rules" ? parts[2] : null;
    }

    [Fact]
    public void Project_file_declares_no_global_using_of_a_Bulwark_namespace()
    {
        // A global using would let any file use that namespace without a line this test can see.
        var project = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "src", "Bulwark", "Bulwark.csproj"));
        Assert.DoesNotContain("<Using Include=\"Bulwark", project);
    }

    [Fact]
    public void Reader_finds_usings_and_qualified_names_but_not_comments_or_strings()
    {
        (string, string)[] files =
        [
            ("Engine/Scanner.cs", "namespace Bulwark.Engine;\npublic sealed class Scanner { }\n"),
            ("Engine/Glob.cs", "namespace Bulwark.Engine;\npublic static class Glob { }\n"),
            ("Rules/A.cs", """
                using Bulwark.Engine;
                namespace Bulwark.Rules.Code;
                // Bulwark.Engine.Glob in a comment
                /* Engine.Glob in a block comment */
                class A
                {
                    string s = "Bulwark.Engine.Glob" + @"Engine.Glob" + $"{x.Engine.Glob} {"Engine.Glob"}";
                    char c = '"';
                    bool b = Bulwark.Engine.Glob.IsMatch("", "");
                    Engine.Scanner? scanner;
                    object o = context.Engine.Glob;
                }
                """),
        ];
        var found = NamespaceReferences.Read(files).Select(r => (r.Path, r.Line, r.To, r.How)).ToList();
        Assert.Equal(
            [("Rules/A.cs", 1, "Bulwark.Engine", "using"), ("Rules/A.cs", 9, "Bulwark.Engine", "qualified name"),
             ("Rules/A.cs", 10, "Bulwark.Engine", "qualified name")],
            found);
    }

    [Theory]
    [InlineData("a // \"b\nc", "a _____\nc")]
    [InlineData("x = \"\"\"\n  y \"\" \n  \"\"\"; z", "x = ___\n_______\n_____; z")]
    [InlineData("x = $\"{f(\"}\")}\" + y", "x = ___________ + y")]
    [InlineData("x = @\"a\"\"b\" + y", "x = _______ + y")]
    [InlineData("c = '\"'; d = '\\''; e", "c = ___; d = ____; e")]
    public void Stripping_blanks_comments_and_literals_and_keeps_line_breaks(string text, string expected) =>
        Assert.Equal(expected.Replace('_', ' '), NamespaceReferences.StripCommentsAndStrings(text));

    /// <summary>`Core` for `Bulwark.Core.X`; null for a namespace outside Bulwark.</summary>
    static string? Layer(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 2 && parts[0] == "Bulwark" ? parts[1] : null;
    }

    static List<(string Path, string Text)> Sources(string folder)
    {
        var root = Path.Combine(RepoPaths.RepoRoot, folder);
        var files = new List<(string, string)>();
        foreach (var f in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(RepoPaths.RepoRoot, f).Replace('\\', '/');
            if (rel.Contains("/obj/") || rel.Contains("/bin/")) continue;
            files.Add((rel, File.ReadAllText(f)));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }
}
