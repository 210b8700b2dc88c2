namespace Bulwark.Core;

/// <summary>A configurable option of a rule: `[tool.bulwark.rule-options.ID]` key, its type and default.</summary>
public sealed record RuleOptionInfo(string Name, RuleOptionType Type, object Default, string Description);

public enum RuleOptionType { Bool, Int, String, StringList }

/// <summary>
/// Everything known about a rule: identity, defaults and documentation. The single source for
/// `bulwark rules`, `bulwark explain`, SARIF rule descriptors and docs/rules/*.md.
/// </summary>
public sealed record RuleInfo(
    string Id,
    string Name,
    Family Family,
    Severity Severity,
    Confidence Confidence,
    int? Cwe,
    string What,
    string Why,
    string Example,
    string Fix,
    IReadOnlyList<string> References)
{
    /// <summary>What the rule reports: Markdown prose whose soft line breaks are joined (see <see cref="RuleText"/>).</summary>
    public string What { get; init => field = RuleText.JoinSoftBreaks(value); } = RuleText.JoinSoftBreaks(What);
    /// <summary>Why it matters: Markdown prose whose soft line breaks are joined (see <see cref="RuleText"/>).</summary>
    public string Why { get; init => field = RuleText.JoinSoftBreaks(value); } = RuleText.JoinSoftBreaks(Why);

    /// <summary>Other tools' codes for the same check (Ruff's `S602` for B602), accepted in `# noqa` and selections.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public RuleProfile Profiles { get; init; } = RuleProfile.All;
    public IReadOnlyList<RuleOptionInfo> Options { get; init; } = [];
    /// <summary>Where the default profile differs from Bandit's (a sharper variant runs instead, a check runs in one profile only…), in a sentence or two.</summary>
    public string? DifferencesFromBandit { get; init => field = value is null ? null : RuleText.JoinSoftBreaks(value); }
    /// <summary>The language of <see cref="Example"/> for syntax highlighting (`groovy`); null for the family's usual one.</summary>
    public string? ExampleLanguage { get; init; }
    /// <summary>
    /// The principles, OWASP Top 10 category and regulatory controls the rule's findings are evidence against
    /// (usually one of the presets: `Compliance = Compliance.Injection`). Every rule declares one; a test enforces it.
    /// </summary>
    public Compliance Compliance { get; init; } = Compliance.None;

    public string? CweTag => Cwe is { } n ? $"external/cwe/cwe-{n}" : null;
}
