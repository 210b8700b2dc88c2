using System.CommandLine;
using System.CommandLine.Invocation;
using Bulwark.Cli.Commands;

namespace Bulwark.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Buffered output: reports and `debug ast --jsonl` can be large, and Console.Out flushes on every write.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        ConsoleOut = stdout;
        try { return Run(args, stdout, new MessageWriter(Console.Error)); }
        finally { try { stdout.Flush(); } catch (IOException) { } }
    }

    /// <summary>The process's standard output writer (reports to it may use colour when it is a terminal).</summary>
    public static TextWriter? ConsoleOut { get; private set; }

    /// <summary>Runs the command line; usage errors are one line on stderr with exit code 2.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parsed = root.Parse(BareDesc(args));
        if (parsed.Errors.Count > 0 && !IsHelpOrVersion(args))
        {
            if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
            {
                var closest = Closest(args[0], root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                stderr.WriteLine($"bulwark: error: unknown command '{args[0]}'" +
                    (closest is null ? "" : $" (did you mean `bulwark {closest}`?)") + " (see `bulwark --help`)");
                return ExitCodes.Error;
            }
            stderr.WriteLine($"bulwark: error: {parsed.Errors[0].Message} (see `bulwark --help`)");
            return ExitCodes.Error;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"bulwark: internal error: {ex.GetType().Name}: {ex.Message} (please report this)");
            return ExitCodes.Error;
        }
    }

    /// <summary>
    /// `--desc` alone means `--desc on` (pip-audit's habit) even before a path: `scan --desc app` must not read `app` as
    /// the option's value, so a bare `--desc` not followed by on, off or auto becomes `--desc=on`.
    /// </summary>
    internal static string[] BareDesc(string[] args)
    {
        string[]? copy = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--") break;
            if (args[i] != "--desc") continue;
            if (i + 1 < args.Length && args[i + 1] is "on" or "off" or "auto") continue;
            copy ??= (string[])args.Clone();
            copy[i] = "--desc=on";
        }
        return copy ?? args;
    }

    static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version" or "-V");

    /// <summary>The name closest to <paramref name="word"/> by edit distance, when it is close enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var n in names)
        {
            int d = EditDistance(word.ToLowerInvariant(), n);
            if (d < bestDistance || d == bestDistance && string.CompareOrdinal(n, best) < 0) { best = n; bestDistance = d; }
        }
        return best is not null && (bestDistance <= Math.Max(2, best.Length / 3) || best.StartsWith(word, StringComparison.OrdinalIgnoreCase)) ? best : null;
    }

    static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Bulwark: a security auditor for Python applications. Finds unsafe code (every Bandit check, on a " +
            "semantic model), leaked secrets in every text file and the git history (never printed in full), " +
            "vulnerable or unpinned dependencies, and insecure CI/CD pipelines (GitHub Actions workflows and actions, " +
            "GitLab CI, Jenkinsfiles, pre-commit), and scores the project's security practices, in one offline run.");
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr));
        root.Subcommands.Add(BaselineCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(stdout, stderr));
        root.Subcommands.Add(VersionCommand.Create(stdout));
        root.Subcommands.Add(DebugCommand.Create(stdout, stderr));
        root.Subcommands.Add(DbCommand.Create(stdout, stderr));
        root.Subcommands.Add(FixDepsCommand.Create(stdout, stderr));
        root.Subcommands.Add(SbomCommand.Create(stdout, stderr));
        root.Subcommands.Add(PostureCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(HistoryCommand.Create(stdout, stderr));
        // `--version` prints what `bulwark version` prints (System.CommandLine's default appends the commit).
        foreach (var option in root.Options)
            if (option is VersionOption version)
            {
                version.Action = new PrintVersionAction(stdout);
                version.Aliases.Add("-V");
            }
        return root;
    }

    sealed class PrintVersionAction(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(VersionCommand.Line);
            return ExitCodes.Clean;
        }
    }
}

public static class ExitCodes
{
    /// <summary>Nothing at or above the thresholds.</summary>
    public const int Clean = 0;
    /// <summary>Findings reported.</summary>
    public const int Findings = 1;
    /// <summary>Usage, configuration or I/O error.</summary>
    public const int Error = 2;
}
