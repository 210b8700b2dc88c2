using System.Diagnostics;
using System.Text;
using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Semantics;

namespace Bulwark.Engine;

/// <summary>What to scan, beyond the settings: the paths, a baseline, and a progress callback.</summary>
public sealed record ScanRequest(IReadOnlyList<string> Paths)
{
    /// <summary>Findings to leave out (a baseline): each entry by fingerprint, rule and path.</summary>
    public BaselineFile? Baseline { get; init; }
    /// <summary>Called with (files done, files total) from worker threads.</summary>
    public Action<int, int>? Progress { get; init; }
    /// <summary>Also scan the git history for secrets (`scan --history`).</summary>
    public Bulwark.Engine.GitHistory? History { get; init; }
    /// <summary>Also score the project's security practices (<see cref="ScanResult.Posture"/>).</summary>
    public bool Posture { get; init; }
    /// <summary>
    /// The directory finding paths are relative to (the repository root, <see cref="RepositoryRoot.For"/>); it must
    /// contain every scanned path, else the scanned paths' own root is used. Null: the scanned directory.
    /// </summary>
    public string? Root { get; init; }
    /// <summary>
    /// `--changed-since REF`: analyse only the files changed since this git revision (see <see cref="ChangedFiles"/>);
    /// project rules still see every discovered file (the whole manifest set).
    /// </summary>
    public string? ChangedSince { get; init; }
}

/// <summary>
/// The whole pipeline: discover → read and decode → analyse each file in parallel (parse, semantic model, rules,
/// suppressions) → project rules → baseline → thresholds → one sorted, deterministic result.
/// </summary>
public sealed class Scanner(ScanSettings settings, IReadOnlyList<IRule>? catalog = null)
{
    /// <summary>Files larger than this are skipped with a warning.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;
    /// <summary>Non-Python texts up to this size are kept after analysis for the project rules and posture; larger ones are re-read.</summary>
    const int MaxKeptTextChars = 256 * 1024;
    // Deeply nested code makes recursive tree walks deep; analysis threads get a large stack.
    const int WorkerStackBytes = 256 * 1024 * 1024;

    public ScanResult Scan(ScanRequest request)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var rules = RuleSet.From(catalog ?? RuleCatalog.All, settings);
        var taint = TaintPhase.Models(rules, settings);
        var profiler = ScanProfiler.FromEnvironment();
        var named = Resolve(request.Paths, request.Root);
        var root = named.Root;
        List<DiscoveredFile> files;
        List<string> warnings;
        List<SkippedFile> skippedFiles;
        FileOutcome?[] outcomes;
        SkippedFile?[] skippedByFile;
        SourceFile?[] loaded;
        byte[]?[] contentDigests;
        int skipped = 0, done = 0, count;
        // The modules the Python files import, for the project rules: gathered as files finish rather than kept per file
        // (a set per file was a few hundred bytes each on a 100,000-file tree).
        var imported = new HashSet<string>(StringComparer.Ordinal);
        TimeSpan discovered;
        // With --changed-since, only the changed files are analysed; every file stays discovered for the project rules.
        int[]? analyse = null;
        if (request.ChangedSince is { } revision)
        {
            (files, warnings, skippedFiles) = Discover(named);
            analyse = ChangedIndices(files, ChangedFiles.Since(root, revision));
            discovered = clock.Elapsed;
            outcomes = new FileOutcome?[files.Count];
            skippedByFile = new SkippedFile?[files.Count];
            loaded = new SourceFile?[files.Count];
            contentDigests = new byte[]?[files.Count];
            count = analyse.Length;
            // Largest first, as below.
            var order = analyse;
            var sizes = new long[count];
            for (int n = 0; n < count; n++) sizes[n] = -files[order[n]].Length;
            Array.Sort(sizes, order);
            RunParallel(count, n =>
            {
                int i = order[n];
                var result = Analyse(files[i], rules, taint, profiler, imported, ref skipped);
                outcomes[i] = result.Outcome;
                loaded[i] = result.Loaded;
                contentDigests[i] = result.Digest;
                skippedByFile[i] = result.Skipped;
                request.Progress?.Invoke(Interlocked.Increment(ref done), count);
            });
        }
        else
        {
            // Files are analysed while the walk goes on (on large trees the walk alone took a fifth of a code-rule
            // scan): the walk hands each file to the queue, and the workers take them as they come, then, once the
            // walk is over, the rest largest first (a large file met near the end kept one worker busy after the
            // others had run out of work). Results are put in path order afterwards, so the order changes nothing else.
            var queue = new DiscoveryQueue();
            var walk = new Thread(() =>
            {
                try
                {
                    queue.Complete(Walk(named, queue.Add), clock.Elapsed);
                }
                catch (Exception ex) { queue.Fail(ex); }
            }, WorkerStackBytes) { IsBackground = true, Name = "bulwark-walk" };
            walk.Start();
            try
            {
                RunWorkers(() =>
                {
                    if (queue.Take() is not { } slot) return false;
                    slot.Result = Analyse(slot.File, rules, taint, profiler, imported, ref skipped);
                    request.Progress?.Invoke(Interlocked.Increment(ref done), queue.Count);
                    return true;
                });
            }
            finally { walk.Join(); }
            discovered = queue.Walked;
            if (queue.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            var slots = queue.Slots;
            slots.Sort((a, b) => string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath));
            count = slots.Count;
            files = new List<DiscoveredFile>(count);
            outcomes = new FileOutcome?[count];
            skippedByFile = new SkippedFile?[count];
            loaded = new SourceFile?[count];
            contentDigests = new byte[]?[count];
            for (int i = 0; i < count; i++)
            {
                var slot = slots[i];
                files.Add(slot.File);
                outcomes[i] = slot.Result.Outcome;
                loaded[i] = slot.Result.Loaded;
                contentDigests[i] = slot.Result.Digest;
                skippedByFile[i] = slot.Result.Skipped;
            }
            var discovery = queue.Discovery!;
            (warnings, skippedFiles) = (discovery.Warnings, discovery.Skipped);
            NothingScannedNote(files.Count, discovery);
        }

