using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Tests.Reports;

/// <summary>Hand-made rules and a scan result that exercise every reporter feature.</summary>
internal static class ReportFixtures
{
    public static readonly RuleInfo ShellTrue = new(
        "B602", "subprocess-popen-with-shell-equals-true", Family.Code, Severity.High, Confidence.High, 78,
        What: "Flags subprocess calls that pass shell=True. The command string is handed to /bin/sh.",
        Why: "A shell interprets metacharacters, so any part of the command that comes from outside can run other commands.",
        Example: "import subprocess\nsubprocess.Popen(cmd, shell=True)\n",
        Fix: "Pass a list of arguments and leave shell at its default:\n\n- `subprocess.run([\"ls\", path])`\n- quote with `shlex.quote` only when a shell is unavoidable",
        References: ["https://docs.python.org/3/library/subprocess.html#security-considerations"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S602"],
        Options = [new RuleOptionInfo("shell-functions", RuleOptionType.StringList, new[] { "os.system", "os.popen" }, "Extra callables treated like a shell."),
                   new RuleOptionInfo("check-literals", RuleOptionType.Bool, false, "Also report commands that are string literals.")],
        DifferencesFromBandit = "Bandit grades a literal command as low severity; Bulwark does not report literals unless check-literals is set.",
    };

    public static readonly RuleInfo SqlInjection = new(
        "PYT101", "sql-injection", Family.Injection, Severity.Critical, Confidence.Medium, 89,
        What: "Tracks request data into SQL query strings executed with a DB-API cursor.",
        Why: "Attacker-controlled SQL reads or changes any data the application can reach.",
        Example: "cur.execute(\"SELECT * FROM t WHERE id = '%s'\" % request.args[\"id\"])",
        Fix: "Use query parameters: `cur.execute(\"SELECT * FROM t WHERE id = %s\", (id,))`.",
        References: []) { Profiles = RuleProfile.Default, Compliance = Compliance.Injection };

    public static readonly RuleInfo AwsKey = new(
        "SEC001", "aws-access-key-id", Family.Secrets, Severity.Critical, Confidence.High, 798,
        What: "Finds AWS access key ids committed to source.",
        Why: "A leaked key grants access to the account until it is rotated.",
        Example: "AWS_KEY = \"AKIA...\"",
        Fix: "Rotate the key, then load it from the environment or a secrets manager.",
        References: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"])
    { Compliance = Compliance.HardcodedCredentials };

    public static readonly RuleInfo VulnerableDependency = new(
        "DEP001", "vulnerable-dependency", Family.Dependencies, Severity.Medium, Confidence.High, 1395,
        What: "Reports pinned requirements with a known advisory.",
        Why: "Known vulnerabilities are the first thing attackers try.",
        Example: "requests==2.19.0",
        Fix: "Upgrade to a fixed version.",
        References: []) { Profiles = RuleProfile.None, Compliance = Compliance.VulnerableComponent };

    /// <summary>A rule that ran but found nothing: it must still get a SARIF descriptor.</summary>
    public static readonly RuleInfo Quiet = new(
        "CI001", "unpinned-action", Family.Ci, Severity.Low, Confidence.Low, null,
        What: "Finds workflow steps that use an action by tag instead of commit.",
        Why: "A tag can be moved to malicious code.",
        Example: "- uses: actions/checkout@v4",
        Fix: "Pin to a full commit SHA.",
        References: []) { Compliance = Compliance.UnpinnedComponent };

    public static IReadOnlyList<RuleInfo> AllRules => [Quiet, VulnerableDependency, ShellTrue, SqlInjection, AwsKey];

    public static ScanResult Sample() => new()
    {
        Root = "/home/dev/projét",
        Rules = AllRules,
        FilesScanned = 42,
        FilesSkipped = 2,
        Suppressed = new SuppressionCounts(1, 2, 3, 4),
        Warnings = ["advisory database is 40 days old; run `bulwark db update`"],
        Elapsed = TimeSpan.FromMilliseconds(1234.5),
        ToolVersion = "0.1.0",
        Findings =
        [
            new Finding
            {
                Rule = AwsKey, Severity = Severity.Critical, Confidence = Confidence.High,
                Message = "AWS access key id in source",
                Location = new Location("config/settings.py", 7, 11, 7, 33),
                Snippet = "AWS_KEY = \"AKIA************MPLE\"",
                Sensitive = true, Fingerprint = "f-secret",
            },
            new Finding
            {
                Rule = VulnerableDependency, Severity = Severity.High, Confidence = Confidence.High,
                Message = "requests 2.19.0 has 2 known vulnerabilities",
                Location = Location.WholeFile("requirements.txt"),
                Fingerprint = "f-dep",
                Properties = new Dictionary<string, PropertyValue>
                {
                    ["package"] = "requests", ["installed"] = "2.19.0", ["advisories"] = new[] { "GHSA-x84v-xcm2-53pg", "PYSEC-2018-28" },
                    ["cvss"] = 7.5, ["count"] = 2L, ["direct"] = true,
                },
            },
            new Finding
            {
                Rule = ShellTrue, Severity = Severity.High, Confidence = Confidence.High,
                Message = "subprocess call with shell=True",
                Location = new Location("src/app.py", 12, 5, 12, 38),
                Snippet = "    subprocess.Popen(cmd, shell=True)",
                Related = [new FlowStep(new Location("src/app.py", 3, 1, 3, 4), "cmd is assigned here")],
                Fingerprint = "f-shell",
            },
            new Finding
            {
                Rule = SqlInjection, Severity = Severity.Critical, Confidence = Confidence.Medium,
                Message = "requête SQL construite à partir de request.args",
                Location = new Location("src/vues/café.py", 20, 5, 22, 6),
                Snippet = "    cur.execute(\n        \"SELECT * FROM t WHERE id = '%s'\" % ident\n    )",
                Flow =
                [
                    new FlowStep(new Location("src/vues/café.py", 17, 13, 17, 25), "source: request.args"),
                    new FlowStep(new Location("src/vues/café.py", 18, 5, 18, 10), "assigned to ident"),
                    new FlowStep(new Location("src/vues/café.py", 20, 5, 22, 6), "sink: cursor.execute"),
                ],
                Fingerprint = "f-sql",
                Properties = new Dictionary<string, PropertyValue> { ["sink"] = "cursor.execute" },
            },
        ],
    };

    public static ScanResult Empty() => new()
    {
        Root = "/srv/empty",
        Rules = [ShellTrue],
        Findings = [],
        FilesScanned = 1,
        Elapsed = TimeSpan.FromMilliseconds(20),
        ToolVersion = "0.1.0",
    };

    public static string Render(Bulwark.Reports.ReportFormat format, ScanResult result, Bulwark.Reports.ReportOptions? options = null)
    {
        var sw = new StringWriter { NewLine = "\n" };
        Bulwark.Reports.Reporters.Create(format, options).Write(result, sw);
        return sw.ToString();
    }

    public static string RepoRoot() => Bulwark.Tests.Support.RepoPaths.RepoRoot;
}
