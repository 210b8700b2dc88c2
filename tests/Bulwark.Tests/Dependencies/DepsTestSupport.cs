using Bulwark.Dependencies.Manifests;
using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;

namespace Bulwark.Tests.Dependencies;

static class DepsTestSupport
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Dependencies", "Fixtures", name);

    public static Manifest Load(string fixture, string file)
    {
        var full = Path.Combine(Fixture(fixture), file);
        var kind = ManifestParsers.KindOf(file) ?? throw new ArgumentException(file);
        return ManifestParsers.Parse(kind, full, file, File.ReadAllText(full));
    }

    /// <summary>Runs project rules over a directory the way the scanner would; returns findings and warnings.</summary>
    public static (List<Finding> Findings, List<string> Warnings) Run(string root, ScanSettings settings, IReadOnlySet<string>? imports = null,
        params IRule[] rules)
    {
        var files = new List<ProjectFile>();
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(root, f).Replace('\\', '/');
            files.Add(new ProjectFile(f, rel, () => new SourceFile(f, rel, new SourceText(File.ReadAllText(f)), f.EndsWith(".py", StringComparison.Ordinal))));
        }
        var sink = new List<Finding>();
        var warnings = new List<string>();
        var ctx = new ProjectContext(root, files, imports ?? new HashSet<string>(), settings, sink, warnings);
        foreach (ProjectRule r in rules) r.Check(ctx);
        return (sink, warnings);
    }
}

/// <summary>Tests that set BULWARK_CACHE_DIR (process-wide) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CacheEnvironment
{
    public const string Name = "BULWARK_CACHE_DIR";

    /// <summary>Points the cache at a fresh temporary directory until disposed.</summary>
    public sealed class Scope : IDisposable
    {
        readonly string? _old = Environment.GetEnvironmentVariable("BULWARK_CACHE_DIR");
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("bulwark-cache-").FullName;
        public Scope() => Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", Directory);
        public void Dispose()
        {
            Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", _old);
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
        }
    }
}
