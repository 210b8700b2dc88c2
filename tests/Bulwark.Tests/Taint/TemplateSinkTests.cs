using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Taint;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Templates that print a context value unescaped (`{{ bio|safe }}`, `{% autoescape off %}`) make that value of a
/// `render`/`render_template` call a cross-site scripting sink; every other value is escaped by the template.
/// </summary>
public class TemplateSinkTests
{
    static string[] Names(string template) => [.. TemplateIndex.UnescapedNames(template)];

    [Fact]
    public void Safe_filters_and_autoescape_off_blocks_print_unescaped()
    {
        Assert.Equal(["a"], Names("<p>{{ a|safe }}</p><p>{{ b }}</p>"));
        Assert.Equal(["c"], Names("{% autoescape off %}{{ c }}{{ d|escape }}{{ e|force_escape }}{% endautoescape %}{{ f }}"));
        Assert.Equal(["g"], Names("{%- autoescape false -%}{{ g }}{% endautoescape %}"));
        Assert.Equal(["h"], Names("{{- h | safe -}}"));
        Assert.Equal(["i"], Names("{{ i|default:\"|x\"|safe }}"));
        Assert.Equal(["j"], Names("{{ j.body|safe }} {{ j['x'] }}"));
    }

    [Fact]
    public void A_loop_variable_stands_for_the_context_variable_it_iterates()
    {
        Assert.Equal(["posts"], Names("{% for post in posts %}{{ post.body|safe }}{% endfor %}"));
        Assert.Equal(["rows"], Names("{% for k, v in rows|dictsort %}{{ v|safe }}{% endfor %}"));
    }

    [Fact]
    public void An_alias_stands_for_the_variable_its_value_starts_with()
    {
        Assert.Equal(["order"], Names("{% with total = order.total, n = 3 %}{{ total|safe }}{{ n|safe }}{% endwith %}"));
        Assert.Equal(["order", "user"], Names("{% with total=order.total name=user.name %}{{ total|safe }} {{ name|safe }}{% endwith %}"));
        Assert.Equal(["post"], Names("{% with post.body as body %}{{ body|safe }}{% endwith %}"));
        Assert.Equal(["page"], Names("{% set html = page.html %}{{ html|safe }}"));
        // Flashed messages come from a call, not from the view's context.
        Assert.Empty(Names("{% with messages = get_flashed_messages() %}{% for m in messages %}{{ m|safe }}{% endfor %}{% endwith %}"));
    }

    [Fact]
    public void Literals_calls_comments_and_escaped_values_are_not_unescaped_variables()
    {
        Assert.Empty(Names("{{ \"<b>x</b>\"|safe }}{{ csrf_input()|safe }}{# {{ hidden|safe }} #}{{ k|escape }}"));
        Assert.Empty(Names("{% autoescape on %}{{ l }}{% endautoescape %}"));
        Assert.Empty(Names("{{ unterminated|safe "));
    }

    [Fact]
    public void A_template_prints_unescaped_what_the_templates_it_includes_or_extends_do()
    {
        var index = TemplateIndex.Build([
            ("app/templates/page.html", () => "{% extends \"base.html\" %}{% block body %}{% include 'partials/row.html' %}{{ title }}{% endblock %}"),
            ("app/templates/base.html", () => "<html>{{ banner|safe }}{% block body %}{% endblock %}</html>"),
            ("app/templates/partials/row.html", () => "<td>{{ cell|safe }}</td>"),
            ("app/templates/plain.html", () => "{% include \"missing.html\" %}{{ x }}"),
            ("app/templates/a.html", () => "{% include \"b.html\" %}{{ a|safe }}"),
            ("app/templates/b.html", () => "{% include \"a.html\" %}{{ b|safe }}"),
            ("app/templates/unreadable.html", () => null),
        ]);
        Assert.Equal(["banner", "cell"], index.Unescaped("page.html"));
        Assert.Equal(["banner"], index.Unescaped("base.html"));
        Assert.Empty(index.Unescaped("plain.html"));
        Assert.Equal(["a", "b"], index.Unescaped("a.html"));
        Assert.Equal(["a", "b"], index.Unescaped("b.html"));
        Assert.Empty(index.Unescaped("unreadable.html"));
    }

