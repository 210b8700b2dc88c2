using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bulwark.Core;
using Bulwark.Rules;
using Bulwark.Secrets;

namespace Bulwark.Engine;

/// <summary>
/// `scan --history [--since REF]`: the secrets committed in the git history, including ones removed since. Streams
/// `git log -p` (added lines only, no shell, no external diff or text conversion), scans each commit's added lines per
/// file with the same detectors as the working tree, and reports each secret once — at the oldest commit that adds
/// it — unless it is still in the working tree, where the ordinary scan reports it. Values are compared by a keyed
/// hash whose key lives only in this process; nothing derived from a secret is written anywhere.
/// </summary>
public sealed class GitHistory(string? since)
{
    const int MaxBufferChars = 4 * 1024 * 1024;
    const int MaxLineChars = 1024 * 1024;

    public string? Since { get; } = since;

    /// <summary>Findings for secrets found only in the history. Throws <see cref="ConfigException"/> for a bad repository or revision.</summary>
    public List<Finding> Run(string root, RuleSet rules, ScanSettings settings, IReadOnlyList<Finding> workingTree, List<string> warnings)
    {
        var ruleInfos = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var r in rules.Rules)
            if (r.Info.Id is SecretRuleIds.ProviderCredential or SecretRuleIds.PrivateKey or SecretRuleIds.UrlPassword or SecretRuleIds.GenericSecret
                or SecretRuleIds.HardcodedSecret)
                ruleInfos[r.Info.Id] = r.Info;
        if (ruleInfos.Count == 0)
        {
            warnings.Add("--history: no secrets rule is selected, so the history was not scanned");
            return [];
        }
        if (GitCli.TopLevel(root) is null)
            throw new ConfigException($"--history: {root} is not inside a git repository (or git is not installed)");
        if (Since is { } s)
        {
            if (s.Length == 0 || s.StartsWith('-') || s.Contains("..") || s.Any(char.IsControl))
                throw new ConfigException($"--since: '{Sanitize(s)}' is not a revision");
            if (GitCli.Run(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", s + "^{commit}"]) is null)
                throw new ConfigException($"--since: unknown revision '{Sanitize(s)}'");
        }

        var key = RandomNumberGenerator.GetBytes(32); // per process, never stored
        var present = WorkingTreeDigests(root, workingTree, key);
        var scan = new Stream(key, present, ruleInfos, settings);
        var args = new List<string>
        {
            "log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--relative", "--diff-filter=AMCR",
            "--format=%x01%H%x00%aI%x00%ae",
        };
        if (Since is { } since) { args.Add("--end-of-options"); args.Add(since + "..HEAD"); }
        else args.Add("--all");
        args.Add("--");
        args.Add(".");
        try
        {
            using var p = Process.Start(GitCli.StartInfo(root, args)) ?? throw new ConfigException("--history: cannot start git");
            p.StandardInput.Close();
            var errors = p.StandardError.ReadToEndAsync();
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null) scan.Line(line.Length > MaxLineChars ? line[..MaxLineChars] : line);
            scan.Flush();
            p.WaitForExit();
            if (p.ExitCode != 0)
                throw new ConfigException($"--history: git log failed: {Sanitize(errors.Result.Split('\n')[0])}");
        }
        catch (System.ComponentModel.Win32Exception) { throw new ConfigException("--history: git is not installed"); }
        return scan.Results();
    }

