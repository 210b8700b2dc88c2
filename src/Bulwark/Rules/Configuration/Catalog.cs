using Bulwark.Rules.Configuration;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddConfiguration(List<IRule> rules)
    {
        rules.Add(new DjangoDebugEnabled());
        rules.Add(new DjangoAllowedHosts());
        rules.Add(new DjangoSslRedirectMissing());
        rules.Add(new DjangoHstsWeak());
        rules.Add(new DjangoCookiesInsecure());
        rules.Add(new DjangoSecurityHeadersWeakened());
        rules.Add(new DjangoSecurityMiddlewareMissing());
        rules.Add(new DjangoProxySslHeader());
        rules.Add(new DjangoWeakPasswordHashers());
        rules.Add(new DjangoPasswordValidatorsMissing());
        rules.Add(new DjangoCorsAllowAll());
        rules.Add(new DjangoCsrfExempt());
        rules.Add(new FlaskDebugEnabled());
        rules.Add(new FlaskSessionCookieWeakened());
        rules.Add(new FlaskCsrfDisabled());
        rules.Add(new FlaskCorsAnyOriginWithCredentials());
        rules.Add(new StarletteCorsAnyOriginWithCredentials());
        rules.Add(new FastApiDocsExposed());
        rules.Add(new TrustedHostMiddlewareMissing());
        rules.Add(new SentrySendsPii());
        rules.Add(new ErrorDetailsToClient());
        rules.Add(new CookieWithoutSecure());
        rules.Add(new TemplateAutoescapeDisabled());
    }
}
