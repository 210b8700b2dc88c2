using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Secrets;

namespace Bulwark.Engine;

/// <summary>
/// Turns raw findings into reported ones: sorted, per-file ignores and inline suppressions applied (and counted),
/// each with its snippet (secrets masked) and fingerprint.
/// </summary>
public static class FindingFinisher
{
    /// <summary>
    /// A file's raw findings; the statement lines and string spans of its tree place suppression comments (no tree:
    /// line by line). <paramref name="tree"/> is asked for only when a comment names a directive, which most files lack.
    /// </summary>
    public static void Finish(SourceFile file, List<Finding> raw, ScanSettings settings, FileOutcome outcome, Func<ParseResult>? tree = null)
    {
        raw.Sort(FindingOrder.Compare);
        InlineSuppressions? suppressions = null;
        if (!settings.IgnoreNosec)
        {
            ParseResult? parse = null;
            StringSpans? strings = null;
            suppressions = tree is null
                ? InlineSuppressions.Parse(file.Text, null, honourNoqa: settings.Profile != RuleProfile.Bandit)
                : InlineSuppressions.Parse(file.Text, () => StatementLineMap.Of(parse ??= tree()),
                    offset => (strings ??= StringSpans.Of((parse ??= tree()).Module, file.Text.Text)).Contains(offset),
                    honourNoqa: settings.Profile != RuleProfile.Bandit);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var masked = new MaskedLines(file.Text); // each printed line is masked once, however many findings show it
        var globPath = raw.Count == 0 ? "" : settings.GlobPath(file.FullPath, file.RelativePath); // the same for every finding of the file
        foreach (var f in raw)
        {
            var snippet = Snippets.Of(masked, f.Location, f.Sensitive);
            // Never the bytes of a secret: a sensitive span is replaced by a marker, other secrets on the line redacted.
            var key = f.FingerprintKey ?? (f.Sensitive ? "<secret>" : SecretMasker.Redact(Fingerprints.NormalizedKey(file.Text, f.Location)));
            var identity = f.Rule.Id + "\0" + key;
            seen.TryGetValue(identity, out int occurrence);
            seen[identity] = occurrence + 1;
            var finished = f with
            {
                // Kept until the report: equal messages and snippets share one string (SharedStrings), and the
                // fingerprint key, read only here, is not kept.
                Snippet = SharedStrings.Findings.ShareOrNull(snippet), Fingerprint = Fingerprints.Of(f.Rule.Id, file.RelativePath, key, occurrence),
                // A message quoting code never quotes a secret in full (secret findings build theirs masked already).
                Message = SharedStrings.Findings.Share(f.Sensitive ? f.Message : SecretMasker.MaskFormats(f.Message)),
                FingerprintKey = null,
            };

            if (PerFileIgnored(settings, globPath, f.Rule)) { outcome.SuppressedConfig++; continue; }
            finished = Overridden(settings, finished);
            switch (suppressions?.Find(f.Rule, f.Location.StartLine, f.Location.EndLine) ?? SuppressionKind.None)
            {
                case SuppressionKind.Nosec: outcome.SuppressedNosec++; continue;
                case SuppressionKind.Inline: outcome.SuppressedInline++; continue;
            }
            outcome.Findings.Add(finished);
        }
    }

    /// <summary>Suppressions, snippets and fingerprints for project-rule findings, grouped by the file they point into.</summary>
    public static FileOutcome ProjectFindings(List<Finding> raw, IReadOnlyList<ProjectFile> files, ScanSettings settings)
    {
        var total = new FileOutcome();
        var result = total.Findings;
        var byPath = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        foreach (var group in raw.GroupBy(f => f.Location.Path))
        {
            var source = byPath.TryGetValue(group.Key, out var pf) ? pf.Load() : null;
            if (source is null)
            {
                int occurrence = 0;
                foreach (var f in group.OrderBy(f => f, Comparer<Finding>.Create(FindingOrder.Compare)))
                {
                    if (PerFileIgnored(settings, pf is null ? group.Key : settings.GlobPath(pf.FullPath, group.Key), f.Rule)) { total.SuppressedConfig++; continue; }
                    result.Add(Overridden(settings, f with { Fingerprint = Fingerprints.Of(f.Rule.Id, group.Key, f.FingerprintKey ?? f.Message, occurrence++) }));
                }
                continue;
            }
            // A Python file is parsed again for the statement lines and string spans, as in the per-file pipeline:
            // a suppression comment on any line of a multi-line statement counts, one inside a string does not.
            // Only files with project findings and a directive comment pay for it (the trees of the parallel phase are gone by now).
            Finish(source, group.ToList(), settings, total, source.IsPython ? () => Bulwark.Python.PythonParser.Parse(source.Text) : null);
        }
        return total;
    }

    /// <summary>`severity-overrides`: a rule named by id or alias is reported with the configured severity.</summary>
    static Finding Overridden(ScanSettings settings, Finding f)
    {
        if (settings.SeverityOverrides.Count == 0) return f;
        if (settings.SeverityOverrides.TryGetValue(f.Rule.Id, out var s)) return f with { Severity = s };
        foreach (var a in f.Rule.Aliases)
            if (settings.SeverityOverrides.TryGetValue(a, out s)) return f with { Severity = s };
        return f;
    }

    static bool PerFileIgnored(ScanSettings settings, string path, RuleInfo rule)
    {
        foreach (var (glob, tokens) in settings.PerFileIgnores)
        {
            if (!Glob.IsMatch(glob, path)) continue;
            foreach (var t in tokens) if (RuleSet.Matches(rule, t)) return true;
        }
        return false;
    }
}