        var analysed = clock.Elapsed;
        if (profiler is not null)
        {
            Console.Error.WriteLine($"timing: discovery {discovered.TotalMilliseconds:F0} ms{(analyse is null ? " (while files were analysed)" : "")}, analysis {(analysed - (analyse is null ? TimeSpan.Zero : discovered)).TotalMilliseconds:F0} ms, {count} files; CPU by phase: {profiler.Report()}");
            // What the scan keeps per file once every file is analysed (a full collection, only when timing is asked for).
            long live = GC.GetTotalMemory(forceFullCollection: true);
            Console.Error.WriteLine($"timing: live heap after analysis {live / 1048576} MB ({live / Math.Max(1, files.Count)} bytes per discovered file)");
        }
        var findings = new List<Finding>();
        var errors = new List<string>();
        int nosec = 0, inline = 0, config = 0;
        foreach (var o in outcomes)
        {
            if (o is null) continue;
            findings.AddRange(o.Findings);
            warnings.AddRange(o.Warnings);
            nosec += o.SuppressedNosec; inline += o.SuppressedInline; config += o.SuppressedConfig;
        }

        if (taint is not null)
        {
            // With --changed-since the flows still see the whole project: the unchanged Python files are lowered for the
            // taint phase alone (no rules run on them), and only flows that pass through a changed file are reported.
            // Their digests (to re-read them for a flow's steps) stay out of the scan's evidence, which lists what was scanned.
            var taintOutcomes = outcomes;
            var taintDigests = contentDigests;
            HashSet<string>? changedPaths = null;
            if (analyse is not null)
            {
                taintOutcomes = (FileOutcome?[])outcomes.Clone();
                taintDigests = (byte[]?[])contentDigests.Clone();
                changedPaths = new HashSet<string>(StringComparer.Ordinal);
                foreach (var i in analyse) changedPaths.Add(files[i].RelativePath);
                long c0 = Stopwatch.GetTimestamp();
                int context = LowerContext(files, analyse, taintOutcomes, taintDigests, taint, warnings);
                if (profiler is not null)
                    Console.Error.WriteLine($"timing: {context} unchanged Python files read, parsed and lowered for the taint phase in {Stopwatch.GetElapsedTime(c0).TotalMilliseconds:F0} ms");
            }
            var injection = TaintPhase.Run(taintOutcomes, i => ReloadUnchanged(files[i], taintDigests[i]), rules, settings, taint, warnings,
                TaintPhase.Templates(files));
            if (changedPaths is not null) injection.Findings.RemoveAll(f => !TouchesAny(f, changedPaths));
            findings.AddRange(injection.Findings);
            nosec += injection.SuppressedNosec; inline += injection.SuppressedInline; config += injection.SuppressedConfig;
            TaintPhase.ReplacePatternFindings(findings, rules, settings);
        }

