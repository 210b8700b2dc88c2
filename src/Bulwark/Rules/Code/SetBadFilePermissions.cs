using System.Numerics;
using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B103 — `chmod` with a mode that lets the group or others write or execute.</summary>
public sealed class SetBadFilePermissions : CallRule
{
    const int GroupWrite = 0x10, GroupExecute = 0x8, OtherWrite = 0x2, OtherExecute = 0x1;

    public override RuleInfo Info { get; } = new(
        Id: "B103", Name: "set-bad-file-permissions", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 732,
        What: """
            Calls to a `chmod` function (`os.chmod`, `os.fchmod`, `Path.chmod`, …) whose mode, evaluated at analysis
            time (literals, constants, `stat.S_I*` flags combined with `|`), grants write or execute permission to the
            group or to others. World-writable modes are high severity.
            """,
        Why: """
            A file others can write can be replaced or altered by any local user or compromised service; an executable
            others can run widens what they can do. Configuration, keys and scripts are the usual victims.
            """,
        Example: """os.chmod("/etc/app/key.pem", 0o777)""",
        Fix: """os.chmod("/etc/app/key.pem", 0o600)""",
        References: [Bandit.Doc("B103", "set_bad_file_permissions"), Bandit.Cwe(732)])
    {
        Compliance = Compliance.FilePermissions,
        Aliases = ["S103"],
        DifferencesFromBandit = """
            Bandit only reads a literal integer passed as the second of two positional arguments (kept under `--profile
            bandit`); the default profile also evaluates named constants, `stat` flags, a `mode=` keyword and
            `Path.chmod(mode)`.
            """,
    };

    /// <summary>Bandit looks at any call whose name contains `chmod`.</summary>
    public override CallInterest? Calls { get; } = new() { NameContains = ["chmod"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name is not { } name || !name.Contains("chmod", StringComparison.Ordinal)) return;
        BigInteger mode;
        if (context.Settings.Profile == RuleProfile.Bandit)
        {
            // Bandit reads only an integer literal given as the second of exactly two positional arguments.
            if (call.PositionalCount != 2 || call.Positional(1) is not Bulwark.Python.Syntax.Constant { ValueKind: Bulwark.Python.Syntax.ConstantKind.Int } literal) return;
            mode = literal.AsInt!.Value;
        }
        else
        {
            // chmod(path, mode) as a function; `path.chmod(mode)` as a method takes the mode first.
            var modeExpr = call.PositionalCount >= 2 ? call.Positional(1)
                : call.Keyword("mode")?.Value
                ?? (call.PositionalCount == 1 && call.Node.Func is Bulwark.Python.Syntax.AttributeExpr && call.QualifiedName is null ? call.Positional(0) : null);
            if (context.Semantic.IntValue(modeExpr) is not BigInteger value) return;
            mode = value;
        }
        int bits = (int)(mode & 0xFFF);
        if ((bits & (GroupWrite | GroupExecute | OtherWrite | OtherExecute)) == 0) return;
        var severity = (bits & OtherWrite) != 0 ? Severity.High : Severity.Medium;
        context.Report(this, call.Node, $"`chmod` sets the permissive mode {Octal(bits)}: {Describe(bits)}.", severity, Confidence.High);
    }

    static string Octal(int bits) => "0o" + Convert.ToString(bits, 8);

    static string Describe(int bits)
    {
        var parts = new List<string>();
        if ((bits & OtherWrite) != 0) parts.Add("anyone can write");
        if ((bits & OtherExecute) != 0) parts.Add("anyone can execute");
        if ((bits & GroupWrite) != 0) parts.Add("the group can write");
        if ((bits & GroupExecute) != 0) parts.Add("the group can execute");
        return string.Join(", ", parts);
    }
}
