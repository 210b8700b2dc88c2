using System.Text.RegularExpressions;
using Bulwark.Rules.Code;
using Bulwark.Secrets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bulwark.Tests.Rules;

/// <summary>
/// The hand-written matchers that replaced non-backtracking regular expressions (built at start-up) answer as the
/// expressions did, on strings assembled from the fragments the expressions care about.
/// </summary>
public class HandWrittenMatcherTests
{
    static readonly Regex SqlStatement = new(
        @"^[\s(""'`]*(select\s.*\sfrom\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s+\S+\s+set\s|with\s+\w+\s+as\s*\(|replace\s+into\s|merge\s+into\s)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking);

    static readonly Regex BanditName = new(
        "(^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    static readonly string[] SqlFragments =
    [
        "select", "SELECT", "Select", "from", "FROM", "delete", "insert", "into", "INTO", "values", "VALUES", "update",
        "set", "SET", "with", "as", "AS", "replace", "merge", "x", "users", "t1", "é", "_", "*", ",", " ", "  ", "\t", "\n",
        "\u00A0", "\u2028", "(", ")", "\"", "'", "`", "?", "%s", "ſelect", "=", ".",
    ];

    static readonly string[] NameFragments =
    [
        "pass", "PASS", "password", "Passwd", "passsword", "pasword", "paswd", "passwo", "pwd", "token", "TOKEN", "secret",
        "secrete", "secrets", "passphrase", "phrase", "_", "__", "x", "api", "key", "d", "s", "w", "o", "r", "\n",
        "toKen", "ſecret", "\u212Aey", "to\u212Aen", "1",
    ];

    static readonly Regex FullPath = new(@"^(?:[A-Za-z]:|[\\/\.])", RegexOptions.NonBacktracking);

    static readonly string[] PathFragments =
    [
        "C", "c", "z", "Z", ":", "/", "\\", ".", "..", "git", "bin", "é", "\u212A", "1", " ", "\n", "_", "@", "[", "`", "{",
    ];

    static FsCheck.Gen<string> Assembled(string[] fragments) =>
        Gen.Elements(fragments).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 3000)]
    public Property Sql_statement_scanner_agrees_with_the_expression() =>
        Prop.ForAll(Assembled(SqlFragments).ToArbitrary(), text => SqlText.IsStatement(text) == SqlStatement.IsMatch(text));

    [Property(MaxTest = 3000)]
    public Property Bandit_name_matcher_agrees_with_the_expression() =>
        Prop.ForAll(Assembled(NameFragments).ToArbitrary(), name => SecretNames.MatchesBanditPattern(name) == BanditName.IsMatch(name));

    [Property(MaxTest = 3000)]
    public Property Full_path_check_agrees_with_the_expression() =>
        Prop.ForAll(Assembled(PathFragments).ToArbitrary(), program => StartProcessWithPartialPath.IsFullPath(program) == FullPath.IsMatch(program));

    [Theory]
    [InlineData("git", false)]
    [InlineData("", false)]
    [InlineData("C:\\git.exe", true)]
    [InlineData("c:", true)]
    [InlineData("1:", false)]
    [InlineData("é:", false)]
    [InlineData("/usr/bin/git", true)]
    [InlineData("\\\\server\\git", true)]
    [InlineData("./git", true)]
    [InlineData("bin/git", false)]
    public void Full_paths_start_with_a_drive_a_separator_or_a_dot(string program, bool expected)
    {
        Assert.Equal(expected, StartProcessWithPartialPath.IsFullPath(program));
        Assert.Equal(expected, FullPath.IsMatch(program));
    }

    [Theory]
    [InlineData("SELECT * FROM users WHERE id = %s", true)]
    [InlineData("  (select name\nfrom t", true)]
    [InlineData("select from t", false)]
    [InlineData("delete  from t ", true)]
    [InlineData("insert into t (a) values(?)", true)]
    [InlineData("update users set name = ?", true)]
    [InlineData("update users  set", false)]
    [InlineData("with recent as (select 1)", true)]
    [InlineData("with a.b as (", false)]
    [InlineData("replace into t ", true)]
    [InlineData("MERGE INTO t ", true)]
    [InlineData("please select a row from the list", false)]
    public void Sql_statements_are_recognised_at_the_start(string text, bool expected)
    {
        Assert.Equal(expected, SqlText.IsStatement(text));
        Assert.Equal(expected, SqlStatement.IsMatch(text));
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("db_passwd_x", true)]
    [InlineData("MY_TOKEN", true)]
    [InlineData("token\n", true)]
    [InlineData("passwords", false)]
    [InlineData("tokenizer", false)]
    [InlineData("secret_key", true)]
    [InlineData("api_key", false)]
    public void Bandit_names_are_whole_underscore_parts(string name, bool expected)
    {
        Assert.Equal(expected, SecretNames.MatchesBanditPattern(name));
        Assert.Equal(expected, BanditName.IsMatch(name));
    }
}
