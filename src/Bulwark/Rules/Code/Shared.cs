using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>A rule on calls: receives the call already wrapped for semantic queries.</summary>
public abstract class CallRule : CodeRule
{
    public sealed override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    public sealed override void Check(Node node, CodeContext context) => Check(context.Semantic.Call((Call)node), context);

    protected abstract void Check(CallSite call, CodeContext context);
}

/// <summary>Where Bulwark follows Bandit's documentation and defaults.</summary>
static class Bandit
{
    public static string Doc(string id, string testName) =>
        $"https://bandit.readthedocs.io/en/latest/plugins/{id.ToLowerInvariant()}_{testName}.html";

    public static string Cwe(int n) => $"https://cwe.mitre.org/data/definitions/{n}.html";

    /// <summary>
    /// A list option whose Bulwark default differs from Bandit's: under `--profile bandit`, and unless the user
    /// configured it, Bandit's default applies so that results match Bandit's.
    /// </summary>
    public static IReadOnlyList<string> ListOption(CodeContext context, IRule rule, string name, IReadOnlyList<string> banditDefault)
    {
        var configured = context.Settings.RuleOptionsFor(rule.Info.Id);
        if (context.Settings.Profile == RuleProfile.Bandit && (configured is null || !configured.ContainsKey(name)))
            return banditDefault;
        return context.Options(rule).StringList(name);
    }

    /// <summary>A string constant in expression-statement position is a docstring (or inert); Bandit's string checks skip it.</summary>
    public static bool IsDocstringLike(Constant c, SemanticModel model) => model.Parent(c) is ExprStmt;
}

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

    /// <summary>Bandit grades a shell command by its first argument: a plain string literal is low, anything built is high.</summary>
    public static bool CommandIsLiteral(Call call) => call.Args.Count > 0 && SemanticModel.IsLiteralString(call.Args[0]);
}
