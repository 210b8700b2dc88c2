using Bulwark.Python.Syntax;
using Assert = Xunit.Assert;

namespace Bulwark.Python.Tests;

/// <summary>
/// After a line the tokenizer cannot read, the parser goes on at the next line: code after a Python 2 literal, a
/// stray character or an unterminated string is still in the tree, while the first error stays CPython's.
/// </summary>
public class RecoveryTests
{
    /// <summary>Names of every function called anywhere in the recovered tree (`os.system` gives `system`).</summary>
    static List<string> CalledNames(Module m)
    {
        var names = new List<string>();
        new CallCollector(names).Visit(m);
        return names;
    }

    sealed class CallCollector(List<string> names) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (node is Call c) names.Add(c.Func switch { Name n => n.Id, AttributeExpr a => a.Attr, _ => "?" });
            node.WalkChildren(this);
        }
    }

    [Theory]
    [InlineData("x = $\nos.system(cmd)\n", "invalid syntax")]
    [InlineData("mode = 0777\nos.system(cmd)\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("s = \"unterminated\nos.system(cmd)\n", "unterminated string literal (detected at line 1)")]
    [InlineData("s = '''never closed\nos.system(cmd)\n", "unterminated triple-quoted string literal (detected at line 2)")]
    [InlineData("print 'py2'\nx = `y`\nos.system(cmd)\n", "Missing parentheses in call to 'print'. Did you mean print(...)?")]
    [InlineData("x = 1 ?\nos.system(cmd)\n", "invalid syntax")]
    [InlineData("f = open(\nos.system(cmd)\n", "'(' was never closed")]
    [InlineData("x = [1, 2)\nos.system(cmd)\n", "closing parenthesis ')' does not match opening parenthesis '['")]
    public void Code_after_a_tokenizer_error_is_still_parsed(string source, string firstError)
    {
        var r = PythonParser.Parse(source);
        Assert.False(r.Ok);
        Assert.Equal(firstError, r.Errors[0].Message);
        Assert.Contains("system", CalledNames(r.Module));
    }

    [Fact]
    public void Every_statement_after_several_bad_lines_survives()
    {
        var source = "import os\nx = $\nos.system(a)\nmode = 0777\neval(b)\ns = \"open\nexec(c)\nt = (\npickle.loads(d)\n";
        var r = PythonParser.Parse(source);
        Assert.False(r.Ok);
        var called = CalledNames(r.Module);
        Assert.Contains("system", called);
        Assert.Contains("eval", called);
        Assert.Contains("exec", called);
        Assert.Contains("loads", called);
        Assert.True(r.Errors.Count >= 3, string.Join("; ", r.Errors));
    }

    [Fact]
    public void A_bad_line_inside_a_function_keeps_the_rest_of_the_function_nested()
    {
        var r = PythonParser.Parse("def f():\n    x = $\n    os.system(cmd)\n\ndef g():\n    eval(y)\n");
        var f = Assert.IsType<FunctionDef>(r.Module.Body[0]);
        Assert.Contains("system", CalledNames(new Module(f.Body, []) { Start = 0, End = 0 }));
        Assert.Contains(r.Module.Body, s => s is FunctionDef { Name: "g" });
    }

    [Fact]
    public void Inconsistent_indentation_is_reported_and_the_block_still_parsed()
    {
        var r = PythonParser.Parse("def f():\n        a = 1\n    os.system(cmd)\n");
        Assert.False(r.Ok);
        Assert.Equal("unindent does not match any outer indentation level", r.Errors[0].Message);
        Assert.Contains("system", CalledNames(r.Module));
    }

    [Fact]
    public void Tabs_and_spaces_mixed_inconsistently_still_give_a_tree()
    {
        var r = PythonParser.Parse("if x:\n\ta = 1\n        os.system(cmd)\n");
        Assert.False(r.Ok);
        Assert.Equal("inconsistent use of tabs and spaces in indentation", r.Errors[0].Message);
        Assert.Contains("system", CalledNames(r.Module));
    }

    [Fact]
    public void Many_unclosed_brackets_stay_linear()
    {
        var source = string.Concat(Enumerable.Repeat("f(\n", 20_000)) + "os.system(cmd)\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = PythonParser.Parse(source);
        Assert.False(r.Ok);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(r.Errors.Count <= 1000);
    }

    [Fact]
    public void A_garbage_file_gives_bounded_diagnostics()
    {
        var source = string.Concat(Enumerable.Repeat("$$ ?? `` \n", 50_000));
        var r = PythonParser.Parse(source);
        Assert.False(r.Ok);
        Assert.InRange(r.Errors.Count, 1, 1000);
    }
}
