using Bulwark.Rules.Code;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddCode(List<IRule> rules)
    {
        rules.Add(new AssertUsed());
        rules.Add(new ExecUsed());
        rules.Add(new SetBadFilePermissions());
        rules.Add(new HardcodedBindAllInterfaces());
        rules.Add(new HardcodedTmpDirectory());
        rules.Add(new TryExceptPass());
        rules.Add(new TryExceptContinue());
        rules.Add(new InsecureRandomForSecret());
        rules.Add(new RequestWithoutTimeout());
        rules.Add(new FlaskDebugTrue());
        rules.Add(new TarfileUnsafeMembers());
        rules.Add(new RequestWithNoCertValidation());
        rules.Add(new SslWithBadVersion());
        rules.Add(new SslWithBadDefaults());
        rules.Add(new SslWithNoVersion());
        rules.Add(new WeakCryptographicKey());
        rules.Add(new YamlLoad());
        rules.Add(new SshNoHostKeyVerification());
        rules.Add(new SnmpInsecureVersion());
        rules.Add(new SnmpWeakCryptography());
        rules.Add(new ParamikoCalls());
        rules.Add(new SubprocessPopenWithShell());
        rules.Add(new SubprocessWithoutShell());
        rules.Add(new AnyOtherFunctionWithShell());
        rules.Add(new StartProcessWithAShell());
        rules.Add(new StartProcessWithNoShell());
        rules.Add(new StartProcessWithPartialPath());
        rules.Add(new HardcodedSqlExpressions());
        rules.Add(new SqlStringConstruction());
        rules.Add(new LinuxCommandsWildcardInjection());
        rules.Add(new DjangoExtraUsed());
        rules.Add(new DjangoRawsqlUsed());
        rules.Add(new LoggingConfigInsecureListen());
        rules.Add(new Trojansource());
        rules.Add(new PytorchLoad());
        rules.Add(new HuggingfaceUnsafeDownload());
        rules.Add(new Jinja2AutoescapeFalse());
        rules.Add(new UseOfMakoTemplates());
        rules.Add(new DjangoMarkSafe());
        rules.Add(new MarkupsafeMarkupXss());
        rules.Add(new PasswordFastHash());
        rules.Add(new WeakKdfWorkFactor());
        rules.Add(new NonConstantTimeCompare());
        rules.Add(new JwtVerificationDisabled());
        rules.Add(new SensitiveDataLogged());
        rules.Add(new StaticInitializationVector());
        rules.Add(new TlsVerificationDisabled());
        rules.Add(new TlsOldMinimumVersion());
        rules.Add(new XmlExternalEntitiesEnabled());
    }
}
