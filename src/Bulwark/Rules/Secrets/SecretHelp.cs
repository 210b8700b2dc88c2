namespace Bulwark.Rules.Secrets;

/// <summary>The remediation every secrets finding carries: move the value out of the repository, then rotate it.</summary>
static class SecretHelp
{
    public const string Managers = "AWS Secrets Manager, Google Secret Manager, Azure Key Vault, HashiCorp Vault, Doppler, 1Password";

    public const string Rotate =
        "Then rotate the credential with its provider (revoke it and issue a new one): removing it from the code does not " +
        "remove it from the repository's history, forks and clones, so treat it as leaked. `bulwark scan --history` finds " +
        "the commits that carry it.";

    /// <summary>How to fix, around a code example of reading the value from the environment.</summary>
    public static string MoveToEnvironment(string example) =>
        "Read the value at run time from an environment variable (set by the deployment, or a `.env` file that is " +
        "git-ignored) or from a secret manager (" + Managers + "):\n\n" +
        string.Join('\n', example.Split('\n').Select(l => "    " + l)) + "\n\n" + Rotate;
}

/// <summary>
/// Whether the code-level secrets rules (BW105, BW805) leave this file alone: an allowed path or a test path. Decided
/// once per file (matching the path against every glob once per assignment and call cost seconds on a large tree).
/// </summary>
sealed class SecretPathSkip
{
    int _state; // 0 not yet decided, 1 scanned, 2 skipped

    public static bool Skips(CodeContext context)
    {
        var memo = context.PerFile<SecretPathSkip>();
        if (memo._state == 0)
        {
            var settings = context.Settings.Secrets;
            memo._state = settings.PathAllowed(context.File.RelativePath) || settings.IsTestPath(context.File.ImportPath) ? 2 : 1;
        }
        return memo._state == 2;
    }
}
