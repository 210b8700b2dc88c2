using Bulwark.Documents.Yaml;

namespace Bulwark.Documents.GitHubActions;

/// <summary>GitHub Actions workflows and action definitions, read from the file's YAML (parsed once, shared).</summary>
public sealed class ActionsFormat : DocumentFormat<ActionsDocument>
{
    public static readonly ActionsFormat Workflow = new(ActionsDocumentKind.Workflow);
    public static readonly ActionsFormat Action = new(ActionsDocumentKind.Action);

    readonly ActionsDocumentKind _kind;

    ActionsFormat(ActionsDocumentKind kind) => _kind = kind;

    public override string Name => _kind == ActionsDocumentKind.Workflow ? "GitHub Actions workflow" : "GitHub Actions action definition";

    public override ActionsDocument Parse(DocumentSource source)
    {
        var yaml = source.Get(YamlFormat.Instance);
        if (yaml.Root is not YamlMapping root)
            throw new DocumentException(yaml.Root is null ? "empty document" : $"a {Name} is a mapping at the top level",
                yaml.Root?.Line ?? 0, yaml.Root?.Column ?? 0);
        return _kind == ActionsDocumentKind.Workflow ? ReadWorkflow(yaml, root) : ReadAction(yaml, root);
    }

    /// <summary>Reads a workflow from already-loaded YAML (for callers outside the scan, such as the posture check).</summary>
    public static ActionsDocument? ReadWorkflow(YamlFile yaml) => yaml.Root is YamlMapping root ? ReadWorkflow(yaml, root) : null;

    static ActionsDocument ReadWorkflow(YamlFile yaml, YamlMapping root)
    {
        var triggers = new List<Trigger>();
        var inputs = new Dictionary<string, InputDeclaration>(StringComparer.Ordinal);
        var onKey = root.KeyNode("on");
        switch (root["on"])
        {
            case YamlScalar s when !s.IsNull:
                triggers.Add(new Trigger(s.Value, s, null));
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                    if (item is YamlScalar e) triggers.Add(new Trigger(e.Value, e, null));
                break;
            case YamlMapping map:
                foreach (var (key, value) in map.Pairs())
                {
                    var config = value as YamlMapping;
                    triggers.Add(new Trigger(key.Value, key, config));
                    if (key.Value is "workflow_dispatch" or "workflow_call" && config?.GetMapping("inputs") is { } declared)
                        ReadInputs(declared, key.Value, inputs);
                }
                break;
        }

        var doc = new ActionsDocument
        {
            Kind = ActionsDocumentKind.Workflow, Yaml = yaml, Root = root, Triggers = triggers, OnKey = onKey,
            Permissions = root["permissions"], PermissionsKey = root.KeyNode("permissions"), Env = root.GetMapping("env"), Inputs = inputs,
        };
        var jobs = new List<Job>();
        if (root.GetMapping("jobs") is { } jobMap)
        {
            foreach (var (key, value) in jobMap.Pairs())
            {
                if (value is not YamlMapping body) continue;
                var job = new Job
                {
                    Id = key.Value, KeyNode = key, Node = body, Document = doc,
                    Uses = body["uses"] is YamlScalar u && !u.IsNull ? UsesRef.Parse(u.Value) : null,
                };
                job.Steps = ReadSteps(body.GetSequence("steps"), job);
                jobs.Add(job);
            }
        }
        return Complete(doc, jobs);
    }

    static ActionsDocument ReadAction(YamlFile yaml, YamlMapping root)
    {
        var inputs = new Dictionary<string, InputDeclaration>(StringComparer.Ordinal);
        if (root.GetMapping("inputs") is { } declared) ReadInputs(declared, "action", inputs);
        var runs = root.GetMapping("runs");
        var doc = new ActionsDocument
        {
            Kind = ActionsDocumentKind.Action, Yaml = yaml, Root = root, Triggers = [], Inputs = inputs,
            Runs = runs, RunsUsing = runs?.GetString("using")?.Trim().ToLowerInvariant(),
        };
        var jobs = new List<Job>();
        if (runs is not null && runs.KeyNode("steps") is { } stepsKey)
        {
            var job = new Job { Id = "(composite action)", KeyNode = stepsKey, Node = runs, Document = doc, IsCompositeAction = true };
            job.Steps = ReadSteps(runs.GetSequence("steps"), job);
            jobs.Add(job);
        }
        return Complete(doc, jobs);
    }

    // Jobs point back to their document, so the document is created first and its jobs filled in after.
    static ActionsDocument Complete(ActionsDocument doc, List<Job> jobs)
    {
        doc.Jobs = jobs;
        return doc;
    }

    static List<Step> ReadSteps(YamlSequence? steps, Job job)
    {
        var result = new List<Step>();
        if (steps is null) return result;
        foreach (var item in steps.Items)
        {
            if (item is not YamlMapping body) continue;
            result.Add(new Step
            {
                Index = result.Count, Node = body, Job = job,
                Uses = body["uses"] is YamlScalar u && !u.IsNull ? UsesRef.Parse(u.Value) : null,
            });
        }
        return result;
    }

    static void ReadInputs(YamlMapping declared, string source, Dictionary<string, InputDeclaration> into)
    {
        foreach (var (key, value) in declared.Pairs())
        {
            var body = value as YamlMapping;
            var type = body?.GetString("type")?.Trim().ToLowerInvariant() ?? "string";
            if (body?["options"] is YamlSequence && type == "string") type = "choice";
            // The same name in workflow_dispatch and workflow_call: keep the freer type.
            if (into.TryGetValue(key.Value, out var known) && known.Type == "string") continue;
            into[key.Value] = new InputDeclaration(key.Value, type, key, source);
        }
    }
}