        AdvisoryDatabaseInfo? advisories = null;
        if (rules.ProjectRules.Count > 0)
        {
            var project = RunProjectRules(root, files, loaded, outcomes, imported, rules, warnings, errors, out advisories, profiler is not null);
            findings.AddRange(project.Findings);
            nosec += project.SuppressedNosec; inline += project.SuppressedInline; config += project.SuppressedConfig;
        }

        if (request.History is { } history) findings.AddRange(history.Run(root, rules, settings, findings, warnings));

        int baseline = 0;
        BaselineOutcome? baselineOutcome = null;
        if (request.Baseline is { } known)
        {
            baselineOutcome = known.Apply(findings);
            baseline = baselineOutcome.Applied;
            warnings.AddRange(BaselineFile.Warnings(baselineOutcome));
        }
        var posture = request.Posture ? ScanPosture.Assess(files, loaded, findings, rules) : null;
        findings.RemoveAll(f => f.Severity < settings.MinSeverity || f.Confidence < settings.MinConfidence);
        findings.Sort(FindingOrder.Compare);
        foreach (var s in skippedByFile) if (s is not null) skippedFiles.Add(s);
        skippedFiles.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c && c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason));
        if (profiler is not null)
        {
            // The last collection's view: what the heap held, how much of it was free space between objects, and what
            // the GC had committed (the working set's managed part, less what it gave back).
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            Console.Error.WriteLine($"timing: whole scan {clock.Elapsed.TotalMilliseconds:F0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB; {ScanProfiler.Collections()}; " +
                $"last GC (gen {gc.Generation}): heap {gc.HeapSizeBytes / 1048576} MB, fragmented {gc.FragmentedBytes / 1048576} MB, committed {gc.TotalCommittedBytes / 1048576} MB");
        }

        return new ScanResult
        {
            Root = root,
            Findings = findings,
            Rules = rules.Rules.Select(r => r.Info).ToArray(),
            FilesScanned = count - skipped,
            FilesSkipped = skipped,
            Skipped = skippedFiles,
            Baseline = baselineOutcome,
            Errors = errors,
            Suppressed = new SuppressionCounts(nosec, inline, baseline, config),
            Warnings = warnings,
            Posture = posture,
            ConfigPath = settings.ConfigPath,
            Elapsed = clock.Elapsed,
            StartedAt = startedAt,
            Evidence = Evidence(root, files, contentDigests, rules, advisories),
        };
    }

    ScanEvidence Evidence(string root, List<DiscoveredFile> files, byte[]?[] digests, RuleSet rules, AdvisoryDatabaseInfo? advisories)
    {
        var hashed = new List<(string, byte[])>();
        for (int i = 0; i < files.Count; i++) if (digests[i] is { } d) hashed.Add((files[i].RelativePath, d));
        var (filesDigest, count) = ScanEvidence.FilesDigestOf(hashed);
        var (commit, branch) = ScanEvidence.GitRevision(root);
        return new ScanEvidence
        {
            RuleSetDigest = ScanEvidence.RuleSetDigestOf(rules.Rules.Select(r => r.Info.Id)),
            RuleCount = rules.Rules.Count,
            ConfigurationDigest = ScanEvidence.ConfigurationDigestOf(settings),
            FilesDigest = filesDigest,
            FilesHashed = count,
            AdvisoryDatabase = advisories,
            GitCommit = commit,
            GitBranch = branch,
        };
    }

    /// <summary>
    /// For a scan of changed files: lowers every other Python file for the taint phase (read, decode, parse, model,
    /// lower; no rule runs and nothing else is kept), so flows into and out of unchanged modules are followed.
    /// </summary>
    /// <returns>How many unchanged files were lowered.</returns>
    int LowerContext(List<DiscoveredFile> files, int[] analysed, FileOutcome?[] taintOutcomes, byte[]?[] contentDigests,
        Bulwark.Taint.ModelCatalog taint, List<string> warnings)
    {
        var isAnalysed = new bool[files.Count];
        foreach (var i in analysed) isAnalysed[i] = true;
        var context = new List<int>();
        for (int i = 0; i < files.Count; i++)
            if (!isAnalysed[i] && files[i].IsPython && files[i].Kind != FileKind.Notebook && files[i].Length <= MaxFileBytes
                && !settings.IsTaintTestPath(files[i].RelativePath)) context.Add(i);
        var order = context.ToArray();
        var sizes = new long[order.Length];
        for (int n = 0; n < order.Length; n++) sizes[n] = -files[order[n]].Length;
        Array.Sort(sizes, order);
        var lowerWarnings = new List<string>[order.Length];
        RunParallel(order.Length, n =>
        {
            int i = order[n];
            var file = files[i];
            var read = BoundedFile.ReadPooled(file.FullPath, MaxFileBytes, out int length);
            if (read.Bytes is null) return;
            DecodedSource decoded;
            try
            {
                var bytes = read.Bytes.AsSpan(0, length);
                contentDigests[i] = Sha256.HashData(bytes);
                decoded = SourceDecoder.Decode(bytes);
            }
            finally { BoundedFile.Release(read); }
            if (!decoded.Ok) return;
            var source = new SourceFile(file.FullPath, file.RelativePath, new SourceText(decoded.Text!), isPython: true) { ImportPath = file.ImportPath };
            var parse = PythonParser.Parse(source.Text);
            var (moduleName, isPackage) = SemanticModel.ModuleNameFor(source.ImportPath);
            var model = SemanticModel.Build(parse.Module, moduleName, isPackage);
            var own = lowerWarnings[n] = [];
            if (TaintPhase.Lower(source, parse.Module, model, taint, own) is { } lowered)
                taintOutcomes[i] = new FileOutcome { Taint = Bulwark.Taint.PackedModule.Pack(lowered) };
        });
        foreach (var w in lowerWarnings) if (w is not null) warnings.AddRange(w);
        return order.Length;
    }

    /// <summary>Whether a finding's location or any step of its flow lies in one of <paramref name="paths"/>.</summary>
    static bool TouchesAny(Finding f, HashSet<string> paths)
    {
        if (paths.Contains(f.Location.Path)) return true;
        foreach (var step in f.Flow) if (paths.Contains(step.Location.Path)) return true;
        return false;
    }

    /// <summary>Indices of the discovered files whose paths are in <paramref name="changed"/>, in discovery order.</summary>
    static int[] ChangedIndices(List<DiscoveredFile> files, HashSet<string> changed)
    {
        var indices = new List<int>();
        for (int i = 0; i < files.Count; i++)
            if (changed.Contains(files[i].RelativePath)) indices.Add(i);
        return [.. indices];
    }

    /// <summary>The scanned paths as given and resolved: what the walk starts from.</summary>
    sealed record NamedPaths(string Root, string Scanned, IReadOnlyList<string> Given, List<string> Full);

    /// <summary>
    /// Resolves the named paths and the root findings are relative to. A lone path is looked at here (a directory is
    /// its own root); the paths of a list (a response file names thousands) are looked at by the walk, each once, so
    /// that files are analysed meanwhile. A path that does not exist is an error either way.
    /// </summary>
    static NamedPaths Resolve(IReadOnlyList<string> paths, string? repositoryRoot)
    {
        if (paths.Count == 0) paths = ["."];
        var full = new List<string>(paths.Count);
        foreach (var p in paths)
        {
            var f = Path.GetFullPath(p);
            full.Add(f.Length > 1 ? f.TrimEnd('/') : f);
        }
        string root;
        if (full.Count == 1)
        {
            var kind = FileTypes.Of(full[0], out _);
            if (kind == FileType.Missing) throw new ConfigException($"{Untrusted.Visible(paths[0])}: no such file or directory");
            root = kind == FileType.Directory ? full[0] : RepositoryRoot.CommonDirectory(full);
        }
        else root = RepositoryRoot.CommonDirectory(full);
        // Module names come from paths under the scanned directory, not the repository root: `app/views.py` in
        // `repo/services/web-app/` is the module `app.views` whatever encloses it. A scanned directory that is itself
        // a package (`bulwark scan src/app`, with `app/__init__.py`) is named from the directory holding it, so that
        // `from app.db import find_user` in its views resolves to its own `db.py`.
        string scanned = OutsidePackages(root);
        if (repositoryRoot is { } given)
        {
            var r = Path.GetFullPath(given);
            r = r.Length > 1 ? r.TrimEnd('/') : r;
            if (full.All(f => RepositoryRoot.IsInside(f, r))) root = r;
        }
        return new NamedPaths(root, scanned, paths, full);
    }

    /// <summary>
    /// The nearest directory at or above <paramref name="directory"/> that is not a package: each directory with an
    /// `__init__.py` and a name Python can import is climbed out of.
    /// </summary>
    internal static string OutsidePackages(string directory)
    {
        var current = directory;
        for (int depth = 0; depth < 64; depth++)
        {
            var name = Path.GetFileName(current);
            var parent = Path.GetDirectoryName(current);
            if (parent is null || name.Length == 0 || !IsIdentifier(name) || !File.Exists(Path.Combine(current, "__init__.py"))) return current;
            current = parent;
        }
        return current;
    }

    static bool IsIdentifier(string name) =>
        !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127 && char.IsLetterOrDigit(c));

    /// <summary>Every file of the named paths, in path order, with what the walk left out.</summary>
    (List<DiscoveredFile> Files, List<string> Warnings, List<SkippedFile> Skipped) Discover(NamedPaths named)
    {
        var files = new List<DiscoveredFile>();
        var discovery = Walk(named, files.Add);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        NothingScannedNote(files.Count, discovery);
        return (files, discovery.Warnings, discovery.Skipped);
    }

    /// <summary>
    /// Walks the named paths and hands each file to <paramref name="found"/> once, as it is met (not in path order);
    /// returns the walk, with its warnings and what it left out.
    /// </summary>
    FileDiscovery Walk(NamedPaths named, Action<DiscoveredFile> found)
    {
        var (root, scanned, given, full) = named;
        var discovery = new FileDiscovery(settings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int n = 0; n < full.Count; n++)
        {
            var f = full[n];
            var (kind, size) = (FileTypes.Of(f, out long length), length);
            if (kind == FileType.Missing) throw new ConfigException($"{Untrusted.Visible(given[n])}: no such file or directory");
            if (kind == FileType.Directory)
            {
                var prefix = Relative(root, f);
                int skippedBefore = discovery.Skipped.Count;
                discovery.Discover(f, d =>
                {
                    var rel = prefix.Length == 0 ? d.RelativePath : prefix + "/" + d.RelativePath;
                    if (!seen.Add(rel)) return;
                    var import = Relative(scanned, d.FullPath) is { Length: > 0 } ip && !ip.StartsWith("..", StringComparison.Ordinal) ? ip : d.RelativePath;
                    // Kept for the whole scan: the usual equal paths are one string, not two.
                    found(d with { RelativePath = rel, ImportPath = import == rel ? rel : import == d.RelativePath ? d.RelativePath : import });
                });
                // What this root left out is named relative to the common root too.
                if (prefix.Length > 0)
                    for (int i = skippedBefore; i < discovery.Skipped.Count; i++)
                        discovery.Skipped[i] = discovery.Skipped[i] with { Path = prefix + "/" + discovery.Skipped[i].Path };
            }
            else
            {
                // A file named on the command line is scanned even if excludes would skip it (unless --force-exclude);
                // a FIFO or device is not read.
                if (settings.ForceExclude && discovery.IsExcludedFile(f)) continue;
                var rel = Relative(root, f);
                if (!seen.Add(rel)) continue;
                if (kind != FileType.Regular) { discovery.Skipped.Add(new SkippedFile(rel, SkipReasons.SpecialFile, FileTypes.Describe(kind))); continue; }
                found(new DiscoveredFile(f, rel, FileDiscovery.IsPythonPath(f) || HasPythonShebang(f), size)
                {
                    ImportPath = Relative(scanned, f) is { Length: > 0 } ip && !ip.StartsWith("..", StringComparison.Ordinal) ? ip : Path.GetFileName(f),
                });
            }
        }
        return discovery;
    }

    /// <summary>When the default excludes left nothing to scan, a warning saying so (and how to scan inside one).</summary>
    static void NothingScannedNote(int files, FileDiscovery discovery)
    {
        if (files == 0 && discovery.DefaultExcluded > 0)
            discovery.Warnings.Add($"nothing scanned: the default excludes skipped {discovery.DefaultExcluded} " +
                $"director{(discovery.DefaultExcluded == 1 ? "y" : "ies")} ({string.Join(", ", discovery.DefaultExcludedExamples)}" +
                $"{(discovery.DefaultExcluded > discovery.DefaultExcludedExamples.Count ? ", …" : "")}); " +
                "name a directory inside one to scan it");
    }

    /// <summary>What the per-file phase keeps of one file.</summary>
    readonly record struct FileResult(FileOutcome? Outcome, SourceFile? Loaded, byte[]? Digest, SkippedFile? Skipped);

    FileResult Analyse(DiscoveredFile file, RuleSet rules, Bulwark.Taint.ModelCatalog? taint, ScanProfiler? profiler, HashSet<string> imported, ref int skipped)
    {
        var (outcome, source, wasSkipped) = AnalyzeOne(file, rules, taint, profiler, out var digest);
        if (outcome is not null && outcome.ImportedModules.Count > 0)
        {
            lock (imported) imported.UnionWith(outcome.ImportedModules);
            outcome.ImportedModules = FileOutcome.NoImports;
        }
        outcome?.Findings.TrimExcess(); // kept until the report: one finding takes one slot, not four
        // Per-file state is dropped when the file is done, so memory stays bounded on large trees: only the texts a
        // later phase reads are kept (small manifests and configuration for project rules and posture, which re-read
        // anything else on demand; Python files whose tree a project rule keeps; the taint phase re-reads the few
        // Python files its flows pass through).
        var keep = source is not null && (source.IsPython ? outcome?.Tree is not null : source.Text.Text.Length <= MaxKeptTextChars) ? source : null;
        if (wasSkipped) Interlocked.Increment(ref skipped);
        return new FileResult(outcome, keep, digest, outcome?.Skipped);
    }

    /// <summary>
    /// Files handed over by the walk while the workers analyse them: taken in the order met until the walk is over,
    /// then the rest largest first.
    /// </summary>
    sealed class DiscoveryQueue
    {
        public sealed class Slot(DiscoveredFile file)
        {
            public DiscoveredFile File { get; } = file;
            public FileResult Result;
        }

        readonly List<Slot> _slots = [];
        int _next;
        bool _complete;

        /// <summary>The walk, once over (its warnings and what it left out).</summary>
        public FileDiscovery? Discovery { get; private set; }
        /// <summary>When the walk was over, from the scan's start.</summary>
        public TimeSpan Walked { get; private set; }
        public Exception? Failure { get; private set; }

        /// <summary>Every file handed over; read once the walk and the workers are done.</summary>
        public List<Slot> Slots => _slots;

        public int Count { get { lock (_slots) return _slots.Count; } }

        public void Add(DiscoveredFile file)
        {
            lock (_slots)
            {
                _slots.Add(new Slot(file));
                Monitor.Pulse(_slots);
            }
        }

        public void Complete(FileDiscovery discovery, TimeSpan walked)
        {
            lock (_slots)
            {
                Discovery = discovery;
                Walked = walked;
                _slots.Sort(_next, _slots.Count - _next, Comparer<Slot>.Create((a, b) => b.File.Length.CompareTo(a.File.Length)));
                _complete = true;
                Monitor.PulseAll(_slots);
            }
        }

        public void Fail(Exception failure)
        {
            lock (_slots)
            {
                Failure = failure;
                _complete = true;
                Monitor.PulseAll(_slots);
            }
        }

        /// <summary>The next file to analyse, waiting for the walk when it has none yet; null once every file is taken.</summary>
        public Slot? Take()
        {
            lock (_slots)
            {
                while (_next == _slots.Count && !_complete) Monitor.Wait(_slots);
                if (Failure is not null) return null;
                return _next < _slots.Count ? _slots[_next++] : null;
            }
        }
    }

    static string Relative(string root, string path)
    {
        if (path == root) return "";
        // The usual case, a path below the root, without the general algorithm (both are full, normalised paths).
        if (path.Length > root.Length + 1 && path.StartsWith(root, StringComparison.Ordinal) && (root == "/" || path[root.Length] == '/')
            && !OperatingSystem.IsWindows())
            return path[(root == "/" ? 1 : root.Length + 1)..];
        return Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    static bool HasPythonShebang(string path)
    {
        try
        {
            if (FileTypes.Of(path) != FileType.Regular) return false;
            using var s = File.OpenRead(path);
            Span<byte> head = stackalloc byte[128];
            int n = s.Read(head);
            var text = Encoding.ASCII.GetString(head[..n]);
            return text.StartsWith("#!") && text.Split('\n')[0].Contains("python");
        }
        catch (IOException) { return false; }
    }

    (FileOutcome? Outcome, SourceFile? Source, bool Skipped) AnalyzeOne(DiscoveredFile file, RuleSet rules, Bulwark.Taint.ModelCatalog? taint, ScanProfiler? profiler,
        out byte[]? digest)
    {
        digest = null;
        var fileRules = rules.FileRulesFor(file);
        bool notebookCode = file.Kind == FileKind.Notebook && rules.CodeRules.Count > 0;
        if (!file.IsPython && !notebookCode && fileRules.Count == 0 && rules.DocumentRulesFor(file.Kind).Count == 0)
            return (null, null, false); // nothing reads it; project rules may later
        if (file.Length > MaxFileBytes)
        {
            var o = new FileOutcome { Skipped = new SkippedFile(file.RelativePath, SkipReasons.TooLarge, $"larger than {MaxFileBytes / (1024 * 1024)} MB") };
            o.Warnings.Add($"{Untrusted.Visible(file.RelativePath)}: skipped, larger than {MaxFileBytes / (1024 * 1024)} MB");
            return (o, null, true);
        }
        long t0 = profiler?.Start() ?? 0;
        var read = BoundedFile.ReadPooled(file.FullPath, MaxFileBytes, out int length);
        if (read.Bytes is null)
        {
            var reason = read.NotRegular ? SkipReasons.SpecialFile : SkipReasons.Unreadable;
            var why = new SkippedFile(file.RelativePath, reason, read.Error);
            if (file.IsPython)
            {
                var u = FileAnalysis.Undecodable(file.RelativePath, $"cannot read file: {read.Error}", rules);
                u.Skipped = why;
                return (u, null, true);
            }
            var o = new FileOutcome { Skipped = why };
            o.Warnings.Add($"{Untrusted.Visible(file.RelativePath)}: cannot read file: {read.Error}");
            return (o, null, true);
        }

        // Only the decoded text is kept: the bytes' buffer goes back to the pool as soon as they are decoded.
        SourceFile? source;
        DecodedSource decoded = default;
        try
        {
            var bytes = read.Bytes.AsSpan(0, length);
            digest = Sha256.HashData(bytes);
            if (file.IsPython) decoded = SourceDecoder.Decode(bytes);
            source = !file.IsPython ? DecodeText(file, bytes)
                : decoded.Ok ? new SourceFile(file.FullPath, file.RelativePath, new SourceText(decoded.Text!), isPython: true) { ImportPath = file.ImportPath }
                : null;
        }
        finally { BoundedFile.Release(read); }
        // A codec Python accepts but Bulwark cannot decode exactly: Python runs the file, Bulwark did not read it.
        if (file.IsPython && !decoded.Ok) return (FileAnalysis.Undecodable(file.RelativePath, decoded.Error!, rules,
            decoded.UnsupportedEncoding ? Severity.High : null), null, true);
        if (source is null) return (null, null, true); // binary
        profiler?.Add(ScanProfiler.Phase.Read, ref t0);
        // Test code gets every rule but is not lowered: its flows are not followed (`taint.test-paths`).
        var outcome = FileAnalysis.Analyze(source, rules, settings, fileRules, file.Kind, profiler,
            taint is not null && settings.IsTaintTestPath(file.RelativePath) ? null : taint);
        if (notebookCode) NotebookAnalysis.AddCodeFindings(source, outcome, rules, settings, profiler);
        return (outcome, source, false);
    }

    /// <summary>Decodes a non-Python file for the text rules: UTF-8 (BOM honoured), with invalid bytes replaced; null when binary.</summary>
    public static SourceFile? DecodeText(DiscoveredFile file, ReadOnlySpan<byte> bytes)
    {
        if (SourceDecoder.LooksBinary(bytes)) return null;
        var span = bytes;
        if (span.StartsWith("\xEF\xBB\xBF"u8)) span = span[3..];
        return new SourceFile(file.FullPath, file.RelativePath, new SourceText(Encoding.UTF8.GetString(span)), isPython: false);
    }

    FileOutcome RunProjectRules(string root, List<DiscoveredFile> files, SourceFile?[] loaded, FileOutcome?[] outcomes, HashSet<string> imported,
        RuleSet rules, List<string> warnings, List<string> errors, out AdvisoryDatabaseInfo? advisories, bool timing = false)
    {
        var projectFiles = new ProjectFile[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            var d = files[i];
            var cached = loaded[i];
            projectFiles[i] = new ProjectFile(d.FullPath, d.RelativePath, () => cached ?? Load(d)) { ImportPath = d.ImportPath, Tree = outcomes[i]?.Tree, Analysed = outcomes[i] is not null };
        }
        var sink = new List<Finding>();
        var context = new ProjectContext(root, projectFiles, imported, settings, sink, warnings, errors);
        var ms = new List<(string Id, double Ms)>();
        foreach (var rule in rules.ProjectRules)
        {
            long t0 = ScanProfiler.Timestamp();
            try { rule.Check(context); }
            catch (Exception ex) { context.Fail($"internal error in rule {rule.Info.Id}: {ex.GetType().Name}: {Untrusted.Message(ex.Message)}"); }
            if (timing) ms.Add((rule.Info.Id, Stopwatch.GetElapsedTime(t0).TotalMilliseconds));
        }
        if (timing)
        {
            // The first rule of a family pays for what the family shares (the Django settings views, the Flask configuration).
            ms.Sort((a, b) => b.Ms.CompareTo(a.Ms));
            double total = 0;
            foreach (var (_, t) in ms) total += t;
            Console.Error.WriteLine($"timing: project rules {total:F0} ms; slowest: {string.Join(", ", ms.Take(6).Select(r => $"{r.Id} {r.Ms:F0} ms"))}");
        }
        advisories = Rules.Dependencies.DependencyAnalysis.OpenedDatabase(context);
        return FindingFinisher.ProjectFindings(sink, projectFiles, settings);
    }

    /// <summary>A file read again for a later phase, or null when its bytes are no longer those analysed.</summary>
    static SourceFile? ReloadUnchanged(DiscoveredFile d, byte[]? digest)
    {
        if (digest is null) return null;
        try
        {
            if (BoundedFile.ReadBytes(d.FullPath, MaxFileBytes).Bytes is not { } bytes) return null;
            if (!Sha256.HashData(bytes).AsSpan().SequenceEqual(digest)) return null;
            if (!d.IsPython) return DecodeText(d, bytes);
            var decoded = SourceDecoder.Decode(bytes);
            return decoded.Ok ? new SourceFile(d.FullPath, d.RelativePath, new SourceText(decoded.Text!), true) { ImportPath = d.ImportPath } : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    internal static SourceFile? Load(DiscoveredFile d)
    {
        try
        {
            if (d.Length > MaxFileBytes) return null;
            if (BoundedFile.ReadBytes(d.FullPath, MaxFileBytes).Bytes is not { } bytes) return null;
            if (d.IsPython)
            {
                var decoded = SourceDecoder.Decode(bytes);
                return decoded.Ok ? new SourceFile(d.FullPath, d.RelativePath, new SourceText(decoded.Text!), true) { ImportPath = d.ImportPath } : null;
            }
            return DecodeText(d, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Runs work on a thread with the scan workers' stack (parsing, the semantic model and lowering recurse over the
    /// tree, and deep code needs more than a default stack), and returns its result or rethrows its exception.
    /// </summary>
    public static T OnWorkerStack<T>(Func<T> work)
    {
        T result = default!;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex); }
        }, WorkerStackBytes) { IsBackground = true, Name = "bulwark-large-stack" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// Runs <paramref name="step"/> on each of <paramref name="jobs"/> worker threads (the scan's `--jobs` when not
    /// given) until it returns false on every one; the first exception stops the others at their next step and is
    /// rethrown.
    /// </summary>
    void RunWorkers(Func<bool> step, int? jobs = null)
    {
        int count = Math.Max(1, jobs ?? settings.Jobs);
        Exception? failure = null;
        void Worker()
        {
            try { while (Volatile.Read(ref failure) is null && step()) { } }
            catch (Exception ex) { Interlocked.CompareExchange(ref failure, ex, null); }
        }
        var threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            threads[t] = new Thread(Worker, WorkerStackBytes) { IsBackground = true, Name = $"bulwark-scan-{t}" };
            threads[t].Start();
        }
        foreach (var t in threads) t.Join();
        if (failure is not null) throw new InvalidOperationException("scan failed: " + failure.Message, failure);
    }

    /// <summary>Runs <paramref name="work"/> for each index below <paramref name="count"/> on the workers, each index once.</summary>
    void RunParallel(int count, Action<int> work)
    {
        int next = -1;
        RunWorkers(() =>
        {
            int i = Interlocked.Increment(ref next);
            if (i >= count) return false;
            work(i);
            return true;
        }, Math.Clamp(settings.Jobs, 1, Math.Max(1, count)));
    }
}
