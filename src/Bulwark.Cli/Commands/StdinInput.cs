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

    /// <summary>Where standard input's bytes come from; tests replace it.</summary>
    internal static Func<Stream> OpenInput { get; set; } = Console.OpenStandardInput;

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

        // The bytes, not text: decoding is the scan's job, so a PEP 263 cookie (`# -*- coding: latin-1 -*-`) or a BOM
        // applies to standard input exactly as to a file. Text decoded here as UTF-8 would have lost the bytes already.
        byte[] bytes;
        try
        {
            using var input = OpenInput();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        catch (IOException ex) { throw new ConfigException($"cannot read standard input: {ex.Message}"); }
        var root = Directory.CreateTempSubdirectory("bulwark-stdin-").FullName;
        var file = System.IO.Path.Combine(root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return new StdinInput { Path = file, Root = root, DisplayPath = display };
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