    [Fact]
    public void Large_templates_that_include_each_other_are_indexed_in_bounded_time_and_names()
    {
        // 40 templates of 3,000 unescaped names each, every one including every other: each keeps at most 256 names.
        const int count = 40;
        var files = new List<(string, Func<string?>)>();
        for (int t = 0; t < count; t++)
        {
            int own = t;
            files.Add(($"app/templates/t{own}.html", () =>
                string.Concat(Enumerable.Range(0, count).Select(o => $"{{% include \"t{o}.html\" %}}"))
                + string.Concat(Enumerable.Range(0, 3_000).Select(k => $"{{{{ t{own}_{k}|safe }}}}"))));
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var index = TemplateIndex.Build(files);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"indexing took {clock.Elapsed}");
        for (int t = 0; t < count; t++)
        {
            var names = index.Unescaped($"t{t}.html");
            Assert.Equal(256, names.Length);
            Assert.Contains($"t{t}_0", names);
        }
    }

    [Theory]
    [InlineData("shop/templates/shop/item.html", "shop/item.html")]
    [InlineData("templates/index.html", "index.html")]
    [InlineData("app/templates/emails/welcome.jinja2", "emails/welcome.jinja2")]
    [InlineData("mytemplates/x.html", null)]
    [InlineData("templates/views.py", null)]
    [InlineData("static/index.html", null)]
    public void A_template_is_named_by_its_path_below_a_templates_directory(string path, string? name) =>
        Assert.Equal(name, TemplateIndex.NameOf(path));

    static List<Finding> Scan(TempDir dir) =>
        new Scanner(new ScanSettings { Select = ["INJ007"], Jobs = 1 }).Scan(new ScanRequest([dir.Path])).Findings.ToList();

    [Fact]
    public void A_django_view_passing_request_data_to_a_value_its_template_prints_with_safe_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("shop/views.py", """
            from django.shortcuts import render


            def item(request):
                return render(request, "shop/item.html", {"bio": request.GET["bio"], "name": request.GET["name"]})


            def plain(request):
                return render(request, "shop/plain.html", {"bio": request.GET["bio"]})


            def escaped(request):
                return render(request, "shop/item.html", {"name": request.GET["name"], "bio": "constant"})
            """);
        dir.Write("shop/templates/shop/item.html", "<h1>{{ name }}</h1><div>{{ bio|safe }}</div>");
        dir.Write("shop/templates/shop/plain.html", "<div>{{ bio }}</div>");
        var finding = Assert.Single(Scan(dir));
        Assert.Equal("shop/views.py", finding.Location.Path);
        Assert.Equal(5, finding.Location.StartLine);
        Assert.Contains("shop/item.html", finding.Flow[^1].Message);
    }

    [Fact]
    public void A_flask_view_passing_request_data_as_a_keyword_its_template_prints_unescaped_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            from flask import Flask, render_template, request

            app = Flask(__name__)


            @app.route("/comment")
            def comment():
                return render_template("comment.html", comment=request.args["c"], title=request.args["t"])


            @app.route("/context")
            def context():
                ctx = {"comment": request.args["c"]}
                return render_template("comment.html", **ctx)


            @app.route("/title")
            def title():
                return render_template("comment.html", title=request.args["t"])
            """);
        dir.Write("templates/comment.html", "<title>{{ title }}</title>{% autoescape false %}<p>{{ comment }}</p>{% endautoescape %}");
        var lines = Scan(dir).Select(f => f.Location.StartLine).Order().ToArray();
        Assert.Equal([8, 14], lines);
    }

    [Fact]
    public void Without_the_template_in_the_scan_a_render_is_not_a_sink()
    {
        using var dir = new TempDir();
        dir.Write("views.py", """
            from django.shortcuts import render


            def item(request):
                return render(request, "shop/item.html", {"bio": request.GET["bio"]})
            """);
        Assert.Empty(Scan(dir));
    }
}
