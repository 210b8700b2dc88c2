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

        var taintPaths = new Argument<string[]>("PATH") { Description = "Python files or directories (one small project).", Arity = ArgumentArity.OneOrMore };
        var showIr = new Option<bool>("--ir") { Description = "Also print each function's lowered IR (its facts)." };
        var taint = new Command("taint", "Print the taint analysis of a small project: entry points, function summaries and flows.") { taintPaths, showIr };
        taint.SetAction(r =>
        {
            try
            {
                Bulwark.Engine.TaintDebug.Write(r.GetValue(taintPaths)!, new Bulwark.Core.ScanSettings(), r.GetValue(showIr), stdout);
                return ExitCodes.Clean;
            }
            catch (Bulwark.Core.ConfigException ex) { stderr.WriteLine($"bulwark: error: {ex.Message}"); return ExitCodes.Error; }
            catch (IOException ex) { stderr.WriteLine($"bulwark: error: {ex.Message}"); return ExitCodes.Error; }
        });

        var command = new Command("debug", "Developer tools.") { Hidden = true };
        command.Subcommands.Add(taint);
        command.Subcommands.Add(genDocs);
        command.Subcommands.Add(ast);
        command.Subcommands.Add(parseBench);
        return command;
    }

}
