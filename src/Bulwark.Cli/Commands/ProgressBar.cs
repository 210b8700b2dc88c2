using System.Diagnostics;

namespace Bulwark.Cli.Commands;

/// <summary>A one-line progress bar on stderr, only on a terminal, and only once a scan has run for half a second.</summary>
public sealed class ProgressBar : IDisposable
{
    readonly TextWriter _err;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly object _gate = new();
    long _lastDraw = -1;
    bool _drawn, _disposed;

    ProgressBar(TextWriter err) => _err = err;

    public static ProgressBar? CreateIfInteractive(TextWriter stderr, bool enabled)
    {
        // The bar draws with '\r', which MessageWriter would make visible: it writes to the console itself.
        if (stderr is MessageWriter m) stderr = m.Inner;
        return enabled && Terminal.StderrIsInteractive && ReferenceEquals(stderr, Console.Error) ? new ProgressBar(stderr) : null;
    }

    public void Update(int done, int total)
    {
        long now = _clock.ElapsedMilliseconds;
        if (now < 500 || now - Volatile.Read(ref _lastDraw) < 100 && done != total) return;
        lock (_gate)
        {
            if (_disposed) return;
            _lastDraw = now;
            const int width = 30;
            int filled = total == 0 ? width : (int)((long)done * width / total);
            _err.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} files");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_drawn) _err.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}
