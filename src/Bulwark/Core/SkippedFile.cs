namespace Bulwark.Core;

/// <summary>
/// A file or directory the scan did not analyse, and why: nothing a repository holds may be silently invisible,
/// so every report lists these by reason.
/// </summary>
public sealed record SkippedFile(string Path, string Reason, string? Detail = null);

/// <summary>The reasons a file is skipped (stable identifiers: the JSON report and SARIF use them).</summary>
public static class SkipReasons
{
    /// <summary>Larger than the size limit.</summary>
    public const string TooLarge = "too-large";
    /// <summary>A FIFO, device or socket: reading it could block forever or never end.</summary>
    public const string SpecialFile = "special-file";
    /// <summary>A symbolic link whose target does not exist.</summary>
    public const string DanglingSymlink = "dangling-symlink";
    /// <summary>A symbolic link that leads outside the scan root.</summary>
    public const string LinkOutsideRoot = "link-outside-root";
    /// <summary>A directory holding `pyvenv.cfg`: a virtual environment, installed packages rather than the project's code.</summary>
    public const string Virtualenv = "virtualenv";
    /// <summary>A name that is not valid UTF-8, which cannot be opened reliably by name.</summary>
    public const string UndecodableName = "undecodable-name";
    /// <summary>Ignored by a `.gitignore` although git tracks it (so it is part of the repository).</summary>
    public const string IgnoredButTracked = "gitignored-but-tracked";
    /// <summary>Could not be read (permissions, I/O error).</summary>
    public const string Unreadable = "unreadable";

    public static readonly string[] All =
        [TooLarge, SpecialFile, DanglingSymlink, LinkOutsideRoot, Virtualenv, UndecodableName, IgnoredButTracked, Unreadable];
}
