using Bulwark.Documents.GitHubActions;

namespace Bulwark.Rules.Ci;

/// <summary>Who can put text into a context.</summary>
public enum ContextAuthor
{
    /// <summary>Anyone who can open an issue or pull request, comment, push a fork branch or edit a public wiki.</summary>
    Anyone,
    /// <summary>Someone with write access or a token (workflow_dispatch inputs, repository_dispatch payloads).</summary>
    Collaborator,
}

/// <summary>
/// One row of the capability table: a context path pattern (`*` one segment, a final `**` any number), who
/// writes it, and the events whose payload carries it (empty: every event).
/// </summary>
public sealed record ContextCapability(string Pattern, ContextAuthor Author, string[] Events, string What)
{
    internal readonly string[] Segments = Pattern.Split('.');
}

/// <summary>
/// The contexts of a GitHub Actions run whose text an outsider chooses: titles and bodies, comments, branch names,
/// commit messages and author identities. Only free text is listed: numbers, SHAs, logins (letters, digits and
/// hyphens), repository names, GitHub-generated URLs and labels set by maintainers cannot carry shell syntax, so a
/// reference to them is not an injection. Kept as data so that it can be read, reviewed and extended in one place.
/// </summary>
public static class GitHubContexts
{
    static readonly string[] PullRequestEvents = ["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"];
    static readonly string[] IssueEvents = ["issues", "issue_comment"];
    static readonly string[] CommentEvents = ["issue_comment", "pull_request_review_comment", "commit_comment", "discussion_comment"];
    static readonly string[] DiscussionEvents = ["discussion", "discussion_comment"];
    static readonly string[] PushEvents = ["push"];
    static readonly string[] WorkflowRunEvents = ["workflow_run"];
    static readonly string[] CheckEvents = ["check_suite", "check_run"];

