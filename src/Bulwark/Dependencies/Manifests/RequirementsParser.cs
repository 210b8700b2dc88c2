using System.Text;
using Bulwark.Dependencies.Requirements;
using Bulwark.Dependencies.Versions;
using Bulwark.Core;
using Bulwark.Python;

namespace Bulwark.Dependencies.Manifests;

/// <summary>
/// pip's requirements-file format: comments, backslash continuations, global options (-r, -c, -e, -i…),
/// per-requirement options (--hash), URLs and local paths. Entries keep file offsets.
/// `${VAR}` is never expanded: pip expands it at install time from the installer's environment, and a report must
/// not carry the scanning machine's environment (a CI token) into its text.
/// </summary>
public static class RequirementsParser
{
    public sealed record Include(string Path, bool IsConstraint, int Start, int End, int Line);

    public static Manifest Parse(string fullPath, string relativePath, string text, bool constraints,
        List<Include>? includes = null)
    {
        var m = new Manifest
        {
            FullPath = fullPath, RelativePath = relativePath, Text = new SourceText(text),
            Kind = constraints ? ManifestKind.Constraints : ManifestKind.Requirements,
        };
        var role = constraints ? DependencyRole.Constraint : DependencyRole.Direct;
        foreach (var (line, map) in LogicalLines(text))
        {
            var content = StripComment(line);
            int lead = 0;
            while (lead < content.Length && char.IsWhiteSpace(content[lead])) lead++;
            var body = content[lead..].TrimEnd();
            if (body.Length == 0) continue;
            int Off(int i) => map[Math.Min(lead + i, map.Length - 1)];
            int lineNo = m.Text.LineOf(Off(0));
            if (body[0] == '-')
            {
                ParseOption(m, body, Off, includes, role, lineNo);
                continue;
            }
            ParseRequirementLine(m, body, Off, role, editable: false, lineNo);
        }
        return m;
    }

    /// <summary>Physical lines joined at trailing backslashes, each character mapped back to its file offset.</summary>
    static IEnumerable<(string Line, int[] Map)> LogicalLines(string text)
    {
        var sb = new StringBuilder();
        var map = new List<int>();
        int i = 0;
        while (i <= text.Length)
        {
            int eol = i;
            while (eol < text.Length && text[eol] != '\n' && text[eol] != '\r') eol++;
            int contentEnd = eol;
            bool continued = contentEnd > i && text[contentEnd - 1] == '\\' && !IsCommentLine(text, i, contentEnd);
            int copyEnd = continued ? contentEnd - 1 : contentEnd;
            for (int k = i; k < copyEnd; k++) { sb.Append(text[k]); map.Add(k); }
            int next = eol;
            if (next < text.Length && text[next] == '\r') next++;
            if (next < text.Length && text[next] == '\n' && (next == eol || text[eol] == '\r')) next++;
            if (!continued || next >= text.Length)
            {
                map.Add(copyEnd);
                yield return (sb.ToString(), map.ToArray());
                sb.Clear(); map.Clear();
            }
            if (next >= text.Length) break;
            i = next;
        }
    }

