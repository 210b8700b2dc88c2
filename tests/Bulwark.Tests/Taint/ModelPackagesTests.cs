using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>The package list of a model file, read at start-up for every embedded model without parsing the rows.</summary>
public class ModelPackagesTests
{
    [Fact]
    public void The_package_list_heading_a_file_is_read()
    {
        const string text = "# Flask.\npackages = [\"flask\",\n  \"werkzeug\"]\n\nsources = [\n  { attribute = \"flask.Request.args\", kind = \"remote\" },\n]\n";
        Assert.Equal(["flask", "werkzeug"], ModelReader.Packages(text, "m.toml"));
    }

    [Fact]
    public void A_package_list_after_the_rows_is_read_too()
    {
        const string text = "sources = [\n  { attribute = \"a.b\", kind = \"remote\" },\n]\npackages = [\"a\"]\n";
        Assert.Equal(["a"], ModelReader.Packages(text, "m.toml"));
    }

    [Fact]
    public void A_file_without_a_package_list_has_none()
    {
        Assert.Empty(ModelReader.Packages("sinks = [\n  { call = \"os.system\", arg = \"0\", kind = \"command\" },\n]\n", "m.toml"));
        Assert.Empty(ModelReader.Packages("", "m.toml"));
    }

    [Fact]
    public void Every_embedded_model_but_the_standard_library_names_its_packages()
    {
        var catalog = new ModelCatalog();
        Assert.Contains("stdlib.toml", catalog.LoadedFiles);
        catalog.EnsureLoaded("flask");
        Assert.Contains("flask.toml", catalog.LoadedFiles);
        Assert.DoesNotContain("django.toml", catalog.LoadedFiles);
    }
}