    public static IReadOnlyList<ContextCapability> Table { get; } =
    [
        new("github.head_ref", ContextAuthor.Anyone, PullRequestEvents, "the pull request's source branch name"),
        new("github.event.pull_request.title", ContextAuthor.Anyone, PullRequestEvents, "the pull request title"),
        new("github.event.pull_request.body", ContextAuthor.Anyone, PullRequestEvents, "the pull request description"),
        new("github.event.pull_request.head.ref", ContextAuthor.Anyone, PullRequestEvents, "the pull request's source branch name"),
        new("github.event.pull_request.head.label", ContextAuthor.Anyone, PullRequestEvents, "the pull request's `owner:branch` label"),
        new("github.event.pull_request.head.repo.description", ContextAuthor.Anyone, PullRequestEvents, "the fork's description"),
        new("github.event.pull_request.head.repo.homepage", ContextAuthor.Anyone, PullRequestEvents, "the fork's homepage"),
        new("github.event.pull_request.head.repo.default_branch", ContextAuthor.Anyone, PullRequestEvents, "the fork's default branch name"),
        new("github.event.issue.title", ContextAuthor.Anyone, IssueEvents, "the issue title"),
        new("github.event.issue.body", ContextAuthor.Anyone, IssueEvents, "the issue body"),
        new("github.event.comment.body", ContextAuthor.Anyone, CommentEvents, "the comment"),
        new("github.event.review.body", ContextAuthor.Anyone, ["pull_request_review"], "the review"),
        new("github.event.discussion.title", ContextAuthor.Anyone, DiscussionEvents, "the discussion title"),
        new("github.event.discussion.body", ContextAuthor.Anyone, DiscussionEvents, "the discussion body"),
        new("github.event.answer.body", ContextAuthor.Anyone, DiscussionEvents, "the discussion answer"),
        new("github.event.pages.*.page_name", ContextAuthor.Anyone, ["gollum"], "the wiki page name"),
        new("github.event.pages.*.title", ContextAuthor.Anyone, ["gollum"], "the wiki page title"),
        new("github.event.head_commit.message", ContextAuthor.Anyone, PushEvents, "the commit message"),
        new("github.event.head_commit.author.name", ContextAuthor.Anyone, PushEvents, "the commit author's name"),
        new("github.event.head_commit.author.email", ContextAuthor.Anyone, PushEvents, "the commit author's email"),
        new("github.event.head_commit.committer.name", ContextAuthor.Anyone, PushEvents, "the committer's name"),
        new("github.event.head_commit.committer.email", ContextAuthor.Anyone, PushEvents, "the committer's email"),
        new("github.event.commits.*.message", ContextAuthor.Anyone, PushEvents, "a commit message"),
        new("github.event.commits.*.author.name", ContextAuthor.Anyone, PushEvents, "a commit author's name"),
        new("github.event.commits.*.author.email", ContextAuthor.Anyone, PushEvents, "a commit author's email"),
        new("github.event.commits.*.committer.name", ContextAuthor.Anyone, PushEvents, "a committer's name"),
        new("github.event.commits.*.committer.email", ContextAuthor.Anyone, PushEvents, "a committer's email"),
        new("github.event.merge_group.head_commit.message", ContextAuthor.Anyone, ["merge_group"], "the merge-queue commit message"),
        new("github.event.merge_group.head_commit.author.name", ContextAuthor.Anyone, ["merge_group"], "the merge-queue commit author's name"),
        new("github.event.merge_group.head_commit.author.email", ContextAuthor.Anyone, ["merge_group"], "the merge-queue commit author's email"),
        new("github.event.workflow_run.head_branch", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's branch name"),
        new("github.event.workflow_run.display_title", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's title"),
        new("github.event.workflow_run.head_commit.message", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's commit message"),
        new("github.event.workflow_run.head_commit.author.name", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's commit author"),
        new("github.event.workflow_run.head_commit.author.email", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's commit author email"),
        new("github.event.workflow_run.head_commit.committer.name", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's committer"),
        new("github.event.workflow_run.head_commit.committer.email", ContextAuthor.Anyone, WorkflowRunEvents, "the triggering run's committer email"),
        new("github.event.workflow_run.head_repository.description", ContextAuthor.Anyone, WorkflowRunEvents, "the fork's description"),
        new("github.event.workflow_run.pull_requests.*.head.ref", ContextAuthor.Anyone, WorkflowRunEvents, "a pull request's branch name"),
        new("github.event.check_suite.head_branch", ContextAuthor.Anyone, CheckEvents, "the checked branch name"),
        new("github.event.check_suite.head_commit.message", ContextAuthor.Anyone, CheckEvents, "the checked commit message"),
        new("github.event.check_suite.pull_requests.*.head.ref", ContextAuthor.Anyone, CheckEvents, "a pull request's branch name"),
        new("github.event.check_run.check_suite.head_branch", ContextAuthor.Anyone, CheckEvents, "the checked branch name"),
        new("github.event.check_run.check_suite.pull_requests.*.head.ref", ContextAuthor.Anyone, CheckEvents, "a pull request's branch name"),
        new("github.event.inputs.**", ContextAuthor.Collaborator, ["workflow_dispatch"], "a workflow_dispatch input"),
        new("github.event.client_payload.**", ContextAuthor.Collaborator, ["repository_dispatch"], "the repository_dispatch payload"),
    ];

    /// <summary>
    /// The row that <paramref name="path"/> names, or that it contains (a whole object such as `github.event.issue`,
    /// then <paramref name="whole"/> is true); null when none.
    /// </summary>
    public static ContextCapability? Lookup(ContextPath path, out bool whole)
    {
        ContextCapability? contained = null;
        foreach (var row in Table)
        {
            switch (Compare(path.Segments, row.Segments))
            {
                case Match.Exact: whole = false; return row;
                case Match.Contains: contained ??= row; break;
            }
        }
        whole = contained is not null;
        return contained;
    }

    enum Match { None, Exact, Contains }

    static Match Compare(IReadOnlyList<string> path, string[] pattern)
    {
        int n = Math.Min(path.Count, pattern.Length);
        for (int i = 0; i < n; i++)
        {
            if (pattern[i] == "**") return Match.Exact;
            if (pattern[i] != "*" && path[i] != "*" && path[i] != pattern[i]) return Match.None;
        }
        if (path.Count == pattern.Length) return Match.Exact;
        // A shorter path is an object holding the attacker's field (toJSON(github.event.issue)).
        if (path.Count < pattern.Length) return pattern[path.Count] == "**" ? Match.Exact : Match.Contains;
        return Match.None;
    }

    /// <summary>Events whose runs get only a read-only token and no secrets when a fork triggers them.</summary>
    public static readonly IReadOnlySet<string> UnprivilegedPullRequestEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "pull_request", "pull_request_review", "pull_request_review_comment",
    };

    /// <summary>Events an outsider can cause by opening or updating a pull request (or commenting on one) from a fork.</summary>
    public static readonly IReadOnlySet<string> PullRequestTriggers = new HashSet<string>(StringComparer.Ordinal)
    {
        "pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment", "issue_comment",
    };
}
