namespace Bulwark.Core;

/// <summary>
/// Where a command writes what the user asked for (`--output`, `sbom -o`, `db import -o`, `baseline create -o`).
/// A regular file (or a missing one) is replaced whole through a temporary file beside it and a rename, keeping
/// the old file's mode and owner; a FIFO, a character device or a standard stream (`/dev/stdout`, `/dev/null`) is
/// written in place, never replaced; anything else is refused. No temporary file outlives an error.
/// </summary>
public static class OutputFile
{
    /// <summary>Why <paramref name="path"/> cannot be written, or null: checked before a long scan starts.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "empty output path";
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return $"{path}: invalid path"; }
        var (mode, _) = Target(full);
        switch (mode)
        {
            case Mode.Direct: return null;
            case Mode.Refused: return $"{path}: is a {FileTypes.Describe(FileTypes.Of(full))}, not a file to write";
        }
        var dir = Path.GetDirectoryName(full);
        if (dir is null || FileTypes.Of(dir) != FileType.Directory) return $"{path}: directory does not exist";
        // The only sure test of "may create a file here" is creating one.
        var probe = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot write in {dir}: {ex.Message}";
        }
    }

    /// <summary>Writes what <paramref name="write"/> produces to <paramref name="path"/>; throws IOException with a one-line message.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var (mode, target) = Target(full);
        switch (mode)
        {
            case Mode.Refused:
                throw new IOException($"{path}: is a {FileTypes.Describe(FileTypes.Of(full))}, not a file to write");
            case Mode.Direct:
                WriteInPlace(target, write);
                return;
            default:
                Replace(target, write);
                return;
        }
    }

    enum Mode { Replace, Direct, Refused }

    /// <summary>How to write <paramref name="full"/>, and the file to replace (a link's final target, so the link stays).</summary>
    static (Mode, string) Target(string full)
    {
        var kind = FileTypes.Of(full, followLinks: false);
        if (kind == FileType.SymbolicLink)
        {
            // `/dev/stdout` → `/proc/self/fd/1` → whatever the shell opened: write through the link, never replace it.
            string? final = null;
            try { final = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName; }
            catch (IOException) { }
            if (final is null) return (Mode.Refused, full);
            var finalKind = FileTypes.Of(final, followLinks: false);
            if (IsSystemPath(full) || IsSystemPath(final)) return finalKind == FileType.Directory ? (Mode.Refused, full) : (Mode.Direct, full);
            return finalKind switch
            {
                FileType.Missing or FileType.Regular => (Mode.Replace, final),
                FileType.Fifo or FileType.CharacterDevice or FileType.Socket => (Mode.Direct, full),
                _ => (Mode.Refused, full),
            };
        }
        return kind switch
        {
            FileType.Missing or FileType.Regular => IsSystemPath(full) && kind == FileType.Regular ? (Mode.Direct, full) : (Mode.Replace, full),
            FileType.Fifo or FileType.CharacterDevice => (Mode.Direct, full),
            _ => (Mode.Refused, full),
        };
    }

    /// <summary>A name for an already-open stream (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`): written through, never replaced.</summary>
    static bool IsSystemPath(string path) =>
        path is "/dev/stdout" or "/dev/stderr" or "/dev/tty" || path.StartsWith("/dev/fd/", StringComparison.Ordinal)
        || path.StartsWith("/proc/", StringComparison.Ordinal);

    static void WriteInPlace(string path, Action<Stream> write)
    {
        // Open without O_CREAT or O_TRUNC: a device or pipe is written to, not replaced.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        if (stream.CanSeek && FileTypes.Of(stream.SafeFileHandle) == FileType.Regular) stream.SetLength(0);
        using var buffered = new BufferedStream(stream, 64 * 1024);
        write(new KeepOpen(buffered));
        buffered.Flush();
    }

    /// <summary>Replaces (or creates) the regular file <paramref name="path"/> through a temporary file in its directory.</summary>
    public static void Replace(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(path) ?? ".";
        if (FileTypes.Of(dir) != FileType.Directory) throw new IOException($"{path}: directory does not exist");
        var existing = FileTypes.Of(path, followLinks: false);
        if (existing is not (FileType.Missing or FileType.Regular))
            throw new IOException($"{path}: is a {FileTypes.Describe(existing)}, not a file to replace");
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        bool moved = false;
        try
        {
            // CreateNew (O_EXCL) never follows a link planted under the temporary name.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(new KeepOpen(stream));
                stream.Flush(flushToDisk: true);
                if (existing == FileType.Regular) KeepModeAndOwner(path, temp, stream);
            }
            File.Move(temp, path, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved) TryDelete(temp);
        }
    }

    static void KeepModeAndOwner(string original, string temp, FileStream stream)
    {
        if (OperatingSystem.IsWindows()) return;
        try { File.SetUnixFileMode(temp, File.GetUnixFileMode(original)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        if (FileTypes.TryGetOwner(original, out var uid, out var gid) && FileTypes.TryGetOwner(temp, out var u2, out var g2)
            && (uid != u2 || gid != g2))
            FileTypes.TrySetOwner(stream.SafeFileHandle, uid, gid); // only root may; otherwise the writer owns it, as with any editor
    }

    /// <summary>The stream handed to a writer, which may dispose it: the file is flushed and closed here, after it returns.</summary>
    sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        protected override void Dispose(bool disposing) { if (disposing) inner.Flush(); base.Dispose(disposing); }
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
