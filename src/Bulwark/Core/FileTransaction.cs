using System.Text;

namespace Bulwark.Core;

/// <summary>The file operations a multi-file edit needs; tests substitute one that fails part-way.</summary>
public interface IFileSystem
{
    /// <summary>The kind of the entry itself (a symbolic link is reported as one).</summary>
    FileType KindOf(string path);
    /// <summary>The path with every symbolic link resolved.</summary>
    string RealPath(string path);
    FileRead Read(string path, long maxBytes);
    /// <summary>Replaces a regular file's content through a temporary file and a rename, keeping mode and owner.</summary>
    void Replace(string path, byte[] content);
}

public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();
    public FileType KindOf(string path) => FileTypes.Of(path, followLinks: false);
    public string RealPath(string path) => ProjectPath.Real(path);
    public FileRead Read(string path, long maxBytes) => BoundedFile.ReadBytes(path, maxBytes);
    public void Replace(string path, byte[] content) => OutputFile.Replace(path, s => s.Write(content));
}

/// <summary>One planned edit: the file, how reports name it, its bytes when planned and the bytes to write.</summary>
public sealed record FileChange(string Path, string DisplayPath, byte[] Before, byte[] After);

/// <summary>What an edit of several files did: written and kept, or restored after a failure, or (worst) left changed.</summary>
public sealed record TransactionResult(string? Error, IReadOnlyList<string> Written, IReadOnlyList<string> Restored, IReadOnlyList<string> LeftChanged)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Edits several files as one: every target is checked first (a regular file, not a link, inside the project,
/// unchanged since it was read), then each is replaced atomically; if one write fails, those already written are
/// put back, and anything that could not be put back is named.
/// </summary>
public static class FileTransaction
{
    public static TransactionResult Commit(IReadOnlyList<FileChange> changes, string root, IFileSystem fs)
    {
        var realRoot = fs.RealPath(root);
        foreach (var c in changes)
        {
            var kind = fs.KindOf(c.Path);
            if (kind != FileType.Regular)
                return Refused($"{c.DisplayPath}: is a {FileTypes.Describe(kind)}, not a regular file; nothing was changed");
            if (!ProjectPath.IsInside(fs.RealPath(c.Path), realRoot))
                return Refused($"{c.DisplayPath}: outside the project; nothing was changed");
            var now = fs.Read(c.Path, BoundedFile.MaxManifestBytes);
            if (now.Bytes is null || !now.Bytes.AsSpan().SequenceEqual(c.Before))
                return Refused($"{c.DisplayPath}: changed since it was read; nothing was changed");
        }

        var written = new List<FileChange>();
        foreach (var c in changes)
        {
            try
            {
                fs.Replace(c.Path, c.After);
                written.Add(c);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var restored = new List<string>();
                var left = new List<string>();
                foreach (var w in written)
                {
                    try { fs.Replace(w.Path, w.Before); restored.Add(w.DisplayPath); }
                    catch (Exception rex) when (rex is IOException or UnauthorizedAccessException) { left.Add(w.DisplayPath); }
                }
                return new TransactionResult($"{c.DisplayPath}: cannot write: {ex.Message}", [], restored, left);
            }
        }
        return new TransactionResult(null, written.Select(w => w.DisplayPath).ToList(), [], []);
    }

    static TransactionResult Refused(string message) => new(message, [], [], []);

    /// <summary>The bytes for <paramref name="text"/>, keeping a UTF-8 byte-order mark when the original had one.</summary>
    public static byte[] EncodeLike(byte[] original, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        if (!original.AsSpan().StartsWith("\xEF\xBB\xBF"u8)) return body;
        var withBom = new byte[body.Length + 3];
        "\xEF\xBB\xBF"u8.CopyTo(withBom);
        body.CopyTo(withBom, 3);
        return withBom;
    }
}
