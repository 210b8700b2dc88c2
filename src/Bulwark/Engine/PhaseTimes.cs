namespace Bulwark.Engine;

/// <summary>Per-phase CPU time across all files, printed with BULWARK_TIMING=1 (for profiling, off otherwise).</summary>
public static class PhaseTimes
{
    public const int Read = 0, Parse = 1, Semantic = 2, Rules = 3, Finish = 4;
    static readonly string[] Names = ["read+decode", "parse", "semantic", "rules", "suppress+fingerprint"];
    static readonly long[] Ticks = new long[Names.Length];
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("BULWARK_TIMING") == "1";

    public static long Now() => Enabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;

    public static void Add(int phase, ref long since)
    {
        if (!Enabled) return;
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[phase], now - since);
        since = now;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> ByRule = new();

    public static void AddRule(string id, long since) =>
        Interlocked.Add(ref ByRule.GetOrAdd(id, _ => new long[1])[0], System.Diagnostics.Stopwatch.GetTimestamp() - since);

    public static string Report() => TopRules() + "; " + string.Join(", ", Names.Select((n, i) =>
        $"{n} {Ticks[i] * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms"));

    static string TopRules() => "slowest rules: " + string.Join(", ", ByRule.OrderByDescending(kv => kv.Value[0]).Take(6)
        .Select(kv => $"{kv.Key} {kv.Value[0] * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F0} ms"));
}
