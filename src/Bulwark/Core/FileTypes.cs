using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bulwark.Core;

/// <summary>What a directory entry is. Only <see cref="Regular"/> files are ever opened for reading.</summary>
public enum FileType { Missing, Regular, Directory, SymbolicLink, Fifo, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>
/// The type of a file, asked of the file system without opening it (`stat`/`lstat`, or `fstat` on an open handle):
/// opening a FIFO blocks until a writer appears and a character device can be read forever, so the type is checked
/// before a file is opened, and again on the open handle.
/// </summary>
public static partial class FileTypes
{
    // .NET's own portable layer (libSystem.Native, linked into every .NET and NativeAOT executable) fills a
    // platform-independent FileStatus: Flags at 0, Mode at 4, Uid at 8, Gid at 12, Size at 16 (see FileKindTests).
    internal const int StatusBufferBytes = 256;
    internal const int ModeOffset = 4, UidOffset = 8, GidOffset = 12, SizeOffset = 16;
    const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000,
        S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFSOCK = 0xC000;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static unsafe partial int FStat(SafeFileHandle fd, byte* status);

    // .NET's native layer has no chown; fchown(2) has the same signature on every Unix.
    [LibraryImport("libc", EntryPoint = "fchown")]
    private static partial int FChown(SafeFileHandle fd, uint uid, uint gid);

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> false a symbolic link is reported as one.</summary>
    public static FileType Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsWindows()) return WindowsKind(path);
        return Status(path, followLinks, out var mode, out _, out _) ? KindOf(mode) : FileType.Missing;
    }

    /// <summary>The kind of <paramref name="path"/> (links followed) and its size in bytes, from one `stat`.</summary>
    public static FileType Of(string path, out long size) => Of(path, followLinks: true, out size);

    /// <summary>The kind of <paramref name="path"/> and its size in bytes, from one `stat` (or `lstat`, which reports a link as one).</summary>
    public static unsafe FileType Of(string path, bool followLinks, out long size)
    {
        size = 0;
        if (OperatingSystem.IsWindows())
        {
            var kind = WindowsKind(path);
            if (kind == FileType.Regular)
            {
                try { size = new FileInfo(path).Length; }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return FileType.Missing; }
            }
            return kind;
        }
        if (path.Length == 0 || path.Contains('\0')) return FileType.Missing;
        byte* buffer = stackalloc byte[StatusBufferBytes];
        if ((followLinks ? Stat(path, buffer) : LStat(path, buffer)) != 0) return FileType.Missing;
        size = *(long*)(buffer + SizeOffset);
        return KindOf(*(int*)(buffer + ModeOffset));
    }

    /// <summary>The kind of an open file.</summary>
    public static FileType Of(SafeFileHandle handle) => Of(handle, out _);

    /// <summary>The kind of an open file and its size in bytes, from one `fstat`.</summary>
    public static unsafe FileType Of(SafeFileHandle handle, out long size)
    {
        size = 0;
        if (OperatingSystem.IsWindows())
        {
            size = RandomAccess.GetLength(handle);
            return FileType.Regular;
        }
        byte* buffer = stackalloc byte[StatusBufferBytes];
        if (FStat(handle, buffer) != 0) return FileType.Missing;
        size = *(long*)(buffer + SizeOffset);
        return KindOf(*(int*)(buffer + ModeOffset));
    }

    /// <summary>Owner of an existing file (Unix), to give a replacement file the same owner.</summary>
    public static bool TryGetOwner(string path, out uint uid, out uint gid)
    {
        uid = gid = 0;
        if (OperatingSystem.IsWindows()) return false;
        return Status(path, followLinks: true, out _, out uid, out gid);
    }

    /// <summary>Gives an open file an owner; false when not permitted (only root may give files away).</summary>
    public static bool TrySetOwner(SafeFileHandle handle, uint uid, uint gid)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return FChown(handle, uid, gid) == 0; }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    static unsafe bool Status(string path, bool followLinks, out int mode, out uint uid, out uint gid)
    {
        mode = 0; uid = gid = 0;
        if (path.Length == 0 || path.Contains('\0')) return false;
        byte* buffer = stackalloc byte[StatusBufferBytes];
        int rc = followLinks ? Stat(path, buffer) : LStat(path, buffer);
        if (rc != 0) return false;
        mode = *(int*)(buffer + ModeOffset);
        uid = *(uint*)(buffer + UidOffset);
        gid = *(uint*)(buffer + GidOffset);
        return true;
    }

    static FileType KindOf(int mode) => (mode & S_IFMT) switch
    {
        S_IFREG => FileType.Regular,
        S_IFDIR => FileType.Directory,
        S_IFLNK => FileType.SymbolicLink,
        S_IFIFO => FileType.Fifo,
        S_IFCHR => FileType.CharacterDevice,
        S_IFBLK => FileType.BlockDevice,
        S_IFSOCK => FileType.Socket,
        _ => FileType.Other,
    };

    static FileType WindowsKind(string path)
    {
        try
        {
            var attributes = File.GetAttributes(path);
            if ((attributes & FileAttributes.ReparsePoint) != 0) return FileType.SymbolicLink;
            return (attributes & FileAttributes.Directory) != 0 ? FileType.Directory : FileType.Regular;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { return FileType.Missing; }
    }

    /// <summary>How a report names a kind of file.</summary>
    public static string Describe(FileType kind) => kind switch
    {
        FileType.Regular => "regular file",
        FileType.Directory => "directory",
        FileType.SymbolicLink => "symbolic link",
        FileType.Fifo => "FIFO",
        FileType.CharacterDevice => "character device",
        FileType.BlockDevice => "block device",
        FileType.Socket => "socket",
        FileType.Missing => "missing file",
        _ => "special file",
    };
}
