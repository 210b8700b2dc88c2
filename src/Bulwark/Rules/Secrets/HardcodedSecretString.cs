using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>
/// BW105 — the default profile's hard-coded credential check in Python, where B105, B106 and B107 look (assignments,
/// subscripts, dictionary entries, comparisons, keyword arguments, parameter defaults) plus annotated assignments,
/// with the shared vocabulary of secret names and without values that cannot be secrets.
/// </summary>
public sealed class HardcodedSecretString : CodeRule
{
    /// <summary>Values that are vocabulary, not credentials: token schemes and the names of credential fields.</summary>
    static readonly HashSet<string> VocabularyValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "bearer", "basic", "digest", "jwt", "mac", "oauth", "oauth2", "token", "access_token", "refresh_token", "id_token",
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "client_secret", "api_key", "apikey", "authorization",
        "x-api-key", "auth", "none", "null", "true", "false", "hidden", "required", "optional", "new-password", "current-password",
    };

    public override RuleInfo Info { get; } = new(
        Id: "BW105", Name: "hardcoded-secret-string", Family: Family.Secrets,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "String literals bound to a credential name in Python: assigned (also with an annotation) to a variable, attribute or subscript, stored under a dictionary key, compared with such a name, passed as a keyword argument, or used as a parameter's default. Names are those Bandit's B105–B107 recognise (`password`, `passwd`, `pwd`, `secret`, `token`, `passphrase` as a whole name or an `_`-separated part) and, with stricter value checks, other credential names (`api_key`, `apiKey`, `private_key`, `client_secret`, `DB_PASS`…). Not reported: empty strings, the name of a field or token scheme (`\"bearer\"`, `\"password\"`), placeholders (`<password>`, `${TOKEN}`, `{{ secret }}`, `changeme`), sentences, names that describe a credential rather than hold one (`TOKEN_TYPE`, `PASSWORD_FIELD`, `SECRET_URL`), and values recognised by their provider format (reported by BW800 instead). In a settings module (`settings.py`, `config.py`…) the finding is rated medium.",
        Why: "A credential in source code is readable by everyone with access to the repository, its history and every copy of it, and cannot be rotated without a release.",
        Example: "DB_PASSWORD = \"hunter2\"\nclient = Client(api_key=\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\")",
        Fix: SecretHelp.MoveToEnvironment("DB_PASSWORD = os.environ[\"DB_PASSWORD\"]\nclient = Client(api_key=os.environ[\"CLIENT_API_KEY\"])"),
        References: [Bandit.Doc("B105", "hardcoded_password_string"), Bandit.Doc("B106", "hardcoded_password_funcarg"),
                     Bandit.Doc("B107", "hardcoded_password_default"), Bandit.Cwe(259)])
    {
        Compliance = Compliance.HardcodedCredentials,
        Aliases = ["B105", "S105", "B106", "S106", "B107", "S107"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = "Replaces B105, B106 and B107 in the default profile (one finding per value). Bandit reports every string bound to a password-like name, including `TOKEN_TYPE = \"bearer\"`, `password_field = \"password\"` and `password = \"\"`, only the first keyword argument of a call and the first positional default; BW105 ignores non-secret values, inspects every keyword and parameter (keyword-only ones too), annotated assignments, and names such as `api_key` (for those, only token-like values). `# nosec B105`/`B106`/`B107` and `--ignore B105` apply to it.",
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } =
        [NodeKind.Constant, NodeKind.Call, NodeKind.FunctionDef, NodeKind.AsyncFunctionDef, NodeKind.Lambda];

    public override void Check(Node node, CodeContext context)
    {
        switch (node)
        {
            case Constant { ValueKind: ConstantKind.Str } literal:
                var candidate = HardcodedPasswordString.Candidate(literal, context.Semantic, Names);
                if (candidate is null && context.Semantic.Parent(literal) is AnnAssign ann && ReferenceEquals(ann.Value, literal)
                    && SecretTargets.TargetName(ann.Target) is { } annName && Names(annName))
                    candidate = (annName, literal);
                if (candidate is var (name, value))
                    Consider(context, value, name, comparison: context.Semantic.Parent(literal) is Compare);
                break;
            case Call call:
                foreach (var kw in call.Keywords)
                    if (kw.Name is { } k && kw.Value is Constant { ValueKind: ConstantKind.Str } v && Names(k)) Consider(context, v, k);
                break;
            case FunctionDef f: Defaults(f.Args, context); break;
            case Lambda l: Defaults(l.Args, context); break;
        }
    }

    static void Defaults(Arguments args, CodeContext context)
    {
        // Defaults belong to the last positional parameters (positional-only ones first); no list is built: this runs for every function.
        int count = args.Posonlyargs.Count + args.Args.Count;
        int offset = count - args.Defaults.Count;
        for (int i = Math.Max(0, offset); i < count; i++)
        {
            var parameter = i < args.Posonlyargs.Count ? args.Posonlyargs[i] : args.Args[i - args.Posonlyargs.Count];
            if (args.Defaults[i - offset] is Constant { ValueKind: ConstantKind.Str } v && Names(parameter.Name))
                Consider(context, v, parameter.Name);
        }
        for (int i = 0; i < args.Kwonlyargs.Count && i < args.KwDefaults.Count; i++)
            if (args.KwDefaults[i] is Constant { ValueKind: ConstantKind.Str } v && Names(args.Kwonlyargs[i].Name))
                Consider(context, v, args.Kwonlyargs[i].Name);
    }

    static readonly string[] NameFragments = ["pass", "pwd", "pw", "secret", "token", "key", "auth", "cred", "dsn", "webhook", "bearer"];

    /// <summary>Bandit's names, or any variable-like name the shared vocabulary calls a credential.</summary>
    static bool Names(string? name)
    {
        if (name is null) return false;
        bool fragment = false; // cheap pre-check: most names mention nothing secret
        foreach (var f in NameFragments)
            if (name.Contains(f, StringComparison.OrdinalIgnoreCase)) { fragment = true; break; }
        return fragment && (SecretNames.MatchesBanditPattern(name)
            || (SecretNames.IsIdentifierLike(name) && SecretNames.Classify(name) != SecretNameKind.None));
    }

    static void Consider(CodeContext context, Constant value, string name, bool comparison = false)
    {
        if (!Accepts(context, value, name, comparison)) return;
        var secret = value.AsString!;
        var kind = SecretNames.Classify(name);
        var file = context.File.RelativePath;
        var typeId = kind == SecretNameKind.Key ? "generic-secret" : "generic-password";
        var properties = new Dictionary<string, PropertyValue>
        {
            ["secretType"] = typeId,
            ["secretLength"] = (long)secret.Length,
            ["assignedTo"] = name,
        };
        if (SecretFiles.IsSettingsModule(file))
            HardcodedPasswordString.Report(Instance, context, value, name,
                $"Hard-coded credential in `{name}` in a settings module; read it from the environment or a secret manager.",
                Severity.Medium, properties);
        else
            HardcodedPasswordString.Report(Instance, context, value, name, properties: properties);
    }

    /// <summary>BW105 reports this literal bound to this name (BW805 uses it to report each value once).</summary>
    internal static bool Accepts(CodeContext context, Constant value, string name, bool comparison = false)
    {
        if (!Names(name) || value.AsString is not { } secret || SecretNames.DescribesCredential(name)) return false;
        bool bandit = SecretNames.MatchesBanditPattern(name);
        var kind = SecretNames.Classify(name);
        if (bandit ? !CanBeSecret(secret, name) : !SecretValues.LooksLikeSecret(secret, kind)) return false;
        // A lexer compares its `token` with keywords and punctuation: only a credential-like value counts there.
        // A password compared with a literal is a back door, however weak (`password == "letmein"`).
        if (comparison && (secret.Length < 4 || (kind == SecretNameKind.Key && !SecretValues.LooksLikeSecret(secret, kind)))) return false;
        // The value is itself a credential's name (`"AWS_SECRET_ACCESS_KEY": "secret_key"`): a test stand-in.
        if (SecretValues.IsIdentifierLike(secret.Trim()) && SecretNames.Classify(secret) != SecretNameKind.None) return false;
        if (SecretValues.IsIdentifierLike(secret.Trim(), lowerWords: kind == SecretNameKind.Key) || SecretValues.LooksLikeRegex(secret)) return false;
        if (bandit && kind == SecretNameKind.Key && secret.Length >= 16 && !SecretValues.LooksLikeSecret(secret, kind)) return false;
        // A value in a known provider format (or of a provider's shape under its name) is BW800's finding: one per value.
        foreach (var m in SecretFiles.For(context.File))
            if (m.Kind != SecretKind.Generic && m.Start < value.End && m.End > value.Start) return false;
        var settings = context.Settings.Secrets;
        var typeId = kind == SecretNameKind.Key ? "generic-secret" : "generic-password";
        return !(SecretPathSkip.Skips(context) || settings.ValueAllowed(secret) || settings.IgnoreTypes.Contains(typeId));
    }

    static readonly HardcodedSecretString Instance = new();

    internal static bool CanBeSecret(string value, string name)
    {
        var v = value.Trim();
        // One or two characters are punctuation or flags (`token = ":"`), not credentials.
        if (v.Length < 3) return false;
        if (VocabularyValues.Contains(v) || v.Contains(name, StringComparison.OrdinalIgnoreCase)
            || name.Contains(v, StringComparison.OrdinalIgnoreCase)) return false;
        if (v.Contains("***", StringComparison.Ordinal)) return false; // already masked
        // Placeholders and templates: <password>, ${TOKEN}, {{ secret }}, %(password)s, {password}, ***, changeme.
        if (v.StartsWith('<') && v.EndsWith('>')) return false;
        if (v.StartsWith("${") || v.StartsWith("{{") || v.StartsWith("%(") || (v.StartsWith('{') && v.EndsWith('}'))) return false;
        if (v.Trim('*', 'x', 'X', '.', '-', '_').Length == 0) return false;
        if (SecretValues.LooksFabricated(v) || IsChangeMe(v)) return false;
        // A sentence is a message ("Password is incorrect"), not a credential.
        int spaces = 0;
        foreach (var c in v) if (c == ' ') spaces++;
        return spaces < 2;
    }

    static bool IsChangeMe(string v) =>
        v.Contains("changeme", StringComparison.OrdinalIgnoreCase) || v.Contains("change_me", StringComparison.OrdinalIgnoreCase)
        || v.Contains("changeit", StringComparison.OrdinalIgnoreCase) || v.StartsWith("your", StringComparison.OrdinalIgnoreCase)
        || v.Contains("placeholder", StringComparison.OrdinalIgnoreCase);
}
