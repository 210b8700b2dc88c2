using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>Shapes of ordinary code the lowering once failed on (the file's flows were lost with a warning).</summary>
public class TaintLoweringTests
{
    [Fact]
    public void A_function_that_stores_and_deletes_undeclared_globals_is_lowered()
    {
        // From PLY's yacc.py: building the function's body while the module's shared variables were being
        // enumerated added the `global` definitions to that list ("Collection was modified").
        using var dir = new TempDir();
        dir.Write("app.py", """
            import sqlite3
            from flask import Flask, request

            app = Flask(__name__)

            def call_errorfunc(errorfunc, token, parser):
                global _errok, _token
                _errok = parser.errok
                _token = parser.token
                r = errorfunc(token)
                try:
                    del _errok, _token
                except NameError:
                    pass
                return r

            @app.route("/u")
            def user():
                return str(sqlite3.connect("a").execute("SELECT '%s'" % request.args["n"]))
            """);
        var result = new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([dir.Path]));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("was not analysed"));
        Assert.Single(result.Findings);
    }
}
