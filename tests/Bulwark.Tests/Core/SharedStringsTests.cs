using Bulwark.Core;

namespace Bulwark.Tests.Core;

public class SharedStringsTests
{
    [Fact]
    public void An_equal_string_comes_back_as_the_instance_shared_before()
    {
        var cache = new SharedStrings(16);
        var first = new string("Use of assert detected.".AsSpan());
        var second = new string("Use of assert detected.".AsSpan());
        Assert.NotSame(first, second);
        Assert.Same(first, cache.Share(first));
        Assert.Same(first, cache.Share(second));
        Assert.Null(cache.ShareOrNull(null));
    }

    [Fact]
    public void A_long_string_is_returned_as_given_and_never_cached()
    {
        var cache = new SharedStrings(16);
        var text = new string('x', SharedStrings.MaxLength + 1);
        var copy = new string(text.AsSpan());
        Assert.Same(text, cache.Share(text));
        Assert.Same(copy, cache.Share(copy));
    }

    [Fact]
    public void A_cache_of_one_slot_keeps_the_latest_string_and_never_changes_a_value()
    {
        var cache = new SharedStrings(1);
        var a = cache.Share(new string("a".AsSpan()));
        var b = cache.Share(new string("b".AsSpan()));
        Assert.Equal("a", a);
        Assert.Equal("b", b);
        Assert.Same(b, cache.Share(new string("b".AsSpan())));
        Assert.NotSame(a, cache.Share(new string("a".AsSpan()))); // evicted by b: a fresh instance, the same text
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedStrings(12));
    }
}
