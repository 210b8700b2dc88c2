using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bulwark.Engine;

/// <summary>
/// CPU time of one scan by phase and by rule, summed over the worker threads; printed with BULWARK_TIMING=1.
/// Owned by the scan that creates it; the counters are added to atomically from any worker.
/// </summary>
public sealed class ScanProfiler
{
    public enum Phase { Read, Parse, Semantic, Rules, Finish, TaintLowering }

    static readonly string[] PhaseNames = ["read+decode", "parse", "semantic", "rules", "suppress+fingerprint", "taint lowering"];

    readonly long[] _ticks = new long[PhaseNames.Length];
    readonly ConcurrentDictionary<string, long[]> _byRule = new(StringComparer.Ordinal);

    /// <summary>A profiler when BULWARK_TIMING=1; otherwise null, and profiling costs a null check per phase and rule call.</summary>
    public static ScanProfiler? FromEnvironment() =>
        Environment.GetEnvironmentVariable("BULWARK_TIMING") == "1" ? new ScanProfiler() : null;

    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>Counts the time since <paramref name="since"/> to the phase and restarts the clock, so phases chain.</summary>
    public void Add(Phase phase, ref long since)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - since);
        since = now;
    }

    /// <summary>Counts time measured within one phase to another (a model built lazily during the rules' walk).</summary>
    public void Move(Phase from, Phase to, long ticks)
    {
        if (ticks == 0) return;
        Interlocked.Add(ref _ticks[(int)from], -ticks);
        Interlocked.Add(ref _ticks[(int)to], ticks);
    }

    /// <summary>Counts a rule's time since <paramref name="since"/>, less <paramref name="excluded"/> ticks counted to a phase (a model it made build).</summary>
    public void AddRule(string id, long since, long excluded = 0) =>
        Interlocked.Add(ref _byRule.GetOrAdd(id, _ => new long[1])[0], Stopwatch.GetTimestamp() - since - excluded);

    public string Report() => TopRules() + "; " + string.Join(", ", PhaseNames.Select((n, i) =>
        $"{n} {_ticks[i] * 1000.0 / Stopwatch.Frequency:F0} ms"));

    string TopRules() => "slowest rules: " + string.Join(", ", _byRule.OrderByDescending(kv => kv.Value[0]).Take(6)
        .Select(kv => $"{kv.Key} {kv.Value[0] * 1000.0 / Stopwatch.Frequency:F0} ms"));
}
