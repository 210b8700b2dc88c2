using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ002 — OS command injection: attacker-controlled data reaching a `command` sink unsanitised.</summary>
public sealed class CommandInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ002", Name: "command-injection", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 78,
        What: """
            Request data (or command-line input) that reaches an operating-system command: `os.system`, `os.popen`, `subprocess` with `shell=True` or with a program chosen by the data (including `["sh", "-c", command]`), `os.exec*`/`os.spawn*` programs, `asyncio.create_subprocess_shell`. Arguments passed as separate list elements without a shell, and `shlex.quote`d values, are safe.
            """,
        Why: """
            A shell interprets metacharacters (`;`, `|`, `$(...)`, backquotes): a value spliced into a command line runs commands of the attacker's choosing with the application's privileges; a value that chooses the program runs any program.
            """,
        Example: "host = request.args[\"host\"]\nsubprocess.run(f\"ping -c 1 {host}\", shell=True)",
        Fix: "host = request.args[\"host\"]\nsubprocess.run([\"ping\", \"-c\", \"1\", host])",
        References: ["https://cwe.mitre.org/data/definitions/78.html",
                     "https://docs.python.org/3/library/subprocess.html#security-considerations"])
    {
        Aliases = ["B602", "B605", "S602", "S605"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B602–B607 report every process start by its shape (`shell=True`, a partial path), whether or not anything untrusted reaches it. This rule reports only commands an attacker can influence, with the path; in the default profile it replaces those findings on the same lines.
            """,
    };

    public override string SinkKind => "command";
    public override string Weakness => "OS command injection";

    public override IReadOnlyList<string> Replaces { get; } = ["B602", "B603", "B604", "B605", "B606", "B607", "B609"];
}
