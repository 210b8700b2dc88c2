using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Semantics;
using Assert = Xunit.Assert;

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
        first.AddRule("B602", ScanProfiler.Timestamp() - System.Diagnostics.Stopwatch.Frequency / 2, ScanProfiler.AllocatedBytes());

        Assert.Matches(@"^slowest rules: B602 5\d\d ms; most allocating rules: B602 0 MB; read\+decode 0 ms, parse 1\d\d\d ms, semantic 0 ms, rules 0 ms, suppress\+fingerprint 0 ms, taint lowering 0 ms, file rules 0 ms; ", first.Report());
        Assert.StartsWith("slowest rules: ; most allocating rules: ; read+decode 0 ms, parse 0 ms, semantic 0 ms, rules 0 ms, suppress+fingerprint 0 ms, taint lowering 0 ms, file rules 0 ms; "
            + "allocated by phase: read+decode 0 MB, parse 0 MB, semantic 0 MB, rules 0 MB, suppress+fingerprint 0 MB, taint lowering 0 MB, file rules 0 MB; GC: ", second.Report());
    }

    [Fact]
    public void A_phase_is_charged_with_what_its_thread_allocated_since_the_last_boundary()
    {
        var profiler = new ScanProfiler();
        long since = profiler.Start();
        var kept = new byte[8 * 1048576];
        profiler.Add(ScanProfiler.Phase.Parse, ref since);
        profiler.Add(ScanProfiler.Phase.Rules, ref since);
        profiler.Move(ScanProfiler.Phase.Parse, ScanProfiler.Phase.Semantic, 0, 2 * 1048576);
        Assert.Matches(@"allocated by phase: read\+decode 0 MB, parse 6 MB, semantic 2 MB, rules 0 MB,", profiler.Report());
        Assert.Matches(@"; GC: \d+ gen0, \d+ gen1, \d+ gen2 collections, pauses \d+ ms, \d+ MB allocated$", profiler.Report());
        GC.KeepAlive(kept);
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

    /// <summary>Asks for the semantic model on the module node: the first question, so it builds the model.</summary>
    sealed class AsksFirst : CodeRule
    {
        public override RuleInfo Info { get; } = new(Id: "T001", Name: "asks-first", Family: Family.Code,
            Severity: Severity.Low, Confidence: Confidence.Low, Cwe: 0, What: "test", Why: "test", Example: "", Fix: "",
            References: []);
        public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Module];
        public override void Check(Node node, CodeContext context) => _ = context.Semantic.ImportedModules.Count;
    }

    [Fact]
    public void A_rule_is_not_charged_for_the_semantic_model_its_first_question_builds()
    {
        var parse = PythonParser.Parse("import os\n");
        var file = new SourceFile("t.py", "t.py", new SourceText("import os\n"), true);
        var clock = new SemanticClock();
        SemanticModel SlowBuild()
        {
            long t0 = ScanProfiler.Timestamp();
            Thread.Sleep(300);
            var model = SemanticModel.Build(parse.Module);
            clock.Ticks += ScanProfiler.Timestamp() - t0;
            return model;
        }
        var context = new CodeContext(file, parse, SlowBuild, new ScanSettings(), []);
        var profiler = new ScanProfiler();
        new RuleDispatcher(new RuleSet([new AsksFirst()]), context, [], profiler, clock).Visit(parse.Module);

        Assert.True(clock.Ticks >= System.Diagnostics.Stopwatch.Frequency / 4);
        Assert.Matches(@"^slowest rules: T001 [0-9]{1,2} ms;", profiler.Report());
    }
}
