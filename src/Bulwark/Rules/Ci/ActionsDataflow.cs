using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>A place a tainted value passes through on its way to the sink (an `env:` entry, a step output…).</summary>
public readonly record struct FlowPoint(int Start, int End, string Message);

/// <summary>An attacker-controllable value: what it is, who controls it, how bad an injection of it is, and how it got here.</summary>
public sealed record Taint(string Source, ContextAuthor Author, Severity Severity, Confidence Confidence, IReadOnlyList<FlowPoint> Path)
{
    public Taint Through(FlowPoint point) => this with { Path = [point, .. Path] };
}

/// <summary>
/// Where the text of an expression can come from in a GitHub Actions document: the capability table for
/// `github.*`, declared inputs and their types, and, one hop at a time, `env.*` entries, step outputs written
/// from tainted values, job outputs and the outputs of a few well-known actions. Anything it cannot follow is
/// treated as not attacker-controlled: a finding must rest on a flow Bulwark can show.
/// </summary>
public sealed class ActionsDataflow(ActionsDocument document)
{
    const int MaxHops = 6;

    /// <summary>Outputs of well-known actions that carry attacker-chosen text (file or branch names of a pull request, comment bodies).</summary>
    static readonly (string Action, string OutputPattern, string What)[] KnownOutputs =
    [
        ("tj-actions/changed-files", "*files*", "file names changed by the pull request"),
        ("tj-actions/branch-names", "*", "a branch name"),
        ("dorny/paths-filter", "*_files", "file names changed by the pull request"),
        ("peter-evans/find-comment", "comment-body", "a comment's body"),
        ("xt0rted/pull-request-comment-branch", "head_ref", "the pull request's branch name"),
        ("eficode/resolve-pr-refs", "head_ref", "the pull request's branch name"),
    ];

    public ActionsDocument Document { get; } = document;

    /// <summary>The taint of a context referenced inside an expression evaluated for <paramref name="step"/> of <paramref name="job"/>.</summary>
    public Taint? TaintOf(ContextPath path, Job job, Step? step) => TaintOf(path, job, step, 0);

    /// <summary>The worst taint among the values an expression can produce.</summary>
    public Taint? TaintOfExpression(Expr expr, Job job, Step? step) => TaintOfExpression(expr, job, step, 0);

    /// <summary>The taint of a shell variable the step reads (`$TITLE`), through the `env:` that defines it.</summary>
    public Taint? TaintOfVariable(string name, Job job, Step step) => TaintOfEnv(name, job, step, 0);

    /// <summary>The `env:` entry that defines <paramref name="name"/> for the step (step, then job, then workflow), or null.</summary>
    public (YamlScalar Key, YamlNode Value)? EnvEntry(string name, Job job, Step? step)
    {
        foreach (var env in new[] { step?.Env, job.Env, Document.Env })
        {
            if (env is null) continue;
            // Context property names are case-insensitive (`env.issue_title` reads `ISSUE_TITLE`); exact spelling wins.
            (YamlScalar, YamlNode)? loose = null;
            foreach (var (k, v) in env.Pairs())
            {
                if (k.Value == name) return (k, v);
                if (loose is null && k.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) loose = (k, v);
            }
            if (loose is not null) return loose;
        }
        return null;
    }

    Taint? TaintOfExpression(Expr expr, Job job, Step? step, int hops)
    {
        Taint? worst = null;
        foreach (var source in Expressions.ValueSources(expr))
            worst = Worse(worst, TaintOf(source, job, step, hops));
        return worst;
    }

    Taint? TaintOf(ContextPath path, Job job, Step? step, int hops)
    {
        if (hops > MaxHops) return null;
        switch (path.Root)
        {
            case "github":
                if (path.StartsWith("github", "event", "inputs") && path.Segments.Count >= 4)
                    return InputTaint(path.Segments[3], path);
                return GitHubTaint(path);
            case "inputs":
                return path.Segments.Count >= 2 ? InputTaint(path.Segments[1], path) : null;
            case "env":
                return path.Segments.Count == 2 ? TaintOfEnv(path.Segments[1], job, step, hops) : null;
            case "steps":
                return path.Segments.Count == 4 && path.Segments[2] == "outputs" ? StepOutputTaint(path.Segments[1], path.Segments[3], job, step, hops) : null;
            case "needs":
                return path.Segments.Count == 4 && path.Segments[2] == "outputs" ? JobOutputTaint(path.Segments[1], path.Segments[3], job, hops) : null;
            default:
                return null; // secrets, vars, matrix, runner, job, strategy: not chosen by an outsider
        }
    }

