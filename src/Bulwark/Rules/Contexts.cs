using System.Collections.Concurrent;
using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules;

/// <summary>
/// Rule options after configuration: the declared defaults overridden by `[tool.bulwark.rule-options.ID]`. A struct:
/// rules ask for their options on every node they check, and an object each time was garbage for the collector.
/// </summary>
public readonly struct RuleOptions(RuleInfo rule, IReadOnlyDictionary<string, object>? configured)
{
    public RuleInfo Rule { get; } = rule;

    object Raw(string name)
    {
        if (configured is not null && configured.TryGetValue(name, out var v)) return v;
        var declared = Rule.Options;
        for (int i = 0; i < declared.Count; i++) if (declared[i].Name == name) return declared[i].Default;
        throw new ArgumentException($"rule {Rule.Id} declares no option '{name}'");
    }

    public bool Bool(string name) => (bool)Raw(name);
    public long Int(string name) => (long)Raw(name);
    public string String(string name) => (string)Raw(name);
    public IReadOnlyList<string> StringList(string name) => (IReadOnlyList<string>)Raw(name);
}

/// <summary>What every context shares: the file, configured options, and where findings go.</summary>
public abstract class RuleContext(ScanSettings settings, List<Finding> sink)
{
    public ScanSettings Settings { get; } = settings;
    protected List<Finding> Sink { get; } = sink;

    public RuleOptions Options(IRule rule) => new(rule.Info, Settings.RuleOptionsFor(rule.Info.Id));

    public void Report(Finding finding) => Sink.Add(finding);

    protected static Finding Make(RuleInfo rule, string message, Location location) =>
        new() { Rule = rule, Message = message, Location = location, Severity = rule.Severity, Confidence = rule.Confidence };

    public static Location LocationOf(SourceFile file, int start, int end)
    {
        var (l1, c1) = file.Text.Position(start);
        var (l2, c2) = file.Text.Position(Math.Max(start, end));
        return new Location(file.RelativePath, l1, c1 + 1, l2, c2 + 1);
    }
}

public sealed class FileContext(SourceFile file, ScanSettings settings, List<Finding> sink) : RuleContext(settings, sink)
{
    public SourceFile File { get; } = file;

    public void Report(IRule rule, int start, int end, string message, bool sensitive = false, string? fingerprintKey = null) =>
        Sink.Add(Make(rule.Info, message, LocationOf(File, start, end)) with { Sensitive = sensitive, FingerprintKey = fingerprintKey });
}

public sealed class CodeContext : RuleContext
{
    SemanticModel? _semantic;
    Func<SemanticModel>? _buildSemantic;

    public CodeContext(SourceFile file, ParseResult parse, SemanticModel semantic, ScanSettings settings, List<Finding> sink)
        : base(settings, sink)
    {
        File = file;
        Parse = parse;
        _semantic = semantic;
    }

    /// <summary>
    /// A context whose semantic model is built by <paramref name="buildSemantic"/> when a rule first asks for it, on the
    /// walking thread: a scan whose rules never ask (`--select B101`) builds none.
    /// </summary>
    public CodeContext(SourceFile file, ParseResult parse, Func<SemanticModel> buildSemantic, ScanSettings settings, List<Finding> sink)
        : base(settings, sink)
    {
        File = file;
        Parse = parse;
        _buildSemantic = buildSemantic;
    }

    public SourceFile File { get; }
    public ParseResult Parse { get; }
    public Module Module => Parse.Module;
    public SemanticModel Semantic => _semantic ??= Build();

    /// <summary>Whether the semantic model has been built (by the caller, or on a rule's first use).</summary>
    public bool HasSemantic => _semantic is not null;

    SemanticModel Build()
    {
        var model = _buildSemantic!();
        _buildSemantic = null;
        return model;
    }

    public void Report(IRule rule, Node node, string message) =>
        Sink.Add(Make(rule.Info, message, LocationOf(File, node.Start, node.End)));

