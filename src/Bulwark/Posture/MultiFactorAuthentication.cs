namespace Bulwark.Posture;

public static partial class PostureAssessor
{
    /// <summary>Libraries that add a second factor: one-time passwords, WebAuthn/FIDO2, Duo, and frameworks' MFA modules.</summary>
    static readonly (string Text, string Library)[] MfaImports =
    [
        ("import pyotp", "pyotp"), ("from pyotp", "pyotp"), ("django_otp", "django-otp"), ("two_factor", "django-two-factor-auth"),
        ("allauth.mfa", "django-allauth MFA"), ("import webauthn", "py_webauthn"), ("from webauthn", "py_webauthn"),
        ("import fido2", "fido2"), ("from fido2", "fido2"), ("duo_universal", "Duo"), ("import mfa", "django-mfa2"),
        ("from mfa", "django-mfa2"), ("SECURITY_TWO_FACTOR", "Flask-Security two-factor"), ("trench", "django-trench"),
    ];

    static readonly string[] MfaRequirements =
        ["pyotp", "django-otp", "django-two-factor-auth", "django-allauth[mfa]", "webauthn", "fido2", "duo-universal", "django-mfa2", "django-trench"];

    /// <summary>Imports that show the application authenticates users itself.</summary>
    static readonly string[] AuthenticationMarkers =
        ["django.contrib.auth", "flask_login", "flask_security", "fastapi_users", "fastapi.security", "authlib", "allauth", "django_rest_framework_simplejwt", "rest_framework_simplejwt"];

    /// <summary>Whether an application that logs users in offers a second factor (evidence from imports and requirements; not a finding).</summary>
    static PracticeResult MultiFactorAuthentication(ProjectFacts facts)
    {
        const string id = "multi-factor-authentication", title = "Users can add a second authentication factor";
        Principle[] principles = [Principle.Authentication];
        PostureEvidence? auth = null, mfa = null;
        foreach (var f in facts.Files)
        {
            var p = f.RelativePath;
            var name = Path.GetFileName(p).ToLowerInvariant();
            bool manifest = name.StartsWith("requirements", StringComparison.Ordinal) || name is "pyproject.toml" or "pipfile" or "setup.py" or "setup.cfg";
            bool code = p.EndsWith(".py", StringComparison.Ordinal) && ProjectFacts.IsProjectCode(p);
            if (!manifest && !code) continue;
            if (facts.Text(p) is not { } text) continue;
            if (code && auth is null)
                foreach (var marker in AuthenticationMarkers)
                    if (text.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0) { auth = new PostureEvidence(p, facts.LineOf(p, at), $"authentication: `{marker}`"); break; }
            if (mfa is not null) continue;
            if (code)
            {
                foreach (var (needle, library) in MfaImports)
                    if (text.IndexOf(needle, StringComparison.Ordinal) is var at and >= 0) { mfa = new PostureEvidence(p, facts.LineOf(p, at), $"second factor: {library}"); break; }
            }
            else
            {
                var lower = text.ToLowerInvariant();
                foreach (var req in MfaRequirements)
                    if (IndexOfRequirement(lower, req) is var at and >= 0) { mfa = new PostureEvidence(p, facts.LineOf(p, at), $"second factor: {req}"); break; }
            }
        }
        if (auth is null && mfa is null)
            return NotApplicable(id, title, "the code does not authenticate users itself (no Django auth, Flask-Login, FastAPI security, Authlib…)", principles);
        if (mfa is not null) return Met(id, title, "a second-factor library is used", auth is null ? [mfa] : [auth, mfa], principles);
        return Missing(id, title, "the application authenticates users with passwords alone: no OTP, WebAuthn or Duo library is used",
            "a second authentication factor (TOTP, WebAuthn) for at least administrators",
            "Offer TOTP or WebAuthn: `django-otp` or `django-two-factor-auth` (Django), `django-allauth[mfa]`, Flask-Security's two-factor option, `pyotp`, `py_webauthn`; require it for staff and admin accounts.",
            principles, [auth!]);
    }

    /// <summary>A requirement name at the start of a line or after a quote (`"pyotp>=2"`, `pyotp==2.9`), not inside another name.</summary>
    static int IndexOfRequirement(string lowerText, string name)
    {
        for (int at = lowerText.IndexOf(name, StringComparison.Ordinal); at >= 0; at = lowerText.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            bool startOk = at == 0 || lowerText[at - 1] is '\n' or '"' or '\'' or ' ' or '\t' or '[' or ',';
            int end = at + name.Length;
            bool endOk = end == lowerText.Length || !(char.IsAsciiLetterOrDigit(lowerText[end]) || lowerText[end] is '-' or '_');
            if (startOk && endOk) return at;
        }
        return -1;
    }
}
