using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>Turns a finished scan into one output format. Reporters never look at source files themselves.</summary>
public interface IReporter
{
    void Write(ScanResult result, TextWriter output);
}

public enum ReportFormat { Text, Json, Sarif, Html, GitHub, Markdown, JUnit, GitLab, GitLabSast }

/// <summary>Presentation choices that are not part of the scan itself.</summary>
public sealed record ReportOptions
{
    /// <summary>ANSI colour in the text report; the CLI turns it on only for a terminal (and not under NO_COLOR).</summary>
    public bool Color { get; init; }
    /// <summary>Overrides <see cref="ScanResult.Root"/> as the base of relative paths (SARIF %SRCROOT%, report headers).</summary>
    public string? Root { get; init; }
    /// <summary>Project home page for SARIF `tool.driver.informationUri`; omitted when null.</summary>
    public string? InformationUri { get; init; }
    /// <summary>Include the elapsed time. Off by default: the same input then gives byte-identical reports.</summary>
    public bool Timing { get; init; }

    /// <summary>Print the source lines under each finding in the text report (`--no-show-source` turns it off).</summary>
    public bool ShowSource { get; init; } = true;
    /// <summary>Add a count of findings per rule to the text report (`--statistics`).</summary>
    public bool Statistics { get; init; }
    /// <summary>At most this many SARIF results (GitHub code scanning takes 25,000 per run); the rest are counted in a notification.</summary>
    public int SarifMaxResults { get; init; } = SarifReporter.GitHubMaxResults;

    /// <summary>`--quiet`: the text report lists the findings without the closing summary.</summary>
    public bool Quiet { get; init; }

    /// <summary>`--desc`: advisory descriptions in the report (auto: in JSON, SARIF and HTML only).</summary>
    public DescriptionMode Descriptions { get; init; }

    public static readonly ReportOptions Default = new();

    internal string RootOf(ScanResult result) => Root ?? result.Root;
}

public static class Reporters
{
    public static IReadOnlyList<ReportFormat> All { get; } =
        [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Html, ReportFormat.GitHub, ReportFormat.Markdown,
         ReportFormat.JUnit, ReportFormat.GitLab, ReportFormat.GitLabSast];

    public static IReporter Create(ReportFormat format, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        return format switch
        {
            ReportFormat.Text => new TextReporter(options),
            ReportFormat.Json => new JsonReporter(options),
            ReportFormat.Sarif => new SarifReporter(options),
            ReportFormat.Html => new HtmlReporter(options),
            ReportFormat.GitHub => new GitHubAnnotationsReporter(),
            ReportFormat.Markdown => new MarkdownReporter(options),
            ReportFormat.JUnit => new JUnitReporter(),
            ReportFormat.GitLab => new GitLabCodeQualityReporter(),
            ReportFormat.GitLabSast => new GitLabSastReporter(),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    public static string Name(this ReportFormat format) => format switch
    {
        ReportFormat.Text => "text", ReportFormat.Json => "json", ReportFormat.Sarif => "sarif", ReportFormat.Html => "html",
        ReportFormat.GitHub => "github", ReportFormat.Markdown => "markdown", ReportFormat.JUnit => "junit",
        ReportFormat.GitLab => "gitlab", ReportFormat.GitLabSast => "gitlab-sast",
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
        ReportFormat.GitHub => ".txt", ReportFormat.Markdown => ".md", ReportFormat.JUnit => ".xml",
        ReportFormat.GitLab or ReportFormat.GitLabSast => ".json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

public enum ColorMode { Auto, Always, Never }

/// <summary>Whether the text report should be coloured, following the NO_COLOR and FORCE_COLOR conventions.</summary>
public static class ColorPolicy
{
    /// <param name="mode">The `--color` option.</param>
    /// <param name="outputIsTerminal">False when stdout is redirected or the report goes to a file.</param>
    /// <param name="environment">Looks up an environment variable (Environment.GetEnvironmentVariable in the CLI).</param>
    public static bool UseColor(ColorMode mode, bool outputIsTerminal, Func<string, string?> environment)
    {
        if (mode == ColorMode.Always) return true;
        if (mode == ColorMode.Never) return false;
        // https://no-color.org: any non-empty NO_COLOR disables colour; FORCE_COLOR asks for it even through a pipe.
        if (!string.IsNullOrEmpty(environment("NO_COLOR"))) return false;
        if (environment("FORCE_COLOR") is { Length: > 0 } force && force != "0") return true;
        if (!outputIsTerminal) return false;
        return environment("TERM") != "dumb";
    }

    public static bool TryParse(string name, out ColorMode mode)
    {
        foreach (var m in Enum.GetValues<ColorMode>())
            if (string.Equals(m.ToString(), name, StringComparison.OrdinalIgnoreCase)) { mode = m; return true; }
        mode = default;
        return false;
    }
}
