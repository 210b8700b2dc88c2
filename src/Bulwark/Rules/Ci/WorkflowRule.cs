using Bulwark.Documents;
using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>A check on GitHub Actions workflows and, unless it says otherwise, action definitions.</summary>
public abstract class WorkflowRule : DocumentRule<ActionsDocument>
{
    protected static readonly FileKind[] WorkflowsAndActions = [FileKind.GitHubWorkflow, FileKind.GitHubAction];
    protected static readonly FileKind[] WorkflowsOnly = [FileKind.GitHubWorkflow];

    public override IReadOnlyList<FileKind> Kinds => WorkflowsAndActions;

    public override DocumentFormat FormatFor(FileKind kind) =>
        kind == FileKind.GitHubAction ? ActionsFormat.Action : ActionsFormat.Workflow;

    /// <summary>Reports a node, underlining only its first line (a step or a block is located by where it starts).</summary>
    protected void Report(DocumentContext context, ActionsDocument document, YamlNode node, string message,
        Severity? severity = null, Confidence? confidence = null, bool sensitive = false, string? fingerprintKey = null,
        IReadOnlyList<FlowStep>? related = null)
    {
        var (start, end) = FirstLine(document.Text, node);
        context.Report(this, start, end, message, severity, confidence, sensitive, fingerprintKey, related);
    }

    /// <summary>The node's span cut at the end of its first line (trailing spaces dropped).</summary>
    protected static (int Start, int End) FirstLine(string text, YamlNode node)
    {
        int start = Math.Clamp(node.Start, 0, text.Length);
        int end = Math.Clamp(node.End, start, text.Length);
        int nl = text.IndexOf('\n', start, end - start);
        if (nl >= 0) end = nl;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, Math.Max(end, start + 1 <= text.Length ? start + 1 : start));
    }

    /// <summary>Flow points as located steps of a finding.</summary>
    protected static List<FlowStep> Steps(DocumentContext context, IEnumerable<FlowPoint> points)
    {
        var result = new List<FlowStep>();
        foreach (var p in points) result.Add(new FlowStep(context.Locate(p.Start, p.End), p.Message));
        return result;
    }

    /// <summary>Every job's steps, in order.</summary>
    protected static IEnumerable<Step> AllSteps(ActionsDocument document)
    {
        foreach (var job in document.Jobs)
            foreach (var step in job.Steps)
                yield return step;
    }

    /// <summary>The text of an `if:` (job or step), without its `${{ }}` fence, lower-cased; empty when there is none.</summary>
    protected static string Condition(YamlNode? node) =>
        node is YamlScalar s ? (Expressions.Bare(s.Value) ?? s.Value).ToLowerInvariant() : "";
}
