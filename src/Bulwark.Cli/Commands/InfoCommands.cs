using System.CommandLine;
using Bulwark.Engine;
using Bulwark.Model;
using Bulwark.Rules;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark rules [--format json]`: every rule with its metadata.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("rules", "List every rule with its id, family, default severity and confidence.") { format };
        command.SetAction(r =>
        {
            var fmt = r.GetValue(format);
            if (fmt is not ("text" or "json")) { stderr.WriteLine($"bulwark: error: unknown format '{fmt}' (text or json)"); return ExitCodes.Error; }
            foreach (var rule in RuleCatalog.All)
            {
                var i = rule.Info;
                stdout.WriteLine($"{i.Id,-8} {i.Name,-45} {i.Family.Name(),-13} {i.Severity.Name(),-8} {i.Confidence.Name(),-6} {(i.Cwe is { } c ? "CWE-" + c : "")}");
            }
            return ExitCodes.Clean;
        });
        return command;
    }
}

/// <summary>`bulwark explain ID`: a rule's documentation.</summary>
public static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("RULE") { Description = "Rule id (B602), Ruff code (S602) or name." };
        var command = new Command("explain", "Show a rule's documentation: what it finds, why it matters, an example and the fix.") { id };
        command.SetAction(r =>
        {
            var key = r.GetValue(id)!;
            var rule = RuleCatalog.Find(key) ?? RuleCatalog.All.FirstOrDefault(x => x.Info.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (rule is null) { stderr.WriteLine($"bulwark: error: unknown rule '{key}' (see `bulwark rules`)"); return ExitCodes.Error; }
            var i = rule.Info;
            stdout.WriteLine($"{i.Id} {i.Name}\n\n{i.What}\n\n{i.Why}\n\nExample:\n{i.Example}\n\nFix:\n{i.Fix}");
            return ExitCodes.Clean;
        });
        return command;
    }
}

/// <summary>`bulwark version`.</summary>
public static class VersionCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("version", "Print Bulwark's version.");
        command.SetAction(_ => { stdout.WriteLine($"bulwark {BulwarkVersion.Current}"); return ExitCodes.Clean; });
        return command;
    }
}
