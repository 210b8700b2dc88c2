using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG203 — Flask-WTF's CSRF protection switched off.</summary>
public sealed class FlaskCsrfDisabled : FlaskConfigRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG203", Name: "flask-csrf-disabled", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 352,
        What: """
            `WTF_CSRF_ENABLED` or `WTF_CSRF_CHECK_DEFAULT` set to false in the Flask configuration production runs with:
            writes on the app, and the effective settings of the configuration classes it loads (read as CFG201
            describes). Test configurations commonly turn CSRF off; they are not reported.
            """,
        Why: """
            Flask-WTF's CSRF token is what stops another site from submitting forms with the user's session. With it
            off, every state-changing form can be forged.
            """,
        Example: """
            class ProductionConfig(Config):
                WTF_CSRF_ENABLED = False
            """,
        Fix: """
            class ProductionConfig(Config):
                WTF_CSRF_ENABLED = True   # the default; and csrf = CSRFProtect(app) for non-form views

            class TestingConfig(Config):
                WTF_CSRF_ENABLED = False  # tests only
            """,
        References: ["https://flask-wtf.readthedocs.io/en/latest/csrf/",
                     "https://flask-wtf.readthedocs.io/en/latest/config/"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(FlaskSetting s, Action<string, Severity?> report)
    {
        if (s.Key is "WTF_CSRF_ENABLED" or "WTF_CSRF_CHECK_DEFAULT" && s.Constant is { IsFalse: true })
            report($"`{s.Key}` is false: forms are not protected against cross-site request forgery.", null);
    }
}
