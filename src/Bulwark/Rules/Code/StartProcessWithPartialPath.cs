using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B607 — a process started by a program name looked up in PATH.</summary>
public sealed class StartProcessWithPartialPath : CallRule
{
    /// <summary>
    /// A drive letter (`C:`) or a leading separator or dot: absolute or explicitly relative. A character check, not the
    /// non-backtracking expression `^(?:[A-Za-z]:|[\\/\.])` it replaces, which was built on first use and cost about
    /// 1% of a one-file scan's start-up.
    /// </summary>
    internal static bool IsFullPath(string program) =>
        program.Length > 0 && (program[0] is '\\' or '/' or '.' || (program.Length > 1 && char.IsAsciiLetter(program[0]) && program[1] == ':'));

    public override RuleInfo Info { get; } = new(
        Id: "B607", Name: "start-process-with-partial-path", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 78,
        What: """
            Calls to any process-starting function (the `subprocess`, `shell` and `no_shell` options) whose program, the
            first argument or the first element of a list argument, is a literal without a path (`"ls"`, `["git", …]`).
            """,
        Why: """
            The program is searched in `PATH`; whoever controls `PATH` or a directory early in it makes the application
            run their own binary.
            """,
        Example: """subprocess.run(["git", "pull"])""",
        Fix: """subprocess.run([shutil.which("git") or "/usr/bin/git", "pull"])""",
        References: [Bandit.Doc("B607", "start_process_with_partial_path"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S607"],
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "subprocess", "shell", "no_shell");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } name || call.PositionalCount == 0) return;
        if (!ShellFunctions.List(context, this, "subprocess").Contains(name) && !ShellFunctions.List(context, this, "shell").Contains(name)
            && !ShellFunctions.List(context, this, "no_shell").Contains(name)) return;
        Expr program = call.Node.Args[0];
        if (program is ListExpr { Elts.Count: > 0 } list) program = list.Elts[0];
        if (program is Constant { ValueKind: ConstantKind.Str } c && !IsFullPath(c.AsString!))
            context.Report(this, call.Node, $"Starting a process with a partial executable path (`{name}`): the program is looked up in PATH.");
    }
}
