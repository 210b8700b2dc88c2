using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Rules.Code;
using Bulwark.Semantics;
using Bulwark.Taint;

namespace Bulwark.Engine;

/// <summary>
/// The injection rules' part of a scan: models for the scan, each Python file lowered to the taint IR in the
/// parallel phase, the project-wide analysis once every file is done, its flows turned into findings of the rules
/// that asked for them, and — in the default profile — pattern findings a flow already explains removed.
/// </summary>
public static class TaintPhase
{
    /// <summary>The scan's models, or null when no injection rule runs. Mistakes in configured models are configuration errors.</summary>
    public static ModelCatalog? Models(RuleSet rules, ScanSettings settings)
    {
        if (!rules.RunsTaint) return null;
        try { return new ModelCatalog(settings.TaintModels); }
        catch (ModelException ex) { throw new ConfigException(ex.Message); }
    }

    /// <summary>The source kinds a configuration may name (`taint.report-sources`).</summary>
    public static IReadOnlyList<string> SourceKindNames { get; } = SourceKinds.Names.ToArray();

    /// <summary>Checks model rows from a configuration file; throws <see cref="ConfigException"/> with the file and line.</summary>
    public static void Validate(string origin, string toml)
    {
        try { ModelReader.Read(toml, origin, new ModelTables(), out _); }
        catch (ModelException ex) { throw new ConfigException(ex.Message); }
    }

    /// <summary>Packed size of the lowered modules past which the project phase starts with a full collection.</summary>
    const long LargeProjectBytes = 32L << 20;

    /// <summary>Templates larger than this are not read (a page template is a few kilobytes).</summary>
    const long MaxTemplateBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The project's Django and Jinja2 templates among the discovered files (under a `templates` directory), read for
    /// the variables they print unescaped. A template that cannot be read is left out: it only narrows template sinks.
    /// </summary>
    public static TemplateIndex Templates(IEnumerable<DiscoveredFile> files) =>
        TemplateIndex.Build(files
            .Where(f => !f.IsPython && f.Length <= MaxTemplateBytes && TemplateIndex.NameOf(f.RelativePath) is not null)
            .Select(f => (f.RelativePath, (Func<string?>)(() => BoundedFile.ReadText(f.FullPath, MaxTemplateBytes, out _)))));

    /// <summary>Lowers one parsed file; a failure costs that file's flows, never the scan.</summary>
    public static ModuleIr? Lower(SourceFile file, Module module, SemanticModel semantic, ModelCatalog catalog, List<string> warnings)
    {
        try { return Lowering.Lower(file.RelativePath, module, semantic, catalog); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            warnings.Add($"taint analysis: {file.RelativePath} was not analysed ({ex.GetType().Name}: {ex.Message})");
            return null;
        }
    }

    /// <summary>
    /// Runs the project phase and returns the injection findings, suppressed and fingerprinted like any others.
    /// Sources are not kept through the scan: <paramref name="load"/> reads a file again (by its index in
    /// <paramref name="outcomes"/>) when a flow passes through it, or returns null when it changed since it was analysed.
    /// </summary>
    public static FileOutcome Run(FileOutcome?[] outcomes, Func<int, SourceFile?> load, RuleSet rules, ScanSettings settings, ModelCatalog catalog, List<string> warnings,
        TemplateIndex? templates = null)
    {
        long packedBytes = 0;
        foreach (var o in outcomes) packedBytes += o?.Taint?.Size ?? 0;
        var outcome = RunPhase(outcomes, load, rules, settings, catalog, warnings, templates, packedBytes);
        // Everything the phase built is dead now, and much of it sits in the oldest generation, where the young-generation
        // cap of the project phase promoted it: one compacting collection gives it back before the project rules and the
        // report. On the synthetic 100,000-file tree (a full scan peaks after the phase, writing 125,000 findings): peak
        // RSS 1,137-1,251 MB without the cap or this collection, 1,344-1,351 with the cap alone, 843-845 with both.
        if (packedBytes > LargeProjectBytes) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return outcome;
    }

