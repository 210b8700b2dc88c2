using Bulwark.Core;

namespace Bulwark.Dependencies.Manifests;

/// <summary>
/// Every manifest of a project, each parsed once: discovered files plus the requirements files they include with
/// -r/-c (followed transitively; a cycle is reported once and broken). An include that leads outside the project
/// (an absolute path, `..`, a symbolic link pointing out, `/proc/self/environ`) is refused with a warning naming the
/// line, and never read: the repository is untrusted, the machine scanning it is not.
/// </summary>
public sealed class ManifestSet
{
    public List<Manifest> Manifests { get; } = [];
    public List<string> Problems { get; } = [];
    /// <summary>Manifests and includes that could not be read or parsed at all: the audit of them is incomplete.</summary>
    public List<string> Unreadable { get; } = [];
    readonly Dictionary<string, Manifest> _byPath = new(StringComparer.Ordinal);

    /// <summary>Loads manifests from (full path, relative path) pairs; <paramref name="read"/> returns null for unreadable files.</summary>
    public static ManifestSet Load(string root, IEnumerable<(string FullPath, string RelativePath)> files, Func<string, string?> read)
    {
        var set = new ManifestSet { _realRoot = ProjectPath.Real(root) };
        foreach (var (full, rel) in files)
        {
            if (ManifestParsers.KindOf(rel) is not { } kind) continue;
            set.LoadFile(root, full, rel, kind, read, []);
        }
        return set;
    }

    void LoadFile(string root, string full, string rel, ManifestKind kind, Func<string, string?> read, List<string> stack)
    {
        if (stack.Contains(full))
        {
            var chain = new List<string>();
            for (int i = stack.IndexOf(full); i < stack.Count; i++) chain.Add(Relative(root, stack[i]));
            chain.Add(Relative(root, full));
            Problems.Add("requirements include cycle: " + string.Join(" -> ", chain));
            return;
        }
        if (_byPath.TryGetValue(full, out var existing))
        {
            FollowIncludes(root, existing, read, stack);
            return;
        }
        var text = read(full);
        if (text is null)
        {
            var message = $"{Untrusted.Visible(rel)}: cannot read file";
            Problems.Add(message); Unreadable.Add(message);
            return;
        }
        Manifest m;
        var includes = new List<RequirementsParser.Include>();
        if (kind is ManifestKind.Requirements or ManifestKind.Constraints)
            m = RequirementsParser.Parse(full, rel, text, kind == ManifestKind.Constraints, includes);
        else
        {
            try { m = ManifestParsers.Parse(kind, full, rel, text); }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException
                or InvalidCastException or IndexOutOfRangeException or ArgumentException or OverflowException)
            {
                // Well-formed TOML or JSON of the wrong shape (a string where a table belongs): unreadable, not a crash.
                var message = $"{Untrusted.Visible(rel)}: unexpected structure, not read";
                Problems.Add(message); Unreadable.Add(message);
                return;
            }
        }
        _byPath[full] = m;
        Manifests.Add(m);
        foreach (var p in m.Problems) Problems.Add(Untrusted.Message(p));
        if (m.Unreadable is { } why) Unreadable.Add(Untrusted.Message(why));
        _includeKinds[full] = includes;
        FollowIncludes(root, m, read, stack);
    }

    readonly Dictionary<string, List<RequirementsParser.Include>> _includeKinds = new(StringComparer.Ordinal);
    readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    readonly HashSet<(string, int)> _refused = [];
    string _realRoot = "/";

    void FollowIncludes(string root, Manifest m, Func<string, string?> read, List<string> stack)
    {
        if (!_includeKinds.TryGetValue(m.FullPath, out var includes) || includes.Count == 0) return;
        // Each file's includes are walked once outside a cycle check; the stack still catches cycles through it.
        if (!_followed.Add(m.FullPath) && !stack.Contains(m.FullPath)) return;
        stack.Add(m.FullPath);
        foreach (var inc in includes)
        {
            if (!ProjectPath.IsInside(ProjectPath.Real(inc.Path), _realRoot))
            {
                if (_refused.Add((m.FullPath, inc.Start)))
                    Problems.Add($"{Untrusted.Visible(m.RelativePath)}:{inc.Line}: {(inc.IsConstraint ? "-c" : "-r")} names a file outside the project; not read");
                continue;
            }
            if (!File.Exists(inc.Path) && !Directory.Exists(inc.Path))
            {
                // pip would stop here; the audit goes on without it (an error under --strict).
                if (_refused.Add((m.FullPath, inc.Start)))
                    Problems.Add($"{Untrusted.Visible(m.RelativePath)}:{inc.Line}: {(inc.IsConstraint ? "-c" : "-r")} {Untrusted.Visible(Relative(root, inc.Path))} does not exist; not read");
                continue;
            }
            LoadFile(root, inc.Path, Relative(root, inc.Path), inc.IsConstraint ? ManifestKind.Constraints : ManifestKind.Requirements, read, stack);
        }
        stack.RemoveAt(stack.Count - 1);
    }

    static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    public IEnumerable<Manifest> OfKind(ManifestKind kind)
    {
        foreach (var m in Manifests) if (m.Kind == kind) yield return m;
    }
}
