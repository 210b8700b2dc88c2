using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Route patterns are read group by group, each group scanned to its end: a hostile pattern of many thousands of
/// parentheses made that quadratic (60,000 took 3 s, 600,000 over a minute). A pattern longer than any real route is
/// a route nobody shows, and its handler's parameters are bound as request data.
/// </summary>
public class RouteLengthTests
{
    static IEnumerable<string> Sql(string route)
    {
        using var dir = new TempDir();
        dir.Write("app.py", $$"""
            import sqlite3
            import tornado.web

            db = sqlite3.connect("x.db")

            class ItemHandler(tornado.web.RequestHandler):
                def get(self, item_id):
                    db.execute("SELECT * FROM items WHERE id = " + item_id)

            app = tornado.web.Application([(r"{{route}}", ItemHandler)])
            """);
        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]));
        return result.Findings.Where(f => f.Rule.Id == "INJ001").Select(f => f.Message).ToList();
    }

    [Fact]
    public void A_short_route_is_read_and_a_digits_capture_is_safe() => Assert.Empty(Sql(@"/items/(\d+)"));

    [Fact]
    public void A_route_longer_than_any_real_one_is_not_read_and_its_capture_is_request_data()
    {
        var message = Assert.Single(Sql(@"/items/(\d+)" + new string('x', 4000)));
        Assert.Contains("URL capture `item_id`", message);
    }
}
