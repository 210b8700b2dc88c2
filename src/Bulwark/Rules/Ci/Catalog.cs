using Bulwark.Rules.Ci;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddCi(List<IRule> rules)
    {
        rules.Add(new ExpressionInjectionRule());
        rules.Add(new DangerousTriggerRule());
        rules.Add(new UntrustedCheckoutRule());
        rules.Add(new UnpinnedActionRule());
        rules.Add(new UnpinnedImageRule());
        rules.Add(new ExcessivePermissionsRule());
        rules.Add(new MissingPermissionsRule());
        rules.Add(new PersistedCredentialsRule());
        rules.Add(new SecretsInheritRule());
        rules.Add(new SecretPrintedRule());
        rules.Add(new SecretInScriptRule());
        rules.Add(new OverexposedSecretsRule());
        rules.Add(new HardcodedCredentialsRule());
        rules.Add(new InsecureCommandsRule());
        rules.Add(new RemoteScriptRule());
        rules.Add(new SelfHostedRunnerRule());
        rules.Add(new CachePoisoningRule());
        rules.Add(new EnvironmentFileInjectionRule());
        rules.Add(new SpoofableBotCheckRule());
        rules.Add(new TrustedPublishingRule());
        rules.Add(new GitLabScriptInjectionRule());
        rules.Add(new GitLabHardcodedCredentialsRule());
        rules.Add(new JenkinsInterpolationRule());
        rules.Add(new JenkinsHardcodedCredentialsRule());
        rules.Add(new PreCommitMutableRevRule());
    }
}
