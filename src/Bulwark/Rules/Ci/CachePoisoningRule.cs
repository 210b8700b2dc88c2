using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA017: a release or publishing job restores a cache that other workflows can write.</summary>
public sealed class CachePoisoningRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA017", "cache-in-release", Family.Ci, Severity.Medium, Confidence.Medium, 349,
        What: """
            A job whose output is released that restores a GitHub Actions cache (`actions/cache`, or a setup action with
            caching turned on: `setup-python` with `cache:`, `setup-uv` with `enable-cache: true`, `setup-go`,
            `rust-cache`…). Released output means a job with a publishing step (`pypa/gh-action-pypi-publish`,
            `twine upload`, `uv publish`, `docker/build-push-action` with `push: true`…) and the jobs it depends on
            that upload artifacts; in a workflow triggered by a release or a tag push without a recognisable publishing
            step, every job. Test and lint jobs that feed nothing into the release are not reported.
            """,
        Why: """
            Caches are shared across a repository's workflows and branches: code that runs in any of them with the
            cache token — a compromised test dependency, an injection in a pull-request workflow — can plant an entry
            that the release job later restores, and the poisoned build output is then published under the project's
            name.
            """,
        Example: """
            on:
              release:
                types: [published]
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-python@v5
                    with:
                      cache: pip
                  - run: python -m build && twine upload dist/*
            """,
        Fix: "Build releases from a clean state: drop the cache (or its `cache:` input) in publishing jobs, or turn it off for tags with `if: ${{ !startsWith(github.ref, 'refs/tags/') }}`.",
        References:
        [
            "https://adnanthekhan.com/2024/05/06/the-monsters-in-your-build-cache-github-actions-cache-poisoning/",
            "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/caching-dependencies-to-speed-up-workflows#restrictions-for-accessing-a-cache",
        ])
    { Compliance = Compliance.UnverifiedIntegrity, Profiles = RuleProfile.Default, Aliases = ["cache-poisoning"] };

    /// <summary>Cache-aware actions: the input that turns caching on (null: always on), and whether it is on by default.</summary>
    static readonly (string Action, string? Input, bool OnByDefault, string? OffInput)[] CacheActions =
    [
        ("actions/cache", null, true, "lookup-only"),
        ("actions/cache/restore", null, true, "lookup-only"),
        ("actions/setup-python", "cache", false, null),
        ("actions/setup-node", "cache", false, null),
        ("actions/setup-java", "cache", false, null),
        ("actions/setup-dotnet", "cache", false, null),
        ("actions/setup-go", "cache", true, null),
        ("astral-sh/setup-uv", "enable-cache", false, null),
        ("pdm-project/setup-pdm", "cache", false, null),
        ("Swatinem/rust-cache", null, true, "lookup-only"),
        ("actions-rust-lang/setup-rust-toolchain", "cache", true, null),
        ("ruby/setup-ruby", "bundler-cache", false, null),
        ("PyO3/maturin-action", "sccache", false, null),
        ("gradle/actions/setup-gradle", null, true, "cache-disabled"),
        ("Mozilla-Actions/sccache-action", null, true, null),
    ];

    static readonly string[] PublisherActions =
    [
        "pypa/gh-action-pypi-publish", "softprops/action-gh-release", "goreleaser/goreleaser-action", "ncipollo/release-action",
        "rubygems/release-gem", "JS-DevTools/npm-publish",
    ];

    static readonly string[] PublishCommands =
    [
        "twine upload", "uv publish", "poetry publish", "flit publish", "hatch publish", "pdm publish", "npm publish", "cargo publish",
        "gh release create", "gh release upload", "docker push",
    ];

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        foreach (var (job, why) in ReleaseJobs(document))
            foreach (var step in job.Steps)
            {
                if (step.Uses is not { } uses || step.UsesNode is not { } node) continue;
                if (CachesIn(step, uses, out var input) is not { } action) continue;
                var cond = Condition(step.If);
                if (cond.Contains("refs/tags", StringComparison.Ordinal) || cond.Contains("event_name", StringComparison.Ordinal)) continue;
                // From `uses:` to the input that turns caching on, so that a suppression comment on either line applies.
                var (start, end) = FirstLine(document.Text, node);
                if (input is not null && input.Start > node.Start) end = FirstLine(document.Text, input).End;
                context.Report(this, start, end,
                    $"`{action}` restores a cache in a job that {why}: a cache entry planted by another workflow would end up in the release; build releases without caches");
            }
    }

    /// <summary>
    /// Jobs whose output is released: those with a publishing step, and the jobs they depend on that upload artifacts
    /// (the build they publish). Without a recognisable publishing step, every job of a release-triggered workflow.
    /// </summary>
    static List<(Job Job, string Why)> ReleaseJobs(ActionsDocument document)
    {
        var result = new List<(Job, string)>();
        var seen = new HashSet<Job>();
        foreach (var job in document.Jobs)
            if (PublishingStep(job, document) is { } step && seen.Add(job)) result.Add((job, "publishes (" + step + ")"));
        if (result.Count > 0)
        {
            foreach (var (publisher, _) in result.ToList())
            {
                var downloads = Downloads(publisher);
                if (downloads.Count == 0) continue;
                var stack = new Stack<string>(publisher.Needs);
                while (stack.Count > 0)
                {
                    if (document.JobNamed(stack.Pop()) is not { } needed || !seen.Add(needed)) continue;
                    foreach (var n in needed.Needs) stack.Push(n);
                    foreach (var up in needed.Steps)
                        if (up.Uses is { } u && u.Is("actions/upload-artifact") && downloads.Any(d => SameArtifact(d, up.Input("name") ?? "artifact")))
                        {
                            result.Add((needed, $"builds artifacts that the publishing job `{publisher.Id}` releases"));
                            break;
                        }
                }
            }
            return result;
        }
        if (ReleaseTrigger(document) is { } trigger)
            foreach (var job in document.Jobs) result.Add((job, "is part of a release workflow (" + trigger + ")"));
        return result;
    }

    /// <summary>Names or patterns of the artifacts a job downloads (`*` for all of them).</summary>
    static List<string> Downloads(Job job)
    {
        var result = new List<string>();
        foreach (var step in job.Steps)
            if (step.Uses is { } u && u.Is("actions/download-artifact"))
                result.Add(step.Input("name") ?? step.Input("pattern") ?? "*");
        return result;
    }

    /// <summary>Can a download name or pattern fetch an upload of this name? Expressions count as wildcards; only literal prefixes are compared.</summary>
    static bool SameArtifact(string download, string upload)
    {
        static string Prefix(string s)
        {
            int cut = s.Length;
            foreach (var marker in new[] { "*", "?", "[", "${{" })
            {
                int i = s.IndexOf(marker, StringComparison.Ordinal);
                if (i >= 0 && i < cut) cut = i;
            }
            return s[..cut];
        }
        var d = Prefix(download.Trim());
        var u = Prefix(upload.Trim());
        bool dWild = d.Length < download.Trim().Length, uWild = u.Length < upload.Trim().Length;
        if (!dWild && !uWild) return d == u;
        return d.StartsWith(u, StringComparison.Ordinal) || u.StartsWith(d, StringComparison.Ordinal);
    }

    static string? CachesIn(Step step, UsesRef uses, out YamlScalar? enabling)
    {
        enabling = null;
        foreach (var (action, input, onByDefault, offInput) in CacheActions)
        {
            if (!uses.IsExactly(action)) continue;
            if (offInput is not null && IsTrue(step.With?[offInput])) return null;
            if (input is null) return action;
            var value = step.With?[input] as YamlScalar;
            enabling = value;
            if (value is null || value.IsNull) return onByDefault ? action : null;
            var v = value.Value.Trim().ToLowerInvariant();
            if (v.Contains("${{", StringComparison.Ordinal)) return null; // decided at run time: often off for tags
            return v is "false" or "" or "no" ? null : action;
        }
        return null;
    }

    static bool IsTrue(YamlNode? node) => node is YamlScalar s && s.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    static string? ReleaseTrigger(ActionsDocument document)
    {
        if (document.HasTrigger("release")) return "runs on `release`";
        if (document.TriggerNamed("push") is { } push)
        {
            if (push.Filter("tags").Count > 0) return "runs on tag pushes";
            if (push.Filter("branches").Any(b => b.Contains("release", StringComparison.OrdinalIgnoreCase))) return "runs on pushes to release branches";
        }
        return null;
    }

    static string? PublishingStep(Job job, ActionsDocument document)
    {
        foreach (var step in job.Steps)
        {
            if (step.Uses is { } uses)
            {
                foreach (var a in PublisherActions) if (uses.Is(a)) return $"`{a}` at line {step.UsesNode!.Line}";
                if (uses.Is("docker/build-push-action") && IsTrue(step.With?["push"])) return $"`docker/build-push-action` with `push: true` at line {step.UsesNode!.Line}";
            }
            if (step.Run is { } run)
            {
                var script = document.SourceOf(run);
                foreach (var c in PublishCommands)
                    if (script.Contains(c, StringComparison.Ordinal)) return $"`{c}` at line {run.Line}";
            }
        }
        return null;
    }
}
