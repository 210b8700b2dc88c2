using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bulwark.Engine;

/// <summary>
/// Time of one scan by phase and by rule, summed over the worker threads (thread time: it includes the garbage
/// collector's pauses and time the thread waited for a core), and bytes allocated by phase; printed with BULWARK_TIMING=1.
/// Owned by the scan that creates it; the counters are added to atomically from any worker.
/// </summary>
public sealed class ScanProfiler
{
    public enum Phase { Read, Parse, Semantic, Rules, Finish, TaintLowering, FileRules }

    static readonly string[] PhaseNames = ["read+decode", "parse", "semantic", "rules", "suppress+fingerprint", "taint lowering", "file rules"];

    readonly long[] _ticks = new long[PhaseNames.Length];
    readonly long[] _bytes = new long[PhaseNames.Length];

    /// <summary>What this thread had allocated at its last phase boundary (<see cref="Start"/> or <see cref="Add"/>).</summary>
    [ThreadStatic] static long t_allocated;
    readonly ConcurrentDictionary<string, long[]> _byRule = new(StringComparer.Ordinal);

    /// <summary>A profiler when BULWARK_TIMING=1; otherwise null, and profiling costs a null check per phase and rule call.</summary>
    public static ScanProfiler? FromEnvironment() =>
        Environment.GetEnvironmentVariable("BULWARK_TIMING") == "1" ? new ScanProfiler() : null;

    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>Starts a chain of phases on this thread: the clock to pass to <see cref="Add"/>.</summary>
    public long Start()
    {
        t_allocated = GC.GetAllocatedBytesForCurrentThread();
        return Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Counts the time since <paramref name="since"/>, and what this thread allocated since its last boundary, to the
    /// phase and restarts the clock, so phases chain.
    /// </summary>
    public void Add(Phase phase, ref long since)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - since);
        since = now;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Interlocked.Add(ref _bytes[(int)phase], allocated - t_allocated);
        t_allocated = allocated;
    }

    /// <summary>Counts time and allocation measured within one phase to another (a model built lazily during the rules' walk).</summary>
    public void Move(Phase from, Phase to, long ticks, long bytes = 0)
    {
        Interlocked.Add(ref _ticks[(int)from], -ticks);
        Interlocked.Add(ref _ticks[(int)to], ticks);
        Interlocked.Add(ref _bytes[(int)from], -bytes);
        Interlocked.Add(ref _bytes[(int)to], bytes);
    }

    /// <summary>Counts a rule's time since <paramref name="since"/> and its allocation since <paramref name="bytesSince"/> (<see cref="AllocatedBytes"/>).</summary>
    public void AddRule(string id, long since, long bytesSince)
    {
        var counters = _byRule.GetOrAdd(id, _ => new long[2]);
        Interlocked.Add(ref counters[0], Stopwatch.GetTimestamp() - since);
        Interlocked.Add(ref counters[1], GC.GetAllocatedBytesForCurrentThread() - bytesSince);
    }

    public static long AllocatedBytes() => GC.GetAllocatedBytesForCurrentThread();

    public string Report() => TopRules() + "; " + string.Join(", ", PhaseNames.Select((n, i) =>
        $"{n} {_ticks[i] * 1000.0 / Stopwatch.Frequency:F0} ms")) + "; allocated by phase: " + string.Join(", ",
        PhaseNames.Select((n, i) => $"{n} {_bytes[i] / 1048576.0:F0} MB")) + "; " + Collections();

    /// <summary>
    /// The garbage collector's share so far: collections by generation, total pause, bytes allocated. The phase
    /// times are thread times, so a pause shows in whichever phase a thread was in when it was stopped.
    /// </summary>
    public static string Collections() =>
        $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, " +
        $"pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB allocated";

    string TopRules() => "slowest rules: " + string.Join(", ", _byRule.OrderByDescending(kv => kv.Value[0]).Take(6)
        .Select(kv => $"{kv.Key} {kv.Value[0] * 1000.0 / Stopwatch.Frequency:F0} ms")) + "; most allocating rules: " +
        string.Join(", ", _byRule.OrderByDescending(kv => kv.Value[1]).Take(6).Select(kv => $"{kv.Key} {kv.Value[1] / 1048576.0:F0} MB"));
}
