using Bulwark.Python;

namespace Bulwark.Core;

/// <summary>A decoded file of the scan. RelativePath uses '/' and is relative to the scan root.</summary>
public sealed class SourceFile(string fullPath, string relativePath, SourceText text, bool isPython)
{
    public string FullPath { get; } = fullPath;
    public string RelativePath { get; } = relativePath;
    public SourceText Text { get; } = text;
    public bool IsPython { get; } = isPython;
    public string FileName => System.IO.Path.GetFileName(RelativePath);
}
