namespace Bulwark.Core;

/// <summary>A file found by discovery: absolute path and '/'-separated path relative to the scan root.</summary>
public sealed record DiscoveredFile(string FullPath, string RelativePath, bool IsPython, long Length)
{
    /// <summary>From the absolute path, so that scanning `.github/workflows` itself still sees workflows.</summary>
    public FileKind Kind { get; init; } = IsPython ? FileKind.Python : FileKinds.Classify(FullPath);

    /// <summary>
    /// The path module names derive from: relative to the directory the user scanned (`app/views.py`), where
    /// <see cref="RelativePath"/>, relative to the repository root, may begin with directories that are not packages.
    /// </summary>
    public string ImportPath { get; init; } = RelativePath;
}
