using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;

namespace Bulwark.Rules.Ci;

/// <summary>Where secrets appear in a GitHub Actions document: direct `${{ secrets.X }}` and the `env:` entries set from them.</summary>
public static class SecretUse
{
    /// <summary>Does the expression's value come from `secrets.*` (or `github.token`)?</summary>
    public static bool IsSecret(Expr expr)
    {
        foreach (var source in Expressions.ValueSources(expr))
            if (source.Root == "secrets" || source.ToString() == "github.token") return true;
        return false;
    }

    /// <summary>The name of the secret an expression reads (`PYPI_TOKEN`), or null.</summary>
    public static string? SecretName(Expr expr)
    {
        foreach (var source in Expressions.ValueSources(expr))
        {
            if (source.Root == "secrets") return source.Segments.Count > 1 ? source.Segments[1].ToUpperInvariant() : "secrets";
            if (source.ToString() == "github.token") return "github.token";
        }
        return null;
    }

    /// <summary>Does the environment variable <paramref name="name"/>, as the step sees it, hold a secret?</summary>
    public static bool IsSecretVariable(string name, Job job, Step step, ActionsDataflow flow)
    {
        if (flow.EnvEntry(name, job, step) is not { } entry || entry.Value is not YamlScalar value) return false;
        var text = flow.Document.Text;
        foreach (var span in Expressions.Find(text, value.Start, Math.Min(value.End, text.Length)))
            if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is { } e && IsSecret(e)) return true;
        return false;
    }
}
