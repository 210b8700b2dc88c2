using Bulwark.Rules.Secrets;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddSecrets(List<IRule> rules)
    {
        rules.Add(new HardcodedPasswordString());
        rules.Add(new HardcodedSecretString());
        rules.Add(new HardcodedPasswordFuncarg());
        rules.Add(new HardcodedPasswordDefault());
        rules.Add(new ProviderCredential());
        rules.Add(new PrivateKeyCommitted());
        rules.Add(new UrlWithPassword());
        rules.Add(new GenericSecret());
        rules.Add(new EnvFileExposed());
        rules.Add(new HardcodedCryptographicKey());
    }
}
