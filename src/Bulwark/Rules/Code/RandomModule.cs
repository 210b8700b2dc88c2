namespace Bulwark.Rules.Code;

/// <summary>The `random` module's generator functions: B311 reports every call, BW311 follows their values to secrets.</summary>
static class RandomModule
{
    public static readonly string[] Functions =
    [
        "random.Random", "random.random", "random.randrange", "random.randint", "random.choice", "random.choices",
        "random.uniform", "random.triangular", "random.randbytes", "random.sample", "random.getrandbits",
    ];

    /// <summary>
    /// Every generator of the module, for rules that follow values rather than calls: Bandit's list plus the
    /// distributions (`str(random.normalvariate())[2:]` is as predictable a token as `random.random()`).
    /// </summary>
    public static readonly string[] AllGenerators =
    [
        .. Functions,
        "random.gauss", "random.normalvariate", "random.lognormvariate", "random.expovariate", "random.betavariate",
        "random.gammavariate", "random.vonmisesvariate", "random.paretovariate", "random.weibullvariate",
        "random.binomialvariate",
    ];
}
