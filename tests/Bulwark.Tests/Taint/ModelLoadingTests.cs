using Bulwark.Semantics;
using Bulwark.Taint;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>The models compiled into the binary load, each file on its own and all together, and a mistake in a model file is a one-line error with its place.</summary>
public class ModelLoadingTests
{
    /// <summary>The model files of the repository, which the build compiles into the binary (ModelDataTests).</summary>
    internal static List<(string Name, string Text)> EmbeddedModels() =>
        Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "src", "Bulwark", "Taint", "Models"), "*.toml")
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_embedded_model_file_parses_and_has_rows()
    {
        var files = EmbeddedModels();
        Assert.True(files.Count >= 10, $"only {files.Count} model files are embedded");
        foreach (var (name, text) in files)
        {
            var tables = new ModelTables();
            ModelReader.Read(text, name, tables, out int rows);
            Assert.True(rows > 0, $"{name} has no model rows");
        }
    }

    [Fact]
    public void All_packages_together_load_every_model_file()
    {
        var catalog = new ModelCatalog();
        var packages = EmbeddedModels().SelectMany(f => ModelReader.Packages(f.Text, f.Name)).Distinct().ToList();
        var view = catalog.ForImports(packages);
        foreach (var (name, _) in EmbeddedModels())
            Assert.Contains(name, catalog.LoadedFiles);
        Assert.NotEmpty(view.Tables.SinkCalls);
        Assert.NotEmpty(view.Tables.SourceAttributes);
    }

    [Theory]
    [InlineData("sink = []\n", "m.toml:1: unknown model key 'sink'")]
    [InlineData("\nsinks = [{ call = \"a.b\", kind = \"shell\", arg = \"0\" }]\n", "m.toml:2: unknown sink kind 'shell'")]
    [InlineData("sources = [{ call = \"a.b\", kind = \"remote\", extra = 1 }]\n", "m.toml:1: unknown field 'extra'")]
    [InlineData("types = [\"a\"]\n", "m.toml:1: 'types' maps qualified names to type names")]
    [InlineData("sinks = [{ call = \"a.b\", kind = \"xss\", arg = \"0\", text = \"yes\" }]\n", "m.toml:1: 'text' is \"true\" or \"false\" (got 'yes')")]
    [InlineData("sinks = [{ call = \"a.b\", kind = \"xss\", arg = \"0\", unless = \"not-html\" }]\n", "m.toml:1: 'unless' is ARG:marker (got 'not-html')")]
    [InlineData("entrypoints = [{ register = \"a.App\", framework = \"tornado\", routes = \"-\" }]\n", "m.toml:1: cannot read 'routes'")]
    [InlineData("propagators = [{ call = \"a.get\", from = \"0\", reaching = \"web\" }]\n", "m.toml:1: unknown sink kind in 'reaching' = 'web'")]
    [InlineData("propagators = [{ call = \"a.get\", from = \"url\" }]\n", "m.toml:1: 'from' lists 'receiver', argument positions")]
    [InlineData("files = [{ call = \"a.save\", writes = \"receiver\" }]\n", "m.toml:1: a row of 'files' needs 'path'")]
    [InlineData("files = [{ call = \"a.save\", path = \"*\", writes = \"receiver\" }]\n", "m.toml:1: 'path' is a position")]
    public void A_mistake_in_a_model_file_is_a_one_line_error_with_its_place(string text, string expected)
    {
        var ex = Assert.Throws<ModelException>(() => ModelReader.Read(text, "m.toml", new ModelTables(), out _));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_propagator_row_reads_argument_specs_and_the_sink_kind_its_input_must_reach()
    {
        var tables = new ModelTables();
        ModelReader.Read("propagators = [{ call = \"a.get\", from = \"receiver, 2, 0|url\", reaching = \"ssrf\" }]\n", "m.toml", tables, out _);
        var prop = tables.PropagatorCalls["a.get"];
        Assert.True(prop.FromReceiver);
        Assert.Equal([2], prop.FromArgs);
        var spec = Assert.Single(prop.FromSpecs);
        Assert.Equal((0, "url"), (spec.Position, spec.Keyword));
        Assert.Equal(SinkKinds.Ssrf, prop.Reaching);
    }

    [Fact]
    public void A_files_row_reads_the_path_and_what_is_written()
    {
        var tables = new ModelTables();
        ModelReader.Read("files = [{ call = \"a.Upload.save\", path = \"0|dst\", writes = \"receiver\" }, { method = \"read_back\", path = \"1\" }]\n", "m.toml", tables, out _);
        var save = tables.FileCalls["a.Upload.save"];
        Assert.Equal((0, "dst"), (save.Path.Position, save.Path.Keyword));
        Assert.True(save.Writes?.Receiver);
        var read = tables.FileMethods["read_back"];
        Assert.Equal(1, read.Path.Position);
        Assert.Null(read.Writes);
    }

    [Fact]
    public void A_sink_row_reads_its_marker_exception_and_text_only_flag()
    {
        var tables = new ModelTables();
        ModelReader.Read("sinks = [{ call = \"a.H.write\", arg = \"0\", kind = \"xss\", text = \"true\", unless = \"receiver:not-html\" }]\n", "m.toml", tables, out _);
        var sink = Assert.Single(tables.SinkCalls["a.H.write"]);
        Assert.True(sink.TextOnly);
        Assert.Equal("not-html", sink.Unless?.Marker);
        Assert.True(sink.Unless?.Arg.Receiver);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("text/html; charset=UTF-8", false)]
    [InlineData("TEXT/HTML", false)]
    public void A_contains_none_clause_holds_for_a_known_string_without_the_text(string contentType, bool holds)
    {
        var clause = Assert.IsType<Clause>(Clause.Parse("1!~html"));
        Assert.Equal(ClauseOp.ContainsNone, clause.Op);
        var call = new IrCall { Args = [0, 1], Constants = [ConstValue.Str("Content-Type"), ConstValue.Str(contentType)] };
        Assert.Equal(holds, CallConditions.Holds(call, clause));
        // Not known: it may be HTML.
        Assert.False(CallConditions.Holds(new IrCall { Args = [0, 1] }, clause));
    }

    [Theory]
    [InlineData("{\"Content-Type\": \"application/json\"}", false)]
    [InlineData("{\"content-type\": \"text/plain\", \"X-A\": \"1\"}", false)]
    [InlineData("{\"Content-Type\": \"text/html; charset=utf-8\"}", true)]
    // Absent from a dict whose entries are all known: the response keeps its default, HTML.
    [InlineData("{\"Cache-Control\": \"no-store\"}", true)]
    // Not known: a value or a key built at run time, a dict too large to keep, not a dict at all.
    [InlineData("{\"Content-Type\": kind}", true)]
    [InlineData("{key: \"application/json\"}", true)]
    [InlineData("{**base, \"Content-Type\": \"application/json\"}", true)]
    [InlineData("200", true)]
    public void A_clause_on_a_dict_entry_reads_the_constant_headers_passed(string headers, bool holds)
    {
        var clause = Assert.IsType<Clause>(Clause.Parse("2|headers[Content-Type]?~html"));
        Assert.Equal("Content-Type", clause.Arg.Key);
        Assert.Equal("2|headers[Content-Type]", clause.Arg.ToString());
        var parse = Bulwark.Python.PythonParser.Parse("kind = input()\nkey = input()\nbase = {}\nx = " + headers + "\n");
        Assert.True(parse.Ok);
        var value = SemanticModel.Build(parse.Module).Evaluate(((Bulwark.Python.Syntax.Assign)parse.Module.Body[^1]).Value);
        var positional = new IrCall { Args = [0, 1, 2], Constants = [null, ConstValue.Int(200), value] };
        Assert.Equal(holds, CallConditions.Holds(positional, clause));
        var keyword = new IrCall { Args = [0], KeywordNames = ["headers"], KeywordValues = [1], Constants = [null, value] };
        Assert.Equal(holds, CallConditions.Holds(keyword, clause));
        // Not passed at all: the default content type.
        Assert.True(CallConditions.Holds(new IrCall { Args = [0] }, clause));
    }

    [Fact]
    public void A_dict_key_is_read_only_in_conditions()
    {
        Assert.Null(ArgSpec.Parse("headers[Content-Type]"));
        Assert.Equal("Content-Type", ArgSpec.Parse("headers[Content-Type]", allowKey: true)?.Key);
        Assert.Equal(1, ArgSpec.Parse("0[1]")?.Element);
    }
}
