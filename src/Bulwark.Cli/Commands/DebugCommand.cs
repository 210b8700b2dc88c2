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
        ast.SetAction(r => DebugAstCommand.Run(r.GetValue(files)!, r.GetValue(jsonl), stdout, stderr));

        var benchFiles = new Argument<string[]>("FILE") { Description = "Python files to parse.", Arity = ArgumentArity.OneOrMore };
        var parseBench = new Command("parse-bench", "Parse files single-threaded and report throughput (bench/parser/speed.sh).") { benchFiles };
        parseBench.SetAction(r => DebugAstCommand.RunBench(r.GetValue(benchFiles)!, stdout, stderr));

        var docsDir = new Argument<string>("DOCS_DIR") { Description = "The docs/ folder to write rules/*.md into." };
        var genDocs = new Command("gen-docs", "Regenerate docs/rules/*.md from the rules' metadata (docs/regenerate.sh).") { docsDir };
        genDocs.SetAction(r =>
        {
            int written = Bulwark.Reports.RuleDocs.GenerateDocs(r.GetValue(docsDir)!);
            stdout.WriteLine($"{written} rule pages written.");
            return ExitCodes.Clean;
        });

        var command = new Command("debug", "Developer tools.") { Hidden = true };
        command.Subcommands.Add(genDocs);
        command.Subcommands.Add(ast);
        command.Subcommands.Add(parseBench);
        return command;
    }

}
