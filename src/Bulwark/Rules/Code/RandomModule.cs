namespace Bulwark.Rules.Code;

/// <summary>The `random` module's generator functions: B311 reports every call, BW311 follows their values to secrets.</summary>
static class RandomModule
{
    public static readonly string[] Functions =
    [
        "random.Random", "random.random", "random.randrange", "random.randint", "random.choice", "random.choices",
        "random.uniform", "random.triangular", "random.randbytes", "random.sample", "random.getrandbits",
    ];
}
