namespace Bulwark.Cli;

// Temporary dispatch for the parser's debug commands; the integrator replaces this with the System.CommandLine app.
static class Program
{
    static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "debug" && args[1] == "ast")
        {
            bool jsonl = false;
            var files = new List<string>();
            foreach (var a in args.Skip(2)) { if (a == "--jsonl") jsonl = true; else files.Add(a); }
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            int rc = Commands.DebugAstCommand.Run(files, jsonl, stdout, Console.Error);
            stdout.Flush();
            return rc;
        }
        if (args.Length >= 2 && args[0] == "debug" && args[1] == "parse-bench")
            return Commands.DebugAstCommand.RunBench(args.Skip(2).ToList(), Console.Out, Console.Error);
        return 0;
    }
}
