using System.Runtime.InteropServices;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// What a path is, told without opening it (opening a FIFO blocks until a writer comes), and where it really is.
/// .NET 10 cannot tell a FIFO, socket or device from a regular file (their attributes are all <c>Normal</c>), so on
/// Linux the type comes from <c>statx(2)</c>, whose structure is the same on every architecture; elsewhere from the
/// .NET attributes (Windows has no such files in folders).
/// </summary>
internal static class FileProbe
{
    /// <summary>The kind of a file system entry, links followed.</summary>
    internal enum Kind
    {
        /// <summary>Nothing there (or a link whose target is missing or loops).</summary>
        Missing,

        /// <summary>A regular file: the only kind read as a definition.</summary>
        Regular,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>A FIFO, socket, character or block device.</summary>
        Special,
    }

    private const int AtFdCwd = -100;
    private const int AtNoAutomount = 0x800;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int StatxBufferBytes = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int ENoEnt = 2;
    private const int ENotDir = 20;
    private const int ELoop = 40;

    /// <summary>The kind and length (bytes; 0 unless regular) of what <paramref name="path"/> names, links followed.</summary>
    /// <exception cref="IOException">The entry cannot be inspected (other than being missing).</exception>
    public static (Kind Kind, long Length) Stat(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxBufferBytes];
            if (NativeMethods.statx(AtFdCwd, path, AtNoAutomount, StatxType | StatxSize, buffer) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error is ENoEnt or ENotDir or ELoop
                    ? (Kind.Missing, 0)
                    : throw new IOException($"Could not inspect '{path}': {Marshal.GetPInvokeErrorMessage(error)}.");
            }

            var mode = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
            return mode switch
            {
                TypeRegular => (Kind.Regular, (long)BitConverter.ToUInt64(buffer, SizeOffset)),
                TypeDirectory => (Kind.Directory, 0),
                _ => (Kind.Special, 0),
            };
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : info;
        }

        return Directory.Exists(info.FullName) ? (Kind.Directory, 0)
            : !info.Exists ? (Kind.Missing, 0)
            : (info.Attributes & FileAttributes.Device) != 0 ? (Kind.Special, 0)
            : (Kind.Regular, info.Length);
    }

    /// <summary>The absolute path of <paramref name="path"/> with every link resolved, or <see langword="null"/> when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var resolved = NativeMethods.realpath(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                Marshal.FreeHGlobal(resolved);
            }
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        return info.LinkTarget is null ? Path.GetFullPath(path) : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);
    }
}
