namespace Bulwark.Core;

/// <summary>
/// A place in a file: 1-based lines, 1-based columns counted in UTF-16 code units, end column exclusive
/// (SARIF's convention). A whole-file location has StartLine 0.
/// </summary>
public sealed record Location(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static Location WholeFile(string path) => new(path, 0, 0, 0, 0);
    public bool IsWholeFile => StartLine == 0;
}

/// <summary>A secondary location or a step of a data flow, with what happens there.</summary>
public sealed record FlowStep(Location Location, string Message);

/// <summary>A property carried to JSON and SARIF `properties`: a string, bool, number or list of strings.</summary>
public readonly record struct PropertyValue
{
    public object Value { get; }
    PropertyValue(object v) => Value = v;
    public static implicit operator PropertyValue(string s) => new(s);
    public static implicit operator PropertyValue(bool b) => new(b);
    public static implicit operator PropertyValue(long n) => new(n);
    public static implicit operator PropertyValue(double d) => new(d);
    public static implicit operator PropertyValue(string[] list) => new(list);
}

public sealed record Finding
{
    public required RuleInfo Rule { get; init; }
    public required string Message { get; init; }
    public required Location Location { get; init; }
    /// <summary>Defaults to the rule's; some rules grade per finding (advisory CVSS, for instance).</summary>
    public Severity Severity { get; init; }
    public Confidence Confidence { get; init; }
    public IReadOnlyList<FlowStep> Related { get; init; } = [];
    /// <summary>Source-to-sink steps of a data-flow (injection) finding, across files; becomes SARIF codeFlows.</summary>
    public IReadOnlyList<FlowStep> Flow { get; init; } = [];
    public IReadOnlyDictionary<string, PropertyValue> Properties { get; init; } = EmptyProperties;
    /// <summary>The text at the location carries a secret: reporters must never print it unmasked.</summary>
    public bool Sensitive { get; init; }
    /// <summary>Text that identifies the finding independent of its line number; fed to the fingerprint.</summary>
    public string? FingerprintKey { get; init; }
    /// <summary>The source line(s) of the location, secrets masked; filled in by the scanner for reporters.</summary>
    public string? Snippet { get; init; }
    /// <summary>Stable across unrelated edits; computed by the scanner once a file's findings are known.</summary>
    public string Fingerprint { get; init; } = "";

    public static readonly IReadOnlyDictionary<string, PropertyValue> EmptyProperties = new Dictionary<string, PropertyValue>();
}