    /// <summary>The phase itself, in a method of its own so that nothing it built is still referenced once it returns.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static FileOutcome RunPhase(FileOutcome?[] outcomes, Func<int, SourceFile?> load, RuleSet rules, ScanSettings settings, ModelCatalog catalog, List<string> warnings,
        TemplateIndex? templates, long packedBytes)
    {
        var indices = new List<int>();
        for (int i = 0; i < outcomes.Length; i++)
            if (outcomes[i]?.Taint is not null) indices.Add(i);
        // Unpacked in parallel, each into its slot: the order is the files' whatever the scheduling. Each packed
        // module is let go as soon as it is unpacked; each thread shares the strings and name lists of the modules
        // it unpacked.
        var unpackClock = System.Diagnostics.Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        var unpacked = new ModuleIr[indices.Count];
        Parallel.For(0, unpacked.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Jobs) },
            () => new PackedModule.Pool(),
            (m, _, pool) =>
            {
                var outcome = outcomes[indices[m]]!;
                unpacked[m] = outcome.Taint!.Unpack(pool);
                outcome.Taint = null;
                return pool;
            },
            _ => { });
        var modules = new List<ModuleIr>(unpacked);
        // The packed modules and the garbage of unpacking them are dead now, under the project phase's structures about
        // to be built: one compacting collection that gives their memory back keeps it from adding to the phase's peak
        // (site-packages, code and injection rules, alternating runs: peak RSS 511-526 -> 503-506 MB, 0.1-0.4 s more).
        // Not worth its pause on a small project.
        if (packedBytes > LargeProjectBytes) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "1")
        {
            long bodyBytes = 0;
            foreach (var m in modules) bodyBytes += m.Bodies?.Size ?? 0;
            Console.Error.WriteLine($"timing: taint modules unpacked in {unpackClock.ElapsedMilliseconds} ms ({packedBytes / 1048576} MB packed, of which {bodyBytes / 1048576} MB of bodies kept packed; GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms)");
        }
        var result = Analyse(modules, catalog, rules, settings, templates: templates);
        warnings.AddRange(result.Warnings);
        var sources = new SourceFile?[modules.Count];
        var missing = new bool[modules.Count];
        SourceFile? FileOf(int m)
        {
            if (sources[m] is null && !missing[m])
            {
                sources[m] = load(indices[m]);
                if (sources[m] is null)
                {
                    missing[m] = true;
                    warnings.Add($"taint analysis: {Untrusted.Visible(modules[m].Path)} changed or vanished during the scan; flows through it are not reported");
                }
            }
            return sources[m];
        }
        var raw = Findings(result, modules, FileOf, rules, settings);
        var projectFiles = new List<ProjectFile>();
        foreach (var f in sources)
            if (f is not null) projectFiles.Add(new ProjectFile(f.FullPath, f.RelativePath, () => f) { ImportPath = f.ImportPath });
        return FindingFinisher.ProjectFindings(raw, projectFiles, settings);
    }

    public static TaintResult Analyse(IReadOnlyList<ModuleIr> modules, ModelCatalog catalog, RuleSet rules, ScanSettings settings, bool collectSummaries = false,
        TemplateIndex? templates = null)
    {
        uint sources = 0;
        foreach (var r in rules.TaintRules)
            foreach (var k in r.SourceKinds) sources |= SourceKinds.Parse(k) ?? 0;
        foreach (var k in settings.TaintSources ?? []) sources |= SourceKinds.Parse(k) ?? 0;
        INameSources? names = null;
        foreach (var r in rules.TaintRules) names ??= r.NameSources;
        // BULWARK_TAINT_PRUNE=0 analyses every function (to compare with the pruned analysis).
        var options = new TaintOptions { SourceKinds = sources, Budget = TimeSpan.FromSeconds(settings.TaintBudgetSeconds), NameSources = names,
                                         Prune = Environment.GetEnvironmentVariable("BULWARK_TAINT_PRUNE") != "0",
                                         ParameterLiveness = Environment.GetEnvironmentVariable("BULWARK_TAINT_LIVENESS") != "0",
                                         CellLiveness = Environment.GetEnvironmentVariable("BULWARK_TAINT_CELL_LIVENESS") != "0",
                                         ReadAhead = settings.Jobs > 1 && Environment.GetEnvironmentVariable("BULWARK_TAINT_READ_AHEAD") != "0",
                                         Templates = templates ?? TemplateIndex.Empty,
                                         EstimateDemand = Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2" };
        var analysis = new TaintAnalysis(modules, catalog, options, collectSummaries);
        var result = analysis.Run();
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "1")
            Console.Error.WriteLine($"timing: taint project phase, {analysis.Index.Functions.Count} functions ({analysis.Pruned} pruned) in {modules.Count} modules: "
                + string.Join(", ", analysis.Timing.Select(t => $"{t.Step} {t.Time.TotalMilliseconds:F0} ms/{t.Allocated / 1048576} MB/GC {t.Paused.TotalMilliseconds:F0} ms")));
        if (analysis.Demand is { } d)
            Console.Error.WriteLine($"demand estimate (static call edges): {d.Created} functions created a source fact ({d.CreatedByModel} modelled, {d.CreatedByName} by name), "
                + $"{d.Sinks} call a modelled sink or are entry points; {d.OnPath} ({100.0 * d.OnPath / Math.Max(1, d.Functions):F1}%) lie on a call path from the first to the second, "
                + $"{d.WithCallees} ({100.0 * d.WithCallees / Math.Max(1, d.Functions):F1}%) with all they call, of {d.Functions} functions, in {d.PathModules} and {d.WithCalleesModules} of {d.Modules} modules; "
                + $"the analysis found {d.Touched} functions holding taint ({d.TouchedModules} modules), {d.TouchedWithCallees} with all they call ({d.TouchedWithCalleesModules} modules)");
        return result;
    }

    /// <summary>
    /// One finding per flow, for each rule of the flow's sink kind that reports its source kind: the rule's own
    /// kinds and those `[tool.bulwark.taint] report-sources` adds to every rule.
    /// </summary>
    public static List<Finding> Findings(TaintResult result, IReadOnlyList<ModuleIr> modules, IReadOnlyList<SourceFile> files, RuleSet rules, ScanSettings settings) =>
        Findings(result, modules, m => files[m], rules, settings);

    /// <summary>As above, with each module's file read on demand; a flow through a file that cannot be read is left out.</summary>
    public static List<Finding> Findings(TaintResult result, IReadOnlyList<ModuleIr> modules, Func<int, SourceFile?> files, RuleSet rules, ScanSettings settings)
    {
        uint extra = 0;
        foreach (var k in settings.TaintSources ?? []) extra |= SourceKinds.Parse(k) ?? 0;
        // Each rule's sink and source kinds, parsed once rather than per flow.
        var taintRules = rules.TaintRules.ToList();
        var sinks = new uint?[taintRules.Count];
        var sources = new uint[taintRules.Count];
        for (int i = 0; i < taintRules.Count; i++)
        {
            sinks[i] = SinkKinds.Parse(taintRules[i].SinkKind);
            sources[i] = extra;
            foreach (var k in taintRules[i].SourceKinds) sources[i] |= SourceKinds.Parse(k) ?? 0;
        }
        var findings = new List<Finding>();
        var secretFlows = new List<(int Rule, TaintFlow Flow)>();
        // A probe (`os.path.exists(path)` before `os.remove(path)`) is the same flaw as a use of the path in the same
        // function: it is reported only where the value reaches no other sink of the kind.
        var used = new HashSet<(uint, Origin, int)>();
        foreach (var flow in result.Flows)
            if ((flow.Kind & SinkKinds.RemoteOnly) == 0) used.Add((flow.Kind, flow.Source, flow.SinkFunction));
        foreach (var flow in result.Flows)
            for (int i = 0; i < taintRules.Count; i++)
            {
                if (sinks[i] != (flow.Kind & SinkKinds.All)) continue;
                if ((sources[i] & flow.Source.SourceKind) == 0) continue;
                if ((flow.Kind & SinkKinds.RemoteOnly) != 0
                    && ((flow.Source.SourceKind & SourceKinds.Remote) == 0 || used.Contains((flow.Kind & SinkKinds.All, flow.Source, flow.SinkFunction)))) continue;
                if ((flow.Source.SourceKind & (SourceKinds.Sensitive | SourceKinds.Password)) != 0) secretFlows.Add((i, flow));
                else if (ToFinding(taintRules[i], flow, modules, files) is { } finding) findings.Add(finding);
            }
        // Secret flows keep their own limits (a count of further sinks sits in one finding's message): not merged here.
        findings = OnePerLine(findings);
        AddSecretFindings(secretFlows, taintRules, modules, files, findings);
        return findings;
    }

    /// <summary>
    /// One finding per rule, line and source: `return Markup("<b>" + name)` is one cross-site scripting flaw, though
    /// the value reaches two sinks on that line (`Markup` and the view's HTML return). The sink that starts last on the line
    /// is kept: the innermost, most specific one (`Markup`, not the `return` around it).
    /// </summary>
    static List<Finding> OnePerLine(List<Finding> findings)
    {
        var seen = new HashSet<(string, string, int, string, int, int)>();
        var kept = new List<Finding>(findings.Count);
        foreach (var f in findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).ThenByDescending(f => f.Location.StartColumn))
        {
            var source = f.Flow.Count > 0 ? f.Flow[0].Location : f.Location;
            if (seen.Add((f.Rule.Id, f.Location.Path, f.Location.StartLine, source.Path, source.StartLine, source.StartColumn))) kept.Add(f);
        }
        return kept;
    }

    /// <summary>Sinks of one sensitive value reported per rule; further ones are counted in the last finding's message.</summary>
    public const int SecretSinksPerSource = 3;

    /// <summary>
    /// Flows of a secret (the `sensitive` and `password` kinds, found by name) are kept to what a reviewer can act on:
    /// not through shared state (a value stored in a module global, a class attribute or an attribute of `self` and
    /// read by another function reaches every reader of it, which the analysis cannot tell apart); not across
    /// top-level packages (an installed tree's `botocore` token reaching `dateutil`'s exceptions is the libraries'
    /// plumbing, not the application's); not into a hash that answers a challenge (<see cref="AnswersChallenge"/>); and
    /// at most <see cref="SecretSinksPerSource"/> sinks per source and rule, in path order, the rest counted.
    /// </summary>
    static void AddSecretFindings(List<(int Rule, TaintFlow Flow)> flows, List<TaintRule> taintRules, IReadOnlyList<ModuleIr> modules,
                                  Func<int, SourceFile?> files, List<Finding> findings)
    {
        if (flows.Count == 0) return;
        var kept = new List<(int Rule, TaintFlow Flow)>();
        foreach (var (rule, flow) in flows)
        {
            if (ThroughSharedState(flow, modules) || CrossesPackages(flow, modules)) continue;
            if (flow.Kind == SinkKinds.PasswordHash && AnswersChallenge(flow, modules, files)) continue;
            kept.Add((rule, flow));
        }
        kept.Sort((a, b) =>
        {
            int c = a.Rule.CompareTo(b.Rule);
            if (c == 0) c = string.CompareOrdinal(modules[a.Flow.Sink.Module].Path, modules[b.Flow.Sink.Module].Path);
            return c != 0 ? c : a.Flow.Sink.Start.CompareTo(b.Flow.Sink.Start);
        });
        var groups = new Dictionary<(int, string, int, int), List<TaintFlow>>();
        var order = new List<(int, string, int, int)>();
        foreach (var (rule, flow) in kept)
        {
            var site = flow.Source.Site;
            var key = (rule, flow.Source.Key, site?.Module ?? -1, site?.Start ?? -1);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }
            list.Add(flow);
        }
        foreach (var key in order)
        {
            var list = groups[key];
            var rule = taintRules[key.Item1];
            for (int n = 0; n < list.Count && n < SecretSinksPerSource; n++)
            {
                if (ToFinding(rule, list[n], modules, files) is not { } finding) continue;
                int more = list.Count - SecretSinksPerSource;
                if (n == SecretSinksPerSource - 1 && more > 0)
                    finding = finding with { Message = finding.Message[..^1] + $"; {more} more sink{(more == 1 ? "" : "s")} of the same value not listed." };
                findings.Add(finding);
            }
        }
    }

    /// <summary>A step stores the value into shared state (a global, a class or instance attribute) outside the sink's function.</summary>
    static bool ThroughSharedState(TaintFlow flow, IReadOnlyList<ModuleIr> modules)
    {
        var sinkFunction = modules[flow.Sink.Module].FunctionAround(flow.Sink.Start);
        foreach (var s in flow.Steps)
            if (s.Kind == StepKind.Store && (s.Module != flow.Sink.Module || modules[s.Module].FunctionAround(s.Start) != sinkFunction))
                return true;
        return false;
    }

    /// <summary>The source and the sink are in different top-level packages (modules at the scanned root belong to none).</summary>
    static bool CrossesPackages(TaintFlow flow, IReadOnlyList<ModuleIr> modules)
    {
        if (flow.Source.Site is not { } site || site.Module == flow.Sink.Module) return false;
        var from = TopPackage(modules[site.Module]);
        var to = TopPackage(modules[flow.Sink.Module]);
        return from.Length > 0 && to.Length > 0 && from != to;
    }

    static string TopPackage(ModuleIr module)
    {
        var name = module.ModuleName;
        if (string.IsNullOrEmpty(name)) return "";
        var dot = name.IndexOf('.');
        return dot > 0 ? name[..dot] : module.IsPackage ? name : "";
    }

    /// <summary>
    /// The password is read, or hashed, in a function that reads a nonce: an answer to a challenge
    /// (<see cref="SensitiveNames.MentionsNonce"/>). The outermost function counts, as requests' HTTP Digest hashes in
    /// helpers nested in the function that builds the header.
    /// </summary>
    static bool AnswersChallenge(TaintFlow flow, IReadOnlyList<ModuleIr> modules, Func<int, SourceFile?> files)
    {
        if (InNonceFunction(flow.Sink.Module, flow.Sink.Start, modules, files)) return true;
        return flow.Source.Site is { } site && InNonceFunction(site.Module, site.Start, modules, files);
    }

    static bool InNonceFunction(int module, int offset, IReadOnlyList<ModuleIr> modules, Func<int, SourceFile?> files)
    {
        IrFunction? outer = null;
        foreach (var f in modules[module].Functions)
        {
            if (f.Kind is FunctionKind.Module or FunctionKind.ClassBody || offset < f.Start || offset >= f.End) continue;
            if (outer is null || f.End - f.Start > outer.End - outer.Start) outer = f;
        }
        return outer is not null && files(module) is { } file && SensitiveNames.MentionsNonce(file.Text.Text, outer.Start, outer.End);
    }

    static Finding? ToFinding(TaintRule rule, TaintFlow flow, IReadOnlyList<ModuleIr> modules, Func<int, SourceFile?> files)
    {
        if (files(flow.Sink.Module) is not { } sinkFile) return null;
        var location = RuleContext.LocationOf(sinkFile, flow.Sink.Start, flow.Sink.End);
        var steps = new List<FlowStep>();
        foreach (var s in flow.Steps)
        {
            if (files(s.Module) is not { } stepFile) return null;
            steps.Add(new FlowStep(RuleContext.LocationOf(stepFile, s.Start, s.End), StepMessage(s)));
        }
        var source = flow.Source;
        SourceFile? siteFile = null;
        if (source.Site is { } site0 && (siteFile = files(site0.Module)) is null) return null;
        var sourceWhere = source.Site is { } site ? $" ({siteFile!.RelativePath}:{siteFile.Text.Position(site.Start).Line})" : "";
        var sinkFunction = FunctionAt(modules[flow.Sink.Module], flow.Sink.Start);
        var sourceFunction = source.Site is { } ss ? FunctionAt(modules[ss.Module], ss.Start) : "";
        var what = source.SourceKind switch
        {
            SourceKinds.Remote => "request data",
            SourceKinds.Local => "user input",
            SourceKinds.Environment => "an environment variable",
            SourceKinds.Password => "a password",
            SourceKinds.Sensitive => "a secret or personal value",
            _ => "untrusted data",
        };
        var message = $"{rule.Weakness}: {what} from {Quote(source.Key)}{sourceWhere} reaches {flow.SinkCallee}"
                      + (sinkFunction.Length > 0 ? $" in `{sinkFunction}`" : "") + "."
                      + (flow.MoreSources > 0 ? $" {flow.MoreSources} more source{(flow.MoreSources == 1 ? " reaches" : "s reach")} the same sink, not listed." : "");
        var confidence = source.SourceKind switch
        {
            SourceKinds.Remote or SourceKinds.Sensitive or SourceKinds.Password => rule.Info.Confidence,
            SourceKinds.Local => Confidence.Medium,
            _ => Confidence.Low,
        };
        // The source is also a related location, for viewers that show those but not code flows.
        IReadOnlyList<FlowStep> related = steps.Count > 1 && flow.Steps[0].Kind == StepKind.Source ? [steps[0]] : [];
        return new Finding
        {
            Rule = rule.Info,
            Message = message,
            Location = location,
            Severity = rule.Info.Severity,
            Confidence = confidence,
            Flow = steps,
            Related = related,
            // Stable across edits that move lines: where the data comes from and goes, by function.
            FingerprintKey = $"{sourceFunction}|{source.Key}|{sinkFunction}|{flow.SinkCallee}",
        };
    }

    static string Quote(string s) => s.Contains('`') ? s : "`" + s + "`";

    static string StepMessage(Step s) => s.Kind switch
    {
        StepKind.Source => "source: " + Quote(s.What),
        StepKind.Parameter => $"parameter `{s.What}`",
        StepKind.Assignment => $"assigned to `{s.What}`",
        StepKind.Load => $"read `{s.What}`",
        StepKind.Store => $"stored in `{s.What}`",
        StepKind.Return => "returned",
        StepKind.Sink => "sink: " + s.What,
        _ => s.What,
    };

    /// <summary>The dotted path of the innermost function of a module around an offset ("" at module or class level).</summary>
    static string FunctionAt(ModuleIr module, int offset) => module.FunctionAround(offset)?.Path ?? "";

    /// <summary>
    /// In the default profile a flow replaces the pattern findings of the same weakness on its lines (BW608 where the
    /// query is built, B602 at the call): the flow says more, and the pattern finding would be a duplicate.
    /// </summary>
    public static void ReplacePatternFindings(List<Finding> findings, RuleSet rules, ScanSettings settings)
    {
        ReplaceOwnPatternFindings(findings, rules);
        if (settings.Profile == RuleProfile.Bandit) return;
        var byId = rules.TaintRules.ToDictionary(r => r.Info.Id, StringComparer.Ordinal);
        var covered = new HashSet<(string Rule, string Path, int Line)>();
        foreach (var f in findings)
        {
            if (!byId.TryGetValue(f.Rule.Id, out var rule) || rule.Replaces.Count == 0) continue;
            foreach (var replaced in rule.Replaces)
            {
                for (int l = f.Location.StartLine; l <= f.Location.EndLine; l++) covered.Add((replaced, f.Location.Path, l));
                foreach (var s in f.Flow)
                    for (int l = s.Location.StartLine; l <= s.Location.EndLine; l++) covered.Add((replaced, s.Location.Path, l));
            }
        }
        if (covered.Count == 0) return;
        findings.RemoveAll(f => !byId.ContainsKey(f.Rule.Id) && covered.Contains((f.Rule.Id, f.Location.Path, f.Location.StartLine)));
    }

    /// <summary>A taint rule's flow replaces the finding of its own name check (<see cref="TaintRule.Pattern"/>) on the sink's lines.</summary>
    static void ReplaceOwnPatternFindings(List<Finding> findings, RuleSet rules)
    {
        var withPattern = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rules.TaintRules) if (r.Pattern is not null) withPattern.Add(r.Info.Id);
        if (withPattern.Count == 0) return;
        var covered = new HashSet<(string Rule, string Path, int Line)>();
        foreach (var f in findings)
            if (f.Flow.Count > 0 && withPattern.Contains(f.Rule.Id))
                for (int l = f.Location.StartLine; l <= f.Location.EndLine; l++) covered.Add((f.Rule.Id, f.Location.Path, l));
        if (covered.Count == 0) return;
        findings.RemoveAll(f => f.Flow.Count == 0 && covered.Contains((f.Rule.Id, f.Location.Path, f.Location.StartLine)));
    }
}

