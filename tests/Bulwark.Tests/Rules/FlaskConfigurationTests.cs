using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>
/// CFG201–CFG203 on whole projects: `from_object` followed across modules to the class actually loaded, base classes
/// in other modules, loads in tests, `from_pyfile`. Single-file cases are in the rule fixtures (`CFG201*.py`).
/// </summary>
public class FlaskConfigurationTests
{
    static List<string> Scan(TempDir dir)
    {
        var settings = new ScanSettings { Select = ["CFG201", "CFG202", "CFG203"], Profile = RuleProfile.All, Jobs = 1 };
        var result = new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        Assert.Empty(result.Warnings);
        return result.Findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine} {f.Rule.Id} {f.Message}").Order(StringComparer.Ordinal).ToList();
    }

    const string Classes = """
        class Config:
            SESSION_COOKIE_HTTPONLY = True


        class ProductionConfig(Config):
            DEBUG = True


        class StagingConfig(Config):
            DEBUG = True
        """;

    [Fact]
    public void From_object_with_a_dotted_string_reports_only_the_class_it_loads()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "from flask import Flask\napp = Flask(__name__)\napp.config.from_object(\"settings.ProductionConfig\")\n");
        dir.Write("settings.py", Classes);
        var found = Scan(dir);
        Assert.Equal(["settings.py:6 CFG201 Flask debug mode is on: the Werkzeug debugger allows arbitrary code execution on any error."], found);
    }

    [Fact]
    public void Without_a_followable_load_every_production_class_counts()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "import os\nfrom flask import Flask\napp = Flask(__name__)\napp.config.from_object(os.environ[\"APP_SETTINGS\"])\n");
        dir.Write("settings.py", Classes);
        var found = Scan(dir);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.StartsWith("settings.py:6 CFG201", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("settings.py:10 CFG201", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_class_in_a_module_without_flask_is_followed_and_reported_where_it_is_set()
    {
        using var dir = new TempDir();
        dir.Write("myapp/__init__.py", "");
        dir.Write("myapp/app.py", "from flask import Flask\nfrom myapp.prod import ProductionConfig\napp = Flask(__name__)\napp.config.from_object(ProductionConfig)\n");
        dir.Write("myapp/prod.py", "from myapp.defaults import Base\n\n\nclass ProductionConfig(Base):\n    SESSION_COOKIE_SECURE = True\n");
        dir.Write("myapp/defaults.py", "class Base:\n    SESSION_COOKIE_SECURE = False\n    SESSION_COOKIE_HTTPONLY = False\n");
        var found = Scan(dir);
        Assert.Equal(["myapp/defaults.py:3 CFG202 `SESSION_COOKIE_HTTPONLY` is false: scripts (and any XSS) can read the cookie. (inherited by `ProductionConfig`)"], found);
    }

    [Fact]
    public void Without_a_load_a_base_class_in_a_module_without_flask_is_followed()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        dir.Write("config.py", "from defaults import Base\n\n\nclass ProductionConfig(Base):\n    DEBUG = False\n");
        dir.Write("defaults.py", "class Base:\n    WTF_CSRF_ENABLED = False\n");
        Assert.Equal(["defaults.py:2 CFG203 `WTF_CSRF_ENABLED` is false: forms are not protected against cross-site request forgery. (inherited by `ProductionConfig`)"], Scan(dir));
    }

    [Fact]
    public void A_class_loaded_only_by_tests_is_not_production()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "from flask import Flask\napp = Flask(__name__)\napp.config.from_object(\"config.LiveConfig\")\n");
        dir.Write("config.py", "class LiveConfig:\n    DEBUG = False\n\n\nclass Fixture:\n    DEBUG = True\n    WTF_CSRF_ENABLED = False\n");
        dir.Write("tests/test_app.py", "from app import app\napp.config.from_object(\"config.Fixture\")\n");
        Assert.Empty(Scan(dir));
    }

    [Fact]
    public void From_pyfile_reads_the_module_it_names()
    {
        using var dir = new TempDir();
        dir.Write("web/app.py", "from flask import Flask\napp = Flask(__name__)\napp.config.from_pyfile(\"production.py\")\n");
        dir.Write("web/production.py", "SERVER_NAME = \"example.com\"\nWTF_CSRF_ENABLED = False\n");
        Assert.Equal(["web/production.py:2 CFG203 `WTF_CSRF_ENABLED` is false: forms are not protected against cross-site request forgery."], Scan(dir));
    }

    [Fact]
    public void Writes_on_the_app_in_test_files_are_not_reported()
    {
        using var dir = new TempDir();
        dir.Write("tests/conftest.py", "from flask import Flask\napp = Flask(__name__)\napp.config[\"WTF_CSRF_ENABLED\"] = False\napp.debug = True\n");
        Assert.Empty(Scan(dir));
    }
}
