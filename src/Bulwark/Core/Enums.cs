namespace Bulwark.Core;

/// <summary>
/// The kinds of rule. Configuration holds the framework settings checks (Django, Flask, FastAPI/Starlette, Sentry);
/// authentication, cryptography and logging checks on code are Code rules (AUTH…, CRY…, LOG…).
/// </summary>
public enum Family { Code, Injection, Secrets, Dependencies, Configuration, Ci }

public enum Severity { Low, Medium, High, Critical }

public enum Confidence { Low, Medium, High }

/// <summary>Rule sets a scan can run: Bulwark's own defaults, or exactly Bandit's checks with Bandit's defaults.</summary>
[Flags]
public enum RuleProfile { None = 0, Default = 1, Bandit = 2, All = Default | Bandit }

public static class EnumNames
{
    public static string Name(this Family f) => f switch
    {
        Family.Code => "code", Family.Injection => "injection", Family.Secrets => "secrets",
        Family.Dependencies => "dependencies", Family.Configuration => "configuration", Family.Ci => "ci",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    public static string Name(this Severity s) => s switch
    {
        Severity.Low => "low", Severity.Medium => "medium", Severity.High => "high", Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string Name(this Confidence c) => c switch
    {
        Confidence.Low => "low", Confidence.Medium => "medium", Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParseFamily(string s, out Family f)
    {
        foreach (var v in Enum.GetValues<Family>())
            if (string.Equals(v.Name(), s, StringComparison.OrdinalIgnoreCase)) { f = v; return true; }
        f = default; return false;
    }

    public static bool TryParseSeverity(string s, out Severity sev)
    {
        foreach (var v in Enum.GetValues<Severity>())
            if (string.Equals(v.Name(), s, StringComparison.OrdinalIgnoreCase)) { sev = v; return true; }
        sev = default; return false;
    }

    public static bool TryParseConfidence(string s, out Confidence c)
    {
        foreach (var v in Enum.GetValues<Confidence>())
            if (string.Equals(v.Name(), s, StringComparison.OrdinalIgnoreCase)) { c = v; return true; }
        c = default; return false;
    }
}
