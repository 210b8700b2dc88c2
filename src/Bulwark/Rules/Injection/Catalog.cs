using Bulwark.Rules.Injection;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddInjection(List<IRule> rules)
    {
        rules.Add(new SqlInjection());
        rules.Add(new CommandInjection());
        rules.Add(new CodeInjection());
        rules.Add(new PathTraversal());
        rules.Add(new ServerSideRequestForgery());
        rules.Add(new OpenRedirect());
        rules.Add(new ReflectedXss());
        rules.Add(new TemplateInjection());
        rules.Add(new LdapInjection());
        rules.Add(new XpathInjection());
        rules.Add(new XmlExternalEntities());
        rules.Add(new UnsafeDeserialization());
        rules.Add(new TrustBoundaryViolation());
        rules.Add(new HeaderInjection());
        rules.Add(new LogInjection());
        rules.Add(new RegexInjection());
    }
}
