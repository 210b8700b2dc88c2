using System.Diagnostics;
using System.Text;
using Bulwark.Dependencies.Advisories;
using Bulwark.Documents.Yaml;

namespace Bulwark.Tests.Documents;

public class YamlLoaderTests
{
    [Fact]
    public void Nodes_keep_their_positions()
    {
        var text = "a: 1\nb:\n  - x\n  - 'y'\nc: |\n  line\n";
        var file = YamlLoader.Load(text);
        var root = Assert.IsType<YamlMapping>(file.Root);
        var b = Assert.IsType<YamlSequence>(root["b"]);
        var y = Assert.IsType<YamlScalar>(b.Items[1]);
        Assert.Equal("y", y.Value);
        Assert.Equal(YamlScalarStyle.SingleQuoted, y.Style);
        Assert.Equal(4, y.Line);
        Assert.Equal(5, y.Column);
        Assert.Equal("'y'", file.SourceOf(y));
        Assert.Equal((5, 1), (root.KeyNode("c")!.Line, root.KeyNode("c")!.Column));
        Assert.Equal("line\n", root.GetString("c"));
    }

    [Fact]
    public void Offsets_count_utf16_code_units_after_non_ascii_text()
    {
        var text = "t: \"é😀\"\nk: v\n";
        var root = (YamlMapping)YamlLoader.Load(text).Root!;
        var v = (YamlScalar)root["k"]!;
        Assert.Equal("v", text[v.Start..v.End]);
    }

    [Fact]
    public void Every_document_of_a_stream_is_loaded()
    {
        var file = YamlLoader.Load("a: 1\n---\nb: 2\n---\n");
        Assert.Equal(3, file.Documents.Count);
        Assert.Equal("2", ((YamlMapping)file.Documents[1].Root!).GetString("b"));
        Assert.True(file.Documents[2].Root is null or YamlScalar { IsNull: true });
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node_and_merge_keys_are_searched()
    {
        var file = YamlLoader.Load("base: &b\n  image: python\n  x: 1\njob:\n  <<: *b\n  x: 2\nother: *b\n");
        var root = (YamlMapping)file.Root!;
        var job = (YamlMapping)root["job"]!;
        Assert.Equal("python", job.GetString("image"));
        Assert.Equal("2", job.GetString("x"));
        Assert.Same(root["base"], root["other"]);
    }

    [Fact]
    public void Anchors_are_scoped_to_their_document()
    {
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load("a: &x 1\n---\nb: *x\n"));
        Assert.Contains("no anchor", ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Theory]
    [InlineData("&a [*a, *a]")]
    [InlineData("&a {k: *a}")]
    [InlineData("a: &x\n  b: *x\n")]
    public void A_self_referencing_alias_is_an_error_not_a_crash(string text)
    {
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text));
        Assert.Contains("recursive", ex.Message);
        Assert.True(ex.Line > 0);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_quickly()
    {
        var text = BillionLaughs(levels: 9, fanOut: 10);
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text));
        Assert.Contains("alias bomb", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_fifty_level_alias_chain_is_refused()
    {
        var text = BillionLaughs(levels: 50, fanOut: 2);
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text));
        Assert.Contains("alias bomb", ex.Message);
    }

    [Fact]
    public void Moderate_alias_use_is_accepted()
    {
        var text = BillionLaughs(levels: 3, fanOut: 10);
        var file = YamlLoader.Load(text);
        Assert.NotNull(file.Root);
    }

    [Fact]
    public void Fifty_levels_of_nesting_are_fine_but_very_deep_nesting_is_refused()
    {
        Assert.NotNull(YamlLoader.Load(new string('[', 50) + new string(']', 50)).Root);
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(new string('[', 100_000) + new string(']', 100_000)));
        Assert.Contains("nesting deeper", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");

        var block = new StringBuilder();
        for (int i = 0; i < 200; i++) block.Append(' ', i).Append("k:\n");
        Assert.Contains("nesting deeper", Assert.Throws<YamlLoadException>(() => YamlLoader.Load(block.ToString())).Message);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_without_parsing()
    {
        var text = new string('#', 100) + "\n" + new string('a', 20 * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text));
        Assert.Contains("larger than the limit", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_node_limit_stops_a_document_of_many_small_nodes()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("1", 2000)) + "]";
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text, new YamlLimits { MaxNodes = 1000 }));
        Assert.Contains("more than 1000", ex.Message);
    }

    [Theory]
    [InlineData("a: [1, 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("key: \"unterminated\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("{a: 1\n")]
    public void Malformed_yaml_gives_a_one_line_error_with_a_position(string text)
    {
        var ex = Assert.Throws<YamlLoadException>(() => YamlLoader.Load(text));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain("(Line:", ex.Message);
    }

    [Fact]
    public void Osv_import_of_the_twelve_byte_self_reference_is_a_format_error()
    {
        // `bulwark db import` used to crash the process (stack overflow) on this record.
        var ex = Assert.ThrowsAny<FormatException>(() => OsvReader.FromYaml("&a [*a, *a]\n"));
        Assert.Contains("recursive", ex.Message);
    }

    [Fact]
    public void Osv_import_refuses_an_alias_bomb()
    {
        Assert.ThrowsAny<FormatException>(() => OsvReader.FromYaml("id: X\n" + BillionLaughs(levels: 9, fanOut: 10)));
    }

    /// <summary>`l0: &amp;l0 "lol"`, then each level a list of <paramref name="fanOut"/> aliases of the previous one.</summary>
    internal static string BillionLaughs(int levels, int fanOut)
    {
        var sb = new StringBuilder("l0: &l0 \"lol\"\n");
        for (int i = 1; i <= levels; i++)
        {
            sb.Append($"l{i}: &l{i} [");
            for (int j = 0; j < fanOut; j++) sb.Append(j > 0 ? ", " : "").Append($"*l{i - 1}");
            sb.Append("]\n");
        }
        return sb.ToString();
    }
}