    static bool IsCommentLine(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (char.IsWhiteSpace(text[k])) continue;
            return text[k] == '#';
        }
        return false;
    }

    // pip treats `#` as a comment at the start of a line or after whitespace (so URL fragments survive).
    static string StripComment(string line)
    {
        for (int k = 0; k < line.Length; k++)
            if (line[k] == '#' && (k == 0 || char.IsWhiteSpace(line[k - 1]))) return line[..k];
        return line;
    }

    static bool HasVariable(string s) => s.Contains("${", StringComparison.Ordinal);

    static readonly string[] IgnoredOptions =
    [
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--no-binary", "--only-binary",
        "--prefer-binary", "--pre", "--no-index", "--use-feature", "--require-hashes", "-Z", "--always-unzip",
    ];

    static void ParseOption(Manifest m, string body, Func<int, int> off, List<Include>? includes, DependencyRole role,
        int lineNo)
    {
        int sp = 0;
        while (sp < body.Length && !char.IsWhiteSpace(body[sp]) && body[sp] != '=') sp++;
        var opt = body[..sp];
        int argStart = sp;
        while (argStart < body.Length && (char.IsWhiteSpace(body[argStart]) || body[argStart] == '=')) argStart++;
        // Short options may be glued to their value: `-rbase.txt`.
        if (opt.Length > 2 && opt[1] != '-' && opt[0] == '-') { argStart = 2; opt = opt[..2]; }
        var arg = body[argStart..].Trim();
        switch (opt)
        {
            case "-r" or "--requirement" or "-c" or "--constraint":
            {
                if (arg.Length == 0) { m.Problems.Add($"{m.RelativePath}:{lineNo}: {opt} needs a file name"); return; }
                if (arg.Contains("://", StringComparison.Ordinal)) { m.Problems.Add($"{m.RelativePath}:{lineNo}: remote include not followed"); return; }
                if (HasVariable(arg)) { m.Problems.Add($"{m.RelativePath}:{lineNo}: include named through an environment variable not followed"); return; }
                string full;
                try { full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(m.FullPath) ?? ".", arg)); }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    m.Problems.Add($"{m.RelativePath}:{lineNo}: {opt} names an invalid path"); return;
                }
                m.Includes.Add(full);
                includes?.Add(new Include(full, opt is "-c" or "--constraint", off(argStart), off(argStart + arg.Length), lineNo));
                return;
            }
            case "-e" or "--editable":
                if (arg.Length > 0) ParseRequirementLine(m, arg, i => off(argStart + i), role, editable: true, lineNo);
                return;
        }
        if (Array.IndexOf(IgnoredOptions, opt) < 0)
            m.Problems.Add($"{m.RelativePath}:{lineNo}: unknown option {Untrusted.Excerpt(opt)} ignored");
    }

    static readonly string[] RequirementOptions = ["--hash", "--config-settings", "--global-option", "--install-option", "-C"];

    static void ParseRequirementLine(Manifest m, string body, Func<int, int> off, DependencyRole role, bool editable,
        int lineNo)
    {
        // Per-requirement options start at the first whitespace-preceded option name.
        int reqEnd = body.Length;
        foreach (var o in RequirementOptions)
        {
            int k = 0;
            while ((k = body.IndexOf(o, k, StringComparison.Ordinal)) > 0)
            {
                if (char.IsWhiteSpace(body[k - 1]) && (k + o.Length == body.Length || body[k + o.Length] is '=' or ' ' or '\t'))
                {
                    reqEnd = Math.Min(reqEnd, k); break;
                }
                k += o.Length;
            }
        }
        var hashes = new List<string>();
        if (reqEnd < body.Length)
        {
            var opts = body[reqEnd..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            for (int j = 0; j < opts.Length; j++)
            {
                if (opts[j].StartsWith("--hash=", StringComparison.Ordinal)) hashes.Add(opts[j][7..]);
                else if (opts[j] == "--hash" && j + 1 < opts.Length) hashes.Add(opts[++j]);
            }
        }
        var raw = body[..reqEnd].TrimEnd();
        int start = off(0), end = off(raw.Length);

        if (LooksLikeUrlOrPath(raw))
        {
            var (name, version) = NameFromUrl(raw);
            if (name is null)
            {
                if (!editable) m.Problems.Add($"{m.RelativePath}:{lineNo}: cannot tell the package name of {Untrusted.Excerpt(raw)}");
                return;
            }
            m.Dependencies.Add(new Dependency
            {
                Name = name, Role = role, Url = raw, Editable = editable, Hashes = hashes,
                Version = version, Start = start, End = end,
            });
            return;
        }
        if (!Requirement.TryParse(raw, out var req, out var error))
        {
            m.Problems.Add(HasVariable(raw)
                ? $"{m.RelativePath}:{lineNo}: requirement uses an environment variable, not expanded: {Untrusted.Excerpt(raw)}"
                : $"{m.RelativePath}:{lineNo}: {Untrusted.Message(error)}");
            return;
        }
        int nameEnd = off(req.NameEnd);
        m.Dependencies.Add(new Dependency
        {
            Name = req.Name, Role = role, Extras = req.Extras, Marker = req.MarkerText, Url = req.Url, Editable = editable,
            Hashes = hashes, Constraint = [req.Specifier], ConstraintText = req.Specifier.IsAny ? null : raw[req.SpecStart..req.SpecEnd],
            Version = req.Url is null ? req.Specifier.ExactPin : null,
            Start = off(req.NameStart), End = Math.Max(nameEnd, off(Math.Max(req.SpecEnd, req.NameEnd))),
            SpecStart = off(req.SpecStart), SpecEnd = off(req.SpecEnd),
        });
    }

    static bool LooksLikeUrlOrPath(string s)
    {
        if (s.StartsWith('.') || s.StartsWith('/') || s.StartsWith('~')) return true;
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            // `name @ https://…` is a PEP 508 direct reference, parsed as a requirement.
            int at = s.IndexOf('@');
            return at < 0 || at > scheme;
        }
        return s.StartsWith("file:", StringComparison.Ordinal) || s.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)
            || s.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The distribution named by `#egg=name`, or by a wheel/sdist file name (which also gives the version).</summary>
    internal static (string? Name, PackageVersion? Version) NameFromUrl(string url)
    {
        int egg = url.IndexOf("#egg=", StringComparison.Ordinal);
        if (egg < 0) egg = url.IndexOf("&egg=", StringComparison.Ordinal);
        if (egg >= 0)
        {
            var rest = url[(egg + 5)..];
            int amp = rest.IndexOf('&');
            if (amp >= 0) rest = rest[..amp];
            if (rest.Length > 0 && PackageName.IsValid(rest)) return (rest, null);
        }
        var file = url;
        int q = file.IndexOfAny(['#', '?']);
        if (q >= 0) file = file[..q];
        file = file[(file.LastIndexOf('/') + 1)..];
        if (file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = file[..^4].Split('-');
            if (parts.Length >= 5 && PackageVersion.TryParse(parts[1], out var wv)) return (parts[0], wv);
        }
        foreach (var ext in (string[])[".tar.gz", ".zip", ".tar.bz2"])
        {
            if (!file.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) continue;
            var stem = file[..^ext.Length];
            int dash = stem.LastIndexOf('-');
            if (dash > 0 && PackageVersion.TryParse(stem[(dash + 1)..], out var sv)) return (stem[..dash], sv);
        }
        return (null, null);
    }
}
