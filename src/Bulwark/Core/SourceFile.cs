using Bulwark.Python;

namespace Bulwark.Core;

/// <summary>A decoded file of the scan. RelativePath uses '/' and is relative to the scan root.</summary>
public sealed class SourceFile(string fullPath, string relativePath, SourceText text, bool isPython)
{
    public string FullPath { get; } = fullPath;
    public string RelativePath { get; } = relativePath;
    /// <summary>The path module names derive from (see <see cref="DiscoveredFile.ImportPath"/>).</summary>
    public string ImportPath { get; init; } = relativePath;
    public SourceText Text { get; } = text;
    public bool IsPython { get; } = isPython;
    public string FileName => System.IO.Path.GetFileName(RelativePath);
}
