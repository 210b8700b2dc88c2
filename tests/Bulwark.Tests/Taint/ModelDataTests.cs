using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// The built-in models are compiled in as trees read at build time (Taint/ModelData.targets), not parsed at start-up:
/// each tree must be the one Tomlyn reads from the same .toml file, so the two readings cannot drift.
/// </summary>
public class ModelDataTests
{
    [Fact]
    public void Every_model_file_is_compiled_in_once_by_name()
    {
        var names = ModelLoadingTests.EmbeddedModels().Select(f => f.Name).ToArray();
        Assert.Equal(names, EmbeddedModelData.Names);
    }

    [Fact]
    public void Each_compiled_in_tree_equals_the_parse_of_its_TOML_file_line_for_line()
    {
        var files = ModelLoadingTests.EmbeddedModels();
        for (int i = 0; i < files.Count; i++)
        {
            var (name, text) = files[i];
            Assert.Equal(ModelReader.TreeText(text, name), ModelReader.EmbeddedTreeText(EmbeddedModelData.Names.AsSpan().IndexOf(name)));
            Assert.Equal(ModelReader.Packages(text, name), EmbeddedModelData.Packages[EmbeddedModelData.Names.AsSpan().IndexOf(name)]);
        }
    }

    [Fact]
    public void The_built_in_catalog_has_the_tables_of_the_TOML_files()
    {
        var files = ModelLoadingTests.EmbeddedModels();
        var packages = files.SelectMany(f => ModelReader.Packages(f.Text, f.Name)).Distinct().ToList();
        var builtIn = new ModelCatalog();
        var parsed = new ModelCatalog(files, null);
        Assert.Equal(Describe(parsed.Tables), Describe(builtIn.Tables));
        Assert.Equal(Describe(parsed.ForImports(packages).Tables), Describe(builtIn.ForImports(packages).Tables));
        Assert.Equal(parsed.LoadedFiles, builtIn.LoadedFiles);
    }

    [Fact]
    public void Tree_text_tells_apart_a_changed_value_and_a_moved_line()
    {
        // The comparison above is only as good as the text it compares.
        var tree = ModelReader.TreeText("sinks = [\n  { call = \"os.system\", arg = \"0\", kind = \"command\" },\n]\n", "m.toml");
        Assert.NotEqual(tree, ModelReader.TreeText("sinks = [\n  { call = \"os.popen\", arg = \"0\", kind = \"command\" },\n]\n", "m.toml"));
        Assert.NotEqual(tree, ModelReader.TreeText("sinks = [\n\n  { call = \"os.system\", arg = \"0\", kind = \"command\" },\n]\n", "m.toml"));
        Assert.Contains("os.system", tree);
    }

    static string Describe(ModelTables t)
    {
        var lines = new List<string>();
        void Table<V>(string name, Dictionary<string, V> d, Func<V, string> show)
        {
            foreach (var (k, v) in d) lines.Add($"{name} {k} = {show(v)}");
        }
        static string Many<M>(List<M> l) where M : notnull => string.Join(" | ", l.Select(m => m.ToString()));
        Table("types", t.Types, v => v);
        Table("returns", t.Returns, v => v);
        Table("attributes", t.Attributes, v => v);
        Table("bases", t.Bases, v => string.Join(",", v));
        Table("source-attribute", t.SourceAttributes, v => v.ToString());
        Table("source-call", t.SourceCalls, v => v.ToString());
        Table("source-global", t.SourceGlobals, v => v.ToString());
        Table("sink-call", t.SinkCalls, Many);
        Table("sink-method", t.SinkMethods, Many);
        Table("sink-store", t.SinkStores, Many);
        Table("sanitizer-call", t.SanitizerCalls, v => v.ToString());
        Table("sanitizer-method", t.SanitizerMethods, v => v.ToString());
        Table("validator-call", t.ValidatorCalls, Many);
        Table("validator-method", t.ValidatorMethods, Many);
        Table("propagator-call", t.PropagatorCalls, v => v.ToString());
        Table("propagator-method", t.PropagatorMethods, v => v.ToString());
        Table("marker-call", t.MarkerCalls, Many);
        Table("entry-decorator", t.EntryDecorators, v => v.ToString());
        Table("entry-registration", t.EntryRegistrations, v => v.ToString());
        Table("entry-base", t.EntryBases, v => v.ToString());
        lines.AddRange(t.KnownTypes.Order(StringComparer.Ordinal));
        return string.Join("\n", lines);
    }
}
