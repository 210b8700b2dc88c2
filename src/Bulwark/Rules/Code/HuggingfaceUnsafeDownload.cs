using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B615 — a Hugging Face Hub download not pinned to a commit.</summary>
public sealed class HuggingfaceUnsafeDownload : CallRule
{
    static readonly Dictionary<string, string> Functions = new(StringComparer.Ordinal)
    {
        ["from_pretrained"] = "transformers", ["load_dataset"] = "datasets", ["hf_hub_download"] = "huggingface_hub",
        ["snapshot_download"] = "huggingface_hub", ["repository_id"] = "huggingface_hub",
    };

    public override RuleInfo Info { get; } = new(
        Id: "B615", Name: "huggingface-unsafe-download", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 494,
        What: """
            `transformers` `….from_pretrained(...)`, `datasets.load_dataset(...)` and `huggingface_hub`
            `hf_hub_download`/`snapshot_download` without `revision=` (or `commit_id=`) set to a commit hash (7+ hex
            digits). Local paths (`./`, `/`, `../`) and revisions given by a variable are not reported.
            """,
        Why: """
            A model or dataset fetched by name or branch is whatever the repository holds at download time: a
            compromised or malicious repository can swap in files that run code when loaded (pickled weights, remote
            code).
            """,
        Example: """model = AutoModel.from_pretrained("org/model")""",
        Fix: """model = AutoModel.from_pretrained("org/model", revision="5d0f2e8a1b3c4d5e6f708192a3b4c5d6e7f80912")""",
        References: [Bandit.Doc("B615", "huggingface_unsafe_download"), Bandit.Cwe(494)])
    {
    Compliance = Compliance.UnverifiedIntegrity,
    };

    public override CallInterest? Calls { get; } = new() { LastNames = [.. Functions.Keys] };

    protected override void Check(CallSite call, CodeContext context)
    {
        var model = context.Semantic;
        if (!model.IsImportedLike("transformers") && !model.IsImportedLike("datasets") && !model.IsImportedLike("huggingface_hub")) return;
        if (call.LooseName is not { } q) return;
        var parts = q.Split('.');
        if (!Functions.TryGetValue(parts[^1], out var module) || !parts.Contains(module)) return;
        foreach (var key in new[] { "revision", "commit_id" })
            if (call.Keyword(key) is { } k && k.Value is not Constant) return; // chosen elsewhere: trust it
        var revision = model.StringValue(call.Keyword("revision")?.Value) ?? model.StringValue(call.Keyword("commit_id")?.Value);
        if (revision is not null && IsCommitHash(revision.Trim('"', '\''))) return;
        if (model.StringValue(call.Positional(0)) is { } path && (path.StartsWith("./") || path.StartsWith('/') || path.StartsWith("../"))) return;
        context.Report(this, call.Node, $"Hugging Face Hub download without revision pinning in `{parts[^1]}()`: pin `revision=` to a commit hash.");
    }

    static bool IsCommitHash(string s)
    {
        if (s.Length < 7) return false;
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