/// <summary>`bulwark debug taint`: the IR, entry points, summaries and flows of the taint analysis, as text.</summary>
public static class TaintDebug
{
    /// <summary>Runs on the scan workers' large stack, as a scan does: deep code does not overflow it.</summary>
    public static void Write(IReadOnlyList<string> paths, ScanSettings settings, bool showIr, TextWriter output) =>
        Scanner.OnWorkerStack(() => { WriteCore(paths, settings, showIr, output); return true; });

    static void WriteCore(IReadOnlyList<string> paths, ScanSettings settings, bool showIr, TextWriter output)
    {
        var rules = RuleSet.From(Rules.RuleCatalog.All, settings with { Select = ["injection"] });
        var catalog = TaintPhase.Models(rules, settings)!;
        var modules = new List<ModuleIr>();
        var files = new List<SourceFile>();
        foreach (var (full, relative) in PythonFiles(paths))
        {
            var decoded = Bulwark.Python.SourceDecoder.Decode(File.ReadAllBytes(full));
            if (!decoded.Ok) { output.WriteLine($"{relative}: cannot decode: {decoded.Error}"); continue; }
            var file = new SourceFile(full, relative, new Bulwark.Python.SourceText(decoded.Text!), isPython: true);
            var parse = Bulwark.Python.PythonParser.Parse(decoded.Text!);
            var (name, package) = SemanticModel.ModuleNameFor(relative);
            var model = SemanticModel.Build(parse.Module, name, package);
            var warnings = new List<string>();
            if (TaintPhase.Lower(file, parse.Module, model, catalog, warnings) is { } ir) { modules.Add(ir); files.Add(file); }
            foreach (var w in warnings) output.WriteLine(w);
        }
        output.WriteLine($"models loaded: {string.Join(", ", catalog.LoadedFiles)}");
        var result = TaintPhase.Analyse(modules, catalog, rules, settings, collectSummaries: true);
        if (showIr)
        {
            var facts = result.Summaries.ToDictionary(s => (s.Module, s.Path), s => s.Facts);
            foreach (var m in modules)
                foreach (var f in m.Functions) WriteFunction(m, f, facts.GetValueOrDefault((m.Path, f.Path)) ?? [], output);
        }
        output.WriteLine($"\nsummaries ({result.FunctionsAnalysed} functions analysed):");
        foreach (var s in result.Summaries)
        {
            if (s.Return.Length == 0 && s.Sinks.Count == 0 && s.Stores.Count == 0 && s.Entry is null) continue;
            output.WriteLine($"  {s.Function}{(s.Entry is null ? "" : $"  [entry: {s.Entry}]")}");
            if (s.Return.Length > 0) output.WriteLine($"    returns: {s.Return}");
            foreach (var x in s.Sinks) output.WriteLine($"    sink: {x}");
            foreach (var x in s.Stores) output.WriteLine($"    store: {x}");
        }
        output.WriteLine($"\nflows ({result.Flows.Count}):");
        foreach (var flow in result.Flows)
        {
            var sink = files[flow.Sink.Module];
            var (line, _) = sink.Text.Position(flow.Sink.Start);
            output.WriteLine($"  {SinkKinds.NameOf(flow.Kind)} at {sink.RelativePath}:{line} {flow.SinkCallee} from {flow.Source}");
            foreach (var s in flow.Steps)
            {
                var (l, _) = files[s.Module].Text.Position(s.Start);
                output.WriteLine($"    {files[s.Module].RelativePath}:{l}  {s.Kind} {s.What}");
            }
        }
        foreach (var w in result.Warnings) output.WriteLine("warning: " + w);
    }

