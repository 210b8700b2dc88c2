using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark scan -`: the code on standard input, written to a private temporary directory under the path
/// `--stdin-filename` gives (relative to the repository root), so rules, configuration and the report treat it as
/// that file. The directory is removed when disposed.
/// </summary>
public sealed class StdinInput : IDisposable
{
    /// <summary>The temporary file holding the input.</summary>
    public required string Path { get; init; }
    /// <summary>The temporary directory the report's paths are relative to.</summary>
    public required string Root { get; init; }
    /// <summary>Where the input claims to be (the absolute `--stdin-filename`), for configuration discovery.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>Null unless the only path is `-`; `--stdin-filename` without `-` is an error.</summary>
    public static StdinInput? From(IReadOnlyList<string> paths, string? stdinFilename)
    {
        bool dash = paths.Contains("-");
        if (!dash)
        {
            if (stdinFilename is not null) throw new ConfigException("--stdin-filename needs `-` as the path (bulwark scan - --stdin-filename FILE)");
            return null;
        }
        if (paths.Count > 1) throw new ConfigException("`-` (standard input) cannot be combined with other paths");
        var name = stdinFilename ?? "stdin.py";
        var display = System.IO.Path.GetFullPath(name);
        var repository = RepositoryRoot.For([System.IO.Path.GetDirectoryName(display) ?? "."]);
        var relative = RepositoryRoot.IsInside(display, repository)
            ? System.IO.Path.GetRelativePath(repository, display).Replace('\\', '/')
            : System.IO.Path.GetFileName(display);
        if (relative.Length == 0 || relative.StartsWith("../", StringComparison.Ordinal)) relative = System.IO.Path.GetFileName(display);

        string text;
        try { text = Console.In.ReadToEnd(); }
        catch (IOException ex) { throw new ConfigException($"cannot read standard input: {ex.Message}"); }
        var root = Directory.CreateTempSubdirectory("bulwark-stdin-").FullName;
        var file = System.IO.Path.Combine(root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new System.Text.UTF8Encoding(false));
        return new StdinInput { Path = file, Root = root, DisplayPath = display };
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
