using System.Text;
using System.Text.Json;
using Bulwark.Dependencies.Requirements;
using Bulwark.Dependencies.Versions;
using Bulwark.Python;
using Bulwark.Python.Syntax;

namespace Bulwark.Dependencies.Manifests;

/// <summary>Parsers for every manifest and lockfile format other than requirements files.</summary>
public static class ManifestParsers
{
    /// <summary>The manifest kind of a file name, or null when Bulwark does not read it.</summary>
    public static ManifestKind? KindOf(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var lower = name.ToLowerInvariant();
        switch (lower)
        {
            case "pyproject.toml": return ManifestKind.Pyproject;
            case "poetry.lock": return ManifestKind.PoetryLock;
            case "pipfile": return ManifestKind.Pipfile;
            case "pipfile.lock": return ManifestKind.PipfileLock;
            case "uv.lock": return ManifestKind.UvLock;
            case "setup.cfg": return ManifestKind.SetupCfg;
            case "setup.py": return ManifestKind.SetupPy;
        }
        // PEP 751: pylock.toml or pylock.<name>.toml
        if (lower == "pylock.toml" || lower.StartsWith("pylock.", StringComparison.Ordinal) && lower.EndsWith(".toml", StringComparison.Ordinal))
            return ManifestKind.Pylock;
        if (lower.EndsWith(".txt", StringComparison.Ordinal))
        {
            if (lower.StartsWith("constraint", StringComparison.Ordinal)) return ManifestKind.Constraints;
            if (lower.StartsWith("requirement", StringComparison.Ordinal)) return ManifestKind.Requirements;
            var dir = Path.GetFileName(Path.GetDirectoryName(relativePath.Replace('\\', '/')) ?? "");
            if (dir is "requirements" or "reqs") return ManifestKind.Requirements;
        }
        return null;
    }

    public static Manifest Parse(ManifestKind kind, string fullPath, string relativePath, string text) => kind switch
    {
        ManifestKind.Requirements => RequirementsParser.Parse(fullPath, relativePath, text, false),
        ManifestKind.Constraints => RequirementsParser.Parse(fullPath, relativePath, text, true),
        ManifestKind.Pyproject => Pyproject(fullPath, relativePath, text),
        ManifestKind.PoetryLock => PoetryLock(fullPath, relativePath, text),
        ManifestKind.Pipfile => Pipfile(fullPath, relativePath, text),
        ManifestKind.PipfileLock => PipfileLock(fullPath, relativePath, text),
        ManifestKind.UvLock => UvLock(fullPath, relativePath, text),
        ManifestKind.Pylock => Pylock(fullPath, relativePath, text),
        ManifestKind.SetupCfg => SetupCfg(fullPath, relativePath, text),
        ManifestKind.SetupPy => SetupPy(fullPath, relativePath, text),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static Manifest New(ManifestKind kind, string fullPath, string relativePath, string text) =>
        new() { FullPath = fullPath, RelativePath = relativePath, Kind = kind, Text = new SourceText(text) };

    static TomlValue? Toml(Manifest m, string text)
    {
        var root = TomlTree.Parse(text, out var error);
        if (root is null) m.Problems.Add(m.Unreadable = $"{m.RelativePath}: invalid TOML: {error}");
        return root;
    }

    /// <summary>A PEP 508 string inside a TOML array (or setup.cfg/setup.py) at <paramref name="contentStart"/>.</summary>
    static void AddPep508(Manifest m, string requirement, int contentStart, int contentEnd, bool exactOffsets, string group, DependencyRole role = DependencyRole.Direct)
    {
        if (!Requirement.TryParse(requirement, out var req, out var error))
        {
            m.Problems.Add($"{m.RelativePath}:{m.Text.LineOf(contentStart)}: {error}");
            return;
        }
        m.Dependencies.Add(new Dependency
        {
            Name = req.Name, Role = role, Extras = req.Extras, Marker = req.MarkerText, Url = req.Url, Group = group,
            Constraint = [req.Specifier], ConstraintText = req.Specifier.IsAny ? null : requirement[req.SpecStart..req.SpecEnd],
            Version = req.Url is null ? req.Specifier.ExactPin : null,
            Start = exactOffsets ? contentStart + req.NameStart : contentStart,
            End = exactOffsets ? contentStart + Math.Max(req.SpecEnd, req.NameEnd) : contentEnd,
            SpecStart = exactOffsets ? contentStart + req.SpecStart : -1,
            SpecEnd = exactOffsets ? contentStart + req.SpecEnd : -1,
        });
    }

    static void AddPep508Array(Manifest m, TomlValue? array, string group)
    {
        if (array?.Array is null) return;
        foreach (var item in array.Array)
            if (item.Kind == TomlKind.String)
                AddPep508(m, item.Scalar!, item.Start + 1, item.End - 1, item.PlainString, group);
    }

    public static Manifest Pyproject(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.Pyproject, fullPath, relativePath, text);
        var root = Toml(m, text);
        if (root is null) return m;
        AddPep508Array(m, root.Path("project", "dependencies"), "main");
        if (root.Path("project", "optional-dependencies")?.Table is { } optional)
            foreach (var (extra, list) in optional) AddPep508Array(m, list, extra);
        // PEP 735 groups: strings, or {include-group = "…"} tables that the included group already covers.
        if (root["dependency-groups"]?.Table is { } groups)
            foreach (var (g, list) in groups) AddPep508Array(m, list, g);
        AddPep508Array(m, root.Path("tool", "uv", "dev-dependencies"), "dev");

        var poetry = root.Path("tool", "poetry");
        if (poetry is not null)
        {
            PoetryTable(m, poetry["dependencies"], "main");
            PoetryTable(m, poetry["dev-dependencies"], "dev");
            if (poetry["group"]?.Table is { } pgroups)
                foreach (var (g, t) in pgroups) PoetryTable(m, t["dependencies"], g);
        }
        return m;
    }

