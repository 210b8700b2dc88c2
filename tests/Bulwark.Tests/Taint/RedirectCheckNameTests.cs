using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>Which names say that a function checks a redirect target (<see cref="Guards.RedirectCheckName"/>).</summary>
public class RedirectCheckNameTests
{
    [Theory]
    [InlineData("validate_redirect_url")]
    [InlineData("is_safe_url")]
    [InlineData("is_safe_next")]
    [InlineData("url_is_allowed")]
    [InlineData("isLocalUrl")]
    [InlineData("is_relative_redirect")]
    [InlineData("is_valid_next")]
    [InlineData("same_origin_location")]
    public void Names_that_say_a_target_is_safe(string name) => Assert.True(Guards.RedirectCheckName(name));

    [Theory]
    [InlineData("is_url")]
    [InlineData("is_valid_url")]
    [InlineData("validate")]
    [InlineData("is_safe")]
    [InlineData("is_unsafe_url")]
    [InlineData("get_next_url")]
    [InlineData("redirect")]
    public void Names_that_do_not(string name) => Assert.False(Guards.RedirectCheckName(name));
}
