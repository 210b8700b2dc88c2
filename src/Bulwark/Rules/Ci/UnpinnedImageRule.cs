using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA005: a job container, service container or Docker action image without a tag, or on `latest`.</summary>
public sealed class UnpinnedImageRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA005", "unpinned-container-image", Family.Ci, Severity.Medium, Confidence.High, 829,
        What: """
            A container image used by a workflow or action — `jobs.<id>.container`, `services`, `uses: docker://…`, a
            Docker action's `runs.image` — that has no tag or uses `latest`. With the `require-digest` option, images
            pinned by tag but not by digest (`@sha256:…`) are reported too, as low.
            """,
        Why: """
            An image without a tag is whatever the registry serves as `latest` at the moment the job starts: builds stop
            being reproducible, and a compromised or hijacked image runs inside the job with its checkout and secrets.
            Tags are mutable too, which is why the strictest policy pins digests; version tags are accepted by default
            because registries' official images are commonly pinned that way and the risk is lower.
            """,
        Example: """
            jobs:
              test:
                runs-on: ubuntu-latest
                container: python
                services:
                  db:
                    image: postgres:latest
            """,
        Fix: """
            Pin a version, or better a digest: `image: python:3.12-slim@sha256:…` (`docker buildx imagetools inspect
            python:3.12-slim` prints it). Dependabot's `docker` ecosystem keeps digests current.
            """,
        References:
        [
            "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainer",
            "https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier",
        ])
    {
        Compliance = Compliance.UnpinnedComponent,
        Profiles = RuleProfile.Default,
        Aliases = ["unpinned-images"],
        Options = [new("require-digest", RuleOptionType.Bool, false, "Also report images pinned by tag but not by digest (as low).")],
    };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        bool requireDigest = context.Options(this).Bool("require-digest");
        foreach (var job in document.Jobs)
        {
            CheckImage(ImageNode(job.Container), "job container", requireDigest, document, context);
            if (job.Services is { } services)
                foreach (var (name, service) in services.Pairs())
                    CheckImage(ImageNode(service), $"service `{name.Value}`", requireDigest, document, context);
            foreach (var step in job.Steps)
                if (step.Uses is { Kind: UsesKind.Docker } && step.UsesNode is { } node)
                    CheckImage(node, "Docker action", requireDigest, document, context);
        }
        if (document.Runs?["image"] is YamlScalar image && image.Value.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
            CheckImage(image, "action", requireDigest, document, context);
    }

    static YamlScalar? ImageNode(YamlNode? container) => container switch
    {
        YamlScalar s when !s.IsNull => s,
        YamlMapping m => m["image"] as YamlScalar,
        _ => null,
    };

    void CheckImage(YamlScalar? node, string what, bool requireDigest, ActionsDocument document, DocumentContext context)
    {
        if (node is null || node.IsNull || node.Value.Contains("${{", StringComparison.Ordinal)) return;
        var image = ImageRef.Parse(node.Value);
        if (image.Digest is not null) return;
        if (image.Tag is null)
            Report(context, document, node, $"{what} image `{image.Name}` has no tag: each run pulls whatever `latest` is then; pin a version and digest");
        else if (image.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            Report(context, document, node, $"{what} image `{image.Name}:latest` changes whenever a new image is pushed; pin a version and digest");
        else if (requireDigest)
            Report(context, document, node, $"{what} image `{image.Name}:{image.Tag}` is pinned by a tag, which can be moved; pin its digest", Severity.Low);
    }
}