    static void PoetryTable(Manifest m, TomlValue? table, string group)
    {
        if (table?.Table is null) return;
        foreach (var (name, value) in table.Table)
        {
            if (name.Equals("python", StringComparison.OrdinalIgnoreCase)) continue;
            // Several constraints for different environments: one entry each.
            var entries = value.Kind == TomlKind.Array && value.Array is { } arr ? arr : [value];
            foreach (var v in entries) PoetryEntry(m, name, value.KeyStart >= 0 ? value.KeyStart : v.Start, v, group);
        }
    }

    static void PoetryEntry(Manifest m, string name, int keyStart, TomlValue v, string group)
    {
        string? constraint = null; TomlValue? constraintNode = null;
        string? url = null, marker = null; var extras = new List<string>();
        if (v.Kind == TomlKind.String) { constraint = v.Scalar; constraintNode = v; }
        else if (v.Kind == TomlKind.Table)
        {
            constraintNode = v["version"];
            constraint = constraintNode?.Scalar;
            url = v.Str("git") ?? v.Str("url") ?? v.Str("path");
            marker = v.Str("markers");
            if (v["extras"]?.Array is { } ex) foreach (var e in ex) if (e.Scalar is { } s) extras.Add(s);
        }
        else return;
        var alternatives = new List<SpecifierSet>();
        if (constraint is not null && url is null && !PoetryConstraint.TryParse(constraint, out alternatives, out var error))
        {
            m.Problems.Add($"{m.RelativePath}:{m.Text.LineOf(v.Start)}: {name}: {error}");
            return;
        }
        var exact = alternatives.Count == 1 ? alternatives[0].ExactPin : null;
        m.Dependencies.Add(new Dependency
        {
            Name = name, Role = DependencyRole.Direct, Constraint = alternatives, ConstraintText = constraint is "*" ? null : constraint,
            Version = exact, Url = url, Marker = marker, Extras = extras, Group = group,
            Start = keyStart, End = v.End,
            SpecStart = constraintNode is { PlainString: true } ? constraintNode.Start + 1 : -1,
            SpecEnd = constraintNode is { PlainString: true } ? constraintNode.End - 1 : -1,
            SpecStyle = SpecStyle.Poetry,
        });
    }

