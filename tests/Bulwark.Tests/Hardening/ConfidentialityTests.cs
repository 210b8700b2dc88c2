using Bulwark.Cli.Commands;
using Bulwark.Core;
using Bulwark.Dependencies.Manifests;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

public class ConfidentialityTests
{
    [Fact]
    public void Requirements_includes_outside_the_project_are_refused_with_their_line_and_never_read()
    {
        using var outside = new TempDir();
        var secret = outside.Write("secret.txt", "TOKEN_FROM_OUTSIDE=ghp_abcdefabcdefabcdefabcdef\n");
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "app"));
        var relativeOut = Path.GetRelativePath(Path.Combine(dir.Path, "app"), secret);
        dir.Write("app/requirements.txt", $"flask==2.0.0\n-r {secret}\n-r {relativeOut}\n-c /proc/self/environ\n-r link.txt\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "app", "link.txt"), secret);

        foreach (var format in new[] { "text", "json", "sarif", "html" })
        {
            var (_, output, err) = Run("scan", dir.Path, "--format", format, "--select", "dependencies", "--isolated");
            Assert.DoesNotContain("TOKEN_FROM_OUTSIDE", output + err);
            Assert.DoesNotContain("ghp_", output + err);
            Assert.DoesNotContain("PATH=", output + err); // nothing of the environment
        }
        var (_, json, _) = Run("scan", dir.Path, "--format", "json", "--select", "dependencies", "--isolated");
        for (int line = 2; line <= 5; line++)
            Assert.Contains($"app/requirements.txt:{line}: ", json);
        Assert.Contains("outside the project; not read", json);
    }

    [Fact]
    public void Includes_inside_the_project_are_still_followed()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "-r base/common.txt\n");
        dir.Write("base/common.txt", "requests==2.0.0\n");
        var set = ManifestSet.Load(dir.Path, [(Path.Combine(dir.Path, "requirements.txt"), "requirements.txt")],
            p => File.ReadAllText(p));
        Assert.Contains(set.Manifests, m => m.RelativePath == "base/common.txt" && m.Dependencies.Any(d => d.Name == "requests"));
        Assert.DoesNotContain(set.Problems, p => p.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void Environment_variables_are_never_expanded_into_reported_text()
    {
        const string name = "BULWARK_HARDENING_TEST_SECRET";
        Environment.SetEnvironmentVariable(name, "s3cr3t-value-from-ci");
        try
        {
            using var dir = new TempDir();
            dir.Write("requirements.txt",
                $"pkg==${{{name}}}\ngit+https://${{{name}}}@example.invalid/x.git#egg=private\n-r ${{{name}}}/more.txt\n");
            foreach (var format in new[] { "text", "json", "sarif", "html" })
            {
                var (_, output, err) = Run("scan", dir.Path, "--format", format, "--select", "dependencies", "--isolated");
                Assert.DoesNotContain("s3cr3t-value-from-ci", output + err);
            }
            var m = RequirementsParser.Parse(Path.Combine(dir.Path, "requirements.txt"), "requirements.txt",
                File.ReadAllText(Path.Combine(dir.Path, "requirements.txt")), false);
            Assert.Contains(m.Problems, p => p.StartsWith("requirements.txt:1:", StringComparison.Ordinal) && p.Contains("not expanded"));
            Assert.Contains(m.Problems, p => p.StartsWith("requirements.txt:3:", StringComparison.Ordinal) && p.Contains("environment variable"));
            Assert.Equal($"git+https://${{{name}}}@example.invalid/x.git#egg=private", Assert.Single(m.Dependencies).Url);
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }

    [Fact]
    public void Unreadable_lines_are_reported_with_their_number_and_a_short_sanitised_prefix_only()
    {
        var line = "not a requirement \u001b[2J token=" + new string('x', 200);
        var m = RequirementsParser.Parse("/x/requirements.txt", "requirements.txt", "ok==1.0\n" + line + "\n", false);
        var problem = Assert.Single(m.Problems);
        Assert.StartsWith("requirements.txt:2: ", problem);
        Assert.DoesNotContain("\u001b", problem);
        Assert.DoesNotContain(new string('x', Untrusted.ExcerptChars), problem);
        Assert.True(problem.Length < 200, problem);
    }

    [Fact]
    public void Excerpts_hide_url_credentials_and_cut_long_text()
    {
        Assert.Equal("'https://***@host/p'", Untrusted.Excerpt("https://user:pw@host/p"));
        var cut = Untrusted.Excerpt(new string('a', 100));
        Assert.Equal("'" + new string('a', Untrusted.ExcerptChars) + "…'", cut);
        Assert.Equal("'a\u241bb'", Untrusted.Excerpt("a\u001bb"));
    }

    [Fact]
    public void Messages_on_stderr_have_control_characters_escaped()
    {
        var inner = new StringWriter();
        var err = new MessageWriter(inner);
        err.WriteLine("bulwark: error: evil\u001b[31m\rname\u202e.py\tx");
        Assert.Equal("bulwark: error: evil\u241b[31m\u240dname\uFFFD.py\tx" + Environment.NewLine, inner.ToString());
    }
}
