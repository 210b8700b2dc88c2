using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>
/// The function lists shared by B602–B607 and B609 (Bandit's `shell_injection` options). Each rule declares the
/// same three options so any of them can be configured under its own id; the defaults are Bandit's.
/// </summary>
static class ShellFunctions
{
    public static readonly string[] Subprocess =
        ["subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run"];

    public static readonly string[] Shell =
    [
        "os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4",
        "popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
        "commands.getoutput", "commands.getstatusoutput", "subprocess.getoutput", "subprocess.getstatusoutput",
    ];

    public static readonly string[] NoShell =
    [
        "os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve", "os.execvp", "os.execvpe",
        "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe",
        "os.startfile",
    ];

    public static readonly IReadOnlyList<RuleOptionInfo> Options =
    [
        new("subprocess", RuleOptionType.StringList, Subprocess, "Functions that start a process and accept `shell=` (subprocess-like)."),
        new("shell", RuleOptionType.StringList, Shell, "Functions that always run their command through a shell."),
        new("no_shell", RuleOptionType.StringList, NoShell, "Functions that start a process without a shell."),
    ];

    public static IReadOnlyList<string> List(CodeContext context, IRule rule, string kind) => context.Options(rule).StringList(kind);

    /// <summary>
    /// The calls a rule that tests `call.QualifiedName` against these lists looks at: the lists of the given kinds as
    /// configured for it in this scan, so that other calls never reach it.
    /// </summary>
    public static CallInterest Interest(IRule rule, ScanSettings settings, params string[] kinds)
    {
        var options = new RuleOptions(rule.Info, settings.RuleOptionsFor(rule.Info.Id));
        var names = new List<string>();
        foreach (var kind in kinds) names.AddRange(options.StringList(kind));
        return new CallInterest { Names = names };
    }

    /// <summary>Bandit grades a shell command by its first argument: a plain string literal is low, anything built is high.</summary>
    public static bool CommandIsLiteral(Call call) => call.Args.Count > 0 && SemanticModel.IsLiteralString(call.Args[0]);
}