    /// <summary>A finding on a span of the source that no node covers (a comment, a coding cookie).</summary>
    public void Report(IRule rule, int start, int end, string message) =>
        Sink.Add(Make(rule.Info, message, LocationOf(File, start, end)));

    public void Report(IRule rule, Node node, string message, Severity severity, Confidence confidence) =>
        Sink.Add(Make(rule.Info, message, LocationOf(File, node.Start, node.End)) with { Severity = severity, Confidence = confidence });

    readonly List<object> _perFile = [];

    /// <summary>
    /// State that helpers shared by several rules keep for this file (a memo of the last answer, say): one
    /// <typeparamref name="T"/> per file, created on first use. A context serves one walk on one thread: no locking.
    /// </summary>
    public T PerFile<T>() where T : class, new()
    {
        foreach (var state in _perFile)
            if (state is T known) return known;
        var created = new T();
        _perFile.Add(created);
        return created;
    }
}

/// <summary>What a project rule sees: every discovered file, Python imports gathered in the file pass, and a shared cache.</summary>
public sealed class ProjectContext(string root, IReadOnlyList<ProjectFile> files, IReadOnlySet<string> importedModules,
    ScanSettings settings, List<Finding> sink, List<string> warnings, List<string>? errors = null) : RuleContext(settings, sink)
{
    /// <summary>
    /// Something the audit needed could not be read (the advisory database, a lockfile): the scan is incomplete and
    /// must not end as "no findings" with exit 0. The message is also shown with the warnings.
    /// </summary>
    public void Fail(string message)
    {
        Warn("error: " + message);
        if (errors is not null) lock (errors) if (!errors.Contains(message)) errors.Add(message);
    }

    readonly ConcurrentDictionary<string, object> _cache = new();

    /// <summary>A one-line note shown with the scan results (a stale advisory database, an unreadable manifest…).</summary>
    public void Warn(string message)
    {
        lock (warnings) if (!warnings.Contains(message)) warnings.Add(message);
    }

    /// <summary>Absolute path of the scan root.</summary>
    public string Root { get; } = root;
    public IReadOnlyList<ProjectFile> Files { get; } = files;
    /// <summary>Top-level module names imported anywhere in the project's Python code (`requests` for `import requests.adapters`).</summary>
    public IReadOnlySet<string> ImportedModules { get; } = importedModules;

    /// <summary>Computes a value once per scan and shares it between the project rules (parsed manifests, the advisory store…).</summary>
    /// <summary>A value <see cref="Shared{T}"/> already computed, or null; never computes it.</summary>
    public T? Computed<T>(string key) where T : class => _cache.TryGetValue(key, out var v) ? v as T : null;

    public T Shared<T>(string key, Func<ProjectContext, T> factory) where T : class =>
        (T)_cache.GetOrAdd(key, _ => factory(this));
}

/// <summary>A discovered file as project rules see it; its text is decoded on demand, once, whichever thread asks.</summary>
public sealed class ProjectFile(string fullPath, string relativePath, Func<SourceFile?> load)
{
    readonly Lazy<SourceFile?> _file = new(load, LazyThreadSafetyMode.ExecutionAndPublication);
    public string FullPath { get; } = fullPath;
    public string RelativePath { get; } = relativePath;
    /// <summary>The path relative to the scanned directory (see <see cref="DiscoveredFile.ImportPath"/>).</summary>
    public string ImportPath { get; init; } = relativePath;
    public string FileName => System.IO.Path.GetFileName(RelativePath);
    /// <summary>Null when the file cannot be read or decoded.</summary>
    public SourceFile? Load() => _file.Value;
    /// <summary>The module parsed in the per-file phase, kept when a project rule asked for it (<see cref="ProjectRule.KeepsTree"/>); null otherwise.</summary>
    public Module? Tree { get; init; }
    /// <summary>Whether the per-file phase analysed the file (false for files left out by `--changed-since`): an analysed Python file without a <see cref="Tree"/> is one no project rule asked to keep.</summary>
    public bool Analysed { get; init; }
}
