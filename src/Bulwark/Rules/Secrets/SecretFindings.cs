using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>
/// Turns the secrets found in a file into findings of one rule: applies the user's allowlist, the test-path policy and
/// disabled types; phrases a message that shows a short prefix and the length at most; and fingerprints the finding
/// from its context (rule, type, name, occurrence) — never from the secret's bytes.
/// </summary>
static class SecretFindings
{
    public static string Message(SecretMatch m, string text, string? name, string path) => SecretFindingText.Message(m, text, name, path);

    public static void ReportFrom(FileContext context, IRule rule, Func<SecretMatch, bool> belongs)
    {
        var file = context.File;
        var text = file.Text.Text;
        var settings = context.Settings.Secrets;
        if (settings.PathAllowed(file.RelativePath)) return;
        bool test = settings.IsTestPath(file.ImportPath);
        foreach (var m in SecretFiles.For(file))
        {
            if (!belongs(m) || settings.IgnoreTypes.Contains(m.TypeId)) continue;
            // Fixtures in tests hold made-up credentials: no generic findings or JWTs there, and lower confidence.
            if (test && m.Kind is SecretKind.Generic or SecretKind.Jwt or SecretKind.NamedValue) continue;
            if (settings.AllowRegexes.Count > 0 || settings.AllowValueSha256.Count > 0)
                if (settings.ValueAllowed(text[m.Start..m.End])) continue;
            context.Report(Make(rule.Info, file, m, test));
        }
    }

    public static Finding Make(RuleInfo rule, SourceFile file, SecretMatch m, bool test)
    {
        var text = file.Text.Text;
        var name = m.Name(text);
        var (severity, confidence) = Grade(rule, m);
        if (test) confidence = Confidence.Low;
        var properties = new Dictionary<string, PropertyValue>
        {
            ["secretType"] = m.TypeId,
            ["secretLength"] = (long)(m.End - m.Start),
        };
        if (m.Type is { } t) properties["provider"] = t.Provider;
        if (name is not null) properties["assignedTo"] = name;
        return new Finding
        {
            Rule = rule,
            Message = Message(m, text, name, file.RelativePath),
            Location = RuleContext.LocationOf(file, m.ReportStart, m.ReportEnd),
            Severity = severity,
            Confidence = confidence,
            // A private key is reported at its header line, which holds nothing secret; other locations are the secret.
            Sensitive = m.Kind != SecretKind.PrivateKey,
            Properties = properties,
            FingerprintKey = FingerprintKey(m, name),
        };
    }

    /// <summary>What identifies the finding without the secret: its type and the name it is assigned to.</summary>
    public static string FingerprintKey(SecretMatch m, string? name) => "secret:" + m.TypeId + ":" + (name ?? "");

    static (Severity, Confidence) Grade(RuleInfo rule, SecretMatch m) => m.Kind switch
    {
        SecretKind.Generic => (Severity.Medium, Confidence.Medium),
        _ when m.Type is { } t => (t.Severity, t.Confidence),
        _ => (rule.Severity, rule.Confidence),
    };
}
