using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Tests.Engine;

public class ScanProfilerTests
{
    [Fact]
    public void Each_scan_profiler_counts_only_its_own_time()
    {
        var first = new ScanProfiler();
        var second = new ScanProfiler();
        long since = ScanProfiler.Timestamp() - System.Diagnostics.Stopwatch.Frequency; // one second ago
        first.Add(ScanProfiler.Phase.Parse, ref since);
        first.AddRule("B602", ScanProfiler.Timestamp() - System.Diagnostics.Stopwatch.Frequency / 2);

        Assert.Matches(@"^slowest rules: B602 5\d\d ms; read\+decode 0 ms, parse 1\d\d\d ms, semantic 0 ms, rules 0 ms, suppress\+fingerprint 0 ms, taint lowering 0 ms$", first.Report());
        Assert.Equal("slowest rules: ; read+decode 0 ms, parse 0 ms, semantic 0 ms, rules 0 ms, suppress+fingerprint 0 ms, taint lowering 0 ms", second.Report());
    }

    [Fact]
    public void Adding_a_phase_restarts_the_clock_so_phases_chain()
    {
        var profiler = new ScanProfiler();
        long since = ScanProfiler.Timestamp() - System.Diagnostics.Stopwatch.Frequency;
        profiler.Add(ScanProfiler.Phase.Read, ref since);
        profiler.Add(ScanProfiler.Phase.Parse, ref since);
        Assert.Matches(@"read\+decode 1\d\d\d ms, parse [0-9]{1,2} ms,", profiler.Report());
    }
}
