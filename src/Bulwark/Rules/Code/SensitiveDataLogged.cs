using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;
using Bulwark.Taint;

namespace Bulwark.Rules.Code;

/// <summary>
/// LOG001 — passwords, secrets, card numbers and similar values written to logs, output or exception messages: flows
/// of the `sensitive` and `password` source kinds to `exposure` sinks, plus a name check at the call
/// (<see cref="SensitiveDataLoggedByName"/>) for loggers the analysis does not know.
/// </summary>
public sealed class SensitiveDataLogged : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "LOG001", Name: "sensitive-data-logged", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 532,
        What: """
            A value named as a password, secret, API key or authentication token (the secrets family's vocabulary), a
            card number, CVV, social security number or health record, or one derived from it, written to a `logging`
            call (`logging.info`, `logger.warning`, `app.logger.error`, `structlog` loggers…), `print`, `warnings.warn`,
            or the message of an exception. The value is followed by the taint analysis: through assignments
            (`msg = f"login {pwd}"`), string building, containers, helper functions and modules; its sources are reads of
            variables, parameters, attributes and keys named like secrets (`request.form["password"]`, `user.api_key`,
            `settings.SECRET_KEY`, `os.environ.get("API_TOKEN")`) and `getpass.getpass()`. Hashes, digests, `len()`,
            slices (`key[-4:]`), comparisons and helpers named for masking (`mask_card`, `redact`) end the flow, and so
            does a library call whose result is not the value (`authenticate(password=…)`). A parameter that is a flag
            (`password: bool = False`) is not a password; another key or attribute of a secret-named value
            (`secret["RoleArn"]`, `private_key.curve`) is not the secret, only the secret-named one or the whole value
            is; an `access_key` (the identifier half of an AWS key pair) is not a secret. Where the analysis cannot
            see the sink (a logger whose type is not known), the names at the call are checked as they are. To stay
            reviewable, a flow is not followed through shared state (a global, class or `self` attribute stored in one
            function and read in another), is not reported from one top-level package into another (an installed tree's
            libraries), and one source is reported at its first three sinks, the rest counted in the third message.
            """,
        Why: """
            Logs are copied to aggregation services, backups and support tickets and read by many more people than the
            database; a password or token in a log line is a credential anyone with log access can use, and card and
            health data there breaks PCI DSS and health-privacy rules.
            """,
        Example: """
            logger.info("login attempt for %s with password %s", username, password)
            raise ValueError(f"invalid API key {api_key}")
            """,
        Fix: """
            logger.info("login attempt for %s", username)
            raise ValueError(f"invalid API key ending in {api_key[-4:]}")   # or no key at all
            """,
        References: ["https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude",
                     "https://cwe.mitre.org/data/definitions/532.html"])
    {
        Compliance = Compliance.SecretExposure,
    };

    public override string SinkKind => "exposure";
    public override IReadOnlyList<string> SourceKinds => ["sensitive", "password"];
    public override string Weakness => "Sensitive data written out";
    public override INameSources NameSources => SensitiveNameSources.Instance;
    public override CodeRule Pattern { get; }

    public SensitiveDataLogged() => Pattern = new SensitiveDataLoggedByName(Info);
}

/// <summary>LOG001's check by names at the call: a sensitive name passed as it is (or converted) to a logging call, `print`, `warnings.warn` or a raised exception.</summary>
public sealed class SensitiveDataLoggedByName(RuleInfo info) : CodeRule
{
    static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg",
    };
    static readonly HashSet<string> LoggerNames = new(StringComparer.Ordinal)
    {
        "logging", "logger", "log", "_logger", "_log", "LOGGER", "LOG", "log_", "logger_", "structlog",
    };

    public override RuleInfo Info { get; } = info;

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call, NodeKind.Raise];

    /// <summary>Of calls, `print`, `warnings.warn` and the log methods (<see cref="Sink"/>); `raise` reaches it by kind.</summary>
    public override CallInterest? Calls { get; } = new() { Names = ["warnings.warn"], LastNames = ["print", .. LogMethods] };

    public override void Check(Node node, CodeContext context)
    {
        var model = context.Semantic;
        IReadOnlyList<Expr> args;
        string sink;
        if (node is Raise { Exc: Call exc } && exc.Args.Count > 0) { args = exc.Args; sink = "an exception message"; }
        else if (node is Call c && Sink(c, model) is { } s) { args = c.Args; sink = s; }
        else return;
        foreach (var a in args)
        {
            if (a is Starred) continue;
            if (SensitiveNames.Find(a, model) is not { } found) continue;
            // `ROOT_KEY`, `settings.API_KEY_HEADER`: a constant's name; a hard-coded value is the secrets family's.
            if (SensitiveNames.NameOf(found.Node, model) is { } n && IsConstantName(n)) continue;
            var what = found.Kind switch
            {
                SensitiveKind.Password => "A password",
                SensitiveKind.Secret => "A secret (key or token)",
                _ => "Personal data (card, SSN or health)",
            };
            context.Report(this, found.Node, $"{what} is written to {sink}: anyone who can read it can use it; leave it out or mask it.");
            return;
        }
    }

    static bool IsConstantName(string name)
    {
        bool letter = false;
        foreach (var ch in name) { if (char.IsLower(ch)) return false; if (char.IsUpper(ch)) letter = true; }
        return letter;
    }

    static string? Sink(Call c, SemanticModel model)
    {
        if (c.Func is Name { Id: "print" } p && model.IsBuiltin(p)) return "standard output";
        var q = model.QualifiedName(c.Func);
        if (q is "warnings.warn") return "a warning";
        if (c.Func is not AttributeExpr { Attr: var method } a || !LogMethods.Contains(method)) return null;
        if (q is not null && q.StartsWith("logging.", StringComparison.Ordinal)) return "the log";
        // logger.info(…), self.logger.info(…), app.logger.info(…), logging.getLogger(…).info(…)
        if (a.Value is Call inner && model.QualifiedName(inner.Func) is "logging.getLogger" or "structlog.get_logger") return "the log";
        var receiver = SemanticModel.SimpleName(a.Value);
        if (receiver is null) return null;
        if (LoggerNames.Contains(receiver) || receiver.EndsWith("logger", StringComparison.OrdinalIgnoreCase) || receiver.EndsWith("_log", StringComparison.Ordinal))
            return "the log";
        return null;
    }
}
