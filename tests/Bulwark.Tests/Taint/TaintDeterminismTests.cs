using System.Text;
using Bulwark.Python;
using Bulwark.Semantics;
using Bulwark.Taint;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Lowering runs on the scan's worker threads while model files are loaded as files import their packages: what a
/// file is lowered against must depend only on the file, never on which other files happened to be lowered first.
/// </summary>
public class TaintDeterminismTests
{
    sealed record Input(string Path, string Code);

    /// <summary>Lowers the files in the given order on the given number of threads, analyses them, and prints flows and summaries.</summary>
    static string LowerAndAnalyse(IReadOnlyList<Input> files, int[] order, int threads, ModelCatalog catalog)
    {
        var lowered = new ModuleIr[files.Count];
        int next = -1;
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < order.Length)
            {
                var f = files[order[i]];
                var parse = PythonParser.Parse(f.Code);
                var (name, package) = SemanticModel.ModuleNameFor(f.Path);
                lowered[order[i]] = Lowering.Lower(f.Path, parse.Module, SemanticModel.Build(parse.Module, name, package), catalog);
            }
        }
        var pool = Enumerable.Range(0, threads).Select(_ => new Thread(Work, 64 * 1024 * 1024)).ToList();
        foreach (var t in pool) t.Start();
        foreach (var t in pool) t.Join();
        var result = new TaintAnalysis(lowered, catalog, new TaintOptions(), collectSummaries: true).Run();
        var sb = new StringBuilder();
        foreach (var flow in result.Flows)
            sb.Append($"flow {SinkKinds.NameOf(flow.Kind)} {lowered[flow.Sink.Module].Path}:{flow.Sink.Start} {flow.SinkCallee} from {flow.Source}: "
                      + string.Join(" -> ", flow.Steps.Select(s => $"{lowered[s.Module].Path}:{s.Start} {s.Kind} {s.What}")) + "\n");
        foreach (var s in result.Summaries)
            sb.Append($"{s.Function} returns {s.Return} sinks [{string.Join("; ", s.Sinks)}] stores [{string.Join("; ", s.Stores)}] facts [{string.Join("; ", s.Facts)}]\n");
        return sb.ToString();
    }

    [Fact]
    public void A_file_is_lowered_against_its_own_imports_whatever_was_lowered_before()
    {
        // `pkgx` types the unbound global `zork` and makes its read() a source; only x.py imports pkgx.
        (string, string)[] models =
        [
            ("base.toml", "sinks = [{ call = \"os.system\", arg = \"0\", kind = \"command\" }]\n"),
            ("pkgx.toml", "packages = [\"pkgx\"]\nsources = [{ call = \"pkgx.Stream.read\", kind = \"local\" }]\n\n[types]\n\"zork\" = \"pkgx.Stream\"\n"),
        ];
        Input[] files =
        [
            new("x.py", "import pkgx\n"),
            new("y.py", "import os\n\ndef run():\n    data = zork.read()\n    os.system(data)\n"),
        ];
        var xFirst = LowerAndAnalyse(files, [0, 1], 1, new ModelCatalog(models, null));
        var yFirst = LowerAndAnalyse(files, [1, 0], 1, new ModelCatalog(models, null));
        Assert.Equal(yFirst, xFirst);
        // The project phase still has every model some file imported.
        var catalog = new ModelCatalog(models, null);
        LowerAndAnalyse(files, [1, 0], 1, catalog);
        Assert.Equal(["base.toml", "pkgx.toml"], catalog.LoadedFiles);
        Assert.True(catalog.Tables.SourceCalls.ContainsKey("pkgx.Stream.read"));
    }

    [Fact]
    public void The_sample_application_gives_the_same_analysis_in_any_order_on_any_number_of_threads()
    {
        var root = Path.Combine(RepoPaths.RepoRoot, "samples", "insecure-app");
        var files = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new Input(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();
        Assert.True(files.Count >= 5);
        var forward = Enumerable.Range(0, files.Count).ToArray();
        var expected = LowerAndAnalyse(files, forward, 1, new ModelCatalog());
        Assert.Contains("flow sql", expected);
        var reverse = forward.Reverse().ToArray();
        var shuffled = forward.OrderBy(i => (i * 7919) % 13).ToArray();
        foreach (var (order, threads) in new[] { (reverse, 1), (shuffled, 1), (forward, 2), (reverse, 4), (shuffled, 3) })
            Assert.Equal(expected, LowerAndAnalyse(files, order, threads, new ModelCatalog()));
    }

    [Fact]
    public void Merged_model_files_equal_the_files_read_one_after_another()
    {
        var catalog = new ModelCatalog();
        var all = catalog.ForImports(["flask", "django", "fastapi", "aiohttp", "psycopg", "requests", "ldap", "yaml", "jinja2", "lxml"]).Tables;
        var again = new ModelCatalog().ForImports(["lxml", "jinja2", "yaml", "ldap", "requests", "psycopg", "aiohttp", "fastapi", "django", "flask"]).Tables;
        Assert.Same(all, catalog.ForImports(["lxml", "jinja2", "yaml", "ldap", "requests", "psycopg", "aiohttp", "fastapi", "django", "flask"]).Tables);
        Assert.Equal(all.SinkCalls.Count, again.SinkCalls.Count);
        static string Rows(List<SinkModel> rows) => string.Join("; ", rows.Select(r => $"{r.Callee} {r.Kind} {r.Arg} {r.Element} {r.When.Length}"));
        foreach (var (k, v) in all.SinkCalls) Assert.Equal(Rows(v), Rows(again.SinkCalls[k]));
        foreach (var (k, v) in all.SinkMethods) Assert.Equal(Rows(v), Rows(again.SinkMethods[k]));
        Assert.Equal(all.Returns.OrderBy(kv => kv.Key, StringComparer.Ordinal), again.Returns.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }
}
