using System.CommandLine;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark debug …`: tools for developers and conformance runs.</summary>
public static class DebugCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "Python files to parse.", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per file: {\"path\",\"ok\",\"dump\"|\"error\"}." };
        var ast = new Command("ast", "Print each file's tree exactly as CPython 3.13's ast.dump(ast.parse(src), include_attributes=True).") { files, jsonl };
        ast.SetAction(r => RunAst(r.GetValue(files)!, r.GetValue(jsonl), stdout, stderr));

        var command = new Command("debug", "Developer tools.") { Hidden = true };
        command.Subcommands.Add(ast);
        return command;
    }

    static int RunAst(IReadOnlyList<string> files, bool jsonl, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("bulwark: error: the parser is not available in this build");
        return ExitCodes.Error;
    }
}
