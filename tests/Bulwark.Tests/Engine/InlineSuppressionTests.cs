using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;

namespace Bulwark.Tests.Engine;

public class InlineSuppressionTests
{
    static readonly RuleInfo B602 = new("B602", "subprocess-popen-with-shell-equals-true", Family.Code, Severity.High, Confidence.High, 78,
        "w", "w", "e", "f", []) { Aliases = ["S602"] };
    static readonly RuleInfo B607 = B602 with { Id = "B607", Name = "start-process-with-partial-path", Aliases = ["S607"] };

    static SuppressionKind At(string source, RuleInfo rule, int line, int[]? statementStarts = null) =>
        InlineSuppressions.Parse(new SourceText(source), statementStarts).Find(rule, line);

    [Fact]
    public void Bare_nosec_suppresses_every_rule_on_its_line()
    {
        Assert.Equal(SuppressionKind.Nosec, At("run(x)  # nosec\n", B602, 1));
        Assert.Equal(SuppressionKind.Nosec, At("run(x)  # nosec\n", B607, 1));
        Assert.Equal(SuppressionKind.None, At("run(x)  # nosec\nrun(y)\n", B602, 2));
    }

    [Fact]
    public void Nosec_with_rule_list_suppresses_only_those_rules()
    {
        const string src = "run(x)  # nosec B602, B608\n";
        Assert.Equal(SuppressionKind.Nosec, At(src, B602, 1));
        Assert.Equal(SuppressionKind.None, At(src, B607, 1));
        Assert.Equal(SuppressionKind.Nosec, At("run(x)  # nosec: B607\n", B607, 1));
    }

    [Fact]
    public void Nosec_accepts_bandit_test_names()
    {
        Assert.Equal(SuppressionKind.Nosec, At("run(x)  # nosec subprocess_popen_with_shell_equals_true\n", B602, 1));
    }

    [Fact]
    public void Nosec_after_another_comment_still_counts()
    {
        Assert.Equal(SuppressionKind.Nosec, At("run(x)  # reviewed by security # nosec\n", B602, 1));
    }

    [Fact]
    public void Noqa_uses_ruff_codes_and_bare_noqa_suppresses_all()
    {
        Assert.Equal(SuppressionKind.Inline, At("run(x)  # noqa: S602\n", B602, 1));
        Assert.Equal(SuppressionKind.None, At("run(x)  # noqa: S607\n", B602, 1));
        Assert.Equal(SuppressionKind.Inline, At("run(x)  # noqa\n", B602, 1));
        Assert.Equal(SuppressionKind.Inline, At("run(x)  # NOQA:S602,E501\n", B602, 1));
    }

    [Fact]
    public void Bulwark_ignore_with_and_without_ids()
    {
        Assert.Equal(SuppressionKind.Inline, At("run(x)  # bulwark: ignore[B602]\n", B602, 1));
        Assert.Equal(SuppressionKind.None, At("run(x)  # bulwark: ignore[B607]\n", B602, 1));
        Assert.Equal(SuppressionKind.Inline, At("run(x)  # bulwark: ignore\n", B602, 1));
    }

    [Fact]
    public void Words_that_merely_contain_nosec_do_not_suppress()
    {
        Assert.Equal(SuppressionKind.None, At("run(x)  # nosecurity review needed\n", B602, 1));
        Assert.Equal(SuppressionKind.None, At("run(x)  # see noqa_docs\n", B602, 1));
    }

    [Fact]
    public void Comment_on_the_first_line_of_a_multiline_statement_covers_the_whole_statement()
    {
        const string src = "run(  # nosec\n    x,\n    shell=True)\nother()\n";
        int[] starts = [0, 1, 1, 1, 4, 0];
        Assert.Equal(SuppressionKind.Nosec, At(src, B602, 3, starts));
        Assert.Equal(SuppressionKind.None, At(src, B602, 4, starts));
    }
}

public class InlineSuppressionBanditParityTests
{
    static readonly Bulwark.Core.RuleInfo B602 = Bulwark.Rules.RuleCatalog.Find("B602")!.Info;

    [Fact]
    public void Nosec_followed_by_words_that_name_no_rule_suppresses_everything()
    {
        var s = InlineSuppressions.Parse(new SourceText("run(x)  # nosec TODO remove\n"));
        Assert.Equal(SuppressionKind.Nosec, s.Find(B602, 1));
    }

    [Fact]
    public void Nosec_with_a_rule_and_a_reason_suppresses_only_that_rule()
    {
        var s = InlineSuppressions.Parse(new SourceText("run(x)  # nosec B607 because reviewed\n"));
        Assert.Equal(SuppressionKind.None, s.Find(B602, 1));
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment()
    {
        const string src = "Popen('#nosec', shell=True)\n";
        var s = InlineSuppressions.Parse(new SourceText(src), insideString: o => o >= 6 && o < 14);
        Assert.Equal(SuppressionKind.None, s.Find(B602, 1));
        var real = InlineSuppressions.Parse(new SourceText("Popen('#x', shell=True)  # nosec\n"), insideString: o => o >= 6 && o < 10);
        Assert.Equal(SuppressionKind.Nosec, real.Find(B602, 1));
    }

    [Fact]
    public void Nosec_on_any_line_of_a_multiline_finding_counts()
    {
        var s = InlineSuppressions.Parse(new SourceText("q = ('SELECT * '\n     'FROM t WHERE a = %s' % a)  # nosec\n"));
        Assert.Equal(SuppressionKind.Nosec, s.Find(B602, 1, 2));
        Assert.Equal(SuppressionKind.None, s.Find(B602, 1, 1));
    }

    [Fact]
    public void Bandit_profile_ignores_noqa_as_bandit_does()
    {
        var s = InlineSuppressions.Parse(new SourceText("run(x)  # noqa\n"), honourNoqa: false);
        Assert.Equal(SuppressionKind.None, s.Find(B602, 1));
    }
}
