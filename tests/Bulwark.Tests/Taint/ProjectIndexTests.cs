using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Import resolution across the project (<see cref="ProjectIndex"/>): an absolute name is remembered once for the
/// project unless the importer's directory holds a sibling module it could start with (a script's own directory is
/// on `sys.path`); the order names are asked in must not matter.
/// </summary>
public class ProjectIndexTests
{
    static readonly (string, string)[] Files =
    [
        ("a/run.py", "import helper\n"),
        ("a/helper.py", "def func(): pass\n"),
        ("b/run.py", "import helper\n"),
        ("b/helper.py", "def func(): pass\n"),
        ("c/run.py", "import helper\n"),
        ("pkg/__init__.py", ""),
        ("pkg/mod.py", "def func(): pass\n"),
    ];

    [Theory]
    [InlineData("a/run.py", "b/run.py", "c/run.py")]
    [InlineData("c/run.py", "a/run.py", "b/run.py")]
    [InlineData("b/run.py", "c/run.py", "a/run.py")]
    public void A_script_resolves_its_own_sibling_and_every_directory_the_same_package_name_whatever_the_order(params string[] order)
    {
        var modules = TaintPruningTests.Lower(Files, new ModelCatalog());
        var index = new ProjectIndex(modules);
        int M(string path) => modules.FindIndex(m => m.Path == path);
        var expected = new Dictionary<string, int> { ["a/run.py"] = M("a/helper.py"), ["b/run.py"] = M("b/helper.py"), ["c/run.py"] = -1 };
        foreach (var _ in new[] { 1, 2 })
            foreach (var importer in order)
            {
                var helper = index.Resolve(M(importer), "helper.func");
                if (expected[importer] < 0) Assert.Equal(SymbolKind.None, helper.Kind);
                else
                {
                    Assert.Equal(SymbolKind.Function, helper.Kind);
                    Assert.Equal(expected[importer], helper.Module);
                }
                var packaged = index.Resolve(M(importer), "pkg.mod.func");
                Assert.Equal((SymbolKind.Function, M("pkg/mod.py")), (packaged.Kind, packaged.Module));
                Assert.Equal(SymbolKind.None, index.Resolve(M(importer), "os.path.join").Kind);
            }
    }
}
