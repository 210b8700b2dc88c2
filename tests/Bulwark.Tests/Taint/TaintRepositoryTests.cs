using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// A project in a sub-folder of a repository: paths in reports are relative to the repository root, but module names
/// (and so flows across modules, and which files count as test fixtures) come from the scanned directory.
/// </summary>
public class TaintRepositoryTests
{
    [Fact]
    public void A_flow_across_modules_is_found_when_the_project_sits_in_a_sub_folder_of_a_repository()
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("services/web-app/app/__init__.py", "");
        repo.Write("services/web-app/app/db.py", "import sqlite3\n\ndef find(name):\n    return sqlite3.connect('a').execute(\"SELECT '%s'\" % name)\n");
        repo.Write("services/web-app/app/views.py", """
            from flask import Flask, request
            from app import db

            app = Flask(__name__)

            @app.route("/a")
            def a():
                return str(db.find(request.args["n"]))
            """);
        var scanned = Path.Combine(repo.Path, "services", "web-app");
        var result = new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([scanned]) { Root = repo.Path });
        var finding = Assert.Single(result.Findings);
        Assert.Equal("services/web-app/app/db.py", finding.Location.Path);
        Assert.Contains(finding.Flow, s => s.Location.Path == "services/web-app/app/views.py");
    }

    [Theory]
    [InlineData("services/web-app/app")]
    // A package inside a package: `app.api` is scanned, `app.api.db` is what its views import.
    [InlineData("services/web-app/app/api")]
    public void A_scanned_directory_that_is_a_package_keeps_its_package_name(string scannedDirectory)
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("services/web-app/app/__init__.py", "");
        repo.Write("services/web-app/app/api/__init__.py", "");
        repo.Write("services/web-app/app/api/db.py", "import sqlite3\n\ndef find(name):\n    return sqlite3.connect('a').execute(\"SELECT '%s'\" % name)\n");
        repo.Write("services/web-app/app/api/views.py", """
            from flask import Flask, request
            from app.api.db import find

            app = Flask(__name__)

            @app.route("/a")
            def a():
                return str(find(request.args["n"]))
            """);
        var scanned = Path.Combine(repo.Path, scannedDirectory);
        var result = new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([scanned]) { Root = repo.Path });
        var finding = Assert.Single(result.Findings);
        Assert.Equal("services/web-app/app/api/db.py", finding.Location.Path);
        Assert.Contains(finding.Flow, s => s.Location.Path == "services/web-app/app/api/views.py");
    }

    [Fact]
    public void Only_importable_package_directories_are_climbed_out_of()
    {
        using var repo = new TempDir();
        repo.Write("web-app/app/sub/__init__.py", "");
        repo.Write("web-app/app/__init__.py", "");
        repo.Write("web-app/__init__.py", "");
        // `web-app` cannot be imported by that name: module names start below it.
        Assert.Equal(Path.Combine(repo.Path, "web-app"), Scanner.OutsidePackages(Path.Combine(repo.Path, "web-app", "app", "sub")));
        repo.Write("plain/x.py", "");
        Assert.Equal(Path.Combine(repo.Path, "plain"), Scanner.OutsidePackages(Path.Combine(repo.Path, "plain")));
    }

    [Fact]
    public void A_view_variable_named_after_its_class_is_followed_once()
    {
        // `HomeView = HomeView.as_view()` names itself: following the variable to its class must end (it overflowed
        // the stack once).
        using var repo = new TempDir();
        repo.Write("app/__init__.py", "");
        repo.Write("app/views.py", """
            from django.shortcuts import redirect
            from django.views.generic import View

            class HomeView(View):
                def get(self, request):
                    return redirect(request.GET["next"])

            HomeView = HomeView.as_view()
            """);
        repo.Write("app/urls.py", "from django.urls import path\n\nfrom . import views\n\nurlpatterns = [path(\"home/\", views.HomeView)]\n");
        var result = new Scanner(new ScanSettings { Select = ["INJ006"] }).Scan(new ScanRequest([repo.Path]));
        Assert.Equal("app/views.py", Assert.Single(result.Findings).Location.Path);
    }

    [Fact]
    public void A_view_rebound_in_a_loop_is_followed_a_bounded_number_of_times()
    {
        // `v = v.as_view()` in a loop: the name's definition reaches its own right-hand side.
        using var repo = new TempDir();
        repo.Write("views.py", """
            from django.shortcuts import redirect
            from django.urls import path
            from django.views.generic import View

            class V(View):
                def get(self, request):
                    return redirect(request.GET["next"])

            v = V
            for _ in range(3):
                v = v.as_view()

            urlpatterns = [path("a/", v)]
            """);
        var result = new Scanner(new ScanSettings { Select = ["INJ006"] }).Scan(new ScanRequest([repo.Path]));
        Assert.Equal("views.py", Assert.Single(result.Findings).Location.Path);
    }
}