    static IEnumerable<(string Full, string Relative)> PythonFiles(IReadOnlyList<string> paths)
    {
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (File.Exists(full)) { yield return (full, Path.GetFileName(full)); continue; }
            if (!Directory.Exists(full)) throw new ConfigException($"{p}: no such file or directory");
            foreach (var f in Directory.EnumerateFiles(full, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return (f, Path.GetRelativePath(full, f).Replace('\\', '/'));
        }
    }

    static void WriteFunction(ModuleIr m, IrFunction f, IReadOnlyList<string> facts, TextWriter output)
    {
        output.WriteLine($"\n{m.Path} {f.Path} ({f.Kind}) params: {string.Join(", ", f.Params.Select(p => p.Name + (p.Annotation is null ? "" : ": " + p.Annotation)))}");
        foreach (var d in f.Decorators) output.WriteLine($"  @{d.Callee ?? "?"}{(d.Method is null ? "" : " ." + d.Method + " on " + string.Join("|", d.ReceiverTypes))}");
        for (int i = 0; i < f.Values.Length; i++)
        {
            var v = f.Values[i];
            var detail = v.Op switch
            {
                IrOp.Call => CallText(m, f.Calls[v.A]),
                IrOp.Param => $"#{v.A}",
                IrOp.Refine => $"{f.Operands[v.A]} clears {SinkKinds.NameOf(f.Guards[v.N].Clears)}",
                IrOp.LoadAttr or IrOp.Element or IrOp.Sanitize => $"{f.Operands[v.A]} {m.Str(v.S)}",
                IrOp.FuncRef => $"function {m.Functions[v.A].Path}",
                IrOp.Global or IrOp.Cell or IrOp.ClassRef or IrOp.Const => m.Str(v.S) + (v.Op is IrOp.Global or IrOp.Cell && v.N >= 0 ? " : " + string.Join("|", m.TypesAt(v.N)) : ""),
                IrOp.Unknown => "",
                _ => string.Join(" ", f.OperandsOf(v).ToArray()) + (v.S >= 0 ? " " + m.Str(v.S) : ""),
            };
            var fact = i < facts.Count && facts[i].Length > 0 ? "    ; " + facts[i] : "";
            output.WriteLine($"  v{i} = {v.Op} {detail}{fact}");
        }
        foreach (var e in f.Effects) output.WriteLine($"  {e.Kind} obj={e.Object} value=v{e.Value} {(e.S >= 0 ? m.Str(e.S) : "")}");
    }

    static string CallText(ModuleIr m, IrCall c) =>
        (c.Receiver >= 0 && c.Method is null ? $"(v{c.Receiver})" : "") + $"{c.Callee ?? ""}{(c.Method is null ? "" : $"(v{c.Receiver}).{c.Method} [{string.Join("|", c.ReceiverTypes)}]")}{(c.Targets.Length > 0 ? " -> " + string.Join(",", c.Targets.Select(t => m.Functions[t].Path)) : "")}"
        + $"({string.Join(", ", c.Args.Select(a => "v" + a).Concat(c.KeywordNames.Select((k, i) => $"{k}=v{c.KeywordValues[i]}")))})";
}
