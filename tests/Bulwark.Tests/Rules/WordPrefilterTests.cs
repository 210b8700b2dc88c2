using Bulwark.Rules.Code;
using Bulwark.Secrets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bulwark.Tests.Rules;

/// <summary>
/// The prefilters in front of the name classifiers (<see cref="WordPrefilter"/>) never change an answer: on names
/// assembled from the words the classifiers look for, in any case and with any separators, the classifier with its
/// prefilter answers as the classifier alone.
/// </summary>
public class WordPrefilterTests
{
    static readonly string[] Words =
    [
        "password", "passwd", "pwd", "pw", "pass", "passphrase", "passcode", "pword", "secret", "credential", "creds",
        "token", "tokens", "apikey", "api", "key", "keys", "private", "access", "auth", "dsn", "webhook", "bearer",
        "signature", "sig", "hmac", "mac", "digest", "ssn", "cvv", "cvc", "creditcard", "card", "number", "no", "credit",
        "social", "security", "medical", "health", "record", "iban", "diagnosis", "reset", "csrf", "session", "id",
        "type", "length", "name", "user", "new", "confirm", "x", "result", "items", "self", "é", "\u212Aey", "ſecret", "1",
    ];

    static readonly string[] Separators = ["_", "-", ".", "", "__"];

    /// <summary>One to four words, each lower-case, upper-case or capitalised, joined by one separator.</summary>
    static Gen<string> Names() =>
        from count in Gen.Choose(1, 4)
        from words in Gen.Elements(Words).ListOf(count)
        from cases in Gen.Choose(0, 2).ListOf(count)
        from separator in Gen.Elements(Separators)
        select string.Join(separator, words.Select((w, i) => cases[i] switch
        {
            0 => w,
            1 => w.ToUpperInvariant(),
            _ => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w,
        }));

    [Property(MaxTest = 20000)]
    public Property Credential_prefilter_never_changes_an_answer() =>
        Prop.ForAll(Names().ToArbitrary(), name => SecretNames.Classify(name) == SecretNames.ClassifyWords(name));

    [Property(MaxTest = 20000)]
    public Property Sensitive_prefilter_never_changes_an_answer() =>
        Prop.ForAll(Names().ToArbitrary(), name => SensitiveNames.Classify(name) == SensitiveNames.ClassifyWords(name));

    [Property(MaxTest = 20000)]
    public Property Comparison_prefilter_never_changes_an_answer() =>
        Prop.ForAll(Names().ToArbitrary(), name =>
            new[] { false, true }.All(authenticates =>
                (NonConstantTimeCompare.KindPrefilter.MayContain(name) ? NonConstantTimeCompare.KindOfName(name, authenticates) : null)
                    == NonConstantTimeCompare.KindOfName(name, authenticates)));

    [Theory]
    [InlineData("result", false)]
    [InlineData("self", false)]
    [InlineData("apiKey", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("\u212Aey", true)] // non-ASCII: always let through
    public void Common_names_are_turned_away_and_candidates_let_through(string name, bool passes) =>
        Assert.Equal(passes, new WordPrefilter(SecretNames.CredentialStems).MayContain(name));
}
