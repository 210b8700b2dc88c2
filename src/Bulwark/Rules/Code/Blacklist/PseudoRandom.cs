using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B311 — any use of the `random` module's generator (Bandit profile only; the default profile runs BW311).</summary>
public sealed class PseudoRandom : BlacklistedCall
{
    protected override IReadOnlyList<string> QualifiedNames => RandomModule.Functions;

    public override RuleInfo Info { get; } = new(
        Id: "B311", Name: "random", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 330,
        What: "Every call to " + Listing(RandomModule.Functions) + ", whatever the value is used for.",
        Why: """
            The `random` module is a Mersenne Twister: after 624 outputs its state, and so every past and future value,
            can be reconstructed. It must not produce tokens, passwords, keys or nonces.
            """,
        Example: """reset_code = "".join(random.choice(string.digits) for _ in range(6))""",
        Fix: """reset_code = "".join(secrets.choice(string.digits) for _ in range(6))""",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b311-random",
                     "https://docs.python.org/3/library/secrets.html"])
    {
        Compliance = Compliance.WeakRandomness,
        Aliases = ["S311"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: most uses of `random` (shuffling, sampling, jitter, tests) have nothing
            to do with security. The default profile runs BW311 (`insecure-random-for-secret`) instead, which reports
            `random` only when its value is stored, returned or passed under a secret-like name.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` is not a cryptographically secure generator; do not use it for security (use `secrets`).";
}
