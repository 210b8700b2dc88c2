using Bulwark.Documents;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>PC001: a pre-commit hook repository pinned to a branch name (a moving reference) instead of a tag or commit.</summary>
public sealed class PreCommitMutableRevRule : DocumentRule<YamlFile>
{
    public static readonly RuleInfo Rule = new(
        "PC001", "pre-commit-mutable-rev", Family.Ci, Severity.Medium, Confidence.High, 829,
        What: """
            A repository in `.pre-commit-config.yaml` whose `rev:` is a branch name (`main`, `master`, `stable`…) — by
            pre-commit's own test, a rev with no `.` that is not hexadecimal. With the `require-sha` option, tags
            (`v1.2.3`) are reported too, as low: only a full commit SHA is immutable.
            """,
        Why: """
            pre-commit runs hook code on every developer's machine and in CI. With a branch as `rev`, each fresh
            install (every CI run without a warm cache) fetches whatever was pushed to it last, so a compromised or
            broken upstream change runs immediately; existing installs never update, so machines silently disagree.
            Tags are accepted by default: they are what `pre-commit autoupdate` writes, and moving a published tag is a
            deliberate, visible act.
            """,
        Example: """
            repos:
              - repo: https://github.com/psf/black
                rev: main
                hooks:
                  - id: black
            """,
        Fix: "Run `pre-commit autoupdate` to pin each repository to its latest tag, or `pre-commit autoupdate --freeze` to pin commit SHAs.",
        References:
        [
            "https://pre-commit.com/#using-the-latest-version-for-a-repository",
            "https://pre-commit.com/#pre-commit-autoupdate",
        ])
    {
        Compliance = Compliance.UnpinnedComponent,
        Profiles = RuleProfile.Default,
        Options = [new("require-sha", RuleOptionType.Bool, false, "Also report tags (anything but a full 40-hex commit SHA), as low.")],
    };

    static readonly FileKind[] PreCommit = [FileKind.PreCommitConfig];
    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => PreCommit;
    public override DocumentFormat FormatFor(FileKind kind) => YamlFormat.Instance;

    public override void Check(YamlFile document, DocumentContext context)
    {
        if (document.Root is not YamlMapping root || root.GetSequence("repos") is not { } repos) return;
        bool requireSha = context.Options(this).Bool("require-sha");
        foreach (var item in repos.Items)
        {
            if (item is not YamlMapping repo) continue;
            var url = repo.GetString("repo") ?? "";
            if (url is "local" or "meta" || repo["rev"] is not YamlScalar rev || rev.IsNull) continue;
            var value = rev.Value.Trim();
            bool hex = value.All(char.IsAsciiHexDigit);
            if (!value.Contains('.') && !hex)
                context.Report(this, rev.Start, Math.Max(rev.Start + 1, rev.End),
                    $"`rev: {value}` of {url} is a branch: fresh installs run whatever is pushed there next; pin a tag or commit (`pre-commit autoupdate`)");
            else if (requireSha && !(hex && value.Length == 40))
                context.Report(this, rev.Start, Math.Max(rev.Start + 1, rev.End),
                    $"`rev: {value}` of {url} is a tag, which can be moved; pin the commit SHA (`pre-commit autoupdate --freeze`)", Severity.Low);
        }
    }
}
