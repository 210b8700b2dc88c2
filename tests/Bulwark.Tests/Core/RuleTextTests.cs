using Bulwark.Core;

namespace Bulwark.Tests.Core;

public class RuleTextTests
{
    [Theory]
    [InlineData("One line stays as it is.  Even with two spaces.", "One line stays as it is.  Even with two spaces.")]
    [InlineData("A paragraph wrapped\nin the source\nis one line.", "A paragraph wrapped in the source is one line.")]
    [InlineData("First paragraph\nwrapped.\n\nSecond\nparagraph.", "First paragraph wrapped.\n\nSecond paragraph.")]
    [InlineData("Fix it:\n- quote the argument\n- or pass a list", "Fix it:\n- quote the argument\n- or pass a list")]
    [InlineData("Run:\n    subprocess.run(args)\nthen check.", "Run:\n    subprocess.run(args)\nthen check.")]
    [InlineData("Lines end \r\nwith CRLF.", "Lines end with CRLF.")]
    public void Soft_line_breaks_inside_plain_paragraphs_are_joined(string text, string expected) =>
        Assert.Equal(expected, RuleText.JoinSoftBreaks(text));

    [Fact]
    public void Rule_info_prose_fields_join_soft_breaks_and_code_fields_keep_them()
    {
        var info = new RuleInfo("X1", "x", Family.Code, Severity.Low, Confidence.Low, null,
            What: "Finds\nthings.", Why: "Because\nreasons.", Example: "a = 1\nb = 2", Fix: "a = 1\nb = 3", References: [])
        {
            DifferencesFromBandit = "Bandit\ndiffers.",
        };
        Assert.Equal(("Finds things.", "Because reasons.", "Bandit differs."), (info.What, info.Why, info.DifferencesFromBandit));
        Assert.Equal(("a = 1\nb = 2", "a = 1\nb = 3"), (info.Example, info.Fix));
        Assert.Equal("Again this.", (info with { What = "Again\nthis." }).What);
    }
}
