namespace Bulwark.Core;

/// <summary>A file found by discovery: absolute path and '/'-separated path relative to the scan root.</summary>
public sealed record DiscoveredFile(string FullPath, string RelativePath, bool IsPython, long Length)
{
    /// <summary>From the absolute path, so that scanning `.github/workflows` itself still sees workflows.</summary>
    public FileKind Kind { get; init; } = IsPython ? FileKind.Python : FileKinds.Classify(FullPath);
}
