using Bulwark.Documents.Yaml;

namespace Bulwark.Documents.GitHubActions;

public enum ActionsDocumentKind { Workflow, Action }

/// <summary>
/// A GitHub Actions workflow (`.github/workflows/*.yml`) or action definition (`action.yml`), read into its
/// triggers, permissions, environment, jobs and steps with the YAML nodes kept for positions. A composite
/// action's `runs.steps` appear as one job (<see cref="Job.IsCompositeAction"/>) so that step checks serve both.
/// Syntax only: what is dangerous is the rules' business.
/// </summary>
public sealed class ActionsDocument
{
    public required ActionsDocumentKind Kind { get; init; }
    public required YamlFile Yaml { get; init; }
    public required YamlMapping Root { get; init; }
    /// <summary>Empty for an action.</summary>
    public required IReadOnlyList<Trigger> Triggers { get; init; }
    /// <summary>The key `on` of a workflow (for locations), or null.</summary>
    public YamlScalar? OnKey { get; init; }
    /// <summary>The workflow's top-level `permissions` value, or null when absent.</summary>
    public YamlNode? Permissions { get; init; }
    public YamlScalar? PermissionsKey { get; init; }
    public YamlMapping? Env { get; init; }
    public IReadOnlyList<Job> Jobs { get; internal set; } = [];
    /// <summary>An action's `runs.using` (`composite`, `docker`, `node20`…), else null.</summary>
    public string? RunsUsing { get; init; }
    /// <summary>An action's `runs` mapping, else null.</summary>
    public YamlMapping? Runs { get; init; }
    /// <summary>`inputs` of an action, or of the `workflow_dispatch` / `workflow_call` triggers of a workflow (merged).</summary>
    public IReadOnlyDictionary<string, InputDeclaration> Inputs { get; init; } = new Dictionary<string, InputDeclaration>();

    public string Text => Yaml.Text;

    public bool IsWorkflow => Kind == ActionsDocumentKind.Workflow;

    public Trigger? TriggerNamed(string name)
    {
        foreach (var t in Triggers) if (t.Event == name) return t;
        return null;
    }

    public bool HasTrigger(string name) => TriggerNamed(name) is not null;

    /// <summary>The job with this id (compared as expressions compare names: case-insensitively).</summary>
    public Job? JobNamed(string id)
    {
        foreach (var j in Jobs) if (j.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) return j;
        return null;
    }

    /// <summary>The source text a node spans.</summary>
    public string SourceOf(YamlNode node) => Yaml.SourceOf(node);
}

/// <summary>An event of `on:`; <see cref="Config"/> is its mapping (`branches`, `types`…) when it has one.</summary>
public sealed record Trigger(string Event, YamlScalar Node, YamlMapping? Config)
{
    /// <summary>The string items of a filter (`types`, `branches`, `tags`…); one string counts as a list of one.</summary>
    public IReadOnlyList<string> Filter(string key)
    {
        var result = new List<string>();
        switch (Config?[key])
        {
            case YamlScalar s when !s.IsNull: result.Add(s.Value); break;
            case YamlSequence seq:
                foreach (var item in seq.Items) if (item is YamlScalar i) result.Add(i.Value);
                break;
        }
        return result;
    }
}

/// <summary>A declared input: its `type` (`string` when not given) and whether it has `options` (a choice).</summary>
public sealed record InputDeclaration(string Name, string Type, YamlScalar Node, string Source);

public sealed class Job
{
    public required string Id { get; init; }
    /// <summary>The job's key in `jobs:` (its location); for a composite action, the `steps` key.</summary>
    public required YamlScalar KeyNode { get; init; }
    public required YamlMapping Node { get; init; }
    public required ActionsDocument Document { get; init; }
    public bool IsCompositeAction { get; init; }
    public IReadOnlyList<Step> Steps { get; internal set; } = [];

    public YamlNode? Permissions => Node["permissions"];
    public YamlScalar? PermissionsKey => Node.KeyNode("permissions");
    public YamlNode? RunsOn => Node["runs-on"];
    public YamlNode? Container => Node["container"];
    public YamlMapping? Services => Node.GetMapping("services");
    public YamlMapping? Env => Node.GetMapping("env");
    public YamlNode? If => Node["if"];
    public YamlMapping? Outputs => Node.GetMapping("outputs");
    public YamlMapping? Strategy => Node.GetMapping("strategy");
    /// <summary>A reusable-workflow call (`jobs.x.uses`), or null for a job with steps.</summary>
    public UsesRef? Uses { get; init; }
    public YamlScalar? UsesNode => Node["uses"] as YamlScalar;
    public YamlMapping? With => Node.GetMapping("with");
    public YamlNode? Secrets => Node["secrets"];
    public IReadOnlyList<string> Needs
    {
        get
        {
            var result = new List<string>();
            switch (Node["needs"])
            {
                case YamlScalar s when !s.IsNull: result.Add(s.Value); break;
                case YamlSequence seq:
                    foreach (var item in seq.Items) if (item is YamlScalar i) result.Add(i.Value);
                    break;
            }
            return result;
        }
    }

    /// <summary>The step with this `id:` (case-insensitive, as in `steps.&lt;id&gt;` expressions).</summary>
    public Step? StepWithId(string id)
    {
        foreach (var s in Steps) if (string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }
}

public sealed class Step
{
    public required int Index { get; init; }
    public required YamlMapping Node { get; init; }
    public required Job Job { get; init; }
    public string? Id => Node.GetString("id");
    public string? Name => Node.GetString("name");
    public UsesRef? Uses { get; init; }
    public YamlScalar? UsesNode => Node["uses"] as YamlScalar;
    /// <summary>The `run:` script, or null for a `uses:` step.</summary>
    public YamlScalar? Run => Node["run"] as YamlScalar;
    public YamlMapping? With => Node.GetMapping("with");
    public YamlMapping? Env => Node.GetMapping("env");
    public YamlNode? If => Node["if"];
    public string? Shell => Node.GetString("shell");

    /// <summary>A `with:` input as text (scalars only), or null.</summary>
    public string? Input(string name) => With?[name] is YamlScalar s && !s.IsNull ? s.Value : null;

    /// <summary>The steps of the same job that run before this one.</summary>
    public IEnumerable<Step> Earlier()
    {
        for (int i = 0; i < Index; i++) yield return Job.Steps[i];
    }

    public IEnumerable<Step> Later()
    {
        for (int i = Index + 1; i < Job.Steps.Count; i++) yield return Job.Steps[i];
    }
}
