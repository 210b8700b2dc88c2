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
    public string What { get => _what.Text; init => _what = new(value); }
    SoftBroken _what = new(What);
    /// <summary>Why it matters: Markdown prose whose soft line breaks are joined (see <see cref="RuleText"/>).</summary>
    public string Why { get => _why.Text; init => _why = new(value); }
    SoftBroken _why = new(Why);

    /// <summary>Other tools' codes for the same check (Ruff's `S602` for B602), accepted in `# noqa` and selections.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public RuleProfile Profiles { get; init; } = RuleProfile.All;
    public IReadOnlyList<RuleOptionInfo> Options { get; init; } = [];
    /// <summary>Where the default profile differs from Bandit's (a sharper variant runs instead, a check runs in one profile only…), in a sentence or two.</summary>
    public string? DifferencesFromBandit { get => _differences?.Text; init => _differences = value is null ? null : new(value); }
    SoftBroken? _differences;
    /// <summary>The language of <see cref="Example"/> for syntax highlighting (`groovy`); null for the family's usual one.</summary>
    public string? ExampleLanguage { get; init; }
    /// <summary>
    /// The principles, OWASP Top 10 category and regulatory controls the rule's findings are evidence against
    /// (usually one of the presets: `Compliance = Compliance.Injection`). Every rule declares one; a test enforces it.
    /// </summary>
    public Compliance Compliance { get; init; } = Compliance.None;

    public string? CweTag => Cwe is { } n ? $"external/cwe/cwe-{n}" : null;
}

/// <summary>
/// Prose as written in the source, its soft breaks joined on first read: every rule's metadata is built at start-up,
/// but only `rules`, `explain` and reports with descriptors read the prose. Equal when the source text is.
/// </summary>
sealed class SoftBroken(string source) : IEquatable<SoftBroken>
{
    string? _text;
    public string Text => _text ??= RuleText.JoinSoftBreaks(source);
    public bool Equals(SoftBroken? other) => other is not null && other.Source == Source;
    public override bool Equals(object? obj) => Equals(obj as SoftBroken);
    public override int GetHashCode() => Source.GetHashCode(StringComparison.Ordinal);
    string Source => source;
}

