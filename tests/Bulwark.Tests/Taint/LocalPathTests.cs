using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>Which Django routes need a first path segment, so that the request's path never starts with `//` (<see cref="EntryPoints.FirstSegmentNeverEmpty"/>).</summary>
public class LocalPathTests
{
    [Theory]
    [InlineData("lists/", true)]
    [InlineData("^list/(?P<list_id>[^@/]+)/", true)]
    [InlineData("<int:pk>/edit/", true)]
    [InlineData("<slug>/", true)]
    [InlineData("<str:name>", true)]
    [InlineData("<path:rest>", false)]
    [InlineData("^(?P<rest>.*)$", false)]
    [InlineData("^", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("<int:pk", false)]
    public void A_route_needs_a_first_segment(string? route, bool expected) => Assert.Equal(expected, EntryPoints.FirstSegmentNeverEmpty(route));
}
