using Bulwark.Model;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B602 — a subprocess function called with `shell=True`.</summary>
public sealed class SubprocessPopenWithShell : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B602", Name: "subprocess-popen-with-shell-equals-true", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 78,
        What: "Calls to `subprocess` functions (`Popen`, `run`, `call`, `check_call`, `check_output`, and any configured) with `shell=True`.",
        Why: "With `shell=True` the command line is interpreted by `/bin/sh`: if any part of it comes from a user, metacharacters such as `;`, `|` or `$(...)` run commands of the attacker's choosing. A literal command is reported with low severity, as it is safe until someone formats input into it.",
        Example: "subprocess.run(f\"convert {upload} out.png\", shell=True)",
        Fix: "subprocess.run([\"convert\", upload, \"out.png\"])  # a list, no shell",
        References: ["https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html",
                     "https://docs.python.org/3/library/subprocess.html#security-considerations"])
    {
        Aliases = ["S602"],
        Options = [new RuleOptionInfo("subprocess", RuleOptionType.StringList,
            new[] { "subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run" },
            "Qualified names of functions that start a process and accept `shell=`.")],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    public override void Check(Node node, CodeContext context)
    {
        var call = (Call)node;
        var name = context.Semantic.QualifiedName(call.Func);
        if (name is null || !context.Options(this).StringList("subprocess").Contains(name)) return;
        if (!ShellIsTrue(call)) return;
        if (call.Args.Count > 0 && call.Args[0] is Constant { ValueKind: ConstantKind.Str })
            context.Report(this, call, $"`{name}` with `shell=True` runs a literal command through the shell; safe as written, but fragile.",
                Severity.Low, Confidence.High);
        else
            context.Report(this, call, $"`{name}` with `shell=True`: a command built from data can inject shell commands.");
    }

    /// <summary>Bandit's reading of `shell=`: a falsy literal (False, None, 0, '', [], {{}}) is off, anything else is on.</summary>
    static bool ShellIsTrue(Call call)
    {
        foreach (var kw in call.Keywords)
        {
            if (kw.Name != "shell") continue;
            return kw.Value switch
            {
                Constant c => c.ValueKind switch
                {
                    ConstantKind.False or ConstantKind.None => false,
                    ConstantKind.Int => !c.AsInt!.Value.IsZero,
                    ConstantKind.Str => c.AsString!.Length > 0,
                    _ => true,
                },
                ListExpr l => l.Elts.Count > 0,
                DictExpr d => d.Keys.Count > 0,
                _ => true,
            };
        }
        return false;
    }
}
