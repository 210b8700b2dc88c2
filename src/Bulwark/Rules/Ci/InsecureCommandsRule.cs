using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA014: `ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables the deprecated `set-env` and `add-path` workflow commands.</summary>
public sealed class InsecureCommandsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA014", "insecure-commands", Family.Ci, Severity.High, Confidence.High, 77,
        What: "`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` in a workflow, job or step `env:`.",
        Why: """
            GitHub disabled the `::set-env::` and `::add-path::` workflow commands in 2020 because anything that can
            write to a step's output — a log line that echoes a pull request title, a test printing a file name — can
            use them to set `LD_PRELOAD`, `NODE_OPTIONS` or `PATH` for the following steps and so run code. This variable
            turns them back on.
            """,
        Example: """
            env:
              ACTIONS_ALLOW_UNSECURE_COMMANDS: true
            """,
        Fix: "Remove the variable and write to the environment files instead: `echo \"NAME=value\" >> \"$GITHUB_ENV\"`, `echo \"$DIR\" >> \"$GITHUB_PATH\"`.",
        References:
        [
            "https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/",
            "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#environment-files",
        ])
    { Compliance = Compliance.Injection, Profiles = RuleProfile.Default, Aliases = ["insecure-commands"] };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        CheckEnv(document.Env, document, context);
        foreach (var job in document.Jobs)
        {
            CheckEnv(job.Env, document, context);
            foreach (var step in job.Steps) CheckEnv(step.Env, document, context);
        }
    }

    void CheckEnv(YamlMapping? env, ActionsDocument document, DocumentContext context)
    {
        if (env?["ACTIONS_ALLOW_UNSECURE_COMMANDS"] is not YamlScalar value) return;
        if (value.Value.Trim().ToLowerInvariant() is not ("true" or "1" or "yes")) return;
        Report(context, document, env.KeyNode("ACTIONS_ALLOW_UNSECURE_COMMANDS")!,
            "`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `set-env` and `add-path`, which let any output of a step inject environment variables or PATH entries; use $GITHUB_ENV and $GITHUB_PATH");
    }
}
