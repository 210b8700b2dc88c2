using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B609 — a shell command that applies `chown`, `chmod`, `tar` or `rsync` to a `*` wildcard.</summary>
public sealed class LinuxCommandsWildcardInjection : CallRule
{
    static readonly string[] Vulnerable = ["chown", "chmod", "tar", "rsync"];

    public override RuleInfo Info { get; } = new(
        Id: "B609", Name: "linux-commands-wildcard-injection", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 155,
        What: """
            Commands run through a shell (the `shell` functions, or `subprocess` functions with `shell=True`) whose
            command, evaluated at analysis time, uses `chown`, `chmod`, `tar` or `rsync` together with a `*` wildcard.
            """,
        Why: """
            The shell expands `*` to file names, and a file named like an option (`--checkpoint-action=exec=sh x.sh` for
            tar, `--reference=…` for chown) is taken as one: whoever can create files in the directory runs commands or
            changes permissions.
            """,
        Example: """os.system("tar cf backup.tar *")""",
        Fix: """subprocess.run(["tar", "cf", "backup.tar", "--", *os.listdir(".")])""",
        References: [Bandit.Doc("B609", "linux_commands_wildcard_injection"), Bandit.Cwe(155)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S609"],
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "shell", "subprocess");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } name || call.PositionalCount == 0) return;
        bool shell = ShellFunctions.List(context, this, "shell").Contains(name)
            || (ShellFunctions.List(context, this, "subprocess").Contains(name) && call.Keyword("shell") is { } k && context.Semantic.Evaluate(k.Value) is { IsTrue: true });
        if (!shell) return;
        var command = context.Semantic.Evaluate(call.Node.Args[0]);
        string text = "";
        if (command?.AsString is { } s) text = s;
        else if (command?.Items is { } items)
            foreach (var item in items) text += " " + (item?.ToPythonString() ?? "");
        if (!text.Contains('*')) return;
        foreach (var v in Vulnerable)
            if (text.Contains(v, StringComparison.Ordinal))
            {
                context.Report(this, call.Node, $"Possible wildcard injection in a `{v}` command run through a shell (`{name}`).");
                return;
            }
    }
}