    Taint? GitHubTaint(ContextPath path)
    {
        var row = GitHubContexts.Lookup(path, out bool whole);
        if (row is null) return null;
        var events = RelevantEvents(row);
        if (events is null) return null; // no trigger of this workflow fills the context
        var what = whole ? $"`{path}` (an object holding {row.What})" : $"`{path}` ({row.What})";
        if (row.Author == ContextAuthor.Collaborator)
            return new Taint(what + ", set by whoever can trigger the workflow", row.Author, Severity.Low, Confidence.Medium, []);
        if (!Document.IsWorkflow)
            return new Taint(what, row.Author, Severity.High, Confidence.Medium, []);
        // Only pull_request-like events: a fork's run has a read-only token and no secrets, so the damage is limited.
        bool unprivilegedOnly = events.Count > 0 && events.All(GitHubContexts.UnprivilegedPullRequestEvents.Contains);
        return new Taint(what, row.Author, unprivilegedOnly ? Severity.Medium : Severity.High, Confidence.High, []);
    }

    /// <summary>The workflow's triggers that fill a row's context; empty when any may (reusable workflows, actions); null when none does.</summary>
    List<string>? RelevantEvents(ContextCapability row)
    {
        if (!Document.IsWorkflow || row.Events.Length == 0 || Document.HasTrigger("workflow_call")) return [];
        var result = new List<string>();
        foreach (var t in Document.Triggers)
            if (row.Events.Contains(t.Event)) result.Add(t.Event);
        return result.Count > 0 ? result : null;
    }

    Taint? InputTaint(string name, ContextPath path)
    {
        Document.Inputs.TryGetValue(name, out var declared);
        if (declared is null)
            foreach (var (k, v) in Document.Inputs)
                if (k.Equals(name, StringComparison.OrdinalIgnoreCase)) { declared = v; break; }
        if (declared is not null && declared.Type is "boolean" or "number" or "choice" or "environment") return null;
        var what = $"`{path}`";
        if (!Document.IsWorkflow)
            return new Taint(what + " (an input of this action: whatever the calling workflow passes, possibly an issue title or a branch name)",
                ContextAuthor.Anyone, Severity.Medium, Confidence.Medium, []);
        if (declared?.Source == "workflow_call" || (declared is null && Document.HasTrigger("workflow_call")))
            return new Taint(what + " (an input of this reusable workflow: whatever the caller passes)",
                ContextAuthor.Anyone, Severity.Medium, Confidence.Low, []);
        if (declared is null && !Document.HasTrigger("workflow_dispatch")) return null;
        return new Taint(what + " (a workflow_dispatch input, typed by whoever runs the workflow)",
            ContextAuthor.Collaborator, Severity.Low, Confidence.Medium, []);
    }

    Taint? TaintOfEnv(string name, Job job, Step? step, int hops)
    {
        if (EnvEntry(name, job, step) is not { } entry || entry.Value is not YamlScalar value) return null;
        // A step's env is evaluated in that step; the job's and workflow's before any step.
        var taint = TaintOfText(value, job, step, hops + 1);
        return taint?.Through(new FlowPoint(entry.Key.Start, value.End, $"`{entry.Key.Value}` is set from {taint.Source} here"));
    }

    /// <summary>The worst taint of the expressions inside a scalar's source text.</summary>
    public Taint? TaintOfText(YamlScalar scalar, Job job, Step? step) => TaintOfText(scalar, job, step, 0);

