using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA012: the whole `secrets` context serialised, indexed dynamically, or a secret parsed as JSON (its fields are not masked).</summary>
public sealed class OverexposedSecretsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA012", "overexposed-secrets", Family.Ci, Severity.Medium, Confidence.High, 200,
        What: "`toJSON(secrets)`, `secrets[<computed name>]`, or `fromJSON(secrets.X)` anywhere in a workflow or action.",
        Why: """
            The runner only sends a job the secrets it references by name. Serialising or dynamically indexing the
            `secrets` context makes it send every secret the repository has, to every step of the job. A secret parsed
            as JSON yields fields whose values the runner does not know and therefore cannot mask in the logs.
            """,
        Example: """
            env:
              ALL_SECRETS: ${{ toJSON(secrets) }}
              DB_PASSWORD: ${{ fromJSON(secrets.DB).password }}
            """,
        Fix: "Reference each secret by its name (`${{ secrets.DB_PASSWORD }}`); store structured credentials as separate secrets.",
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions",
        ])
    { Compliance = Compliance.SecretExposure, Profiles = RuleProfile.Default, Aliases = ["overprovisioned-secrets", "unredacted-secrets"] };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var text = document.Text;
        foreach (var scalar in Scalars(document.Root))
            foreach (var span in Expressions.Find(text, scalar.Start, Math.Min(scalar.End, text.Length)))
            {
                if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is not { } expr) continue;
                foreach (var node in Expressions.Walk(expr))
                {
                    string? problem = node switch
                    {
                        CallExpr { Function: var f, Arguments: [ContextExpr { Name: var n }] } when Is(f, "tojson") && Is(n, "secrets") =>
                            "`toJSON(secrets)` sends every secret of the repository to this job",
                        IndexExpr { Target: ContextExpr { Name: var n }, Index: not LiteralExpr } when Is(n, "secrets") =>
                            "`secrets[…]` with a computed name sends every secret of the repository to this job",
                        CallExpr { Function: var f, Arguments: [var arg] } when Is(f, "fromjson") && Expressions.PathOf(arg) is { Root: "secrets" } =>
                            "a secret parsed with `fromJSON` yields fields the runner cannot mask in the logs",
                        _ => null,
                    };
                    if (problem is null) continue;
                    context.Report(this, span.Start, span.End, problem + "; reference each secret by name");
                    break;
                }
            }
    }

    static bool Is(string a, string lower) => a.Equals(lower, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every scalar of the tree once (aliased nodes are shared).</summary>
    internal static IEnumerable<YamlScalar> Scalars(YamlNode root)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n)) continue;
            switch (n)
            {
                case YamlScalar s: yield return s; break;
                case YamlSequence q: for (int i = q.Items.Count - 1; i >= 0; i--) stack.Push(q.Items[i]); break;
                case YamlMapping m:
                    for (int i = m.Entries.Count - 1; i >= 0; i--) { stack.Push(m.Entries[i].Value); stack.Push(m.Entries[i].Key); }
                    break;
            }
        }
    }
}
