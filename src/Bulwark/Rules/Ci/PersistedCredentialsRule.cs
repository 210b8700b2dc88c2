using System.Text.RegularExpressions;
using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA008: `actions/checkout` leaves the token in `.git/config`, and the job then uploads the tree or runs untrusted code.</summary>
public sealed partial class PersistedCredentialsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA008", "persisted-checkout-credentials", Family.Ci, Severity.High, Confidence.High, 522,
        What: """
            An `actions/checkout` (before v6, which moved the credential out of the working tree) without
            `persist-credentials: false`, followed in the same job by an `actions/upload-artifact` of the working tree
            that includes hidden files, or by running a pull request's code in a privileged workflow.
            """,
        Why: """
            By default `actions/checkout` writes the job's `GITHUB_TOKEN` into `.git/config` so later `git` commands can
            push. An artifact of the whole working tree then ships the token to anyone who can download artifacts (all
            of GitHub for a public repository) while it is still valid — the "ArtiPACKED" attack; and code from a pull
            request reads it directly. A checkout that persists credentials but is never exposed this way is not
            reported.
            """,
        Example: """
            steps:
              - uses: actions/checkout@v4
              - run: make dist
              - uses: actions/upload-artifact@v3
                with:
                  path: .
            """,
        Fix: """
            Add `persist-credentials: false` to the checkout unless a later step pushes with `git`, and upload only the
            files you need (`path: dist/`).

              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
            """,
        References:
        [
            "https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/",
            "https://github.com/actions/checkout#usage",
        ])
    { Compliance = Compliance.ExcessivePrivilege, Profiles = RuleProfile.Default, Aliases = ["artipacked"] };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        bool privileged = PullRequestCode.PrivilegedTriggersOf(document).Any();
        foreach (var job in document.Jobs)
            foreach (var checkout in job.Steps)
            {
                if (checkout.Uses is not { } uses || !uses.Is("actions/checkout")) continue;
                if (IsFalse(checkout.With?["persist-credentials"]) || MajorVersion(uses, checkout, document) >= 6) continue;
                var dir = checkout.Input("path")?.Trim().TrimEnd('/');
                foreach (var later in checkout.Later())
                {
                    if (later.Uses is { } up && up.Is("actions/upload-artifact") && UploadsCheckout(later, dir, document, out var path))
                    {
                        Report(context, document, checkout.UsesNode!,
                            $"this checkout leaves the job's token in `.git/config` and the artifact uploaded at line {path.Line} (`path: {path.Value.Trim()}`) includes it; set `persist-credentials: false`",
                            related: [new FlowStep(context.Locate(path.Start, path.End), "the artifact includes the working tree's `.git` directory")]);
                        break;
                    }
                    if (privileged && PullRequestCode.UntrustedCheckoutInput(checkout) is not null &&
                        !PullRequestCode.GuardsAgainstForks(Condition(job.If)) && PullRequestCode.RunsCheckedOutCode(later, document.Text))
                    {
                        Report(context, document, checkout.UsesNode!,
                            "this checkout of the pull request's code leaves a token that can write in `.git/config`, where that code, run later in the job, can read it; set `persist-credentials: false`");
                        break;
                    }
                }
            }
    }

    static bool IsFalse(YamlNode? node) => node is YamlScalar s && s.Value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The major version of an action from its tag, or from a `# vX.Y` comment after a SHA; 0 when unknown.</summary>
    static int MajorVersion(UsesRef uses, Step step, ActionsDocument document) => Version(uses, step, document).Major;

    static (int Major, int Minor) Version(UsesRef uses, Step step, ActionsDocument document)
    {
        var text = uses.IsCommitSha && step.UsesNode is { } n ? CommentAfter(document.Text, n.End) : uses.Ref;
        if (text is null) return (0, 0);
        var m = VersionPattern().Match(text);
        if (!m.Success) return (0, 0);
        int.TryParse(m.Groups["major"].ValueSpan, out int major);
        int minor = m.Groups["minor"].Success && int.TryParse(m.Groups["minor"].ValueSpan, out int mi) ? mi : -1;
        return (major, minor);
    }

    [GeneratedRegex(@"v?(?<major>\d+)(\.(?<minor>\d+))?", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    static string? CommentAfter(string text, int offset)
    {
        int eol = text.IndexOf('\n', Math.Min(offset, text.Length));
        var rest = text[Math.Min(offset, text.Length)..(eol < 0 ? text.Length : eol)];
        int hash = rest.IndexOf('#');
        return hash >= 0 ? rest[(hash + 1)..] : null;
    }

    /// <summary>Does the upload include the checkout's `.git` directory (the whole tree, with hidden files)?</summary>
    static bool UploadsCheckout(Step upload, string? checkoutDir, ActionsDocument document, out YamlScalar pathNode)
    {
        pathNode = null!;
        if (upload.With?["path"] is not YamlScalar path) return false;
        pathNode = path;
        // upload-artifact 4.4 and later leave hidden files (.git) out unless asked to include them.
        var hidden = upload.With?["include-hidden-files"] is YamlScalar h && h.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        var (major, minor) = Version(upload.Uses!, upload, document);
        // A bare major tag (`@v4`) follows the newest 4.x release, which excludes hidden files.
        bool excludesHidden = major > 4 || (major == 4 && (minor == -1 || minor >= 4));
        if (excludesHidden && !hidden) return false;
        foreach (var raw in path.Value.Split('\n'))
        {
            var p = raw.Trim();
            if (p.Length == 0 || p.StartsWith('!')) continue;
            var norm = p.Replace("${{ github.workspace }}", ".", StringComparison.Ordinal).Replace("${{github.workspace}}", ".", StringComparison.Ordinal)
                .Replace("$GITHUB_WORKSPACE", ".", StringComparison.Ordinal).TrimEnd('/');
            if (norm is "." or "./" or "" or "*" or "**" or "./*" or "./**" or "**/*" or "./**/*") return true;
            if (checkoutDir is { Length: > 0 } d && (norm == d || norm == "./" + d || norm == d + "/**" || norm == d + "/*")) return true;
            if (norm.EndsWith("/.git", StringComparison.Ordinal) || norm == ".git") return true;
        }
        return false;
    }
}