    static string Sanitize(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 80 ? s[..80] : s) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }

    static byte[] Digest(byte[] key, ReadOnlySpan<char> value) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value.ToArray()));

    /// <summary>Keyed digests of the secrets the working-tree scan found (re-read from the files it reported).</summary>
    static HashSet<string> WorkingTreeDigests(string root, IReadOnlyList<Finding> findings, byte[] key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings) if (f.Rule.Family == Family.Secrets && !f.Location.IsWholeFile) paths.Add(f.Location.Path);
        foreach (var path in paths)
        {
            // Regular files only, size-capped, like every read of the scanned tree.
            if (Core.BoundedFile.ReadText(Path.Combine(root, path), Core.BoundedFile.MaxManifestBytes * 2, out _) is not { } text) continue;
            foreach (var m in SecretScanner.Scan(text, ModeFor(path)))
                set.Add(Convert.ToBase64String(Digest(key, text.AsSpan(m.Start, m.End - m.Start))));
        }
        return set;
    }

    /// <summary>History has no syntax tree: Python is read as text, with the generic `name = "value"` detector.</summary>
    static ScanMode ModeFor(string path) =>
        SecretFiles.ModeFor(path) | (FileDiscovery.IsPythonPath(path) ? ScanMode.Generic : 0);

    sealed class Stream(byte[] key, HashSet<string> present,
        Dictionary<string, RuleInfo> rules, ScanSettings settings)
    {
        string _commit = "", _date = "", _author = "", _path = "";
        int _newLine;
        readonly StringBuilder _buffer = new();
        readonly List<int> _lineNumbers = [];
        readonly List<int> _lineStarts = [];
        // Digest → the finding at the oldest commit seen so far (git log lists newest first).
        readonly Dictionary<string, Finding> _found = new(StringComparer.Ordinal);

        public void Line(string line)
        {
            if (line.Length > 0 && line[0] == '\x01')
            {
                Flush();
                var parts = line[1..].Split('\0');
                _commit = parts[0];
                _date = parts.Length > 1 ? parts[1] : "";
                _author = parts.Length > 2 ? parts[2] : "";
                _path = "";
                return;
            }
            if (line.StartsWith("diff --git ", StringComparison.Ordinal)) { Flush(); _path = ""; return; }
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                _path = line.StartsWith("+++ b/", StringComparison.Ordinal) ? line[6..] : "";
                return;
            }
            if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                int plus = line.IndexOf('+');
                int end = plus < 0 ? -1 : line.IndexOfAny([',', ' '], plus);
                _newLine = plus >= 0 && end > plus && int.TryParse(line.AsSpan(plus + 1, end - plus - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
                return;
            }
            if (_path.Length == 0 || line.Length == 0 || line[0] != '+') return;
            if (_buffer.Length + line.Length > MaxBufferChars) Flush();
            _lineStarts.Add(_buffer.Length);
            _lineNumbers.Add(_newLine++);
            _buffer.Append(line, 1, line.Length - 1).Append('\n');
        }

        public void Flush()
        {
            if (_buffer.Length == 0 || _path.Length == 0) { Clear(); return; }
            var path = _path;
            var secrets = settings.Secrets;
            if (secrets.PathAllowed(path)) { Clear(); return; }
            bool test = secrets.IsTestPath(path);
            var text = _buffer.ToString();
            foreach (var m in SecretScanner.Scan(text, ModeFor(path)))
            {
                var ruleId = RuleFor(m, path);
                if (!rules.TryGetValue(ruleId, out var rule) || secrets.IgnoreTypes.Contains(m.TypeId)) continue;
                if (test && m.Kind is SecretKind.Generic or SecretKind.Jwt or SecretKind.NamedValue) continue;
                var value = text.AsSpan(m.Start, m.End - m.Start);
                if ((secrets.AllowRegexes.Count > 0 || secrets.AllowValueSha256.Count > 0) && secrets.ValueAllowed(value.ToString())) continue;
                var digest = Convert.ToBase64String(Digest(key, value));
                if (present.Contains(digest)) continue; // still in the working tree: reported there, once
                _found[digest] = Make(rule, m, text, path, test);
            }
            Clear();
        }

        static string RuleFor(SecretMatch m, string path) => m.Kind switch
        {
            SecretKind.PrivateKey => SecretRuleIds.PrivateKey,
            SecretKind.UrlPassword => SecretRuleIds.UrlPassword,
            SecretKind.Generic => FileDiscovery.IsPythonPath(path) ? SecretRuleIds.HardcodedSecret : SecretRuleIds.GenericSecret,
            _ => SecretRuleIds.ProviderCredential,
        };

        Finding Make(RuleInfo rule, SecretMatch m, string text, string path, bool test)
        {
            int index = _lineStarts.BinarySearch(m.ReportStart);
            if (index < 0) index = ~index - 1;
            index = Math.Max(0, index);
            int lineStart = _lineStarts[index];
            int lineEnd = text.IndexOf('\n', lineStart);
            var lineText = text[lineStart..lineEnd];
            int line = _lineNumbers[index];
            int col = m.ReportStart - lineStart + 1;
            int endCol = Math.Min(m.ReportEnd, lineEnd) - lineStart + 1;
            var chars = SecretMasker.Mask(lineText).ToCharArray();
            if (m.Kind != SecretKind.PrivateKey) SecretMasker.MaskSpan(chars, m.Start - lineStart, Math.Min(m.End, lineEnd) - lineStart);
            var name = m.Name(text);
            var shortCommit = _commit.Length > 12 ? _commit[..12] : _commit;
            var baseMessage = Bulwark.Rules.Secrets.SecretFindingText.Message(m, text, name, path);
            var properties = new Dictionary<string, PropertyValue>
            {
                ["secretType"] = m.TypeId, ["secretLength"] = (long)(m.End - m.Start), ["commit"] = _commit, ["commitDate"] = _date,
                ["authorEmail"] = _author, ["history"] = true,
            };
            if (m.Type is { } t) properties["provider"] = t.Provider;
            var (severity, confidence) = m.Type is { } type && m.Kind != SecretKind.Generic ? (type.Severity, type.Confidence) : (Severity.Medium, Confidence.Medium);
            return new Finding
            {
                Rule = rule,
                Message = $"{baseMessage.TrimEnd('.')} — committed in {shortCommit} ({_date}, {_author}) and no longer in the working tree; rotate it.",
                Location = new Location(path, line, col, line, Math.Max(col, endCol)),
                Severity = severity,
                Confidence = test ? Confidence.Low : confidence,
                Sensitive = m.Kind != SecretKind.PrivateKey,
                Properties = properties,
                Snippet = new string(chars),
                Fingerprint = Fingerprints.Of(rule.Id, path, "history:" + _commit + ":" + m.TypeId + ":" + (name ?? ""), 0),
            };
        }

        void Clear()
        {
            _buffer.Clear();
            _lineStarts.Clear();
            _lineNumbers.Clear();
        }

        public List<Finding> Results() => _found.Values.ToList();
    }
}
