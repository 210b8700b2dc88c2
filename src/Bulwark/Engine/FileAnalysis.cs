using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Rules.Code.Diagnostics;
using Bulwark.Semantics;

namespace Bulwark.Engine;

/// <summary>
/// The per-file pipeline: parse once, build the semantic model, run every code rule in one walk and every
/// applicable file rule, then apply inline suppressions and compute snippets and fingerprints.
/// A pure function of the file and the immutable settings, so files can be analysed in parallel.
/// </summary>
public static class FileAnalysis
{
    /// <param name="fileRules">The file rules that apply to this file; null to decide from its path.</param>
    /// <param name="kind">The file's kind (which document rules read it); null to decide from its path.</param>
    /// <param name="profiler">The scan's profiler, when timing is on.</param>
    public static FileOutcome Analyze(SourceFile file, RuleSet rules, ScanSettings settings, IReadOnlyList<FileRule>? fileRules = null,
        FileKind? kind = null, ScanProfiler? profiler = null, Bulwark.Taint.ModelCatalog? taint = null)
    {
        var discovered = new DiscoveredFile(file.FullPath, file.RelativePath, file.IsPython, file.Text.Text.Length);
        if (kind is { } k) discovered = discovered with { Kind = k };
        fileRules ??= rules.FileRulesFor(discovered);
        var outcome = new FileOutcome();
        var raw = new List<Finding>();
        ParseResult? parse = null;

        if (file.IsPython)
        {
            long t0 = profiler?.Start() ?? 0;
            parse = PythonParser.Parse(file.Text);
            profiler?.Add(ScanProfiler.Phase.Parse, ref t0);
            // One finding per file: the first error is the real one, later ones are often its echoes.
            if (parse.Errors.Count > 0 && rules.Contains(SyntaxErrorRule.Instance.Info.Id))
            {
                var e = parse.Errors[0];
                var more = parse.Errors.Count > 1 ? $" ({parse.Errors.Count - 1} more error(s) after it)" : "";
                raw.Add(new Finding
                {
                    Rule = SyntaxErrorRule.Instance.Info,
                    Message = $"SyntaxError: {e.Message}{more}; code Bulwark could not recover around it was not analysed",
                    Location = RuleContext.LocationOf(file, e.Start, e.End),
                    Severity = SyntaxErrorRule.Instance.Info.Severity,
                    Confidence = SyntaxErrorRule.Instance.Info.Confidence,
                    FingerprintKey = e.Message,
                });
            }
            // The semantic model is built on the first rule's question, so rules that never ask (`--select B101`) cost no
            // model; project rules read the imports it gathers, so with them it is built at once.
            var semanticClock = new SemanticClock();
            var tree = parse;
            SemanticModel BuildSemantic()
            {
                long s0 = ScanProfiler.Timestamp(), b0 = profiler is null ? 0 : GC.GetAllocatedBytesForCurrentThread();
                var (moduleName, isPackage) = SemanticModel.ModuleNameFor(file.ImportPath);
                var model = SemanticModel.Build(tree.Module, moduleName, isPackage);
                semanticClock.Ticks += ScanProfiler.Timestamp() - s0;
                if (profiler is not null) semanticClock.Bytes += GC.GetAllocatedBytesForCurrentThread() - b0;
                return model;
            }
            var context = new CodeContext(file, parse, BuildSemantic, settings, raw);
            if (rules.ProjectRules.Count > 0)
            {
                outcome.ImportedModules = context.Semantic.ImportedModules;
                if (parse.Ok && rules.KeepsTree(file)) outcome.Tree = parse.Module;
            }
            if (rules.CodeRules.Count > 0) new RuleDispatcher(rules, context, outcome.Warnings, profiler, semanticClock).Visit(parse.Module);
            if (profiler is not null)
            {
                profiler.Add(ScanProfiler.Phase.Rules, ref t0);
                profiler.Move(ScanProfiler.Phase.Rules, ScanProfiler.Phase.Semantic, semanticClock.Ticks, semanticClock.Bytes);
            }
            // The taint phase is lowered only when an injection rule runs (`taint` is null otherwise): no cost without one.
            if (taint is not null)
            {
                outcome.Taint = TaintPhase.Lower(file, parse.Module, context.Semantic, taint, outcome.Warnings) is { } lowered ? Bulwark.Taint.PackedModule.Pack(lowered) : null;
                profiler?.Add(ScanProfiler.Phase.TaintLowering, ref t0);
            }
        }

        long t1 = profiler?.Start() ?? 0;
        if (fileRules.Count > 0)
        {
            var context = new FileContext(file, settings, raw);
            foreach (var rule in fileRules)
            {
                try { rule.Check(file, context); }
                catch (Exception ex) { outcome.Warnings.Add(RuleDispatcher.Failure(rule, file, ex)); }
            }
        }
        DocumentAnalysis.Run(file, discovered.Kind, rules, settings, raw, outcome.Warnings);
        profiler?.Add(ScanProfiler.Phase.FileRules, ref t1);

        // Statement lines and string spans only matter for placing suppression comments: the finisher works them out
        // from the tree when a comment names a directive.
        if (raw.Count > 0)
        {
            var tree = parse;
            FindingFinisher.Finish(file, raw, settings, outcome, tree is null ? null : () => tree);
        }
        profiler?.Add(ScanProfiler.Phase.Finish, ref t1);
        return outcome;
    }

    /// <summary>Reports a file that could not be read or decoded.</summary>
    public static FileOutcome Undecodable(string relativePath, string error, RuleSet rules, Severity? severity = null)
    {
        var outcome = new FileOutcome();
        if (rules.Contains(UndecodableFileRule.Instance.Info.Id))
            outcome.Findings.Add(new Finding
            {
                Rule = UndecodableFileRule.Instance.Info,
                Message = error,
                Location = Location.WholeFile(relativePath),
                Severity = severity ?? UndecodableFileRule.Instance.Info.Severity,
                Confidence = UndecodableFileRule.Instance.Info.Confidence,
                Fingerprint = Fingerprints.Of(UndecodableFileRule.Instance.Info.Id, relativePath, "", 0),
            });
        return outcome;
    }
}

/// <summary>Time spent building a file's semantic model, so that the rule whose question built it is not charged for it.</summary>
sealed class SemanticClock
{
    public long Ticks;
    public long Bytes;
}
