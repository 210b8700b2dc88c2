using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>Turns a finished scan into one output format. Reporters never look at source files themselves.</summary>
public interface IReporter
{
    void Write(ScanResult result, TextWriter output);
}

public enum ReportFormat { Text, Json, Sarif, Html }

/// <summary>Presentation choices that are not part of the scan itself.</summary>
public sealed record ReportOptions
{
    /// <summary>ANSI colour in the text report; the CLI turns it on only for a terminal (and not under NO_COLOR).</summary>
    public bool Color { get; init; }
    /// <summary>Overrides <see cref="ScanResult.Root"/> as the base of relative paths (SARIF %SRCROOT%, report headers).</summary>
    public string? Root { get; init; }
    /// <summary>Project home page for SARIF `tool.driver.informationUri`; omitted when null.</summary>
    public string? InformationUri { get; init; }

    public static readonly ReportOptions Default = new();

    internal string RootOf(ScanResult result) => Root ?? result.Root;
}

public static class Reporters
{
    public static IReadOnlyList<ReportFormat> All { get; } = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Html];

    public static IReporter Create(ReportFormat format, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        return format switch
        {
            ReportFormat.Text => new TextReporter(options),
            ReportFormat.Json => new JsonReporter(options),
            ReportFormat.Sarif => new SarifReporter(options),
            ReportFormat.Html => new HtmlReporter(options),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    public static string Name(this ReportFormat format) => format switch
    {
        ReportFormat.Text => "text", ReportFormat.Json => "json", ReportFormat.Sarif => "sarif", ReportFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Parses a `--format` value case-insensitively.</summary>
    public static bool TryParse(string name, out ReportFormat format)
    {
        foreach (var f in All)
            if (string.Equals(f.Name(), name, StringComparison.OrdinalIgnoreCase)) { format = f; return true; }
        format = default;
        return false;
    }

    /// <summary>The file extension a report of this format conventionally has (for `--output` defaults).</summary>
    public static string Extension(this ReportFormat format) => format switch
    {
        ReportFormat.Text => ".txt", ReportFormat.Json => ".json", ReportFormat.Sarif => ".sarif", ReportFormat.Html => ".html",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
