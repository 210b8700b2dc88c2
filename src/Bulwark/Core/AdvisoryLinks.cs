namespace Bulwark.Core;

/// <summary>Where a person reads an advisory: the one rule every report and the dependency rules share.</summary>
public static class AdvisoryLinks
{
    /// <summary>GitHub's advisory page for GHSA ids, OSV's page for every other id (PYSEC, CVE, OSV, …).</summary>
    public static string For(string id) => id.StartsWith("GHSA-", StringComparison.Ordinal)
        ? "https://github.com/advisories/" + Uri.EscapeDataString(id)
        : "https://osv.dev/vulnerability/" + Uri.EscapeDataString(id);
}