    Taint? TaintOfText(YamlScalar scalar, Job job, Step? step, int hops)
    {
        Taint? worst = null;
        var text = Document.Text;
        foreach (var span in Expressions.Find(text, scalar.Start, Math.Min(scalar.End, text.Length)))
            if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is { } expr)
                worst = Worse(worst, TaintOfExpression(expr, job, step, hops));
        return worst;
    }

    Taint? StepOutputTaint(string stepId, string output, Job job, Step? reader, int hops)
    {
        var producer = job.StepWithId(stepId);
        if (producer is null || (reader is not null && producer.Index >= reader.Index)) return null;
        if (producer.Uses is { } uses)
        {
            foreach (var (action, pattern, what) in KnownOutputs)
                if (uses.Is(action) && Wildcard(pattern, output))
                    return new Taint($"`steps.{stepId}.outputs.{output}` ({what}, from {action})", ContextAuthor.Anyone,
                        Severity.High, Confidence.Medium, [new FlowPoint(producer.UsesNode!.Start, producer.UsesNode.End, $"{action} produces {what} here")]);
            return null;
        }
        if (producer.Run is not { } run) return null;
        foreach (var (line, taint) in ScriptTaint(run, job, producer, hops + 1))
        {
            if (!string.Equals(ShellScript.OutputWritten(line.Text), output, StringComparison.OrdinalIgnoreCase)) continue;
            if (taint is not null)
            {
                int indent = line.Text.Length - line.Text.TrimStart().Length;
                return taint.Through(new FlowPoint(line.Start + indent, line.End, $"step `{stepId}` writes {taint.Source} to its output `{output}` here"));
            }
        }
        return null;
    }

    /// <summary>The worst taint a script line carries: through `${{ }}` expressions or shell variables defined from them.</summary>
    public Taint? TaintOfLine(ScriptLine line, Job job, Step step) => TaintOfLine(line, job, step, 0, null);

    Taint? TaintOfLine(ScriptLine line, Job job, Step step, int hops, Dictionary<string, Taint>? local)
    {
        Taint? worst = null;
        var text = Document.Text;
        foreach (var span in Expressions.Find(text, line.Start, line.End))
            if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is { } expr)
                worst = Worse(worst, TaintOfExpression(expr, job, step, hops));
        foreach (var (name, _, _) in ShellScript.VariableReferences(line.Text))
            worst = Worse(worst, local is not null && local.TryGetValue(name, out var t) ? t : TaintOfEnv(name, job, step, hops));
        return worst;
    }

    /// <summary>
    /// Each line of a `run:` script with the taint it carries, following the script's own assignments in order:
    /// after `msg=$(echo "$TITLE" | cut -c1-20)`, `$msg` carries the title too.
    /// </summary>
    public IEnumerable<(ScriptLine Line, Taint? Taint)> ScriptTaint(YamlScalar run, Job job, Step step) => ScriptTaint(run, job, step, 0);

    IEnumerable<(ScriptLine Line, Taint? Taint)> ScriptTaint(YamlScalar run, Job job, Step step, int hops)
    {
        var local = new Dictionary<string, Taint>(StringComparer.Ordinal);
        var text = Document.Text;
        foreach (var line in ShellScript.Lines(text, run.Start, Math.Min(run.End, text.Length)))
        {
            var taint = TaintOfLine(line, job, step, hops, local);
            if (ShellScript.Assignment(ShellScript.WithoutComment(line.Text)) is { } assigned)
            {
                if (taint is not null)
                {
                    int indent = line.Text.Length - line.Text.TrimStart().Length;
                    local[assigned] = taint.Through(new FlowPoint(line.Start + indent, line.End, $"`${assigned}` is set from {taint.Source} here"));
                }
                else local.Remove(assigned);
            }
            yield return (line, taint);
        }
    }

    Taint? JobOutputTaint(string jobId, string output, Job reader, int hops)
    {
        var producer = Document.JobNamed(jobId);
        if (producer is null || ReferenceEquals(producer, reader) || producer.Outputs is not { } outputs) return null;
        foreach (var (k, v) in outputs.Pairs())
        {
            if (!k.Value.Equals(output, StringComparison.OrdinalIgnoreCase) || v is not YamlScalar value) continue;
            var taint = TaintOfText(value, producer, null, hops + 1);
            return taint?.Through(new FlowPoint(k.Start, value.End, $"job `{jobId}` exposes {taint.Source} as its output `{output}` here"));
        }
        return null;
    }

    static bool Wildcard(string pattern, string value)
    {
        if (pattern == "*") return true;
        bool starts = pattern.StartsWith('*'), ends = pattern.EndsWith('*');
        var core = pattern.Trim('*');
        return starts && ends ? value.Contains(core, StringComparison.OrdinalIgnoreCase)
            : starts ? value.EndsWith(core, StringComparison.OrdinalIgnoreCase)
            : ends ? value.StartsWith(core, StringComparison.OrdinalIgnoreCase)
            : value.Equals(core, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The more severe of two taints (then the more confident).</summary>
    public static Taint? Worse(Taint? a, Taint? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        if (b.Severity != a.Severity) return b.Severity > a.Severity ? b : a;
        return b.Confidence > a.Confidence ? b : a;
    }
}
