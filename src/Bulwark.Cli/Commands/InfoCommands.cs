using System.CommandLine;
using Bulwark.Core;
using Bulwark.Reports;
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
            var infos = RuleCatalog.All.Select(x => x.Info).ToList();
            if (fmt == "json") RuleDocs.WriteRulesJson(infos, stdout);
            else stdout.Write(RuleDocs.RulesTable(infos));
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
            stdout.Write(RuleDocs.Explain(rule.Info));
            return ExitCodes.Clean;
        });
        return command;
    }
}

/// <summary>`bulwark version` (and `bulwark --version`).</summary>
public static class VersionCommand
{
    public static string Line => $"bulwark {BulwarkVersion.Current}";

    public static Command Create(TextWriter stdout)
    {
        var command = new Command("version", "Print Bulwark's version.");
        command.SetAction(_ => { stdout.WriteLine(Line); return ExitCodes.Clean; });
        return command;
    }
}
