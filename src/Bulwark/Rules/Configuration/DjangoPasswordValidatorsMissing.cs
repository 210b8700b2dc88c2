using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG110 — no password validation in a deployment that uses `django.contrib.auth`.</summary>
public sealed class DjangoPasswordValidatorsMissing : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG110", Name: "django-password-validators-missing", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 521,
        What: """
            Deployed Django settings whose `INSTALLED_APPS` includes `django.contrib.auth` and whose
            `AUTH_PASSWORD_VALIDATORS` is empty or never set (Django's default is no validation at all).
            Skipped when `DEBUG` is a true constant.
            """,
        Why: """
            Without validators users may choose `123456` or their user name; credential stuffing and guessing then
            succeed without any brute force.
            """,
        Example: """
            AUTH_PASSWORD_VALIDATORS = []
            """,
        Fix: """
            AUTH_PASSWORD_VALIDATORS = [
                {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
                {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
                {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
                {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
            ]
            """,
        References: ["https://docs.djangoproject.com/en/stable/topics/auth/passwords/#enabling-password-validation",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        if (DjangoProject.IsTrue(view.Get("DEBUG")) || !DjangoProject.Lists(view, "INSTALLED_APPS", "django.contrib.auth")) return;
        var v = view.Get("AUTH_PASSWORD_VALIDATORS");
        if (v is null) report.Missing(view, "`AUTH_PASSWORD_VALIDATORS` is not set: users may choose any password, however weak.");
        else if (v.Constant is { Kind: ValueKind.List or ValueKind.Tuple } c && c.Items!.Count == 0)
            report.At(v.Module, v.Value!, $"`AUTH_PASSWORD_VALIDATORS` is empty{Where(v, view)}: users may choose any password, however weak.");
    }
}
