using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Suppression comments on taint findings work as for the pattern rules: on any line of the sink's statement when it
/// spans several lines, never from inside a string.
/// </summary>
public class TaintSuppressionTests
{
    static ScanResult Scan(string code)
    {
        using var dir = new TempDir();
        dir.Write("app.py", "import sqlite3\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n" + code);
        return new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([dir.Path]));
    }

    [Theory]
    [InlineData("    rows = str(  # nosec\n        sqlite3.connect('a').execute(\"SELECT '%s'\" % request.args['n'])\n    )\n    return rows\n")]
    [InlineData("    rows = str(\n        sqlite3.connect('a').execute(\"SELECT '%s'\" % request.args['n'])\n    )  # noqa: INJ001\n    return rows\n")]
    [InlineData("    return str(sqlite3.connect('a').execute(  # nosec\n        \"SELECT '%s'\" % request.args['n']))\n")]
    [InlineData("    return str(sqlite3.connect('a').execute(\n        \"SELECT '%s'\" % request.args['n']))  # nosec\n")]
    [InlineData("    return str(sqlite3.connect('a').execute(\n        \"SELECT '%s'\" % request.args['n'],  # noqa: INJ001\n    ))\n")]
    [InlineData("    return str(sqlite3.connect('a').execute(\n        \"SELECT '%s'\" % request.args['n'],\n    ))  # nosec INJ001\n")]
    public void A_comment_on_any_line_of_the_sinks_statement_suppresses_the_flow(string body)
    {
        var result = Scan("@app.route('/u')\ndef user():\n" + body);
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Suppressed.Nosec + result.Suppressed.Inline);
    }

    [Theory]
    [InlineData("    return str(sqlite3.connect('a').execute(\n        \"SELECT '%s' -- # nosec\" % request.args['n']))\n")]
    [InlineData("    q = \"SELECT '%s'\" % request.args['n']  # nosec\n    return str(sqlite3.connect('a').execute(q))\n")]
    [InlineData("    return str(sqlite3.connect('a').execute(\n        \"SELECT '%s'\" % request.args['n']))  # noqa: INJ002\n")]
    public void A_comment_elsewhere_or_inside_a_string_or_for_another_rule_does_not(string body)
    {
        var result = Scan("@app.route('/u')\ndef user():\n" + body);
        Assert.Single(result.Findings);
    }
}

/// <summary>`bulwark debug taint` runs on the scan workers' large stack: deep code does not overflow it.</summary>
public class TaintDebugStackTests
{
    [Fact]
    public void Debug_taint_of_deeply_nested_code_runs_from_a_small_stack()
    {
        using var dir = new TempDir();
        // A 20000-term expression: a tree this deep overflows a small stack in the recursive passes.
        var deep = "import os\n\ndef f(y):\n    x = y" + string.Concat(Enumerable.Repeat(" + y", 20000)) + "\n    os.system(x)\n\nf(input())\n";
        var path = dir.Write("deep.py", deep);
        int code = -1;
        string output = "", errors = "";
        var thread = new Thread(() =>
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            code = Bulwark.Cli.Program.Run(["debug", "taint", path], stdout, stderr);
            output = stdout.ToString();
            errors = stderr.ToString();
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(code == 0, errors);
        Assert.Contains("flows (", output);
        Assert.Contains("summaries (2 functions analysed)", output); // the module and f were lowered and analysed
    }
}
