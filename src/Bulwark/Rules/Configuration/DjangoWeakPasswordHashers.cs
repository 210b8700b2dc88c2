using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG109 — `PASSWORD_HASHERS` with MD5, SHA-1, unsalted or crypt hashers.</summary>
public sealed class DjangoWeakPasswordHashers : DjangoSettingsRule
{
    static readonly Dictionary<string, string> Weak = new(StringComparer.Ordinal)
    {
        ["MD5PasswordHasher"] = "salted MD5", ["SHA1PasswordHasher"] = "salted SHA-1",
        ["UnsaltedMD5PasswordHasher"] = "unsalted MD5", ["UnsaltedSHA1PasswordHasher"] = "unsalted SHA-1",
        ["CryptPasswordHasher"] = "crypt(3)",
    };

    public override RuleInfo Info { get; } = new(
        Id: "CFG109", Name: "django-weak-password-hasher", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 916,
        What: """
            A Django `PASSWORD_HASHERS` list (in any non-test settings module a deployment uses) containing
            `MD5PasswordHasher`, `SHA1PasswordHasher`, the unsalted variants or `CryptPasswordHasher`. The first entry
            hashes every new password (high severity); later entries only verify and upgrade old hashes (medium).
            Test settings often use MD5 to run faster; they are not reported.
            """,
        Why: """
            Fast or unsalted hashes let anyone who obtains the user table recover most passwords with a GPU in hours.
            Django's default PBKDF2, Argon2 or scrypt hashers are slow on purpose.
            """,
        Example: """
            PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
            """,
        Fix: """
            PASSWORD_HASHERS = [
                "django.contrib.auth.hashers.Argon2PasswordHasher",   # pip install django[argon2]
                "django.contrib.auth.hashers.PBKDF2PasswordHasher",
                "django.contrib.auth.hashers.ScryptPasswordHasher",
            ]
            """,
        References: ["https://docs.djangoproject.com/en/stable/topics/auth/passwords/",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html"])
    {
        Compliance = Compliance.WeakCryptography,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        var v = view.Get("PASSWORD_HASHERS");
        if (v is null || v.Conditional || v.Value is not (Bulwark.Python.Syntax.ListExpr or Bulwark.Python.Syntax.TupleExpr)) return;
        var elts = v.Value is Bulwark.Python.Syntax.ListExpr l ? l.Elts : ((Bulwark.Python.Syntax.TupleExpr)v.Value).Elts;
        for (int i = 0; i < elts.Count; i++)
        {
            if (v.Module.Model.StringValue(elts[i]) is not { } path) continue;
            var cls = path[(path.LastIndexOf('.') + 1)..];
            if (!Weak.TryGetValue(cls, out var what)) continue;
            if (i == 0)
                report.At(v.Module, elts[i], $"`PASSWORD_HASHERS` stores new passwords with {what} (`{cls}`){Where(v, view)}: use Argon2, PBKDF2 or scrypt.");
            else
                report.At(v.Module, elts[i], $"`PASSWORD_HASHERS` still accepts {what} hashes (`{cls}`){Where(v, view)}: keep it only while old hashes are upgraded.", Severity.Medium);
        }
    }
}
