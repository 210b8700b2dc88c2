using Bulwark.Core;
using System.Security.Cryptography;
using System.Text;
using Bulwark.Model;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Rules.Diagnostics;
using Bulwark.Semantics;

namespace Bulwark.Engine;

/// <summary>What one file contributed to the scan.</summary>
public sealed class FileOutcome
{
    public List<Finding> Findings { get; } = [];
    public int SuppressedNosec { get; set; }
    public int SuppressedInline { get; set; }
    public int SuppressedConfig { get; set; }
    public IReadOnlySet<string> ImportedModules { get; set; } = new HashSet<string>();
    public List<string> Warnings { get; } = [];
    /// <summary>Set when the file was not analysed (too large, unreadable, not a regular file).</summary>
    public SkippedFile? Skipped { get; set; }
}

/// <summary>
/// The per-file pipeline: parse once, build the semantic model, run every code rule in one walk and every
/// applicable file rule, then apply inline suppressions and compute snippets and fingerprints.
/// A pure function of the file and the immutable settings, so files can be analysed in parallel.
/// </summary>
public static class FileAnalysis
{
    /// <param name="fileRules">The file rules that apply to this file; null to decide from its path.</param>
    /// <param name="kind">The file's kind (which document rules read it); null to decide from its path.</param>
    public static FileOutcome Analyze(SourceFile file, RuleSet rules, ScanSettings settings, IReadOnlyList<FileRule>? fileRules = null,
        FileKind? kind = null)
    {
        var discovered = new DiscoveredFile(file.FullPath, file.RelativePath, file.IsPython, file.Text.Text.Length);
        if (kind is { } k) discovered = discovered with { Kind = k };
        fileRules ??= rules.FileRulesFor(discovered);
        var outcome = new FileOutcome();
        var raw = new List<Finding>();
        ParseResult? parse = null;

        if (file.IsPython)
        {
            long t0 = PhaseTimes.Now();
            parse = PythonParser.Parse(file.Text.Text);
            PhaseTimes.Add(PhaseTimes.Parse, ref t0);
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
            var (moduleName, isPackage) = SemanticModel.ModuleNameFor(file.RelativePath);
            var semantic = SemanticModel.Build(parse.Module, moduleName, isPackage);
            PhaseTimes.Add(PhaseTimes.Semantic, ref t0);
            outcome.ImportedModules = semantic.ImportedModules;
            if (rules.CodeRules.Count > 0)
            {
                var context = new CodeContext(file, parse, semantic, settings, raw);
                new Dispatcher(rules, context, outcome.Warnings).Visit(parse.Module);
            }
            PhaseTimes.Add(PhaseTimes.Rules, ref t0);
        }

        if (fileRules.Count > 0)
        {
            var context = new FileContext(file, settings, raw);
            foreach (var rule in fileRules)
            {
                try { rule.Check(file, context); }
                catch (Exception ex) { outcome.Warnings.Add(RuleFailure(rule, file, ex)); }
            }
        }
        DocumentAnalysis.Run(file, discovered.Kind, rules, settings, raw, outcome.Warnings);

        long t1 = PhaseTimes.Now();
        // Statement lines and string spans only matter for placing suppression comments: skip them for clean files.
        if (raw.Count > 0)
        {
            int[]? statementStarts = null, statementEnds = null;
            StringSpans? stringSpans = null;
            if (parse is not null)
            {
                (statementStarts, statementEnds) = StatementLineMap(parse);
                stringSpans = StringSpans.Of(parse.Module, file.Text.Text);
            }
            Finish(file, raw, statementStarts, settings, outcome, stringSpans, statementEnds);
        }
        PhaseTimes.Add(PhaseTimes.Finish, ref t1);
        return outcome;
    }

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
                Fingerprint = Fingerprint(UndecodableFileRule.Instance.Info.Id, relativePath, "", 0),
            });
        return outcome;
    }

    static string RuleFailure(IRule rule, SourceFile file, Exception ex) =>
        $"internal error in rule {rule.Info.Id} on {file.RelativePath}: {ex.GetType().Name}: {ex.Message}";

    /// <summary>One walk of the tree serves every code rule, dispatched by node kind.</summary>
    sealed class Dispatcher(RuleSet rules, CodeContext context, List<string> warnings) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (rules.ForKind(node.Kind) is { } list)
                foreach (var rule in list)
                {
                    long t0 = PhaseTimes.Now();
                    try { rule.Check(node, context); }
                    catch (Exception ex) { warnings.Add(RuleFailure(rule, context.File, ex)); }
                    if (PhaseTimes.Enabled) PhaseTimes.AddRule(rule.Info.Id, t0);
                }
            node.WalkChildren(this);
        }
    }

    /// <summary>Suppressions, snippets and fingerprints for project-rule findings, grouped by the file they point into.</summary>
    public static FileOutcome FinishProjectFindings(List<Finding> raw, IReadOnlyList<ProjectFile> files, ScanSettings settings)
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
                foreach (var f in group.OrderBy(f => f, Comparer<Finding>.Create(CompareFindings)))
                {
                    if (PerFileIgnored(settings, group.Key, f.Rule)) { total.SuppressedConfig++; continue; }
                    result.Add(f with { Fingerprint = Fingerprint(f.Rule.Id, group.Key, f.FingerprintKey ?? f.Message, occurrence++) });
                }
                continue;
            }
            Finish(source, group.ToList(), null, settings, total);
        }
        return total;
    }

    static void Finish(SourceFile file, List<Finding> raw, int[]? statementStarts, ScanSettings settings, FileOutcome outcome,
        StringSpans? stringSpans = null, int[]? statementEnds = null)
    {
        raw.Sort(CompareFindings);
        var suppressions = settings.IgnoreNosec ? null
            : InlineSuppressions.Parse(file.Text, statementStarts, stringSpans is null ? null : stringSpans.Contains,
                honourNoqa: settings.Profile != RuleProfile.Bandit, statementEndByLine: statementEnds);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var masked = new Bulwark.Secrets.MaskedLines(file.Text); // each printed line is masked once, however many findings show it
        foreach (var f in raw)
        {
            var snippet = Snippet(masked, f.Location, f.Sensitive);
            // Never the bytes of a secret: a sensitive span is replaced by a marker, other secrets on the line redacted.
            var key = f.FingerprintKey ?? (f.Sensitive ? "<secret>" : Bulwark.Secrets.SecretMasker.Redact(NormalizedKey(file.Text, f.Location)));
            var identity = f.Rule.Id + "\0" + key;
            seen.TryGetValue(identity, out int occurrence);
            seen[identity] = occurrence + 1;
            var finished = f with
            {
                Snippet = snippet, Fingerprint = Fingerprint(f.Rule.Id, file.RelativePath, key, occurrence),
                // A message quoting code never quotes a secret in full (secret findings build theirs masked already).
                Message = f.Sensitive ? f.Message : Bulwark.Secrets.SecretMasker.MaskFormats(f.Message),
            };

            if (PerFileIgnored(settings, file.RelativePath, f.Rule)) { outcome.SuppressedConfig++; continue; }
            switch (suppressions?.Find(f.Rule, f.Location.StartLine, f.Location.EndLine) ?? SuppressionKind.None)
            {
                case SuppressionKind.Nosec: outcome.SuppressedNosec++; continue;
                case SuppressionKind.Inline: outcome.SuppressedInline++; continue;
            }
            outcome.Findings.Add(finished);
        }
    }

    public static int CompareFindings(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0) return c;
        c = a.Location.StartLine.CompareTo(b.Location.StartLine);
        if (c != 0) return c;
        c = a.Location.StartColumn.CompareTo(b.Location.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
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

    /// <summary>The text a fingerprint rests on: the span's text (first line), whitespace-normalised, so line shifts do not change it.</summary>
    static string NormalizedKey(SourceText text, Location loc)
    {
        if (loc.IsWholeFile) return "";
        var line = text.LineText(loc.StartLine);
        int start = Math.Clamp(loc.StartColumn - 1, 0, line.Length);
        int end = loc.EndLine == loc.StartLine ? Math.Clamp(loc.EndColumn - 1, start, line.Length) : line.Length;
        var span = line.AsSpan(start, end - start);
        if (span.IsWhiteSpace()) span = line.AsSpan();
        var sb = new StringBuilder(span.Length);
        bool space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Fingerprint(string ruleId, string path, string key, int occurrence)
    {
        var bytes = Encoding.UTF8.GetBytes($"{ruleId}\0{path}\0{key}\0{occurrence}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }

    /// <summary>Up to three source lines of the location; a sensitive span keeps only its first four characters visible.</summary>
    static string? Snippet(Bulwark.Secrets.MaskedLines text, Location loc, bool sensitive)
    {
        if (loc.IsWholeFile || loc.StartLine > text.LineCount) return null;
        int last = Math.Min(Math.Min(loc.EndLine, text.LineCount), loc.StartLine + 2);
        var sb = new StringBuilder();
        for (int l = loc.StartLine; l <= last; l++)
        {
            // Every secret on a printed line is masked, whichever finding the snippet belongs to.
            var line = text.LineText(l);
            if (sensitive)
            {
                int from = l == loc.StartLine ? loc.StartColumn - 1 : 0;
                int to = l == loc.EndLine ? loc.EndColumn - 1 : line.Length;
                line = Mask(line, Math.Clamp(from, 0, line.Length), Math.Clamp(to, 0, line.Length), l == loc.StartLine);
            }
            if (l > loc.StartLine) sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }

    public static string Mask(string line, int from, int to, bool keepPrefix)
    {
        if (to <= from) return line;
        var chars = line.ToCharArray();
        int visible = keepPrefix ? Math.Min(4, (to - from) / 4) : 0;
        for (int i = from + visible; i < to; i++) chars[i] = '*';
        return new string(chars);
    }

    /// <summary>Line → first line of the statement that covers it (for suppressions on a multi-line statement's first line).</summary>
    static (int[] Starts, int[] Ends) StatementLineMap(ParseResult parse)
    {
        var starts = new int[parse.Text.LineCount + 2];
        var ends = new int[parse.Text.LineCount + 2];
        new StatementLines(parse.Text, starts, ends).Visit(parse.Module);
        return (starts, ends);
    }

    sealed class StatementLines(SourceText text, int[] map, int[] ends) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (node is Stmt stmt)
            {
                int first = text.LineOf(stmt.Start);
                int last = text.LineOf(Math.Max(stmt.Start, stmt.End - 1));
                int headerEnd = FirstBodyLine(stmt) is int b and > 0 ? Math.Min(last, b - 1) : last;
                for (int l = first; l <= headerEnd && l < map.Length; l++) { map[l] = first; ends[l] = headerEnd; }
            }
            node.WalkChildren(this);
        }

        int FirstBodyLine(Stmt s)
        {
            IReadOnlyList<Stmt>? body = s switch
            {
                FunctionDef f => f.Body, ClassDef c => c.Body, For f => f.Body, While w => w.Body, If i => i.Body,
                With w => w.Body, Try t => t.Body, _ => null,
            };
            if (s is MatchStmt m && m.Cases.Count > 0) return text.LineOf(m.Cases[0].Pattern.Start);
            return body is { Count: > 0 } ? text.LineOf(body[0].Start) : 0;
        }
    }

    /// <summary>Where the string literals of a module are, so that a `#` inside one is not taken for a comment.</summary>
    public sealed class StringSpans : AstWalker
    {
        readonly List<(int Start, int End)> _spans = [];
        readonly string _text;

        StringSpans(string text) => _text = text;

        public static StringSpans Of(Module module, string text)
        {
            var s = new StringSpans(text);
            s.Visit(module);
            s._spans.Sort();
            return s;
        }

        public override void Visit(Node node)
        {
            switch (node)
            {
                case Constant { ValueKind: ConstantKind.Str or ConstantKind.Bytes } c: _spans.Add((c.Start, c.End)); return;
                case JoinedStr or TemplateStr: _spans.Add((node.Start, node.End)); return;
            }
            node.WalkChildren(this);
        }

        public bool Contains(int offset)
        {
            int lo = 0, hi = _spans.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_spans[mid].Start > offset) hi = mid - 1;
                else lo = mid + 1;
            }
            // Spans do not overlap (nested strings are skipped), so only the last one starting before offset can hold it.
            if (hi < 0 || offset >= _spans[hi].End) return false;
            // Implicitly concatenated parts may have comments between them (`("SELECT "  # nosec` ⏎ `"FROM t")`).
            return InLiteralPart(_text, _spans[hi].Start, _spans[hi].End, offset);
        }

        /// <summary>Re-reads a string node's source: is the offset inside one of its literal parts, not in a gap between them?</summary>
        static bool InLiteralPart(string text, int start, int end, int offset)
        {
            int p = start;
            while (p < end)
            {
                char c = text[p];
                if (c is ' ' or '\t' or '\f' or '\r' or '\n' or '\\') { p++; continue; }
                if (c == '#')
                {
                    int eol = p;
                    while (eol < end && text[eol] is not ('\n' or '\r')) eol++;
                    if (offset >= p && offset < eol) return false;
                    p = eol;
                    continue;
                }
                int q = p;
                bool raw = false, formatted = false;
                while (q < end && char.IsAsciiLetter(text[q]))
                {
                    raw |= text[q] is 'r' or 'R';
                    formatted |= text[q] is 'f' or 'F' or 't' or 'T';
                    q++;
                }
                if (q >= end || text[q] is not ('"' or '\'')) return false; // not a literal we understand: treat as code
                int close = LiteralEnd(text, q, end, raw, formatted);
                if (close < 0) return false;
                if (offset >= p && offset < close) return true;
                p = close;
            }
            return false;
        }

        /// <summary>The offset just past the literal whose opening quote is at <paramref name="q"/>; -1 when it does not close.</summary>
        static int LiteralEnd(string text, int q, int end, bool raw, bool formatted)
        {
            char quote = text[q];
            bool triple = q + 2 < end && text[q + 1] == quote && text[q + 2] == quote;
            int i = q + (triple ? 3 : 1);
            while (i < end)
            {
                char c = text[i];
                if (c == '\\' && !raw) { i += 2; continue; }
                if (formatted && c == '{')
                {
                    if (i + 1 < end && text[i + 1] == '{') { i += 2; continue; }
                    int depth = 1;
                    i++;
                    while (i < end && depth > 0)
                    {
                        char e = text[i];
                        if (e is '"' or '\'')
                        {
                            int nested = LiteralEnd(text, i, end, raw: false, formatted: true);
                            if (nested < 0) return -1;
                            i = nested;
                            continue;
                        }
                        if (e == '{') depth++;
                        else if (e == '}') depth--;
                        i++;
                    }
                    continue;
                }
                if (c == quote && (!triple || (i + 2 < end && text[i + 1] == quote && text[i + 2] == quote)))
                    return i + (triple ? 3 : 1);
                i++;
            }
            return -1;
        }
    }
}