    public static Manifest Pipfile(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.Pipfile, fullPath, relativePath, text);
        var root = Toml(m, text);
        if (root is null) return m;
        foreach (var (section, group) in (ReadOnlySpan<(string, string)>)[("packages", "main"), ("dev-packages", "dev")])
        {
            if (root[section]?.Table is not { } table) continue;
            foreach (var (name, v) in table)
            {
                TomlValue? cn = v.Kind == TomlKind.String ? v : v["version"];
                var constraint = cn?.Scalar;
                string? url = v.Kind == TomlKind.Table ? v.Str("git") ?? v.Str("path") ?? v.Str("file") : null;
                var set = SpecifierSet.Any;
                if (constraint is not null && constraint != "*" && !SpecifierSet.TryParse(constraint, out set, out var error))
                {
                    m.Problems.Add($"{m.RelativePath}:{m.Text.LineOf(v.Start)}: {name}: {error}");
                    continue;
                }
                var extras = new List<string>();
                if (v["extras"]?.Array is { } ex) foreach (var e in ex) if (e.Scalar is { } s) extras.Add(s);
                m.Dependencies.Add(new Dependency
                {
                    Name = name, Role = DependencyRole.Direct, Constraint = [set], ConstraintText = constraint is null or "*" ? null : constraint,
                    Version = set.ExactPin, Url = url, Group = group, Extras = extras, Marker = v.Kind == TomlKind.Table ? v.Str("markers") : null,
                    Editable = v["editable"]?.Scalar == "true",
                    Start = v.KeyStart, End = v.End,
                    SpecStart = cn is { PlainString: true } ? cn.Start + 1 : -1, SpecEnd = cn is { PlainString: true } ? cn.End - 1 : -1,
                    SpecStyle = SpecStyle.PipfileString,
                });
            }
        }
        return m;
    }

    static Dependency Locked(Manifest m, string name, TomlValue? version, int start, int end, List<string> hashes, string group = "main")
    {
        var raw = version?.Scalar;
        PackageVersion.TryParse(raw, out var pv);
        if (raw is not null && pv is null) m.Problems.Add($"{m.RelativePath}:{m.Text.LineOf(version!.Start)}: {name}: version '{raw}' is not PEP 440");
        return new Dependency
        {
            Name = name, Role = DependencyRole.Locked, Version = pv, RawVersion = raw, Hashes = hashes, Group = group,
            ConstraintText = raw is null ? null : "==" + raw,
            Constraint = pv is null ? [] : [new SpecifierSet([Specifier.Parse("==" + pv)])],
            Start = start, End = end,
        };
    }

    static void CollectHashes(TomlValue? files, List<string> into)
    {
        if (files?.Array is null) return;
        foreach (var f in files.Array)
        {
            if (f.Str("hash") is { } h) into.Add(h);
            if (f["hashes"]?.Table is { } hs) foreach (var (alg, hv) in hs) if (hv.Scalar is { } s) into.Add(alg + ":" + s);
        }
    }

    /// <summary>
    /// The packages of a lockfile's `key` array. An entry that is not a table with a string `name`, or a `key` that is
    /// not an array, makes the lockfile unreadable: skipping it would let a crafted lockfile hide a package from the
    /// audit (fail closed).
    /// </summary>
    static IEnumerable<(TomlValue Package, TomlValue NameNode, string Name)> LockedPackages(Manifest m, TomlValue root, string key)
    {
        if (root[key] is not { } node) yield break;
        if (node.Array is not { } packages)
        {
            m.Problems.Add(m.Unreadable ??= $"{m.RelativePath}:{m.Text.LineOf(node.Start)}: '{key}' is not an array of tables; not read");
            yield break;
        }
        foreach (var p in packages)
        {
            if (p["name"] is { Kind: TomlKind.String, Scalar: { } name } nameNode) { yield return (p, nameNode, name); continue; }
            var message = $"{m.RelativePath}:{m.Text.LineOf(p.Start)}: a '{key}' entry without a string 'name'; not read";
            m.Unreadable ??= message;
            m.Problems.Add(message);
        }
    }

    public static Manifest PoetryLock(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.PoetryLock, fullPath, relativePath, text);
        var root = Toml(m, text);
        if (root is null) return m;
        m.InputHash = root.Path("metadata", "content-hash")?.Scalar;
        var legacyFiles = root.Path("metadata", "files");
        foreach (var (p, nameNode, name) in LockedPackages(m, root, "package"))
        {
            var hashes = new List<string>();
            CollectHashes(p["files"], hashes);
            CollectHashes(legacyFiles?[name], hashes);
            var version = p["version"];
            m.Dependencies.Add(Locked(m, name, version, nameNode.KeyStart, version?.End ?? nameNode.End, hashes, p.Str("category") ?? "main")
                with { Requires = PoetryRequirements(p["dependencies"]) });
        }
        return m;
    }

    /// <summary>
    /// poetry.lock's `[package.dependencies]`: `name = "constraint"`, `name = {version = "…", markers = "…"}` or a list
    /// of such tables. Entries that are not understood are left out (they only feed the fixer's compatibility check).
    /// </summary>
    static List<LockedRequirement> PoetryRequirements(TomlValue? table)
    {
        var result = new List<LockedRequirement>();
        if (table?.Table is not { } entries) return result;
        foreach (var (name, value) in entries)
        {
            if (value.Kind == TomlKind.String) Add(name, value.Scalar, null);
            else if (value.Kind == TomlKind.Table) Add(name, value.Str("version"), value.Str("markers"));
            else if (value.Array is { } list)
                foreach (var item in list) if (item.Kind == TomlKind.Table) Add(name, item.Str("version"), item.Str("markers"));
        }
        return result;

        void Add(string name, string? constraint, string? marker)
        {
            if (!PackageName.IsValid(name)) return;
            var text = string.IsNullOrWhiteSpace(constraint) ? "*" : constraint.Trim();
            if (!PoetryConstraint.TryParse(text, out var alternatives, out _)) return;
            result.Add(new LockedRequirement(name, alternatives, text, marker));
        }
    }

    public static Manifest UvLock(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.UvLock, fullPath, relativePath, text);
        var root = Toml(m, text);
        if (root is null) return m;
        foreach (var (p, nameNode, name) in LockedPackages(m, root, "package"))
        {
            // The project itself and workspace members are not installed from an index.
            if (p["source"] is { } src && (src["editable"] is not null || src["virtual"] is not null || src["directory"] is not null)) continue;
            var hashes = new List<string>();
            if (p.Path("sdist", "hash")?.Scalar is { } sh) hashes.Add(sh);
            if (p["wheels"]?.Array is { } wheels) foreach (var w in wheels) if (w.Str("hash") is { } wh) hashes.Add(wh);
            var version = p["version"];
            m.Dependencies.Add(Locked(m, name, version, nameNode.KeyStart, version?.End ?? nameNode.End, hashes));
        }
        return m;
    }

    public static Manifest Pylock(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.Pylock, fullPath, relativePath, text);
        var root = Toml(m, text);
        if (root is null) return m;
        foreach (var (p, nameNode, name) in LockedPackages(m, root, "packages"))
        {
            var hashes = new List<string>();
            CollectHashes(p["wheels"], hashes);
            if (p.Path("sdist", "hashes")?.Table is { } sh) foreach (var (alg, hv) in sh) hashes.Add(alg + ":" + hv.Scalar);
            if (p.Path("archive", "hashes")?.Table is { } ah) foreach (var (alg, hv) in ah) hashes.Add(alg + ":" + hv.Scalar);
            var version = p["version"];
            var d = Locked(m, name, version, nameNode.KeyStart, version?.End ?? nameNode.End, hashes);
            m.Dependencies.Add(d with { Marker = p.Str("marker"), Url = p.Path("vcs", "url")?.Scalar ?? p.Path("directory", "path")?.Scalar });
        }
        return m;
    }

    public static Manifest PipfileLock(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.PipfileLock, fullPath, relativePath, text);
        var bytes = Encoding.UTF8.GetBytes(text);
        // Utf8JsonReader reports byte offsets; convert them to UTF-16 offsets for locations.
        int CharOffset(long byteOffset) => Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length));
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            m.InputHash = doc.RootElement.TryGetProperty("_meta", out var meta) && meta.TryGetProperty("hash", out var h)
                && h.TryGetProperty("sha256", out var sha) ? sha.GetString() : null;
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            string? section = null;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                if (reader.CurrentDepth == 1) { section = reader.GetString(); continue; }
                if (reader.CurrentDepth != 2 || section is not ("default" or "develop")) continue;
                var name = reader.GetString()!;
                long start = reader.TokenStartIndex;
                if (!reader.Read()) continue;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    // Fail closed: a package the audit cannot read must not simply vanish from it.
                    var message = $"{m.RelativePath}:{m.Text.LineOf(CharOffset(start))}: '{section}' entry '{name}' is not an object; not read";
                    m.Unreadable ??= message;
                    m.Problems.Add(message);
                    reader.Skip();
                    continue;
                }
                using var entry = JsonDocument.ParseValue(ref reader);
                long end = reader.TokenStartIndex + 1;
                var e = entry.RootElement;
                var versionText = e.TryGetProperty("version", out var vv) ? vv.GetString() : null;
                var hashes = new List<string>();
                if (e.TryGetProperty("hashes", out var hs) && hs.ValueKind == JsonValueKind.Array)
                    foreach (var x in hs.EnumerateArray()) if (x.GetString() is { } s) hashes.Add(s);
                var version = versionText is not null && versionText.StartsWith("==", StringComparison.Ordinal) ? versionText[2..] : null;
                PackageVersion.TryParse(version, out var pv);
                int cs = CharOffset(start);
                int lineEnd = m.Text.LineExtent(m.Text.LineOf(cs)).Start + m.Text.LineExtent(m.Text.LineOf(cs)).Length;
                m.Dependencies.Add(new Dependency
                {
                    Name = name, Role = DependencyRole.Locked, Version = pv, RawVersion = version, Hashes = hashes,
                    Group = section == "default" ? "main" : "dev",
                    ConstraintText = versionText, Marker = e.TryGetProperty("markers", out var mk) ? mk.GetString() : null,
                    Url = e.TryGetProperty("git", out var git) ? git.GetString() : e.TryGetProperty("path", out var pth) ? pth.GetString() : null,
                    Constraint = pv is null ? [] : [new SpecifierSet([Specifier.Parse("==" + pv)])],
                    Start = cs, End = Math.Max(lineEnd, cs), Editable = e.TryGetProperty("editable", out var ed) && ed.ValueKind == JsonValueKind.True,
                });
                _ = end;
            }
        }
        catch (JsonException ex)
        {
            m.Problems.Add(m.Unreadable = $"{m.RelativePath}: invalid JSON: {ex.Message}");
        }
        return m;
    }

    /// <summary>setup.cfg's `[options] install_requires` and `[options.extras_require]`, one requirement per line.</summary>
    public static Manifest SetupCfg(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.SetupCfg, fullPath, relativePath, text);
        string? section = null, key = null;
        var t = m.Text;
        for (int line = 1; line <= t.LineCount; line++)
        {
            var (s, len) = t.LineExtent(line);
            var raw = text.AsSpan(s, len);
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            bool indented = char.IsWhiteSpace(raw[0]);
            if (!indented && trimmed[0] == '[')
            {
                section = trimmed.TrimStart('[').TrimEnd(']').Trim().ToString();
                key = null;
                continue;
            }
            int valueStart;
            if (!indented)
            {
                int eq = raw.IndexOfAny('=', ':');
                if (eq < 0) { key = null; continue; }
                key = raw[..eq].Trim().ToString();
                valueStart = s + eq + 1;
            }
            else valueStart = s;
            string? group = section switch
            {
                "options" when key is "install_requires" => "main",
                "options.extras_require" when key is not null => key,
                _ => null,
            };
            if (group is null) continue;
            // Values may also be `;`-separated on one line.
            int lineEnd = s + len;
            int p = valueStart;
            while (p <= lineEnd)
            {
                int semi = text.IndexOf(';', p, lineEnd - p);
                // A `;` followed by a marker keyword belongs to the requirement.
                int stop = semi >= 0 && !LooksLikeMarker(text, semi + 1, lineEnd) ? semi : lineEnd;
                var piece = text[p..stop];
                int lead = piece.Length - piece.TrimStart().Length;
                var req = piece.Trim();
                if (req.Length > 0 && req[0] != '#') AddPep508(m, req, p + lead, p + lead + req.Length, true, group);
                p = stop + 1;
            }
        }
        return m;
    }

    static bool LooksLikeMarker(string text, int from, int end)
    {
        var rest = text.AsSpan(from, end - from).TrimStart();
        foreach (var v in Marker.Variables)
            if (rest.StartsWith(v, StringComparison.Ordinal)) return true;
        return rest.StartsWith("(", StringComparison.Ordinal);
    }

    /// <summary>Literal `install_requires`/`extras_require` of a `setup()` call, read from the syntax tree (never executed).</summary>
    public static Manifest SetupPy(string fullPath, string relativePath, string text)
    {
        var m = New(ManifestKind.SetupPy, fullPath, relativePath, text);
        ParseResult parse;
        try { parse = PythonParser.Parse(text); }
        catch (NotImplementedException) { m.Problems.Add($"{m.RelativePath}: setup.py not read (Python parser unavailable)"); return m; }
        var assigned = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var st in parse.Module.Body)
            if (st is Assign { Targets: [Name target] } a) assigned[target.Id] = a.Value;
        var finder = new SetupCallFinder();
        finder.Visit(parse.Module);
        foreach (var call in finder.Calls)
        {
            foreach (var kw in call.Keywords)
            {
                var value = Resolve(kw.Value, assigned);
                if (kw.Name == "install_requires") AddStringList(m, value, "main", assigned);
                else if (kw.Name == "extras_require" && value is DictExpr dict)
                    for (int i = 0; i < dict.Keys.Count; i++)
                        if (dict.Keys[i] is Constant { AsString: { } extra })
                            AddStringList(m, Resolve(dict.Values[i], assigned), extra, assigned);
            }
        }
        return m;
    }

    static Expr Resolve(Expr e, Dictionary<string, Expr> assigned) => e is Name n && assigned.TryGetValue(n.Id, out var v) ? v : e;

    static void AddStringList(Manifest m, Expr value, string group, Dictionary<string, Expr> assigned)
    {
        IReadOnlyList<Expr>? items = value switch { ListExpr l => l.Elts, TupleExpr t => t.Elts, _ => null };
        if (items is null)
        {
            if (value is Constant { AsString: { } single }) items = [value];
            else { m.Problems.Add($"{m.RelativePath}:{m.Text.LineOf(value.Start)}: {group} dependencies are computed, not literal; not read"); return; }
        }
        var text = m.Text.Text;
        foreach (var item in items)
        {
            if (Resolve(item, assigned) is not Constant { AsString: { } s } c) continue;
            int q = c.Start;
            while (q < c.End && text[q] is not ('"' or '\'')) q++;
            bool exact = c.End - q == s.Length + 2 && string.CompareOrdinal(text, q + 1, s, 0, s.Length) == 0;
            AddPep508(m, s, exact ? q + 1 : c.Start, exact ? c.End - 1 : c.End, exact, group);
        }
    }

    sealed class SetupCallFinder : AstWalker
    {
        public List<Call> Calls { get; } = [];
        public override void Visit(Node node)
        {
            if (node is Call { Func: Name { Id: "setup" } or AttributeExpr { Attr: "setup" } } call) Calls.Add(call);
            base.Visit(node);
        }
    }
}
