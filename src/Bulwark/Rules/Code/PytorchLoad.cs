using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B614 — `torch.load` that may unpickle arbitrary objects.</summary>
public sealed class PytorchLoad : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B614", Name: "pytorch-load", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 502,
        What: "`torch.load(...)` and `torch.serialization.load(...)` without `weights_only=True`.",
        Why: """
            Without `weights_only=True` (the default before PyTorch 2.6) `torch.load` uses pickle: a crafted checkpoint
            runs arbitrary code when loaded.
            """,
        Example: """model = torch.load("downloaded.pt")""",
        Fix: """state = torch.load("downloaded.pt", weights_only=True)  # or safetensors.torch.load_file""",
        References: [Bandit.Doc("B614", "pytorch_load"), Bandit.Cwe(502), "https://pytorch.org/docs/stable/generated/torch.load.html"])
    {
        Compliance = Compliance.Deserialization,
        DifferencesFromBandit = """
            Bandit requires `import torch` itself; Bulwark also resolves `from torch import load` and aliases, and
            evaluates constants given to `weights_only`.
            """,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["torch.load", "torch.serialization.load"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (!call.Resolves("torch.load") && !call.Resolves("torch.serialization.load")) return;
        if (call.Keyword("weights_only") is { } w && context.Semantic.Evaluate(w.Value) is { IsTrue: true }) return;
        context.Report(this, call.Node, "Use of unsafe PyTorch load: without `weights_only=True` a checkpoint can run arbitrary code.");
    }
}
