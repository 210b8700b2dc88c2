using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules.Code;
using Bulwark.Taint;
using Bulwark.Tests.Support;
using FsCheck.Fluent;

namespace Bulwark.Tests.Taint;

/// <summary>
/// The `sensitive` and `password` source kinds: names read as sources, followed by the taint analysis to the
/// `exposure` sinks (LOG001) and `password-hash` sinks (AUTH001), ended by hashes, masks, slices and `len()`, and kept
/// apart from the injection rules.
/// </summary>
public class SensitiveFlowTests
{
    static List<string> Scan(TempDir dir, params string[] select)
    {
        var result = new Scanner(new ScanSettings { Select = select, Jobs = 1 }).Scan(new ScanRequest([dir.Path]));
        return result.Findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine} {f.Rule.Id}{(f.Flow.Count > 0 ? " flow" : "")}").ToList();
    }

    [Fact]
    public void A_password_reaches_a_log_through_a_variable_and_a_helper_in_another_module()
    {
        using var dir = new TempDir();
        dir.Write("app/__init__.py", "");
        dir.Write("app/audit.py", """
            import logging
            logger = logging.getLogger("audit")

            def record(event, detail):
                logger.info("%s: %s", event, detail)
            """);
        dir.Write("app/views.py", """
            import logging
            from flask import Flask, request
            from app import audit

            app = Flask(__name__)
            log = logging.getLogger(__name__)

            @app.route("/login", methods=["POST"])
            def login():
                pwd = request.form["password"]
                msg = f"login {pwd}"
                log.info(msg)
                audit.record("login", msg)
                return "ok"
            """);
        var findings = Scan(dir, "LOG001");
        Assert.Equal(["app/audit.py:5 LOG001 flow", "app/views.py:12 LOG001 flow"], findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hashes_masks_slices_lengths_and_checks_end_the_flow()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import hashlib
            import logging
            from django.contrib.auth import authenticate

            log = logging.getLogger(__name__)

            def mask(value):
                return "****" + value[-4:]

            def handle(request, api_key, card_number, password):
                log.info("key %s", hashlib.sha256(api_key.encode()).hexdigest())
                log.info("key ends with %s", api_key[-4:])
                log.info("card %s", mask(card_number))
                log.info("password of %d characters", len(password))
                log.info("user %s", authenticate(request, password=password))
                API_KEY_HEADER = "X-Api-Key"
                log.info("header %s", API_KEY_HEADER)
                print(f"hello {request.user.username}")
            """);
        Assert.Empty(Scan(dir, "LOG001"));
    }

    [Fact]
    public void Secrets_and_personal_data_reach_print_warnings_and_exception_messages()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import os
            import warnings

            def configure(user):
                secret = user.api_key
                text = "key=" + secret
                print(text)
                token = os.environ.get("API_TOKEN")
                warnings.warn("using " + token)
                ssn = user.profile["ssn"]
                raise ValueError(f"bad SSN {ssn}")
            """);
        Assert.Equal(["app.py:7 LOG001 flow", "app.py:9 LOG001 flow", "app.py:11 LOG001 flow"], Scan(dir, "LOG001"));
    }

    [Fact]
    public void A_password_from_getpass_hashed_with_sha256_through_update_is_AUTH001()
    {
        using var dir = new TempDir();
        dir.Write("cli.py", """
            import getpass
            import hashlib

            def main():
                secret = getpass.getpass()
                h = hashlib.sha256()
                h.update(secret.encode())
                return h.hexdigest()

            def api(token):
                return hashlib.sha256(token.encode()).hexdigest()
            """);
        // `token` is a secret but not a password: a fast hash of an API token is fine.
        Assert.Equal(["cli.py:7 AUTH001 flow"], Scan(dir, "AUTH001"));
    }

    [Fact]
    public void Sensitive_sources_do_not_feed_injection_rules_and_request_data_does_not_feed_LOG001()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import logging
            import os
            from flask import Flask, request

            app = Flask(__name__)
            log = logging.getLogger(__name__)

            @app.route("/a")
            def a():
                log.info("user %s", request.args["user"])
                os.system("backup " + request.args["password"])
                return "ok"
            """);
        var findings = Scan(dir, "LOG001", "INJ015", "INJ002");
        Assert.Equal(["app.py:10 INJ015 flow", "app.py:11 INJ002 flow"], findings);
    }

    [Fact]
    public void The_name_check_still_reports_loggers_the_analysis_does_not_know_and_a_flow_replaces_it_on_the_same_line()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import logging

            class Service:
                def login(self, password):
                    self.logger.info("password %s", password)
                    logging.info("password %s", password)
            """);
        Assert.Equal(["app.py:5 LOG001", "app.py:6 LOG001 flow"], Scan(dir, "LOG001"));
    }

    /// <summary>Pieces of names: every word the vocabulary answers by, near misses, descriptors, and the separators and cases names use.</summary>
    static readonly string[] NamePieces =
    [
        "pass", "Pass", "PASS", "word", "Word", "wd", "pw", "PW", "phrase", "code", "secret", "Secret", "cred", "ential",
        "entials", "s", "token", "Token", "TOKEN", "api", "Api", "key", "Key", "KEY", "keys", "auth", "Auth", "access",
        "refresh", "bearer", "private", "client", "app", "master", "session", "dsn", "web", "hook", "ssn", "cvv", "cvc",
        "2", "credit", "card", "Card", "number", "no", "num", "social", "security", "medical", "health", "record", "history",
        "condition", "diagnosis", "iban", "IBAN", "user", "name", "count", "id", "type", "url", "reset", "new", "old",
        "signing", "jwt", "hmac", "tok", "pas", "ke", "sec", "cre", "au", "th", "_", "_", ".", "-", "", "\u212A",
    ];

    [FsCheck.Xunit.Property(MaxTest = 5000)]
    public FsCheck.Property A_name_the_quick_test_passes_over_is_classified_as_nothing() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Gen.Elements(NamePieces).ListOf().Select(parts => string.Concat(parts)).ToArbitrary(),
            name => SensitiveNameSources.Instance.MayClassify(name) || SensitiveNameSources.Instance.Classify(name) == 0);

    [Fact]
    public void The_quick_test_passes_over_names_that_say_nothing()
    {
        INameSources names = SensitiveNameSources.Instance;
        Assert.False(names.MayClassify("user_count"));
        Assert.False(names.MayClassify("request"));
        Assert.True(names.MayClassify("new_password"));
        Assert.True(names.MayClassify("cardNumber"));
        Assert.True(names.MayClassify("\u212Aey"));
    }

    [Fact]
    public void Names_are_classified_by_the_shared_vocabulary()
    {
        INameSources names = SensitiveNameSources.Instance;
        Assert.Equal(SourceKinds.Password, names.Classify("new_password"));
        Assert.Equal(SourceKinds.Sensitive, names.Classify("api_key"));
        Assert.Equal(SourceKinds.Sensitive, names.Classify("card_number"));
        Assert.Equal(0u, names.Classify("token"));
        Assert.Equal(0u, names.Classify("password_length"));
        // Corpus review (botocore): a factory of credentials and a flag about a password are not values.
        Assert.Equal(0u, names.Classify("_create_credential_resolver"));
        Assert.Equal(0u, names.Classify("is_password"));
        Assert.True(names.Masks("mask_card"));
        Assert.True(names.Masks("check_password"));
        Assert.False(names.Masks("format_message"));
    }

    [Fact]
    public void Without_a_sensitive_rule_no_name_is_a_source()
    {
        Assert.Null(new Bulwark.Rules.Injection.LogInjection().NameSources);
        Assert.Same(SensitiveNameSources.Instance, new SensitiveDataLogged().NameSources);
        Assert.True(SourceKinds.MayReach(SourceKinds.Password, SinkKinds.PasswordHash));
        Assert.False(SourceKinds.MayReach(SourceKinds.Sensitive, SinkKinds.PasswordHash));
        Assert.False(SourceKinds.MayReach(SourceKinds.Remote, SinkKinds.Exposure));
        Assert.False(SourceKinds.MayReach(SourceKinds.Sensitive, SinkKinds.Log));
    }
    [Fact]
    public void A_secret_kept_in_shared_state_and_read_by_another_function_is_not_followed()
    {
        using var dir = new TempDir();
        dir.Write("client.py", """
            import logging
            log = logging.getLogger(__name__)
            CURRENT = {}

            class Client:
                def __init__(self, api_key):
                    self._cfg = api_key
                    CURRENT["k"] = api_key

                def describe(self):
                    log.info("client %s", self._cfg)

            def dump():
                log.debug("state %s", CURRENT["k"])

            def connect(api_key):
                holder = Client.__new__(Client)
                holder.value = api_key
                log.info("connecting with %s", holder.value)
            """);
        Assert.Equal(["client.py:19 LOG001 flow"], Scan(dir, "LOG001"));
    }

    [Fact]
    public void A_flow_from_one_top_level_package_into_another_is_not_reported()
    {
        using var dir = new TempDir();
        dir.Write("vendor_a/__init__.py", "");
        dir.Write("vendor_a/auth.py", """
            import os
            from vendor_b import errors
            from vendor_a import util

            def login():
                api_token = os.environ["API_TOKEN"]
                errors.fail(api_token)
                util.note(api_token)
            """);
        dir.Write("vendor_a/util.py", """
            import logging

            def note(value):
                logging.info("using %s", value)
            """);
        dir.Write("vendor_b/__init__.py", "");
        dir.Write("vendor_b/errors.py", """
            def fail(value):
                raise ValueError("bad %s" % value)
            """);
        Assert.Equal(["vendor_a/util.py:4 LOG001 flow"], Scan(dir, "LOG001"));
    }

    [Fact]
    public void One_secret_reaching_many_sinks_is_reported_a_few_times_and_the_rest_counted()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import logging

            def run(api_key):
                logging.info("a %s", api_key)
                logging.info("b %s", api_key)
                logging.info("c %s", api_key)
                logging.info("d %s", api_key)
                logging.info("e %s", api_key)
            """);
        var result = new Scanner(new ScanSettings { Select = ["LOG001"], Jobs = 1 }).Scan(new ScanRequest([dir.Path]));
        var flows = result.Findings.Where(f => f.Flow.Count > 0).OrderBy(f => f.Location.StartLine).ToList();
        Assert.Equal([4, 5, 6], flows.Select(f => f.Location.StartLine));
        Assert.EndsWith("; 2 more sinks of the same value not listed.", flows[2].Message);
        Assert.DoesNotContain("more sink", flows[0].Message);
    }

    [Fact]
    public void A_hash_answering_a_challenge_is_not_password_storage_but_a_stored_hash_is()
    {
        using var dir = new TempDir();
        dir.Write("auth.py", """
            import hashlib

            def digest_response(username, realm, password, nonce, uri):
                a1 = "%s:%s:%s" % (username, realm, password)
                ha1 = hashlib.sha256(a1.encode()).hexdigest()
                ha2 = hashlib.sha256(("GET:" + uri).encode()).hexdigest()
                return hashlib.sha256(f"{ha1}:{nonce}:{ha2}".encode()).hexdigest()

            def build_header(username, password, realm, nonce):
                def md5_utf8(x):
                    return hashlib.md5(x.encode(), usedforsecurity=False).hexdigest()
                a1 = "%s:%s:%s" % (username, realm, password)
                return 'Digest response="%s"' % md5_utf8(a1 + ":" + nonce)

            def store(username, password):
                a1 = "%s:%s" % (username, password)
                return hashlib.sha256(a1.encode()).hexdigest()
            """);
        Assert.Equal(["auth.py:17 AUTH001 flow"], Scan(dir, "AUTH001"));
    }

    [Fact]
    public void Flows_run_for_the_rule_named_or_beside_injection_rules_but_a_family_selection_keeps_the_name_check_alone()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import logging
            log = logging.getLogger(__name__)

            def record(detail):
                log.info("event %s", detail)

            def login(user, password):
                record(password)
            """);
        // Through a helper's parameter: only the flow sees it.
        Assert.Equal(["app.py:5 LOG001 flow"], Scan(dir, "LOG001"));
        Assert.Equal(["app.py:5 LOG001 flow"], Scan(dir, "LOG001", "INJ001"));
        Assert.DoesNotContain(Scan(dir, "code"), f => f.Contains("LOG001"));
        Assert.False(RuleSet.From(Bulwark.Rules.RuleCatalog.All, new ScanSettings { Select = ["code"] }).RunsTaint);
        Assert.True(RuleSet.From(Bulwark.Rules.RuleCatalog.All, new ScanSettings { Select = ["code", "LOG001"] }).RunsTaint);
        Assert.True(RuleSet.From(Bulwark.Rules.RuleCatalog.All, new ScanSettings()).RunsTaint);
    }
}
