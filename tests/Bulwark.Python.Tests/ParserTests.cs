using System.Diagnostics;
using Bulwark.Python.Syntax;
using Assert = Xunit.Assert;

namespace Bulwark.Python.Tests;

public class ParserTests
{
    static string DumpOf(string source)
    {
        var r = PythonParser.Parse(source);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        return AstDump.Dump(r.Module, r.Text);
    }

    [Fact]
    public void Crlf_and_lone_cr_line_endings_give_the_same_positions_as_lf()
    {
        string lf = DumpOf("if x:\n    y = '''a\nb'''\n");
        Assert.Equal(lf, DumpOf("if x:\r\n    y = '''a\r\nb'''\r\n"));
        Assert.Equal(lf, DumpOf("if x:\r    y = '''a\rb'''\r"));
    }

    [Fact]
    public void Columns_are_utf8_bytes_like_cpython()
    {
        var r = PythonParser.Parse("s = 'é'; t = 1\n");
        var assign = (Assign)r.Module.Body[1];
        Assert.Equal((1, 10), r.Text.Utf8Position(assign.Start));
        Assert.Equal((1, 9), r.Text.Position(assign.Start));
    }

    [Fact]
    public void Statements_after_a_bad_line_are_recovered()
    {
        var r = PythonParser.Parse("a = 1\nb = = 2\nc = 3\ndef f():\n    x = (\n    return 1\n");
        Assert.False(r.Ok);
        Assert.Equal("invalid syntax", r.Errors[0].Message);
        Assert.Contains(r.Module.Body, s => s is Assign { Targets: [Name { Id: "c" }] });
        Assert.Contains(r.Module.Body, s => s is Assign { Targets: [Name { Id: "a" }] });
    }

    [Fact]
    public void Soft_keywords_are_names_outside_their_statements()
    {
        var r = PythonParser.Parse("match = 1\ncase = 2\ntype = 3\nmatch(x)\n_ = 4\n");
        Assert.True(r.Ok);
        Assert.Equal(5, r.Module.Body.Count);
    }

    [Fact]
    public void Debug_specifier_produces_text_constant_and_repr_conversion()
    {
        var r = PythonParser.Parse("f'{x=}'\n");
        var js = (JoinedStr)((ExprStmt)r.Module.Body[0]).Value;
        Assert.Equal("x=", ((Constant)js.Values[0]).AsString);
        Assert.Equal('r', ((FormattedValue)js.Values[1]).Conversion);
    }

    [Fact]
    public void Template_strings_build_interpolations()
    {
        var r = PythonParser.Parse("t'hi {name!r}'\n");
        var ts = (TemplateStr)((ExprStmt)r.Module.Body[0]).Value;
        var interp = (Interpolation)ts.Values[1];
        Assert.Equal("name", interp.Str);
        Assert.Equal('r', interp.Conversion);
    }

    [Theory]
    [InlineData("if x:\n\tpass\n        pass\n", "inconsistent use of tabs and spaces in indentation")]
    [InlineData("x = (1,\n", "'(' was never closed")]
    [InlineData("a\0b\n", "source code cannot contain null bytes")]
    [InlineData("x = 'abc\n", "unterminated string literal (detected at line 1)")]
    // Found by fuzzing (bench/fuzz, target python): a bytes \x escape cut short by the closing quote read past the body.
    [InlineData("b\"\\xa\"\n", "(value error) invalid \\x escape at position 0")]
    [InlineData("b\"ab\\xa\"\n", "(value error) invalid \\x escape at position 2")]
    [InlineData("b'\\x'\n", "(value error) invalid \\x escape at position 0")]
    public void Reports_cpython_messages(string source, string message)
    {
        var r = PythonParser.Parse(source);
        Assert.False(r.Ok);
        Assert.Equal(message, r.Errors[0].Message);
    }

    static ParseResult ParseQuickly(string source)
    {
        var sw = Stopwatch.StartNew();
        var r = PythonParser.Parse(source);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
        return r;
    }

    [Fact]
    public void Ten_thousand_nested_brackets_fail_with_too_many_nested_parentheses()
    {
        var r = ParseQuickly(new string('(', 10_000) + new string(')', 10_000));
        Assert.Equal("too many nested parentheses", r.Errors[0].Message);
        r = ParseQuickly("x = " + new string('[', 10_000));
        Assert.False(r.Ok);
    }

    [Theory]
    [InlineData("not ", 100_000)]
    [InlineData("-", 100_000)]
    [InlineData("await ", 100_000)]
    [InlineData("lambda: ", 50_000)]
    [InlineData("a if b else ", 50_000)]
    public void Deep_prefix_chains_are_rejected_without_overflowing_the_stack(string prefix, int count)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++) sb.Append(prefix);
        sb.Append('x');
        var r = ParseQuickly(sb.ToString());
        Assert.False(r.Ok);
    }

    [Theory]
    [InlineData("+a")]
    [InlineData(".b")]
    [InlineData("(c)")]
    [InlineData("[0]")]
    public void Long_left_chains_are_bounded_so_recursive_walkers_stay_safe(string link)
    {
        var sb = new System.Text.StringBuilder("a");
        for (int i = 0; i < 100_000; i++) sb.Append(link);
        var r = ParseQuickly(sb.ToString());
        Assert.False(r.Ok);
    }

    [Fact]
    public void Moderate_chains_are_accepted_and_dumpable()
    {
        var src = "x = a" + string.Concat(Enumerable.Repeat(" + a", 2000)) + "\n";
        var r = ParseQuickly(src);
        Assert.True(r.Ok);
        // downstream walkers run on threads with at least 16 MB of stack
        string? dump = null;
        var t = new Thread(() => dump = AstDump.Dump(r.Module, r.Text), 16 * 1024 * 1024);
        t.Start();
        t.Join();
        Assert.StartsWith("Module(body=[Assign(", dump);
    }

    [Fact]
    public void A_large_single_line_file_parses_in_linear_time()
    {
        var sb = new System.Text.StringBuilder("x = [");
        while (sb.Length < 5_000_000) sb.Append("1, 'ab', c.d, ");
        sb.Append("]");
        var r = ParseQuickly(sb.ToString());
        Assert.True(r.Ok);
    }

    [Fact]
    public void A_file_of_nul_bytes_is_rejected()
    {
        var r = ParseQuickly(new string('\0', 100_000));
        Assert.Equal("source code cannot contain null bytes", r.Errors[0].Message);
    }
}
