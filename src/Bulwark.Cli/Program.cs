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
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !IsHelpOrVersion(args))
        {
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

    static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");

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
        // `--version` prints what `bulwark version` prints (System.CommandLine's default appends the commit).
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersionAction(stdout);
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
