using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>Canonical types (<see cref="ProjectTypes"/>): remembered per module, each distinct list of types kept once.</summary>
public class ProjectTypesTests
{
    [Fact]
    public void Modules_asking_for_the_same_types_get_one_list_and_different_types_stay_apart()
    {
        var modules = TaintPruningTests.Lower([
            ("app/models.py", "class User:\n    pass\n"),
            ("app/views.py", "from app.models import User\n"),
            ("app/other.py", "from app.models import User as Person\n"),
        ], new ModelCatalog());
        var types = new ProjectTypes(new ProjectIndex(modules), new ModelCatalog());
        int M(string path) => modules.FindIndex(m => m.Path == path);
        // As lowering writes them: qualified by the module's imports.
        var user = types.Canonical(M("app/views.py"), "app.models.User");
        Assert.Equal(["app.models.User"], user);
        Assert.Same(user, types.Canonical(M("app/other.py"), "app.models.User"));
        Assert.Same(user, types.Canonical(M("app/models.py"), "app.models.User"));
        var str = types.Canonical(M("app/views.py"), "str");
        Assert.Equal(["str"], str);
        Assert.Same(str, types.Canonical(M("app/other.py"), "str"));
        Assert.NotSame(user, str);
    }
}
