using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ004 — Path traversal: attacker-controlled data reaching a `path` sink unsanitised.</summary>
public sealed class PathTraversal : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ004", Name: "path-traversal", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 22,
        What: """
            Request data used as a file path: `open`, `io.open`, `codecs.open`, `pathlib` reads and writes, `os.remove`/`os.rename`/`shutil` operations, Flask `send_file` and the directory of `send_from_directory`, `FileResponse` (Starlette, Django, Pyramid), Sanic `file`/`file_stream`, `FileStorage.save`, and `tarfile` extraction of an uploaded archive without `filter="data"`. Safe: `secure_filename`, `os.path.basename`, numbers and UUIDs, a path normalised with `realpath`/`resolve()` and then checked with `startswith`/`is_relative_to` against the base directory, a value rejected when it contains `..` and appended to a base directory (not `os.path.join`ed, which discards the base for an absolute path).
            """,
        Why: """
            `../` sequences or an absolute path let the request read or overwrite files outside the intended directory: configuration, keys, source code.
            """,
        Example: "name = request.args[\"file\"]\nreturn open(os.path.join(UPLOADS, name)).read()",
        Fix: "name = secure_filename(request.args[\"file\"])\nreturn open(os.path.join(UPLOADS, name)).read()",
        References: ["https://cwe.mitre.org/data/definitions/22.html",
                     "https://owasp.org/www-community/attacks/Path_Traversal"])
    {
        Compliance = Compliance.PathTraversal,
        Aliases = ["B202", "S202"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no path-traversal check beyond B202 (tarfile members).
            """,
    };

    public override string SinkKind => "path";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Path traversal";

    public override IReadOnlyList<string> Replaces { get; } = ["B202"];
}
