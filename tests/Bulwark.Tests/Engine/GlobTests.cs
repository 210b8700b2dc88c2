using Bulwark.Core;

namespace Bulwark.Tests.Engine;

public class GlobTests
{
    [Theory]
    [InlineData("*.py", "a/b/c.py", true)]
    [InlineData("*.py", "a/b/c.pyc", false)]
    [InlineData("build", "build/x.py", true)]
    [InlineData("build", "src/build/x.py", true)]
    [InlineData("build/", "build", false)]
    [InlineData("build/", "build/x.py", true)]
    [InlineData("tests/**", "tests/a/b.py", true)]
    [InlineData("tests/**", "src/tests/a.py", false)]
    [InlineData("**/tests/*.py", "tests/a.py", true)]
    [InlineData("**/tests/*.py", "x/y/tests/a.py", true)]
    [InlineData("src/*.py", "src/a/b.py", false)]
    [InlineData("src/**/*.py", "src/a/b.py", true)]
    [InlineData("src/**/*.py", "src/b.py", true)]
    [InlineData("/src", "src/b.py", true)]
    [InlineData("test_?.py", "test_a.py", true)]
    [InlineData("test_[ab].py", "test_c.py", false)]
    [InlineData("test_[!ab].py", "test_c.py", true)]
    [InlineData("*.egg-info", "pkg.egg-info/PKG-INFO", true)]
    public void Glob_matches_like_gitignore(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, path));
}
