using Bulwark.Core;
using System.Text;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies;

/// <summary>One planned rewrite of a version constraint.</summary>
public sealed record PinEdit(Manifest Manifest, Dependency Dependency, string OldText, string NewText, PackageVersion From, PackageVersion To);

/// <summary>
/// Rewrites vulnerable exact pins (and single `>=` lower bounds) in requirements files and pyproject.toml to the
/// smallest version that fixes every known vulnerability, touching only the constraint's characters.
/// </summary>
/// <summary>The file changes a fix would make, or why it cannot be planned.</summary>
public sealed record PlannedChanges(IReadOnlyList<FileChange> Changes, string? Error);

public static class DependencyFixer
{
    public static List<PinEdit> Plan(ManifestSet set, AdvisoryStore store)
    {
        var edits = new List<PinEdit>();
        foreach (var m in set.Manifests)
        {
            if (m.Kind is not (ManifestKind.Requirements or ManifestKind.Constraints or ManifestKind.Pyproject)) continue;
            foreach (var d in m.Dependencies)
            {
                if (d.SpecStart < 0 || d.SpecEnd <= d.SpecStart || d.Constraint.Count != 1) continue;
                var old = m.Text.Text[d.SpecStart..d.SpecEnd];
                var clauses = d.Constraint[0].Clauses;
                PackageVersion? current = d.Version;
                bool lowerBound = false;
                if (current is null && clauses is [{ Operator: SpecOperator.GreaterEqual, Version: { } lb }]) { current = lb; lowerBound = true; }
                if (current is null) continue;
                var matches = AdvisoryMatcher.Match(store, d.NormalizedName, current);
                if (matches.Count == 0) continue;
                var fix = AdvisoryMatcher.SmallestFix(store, d.NormalizedName, current, matches);
                if (fix is null) continue;
                string replacement = d.SpecStyle switch
                {
                    SpecStyle.Poetry => lowerBound ? ">=" + fix : old.StartsWith('^') ? "^" + fix : old.StartsWith("==", StringComparison.Ordinal) ? "==" + fix : fix.ToString(),
                    _ => (lowerBound ? ">=" : old.StartsWith("===", StringComparison.Ordinal) ? "===" : "==") + fix,
                };
                if (replacement != old) edits.Add(new PinEdit(m, d, old, replacement, current, fix));
            }
        }
        return edits;
    }

    /// <summary>The new text of each edited file, edits applied from the end so earlier offsets stay valid.</summary>
    /// <summary>
    /// The edits as file changes, each against the bytes on disk now (the manifest must still read as it was
    /// parsed): nothing is written here.
    /// </summary>
    public static PlannedChanges Plan(IEnumerable<PinEdit> edits, IFileSystem fs)
    {
        var changes = new List<FileChange>();
        foreach (var (manifest, text) in Apply(edits))
        {
            var read = fs.Read(manifest.FullPath, BoundedFile.MaxManifestBytes);
            if (read.Bytes is not { } before) return new PlannedChanges([], $"{manifest.RelativePath}: cannot read: {read.Error}");
            var span = before.AsSpan();
            if (span.StartsWith("\xEF\xBB\xBF"u8)) span = span[3..];
            if (System.Text.Encoding.UTF8.GetString(span) != manifest.Text.Text)
                return new PlannedChanges([], $"{manifest.RelativePath}: changed since it was read");
            changes.Add(new FileChange(manifest.FullPath, manifest.RelativePath, before, FileTransaction.EncodeLike(before, text)));
        }
        changes.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return new PlannedChanges(changes, null);
    }

    public static Dictionary<Manifest, string> Apply(IEnumerable<PinEdit> edits)
    {
        var result = new Dictionary<Manifest, string>();
        foreach (var group in edits.GroupBy(e => e.Manifest))
        {
            var sb = new StringBuilder(group.Key.Text.Text);
            foreach (var e in group.OrderByDescending(e => e.Dependency.SpecStart))
            {
                sb.Remove(e.Dependency.SpecStart, e.Dependency.SpecEnd - e.Dependency.SpecStart);
                sb.Insert(e.Dependency.SpecStart, e.NewText);
            }
            result[group.Key] = sb.ToString();
        }
        return result;
    }

    /// <summary>A unified diff (3 lines of context) between two texts with the same line structure.</summary>
    public static string UnifiedDiff(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var sb = new StringBuilder();
        sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        // Edits never add or remove line breaks, so line i of one text corresponds to line i of the other.
        var changed = new List<int>();
        for (int i = 0; i < Math.Max(a.Count, b.Count); i++)
            if (i >= a.Count || i >= b.Count || a[i] != b[i]) changed.Add(i);
        int k = 0;
        while (k < changed.Count)
        {
            int start = Math.Max(0, changed[k] - 3), end = Math.Min(a.Count - 1, changed[k] + 3);
            int j = k;
            while (j + 1 < changed.Count && changed[j + 1] - 3 <= end + 1) { j++; end = Math.Min(a.Count - 1, changed[j] + 3); }
            int len = end - start + 1;
            sb.Append($"@@ -{start + 1},{len} +{start + 1},{len} @@\n");
            for (int i = start; i <= end; i++)
            {
                if (changed.Contains(i)) { sb.Append('-').Append(a[i]).Append('\n'); sb.Append('+').Append(b[i]).Append('\n'); }
                else sb.Append(' ').Append(a[i]).Append('\n');
            }
            k = j + 1;
        }
        return sb.ToString();
    }

    static List<string> SplitLines(string s)
    {
        var lines = new List<string>(s.Replace("\r\n", "\n").Split('\n'));
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
