using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;
using Assert = Xunit.Assert;

namespace Bulwark.Tests.Semantics;

public class SemanticModelTests
{
    static (SemanticModel Model, List<Call> Calls) Build(string source, string? moduleName = null, bool isPackage = false)
    {
        var parse = PythonParser.Parse(source);
        Assert.True(parse.Ok, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var calls = new List<Call>();
        new CallCollector(calls).Visit(parse.Module);
        return (SemanticModel.Build(parse.Module, moduleName, isPackage), calls);
    }

    sealed class CallCollector(List<Call> calls) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (node is Call c) calls.Add(c);
            base.Visit(node);
        }
    }

    static string? Callee(string source, int index = 0, string? moduleName = null, bool isPackage = false)
    {
        var (model, calls) = Build(source, moduleName, isPackage);
        return model.QualifiedName(calls[index].Func);
    }

    [Theory]
    [InlineData("import subprocess as sp\nsp.Popen(x)", "subprocess.Popen")]
    [InlineData("import os.path\nos.path.join(a)", "os.path.join")]
    [InlineData("import os.path as p\np.join(a)", "os.path.join")]
    [InlineData("from os import path as p\np.join(a)", "os.path.join")]
    [InlineData("from subprocess import run as execute\nexecute(x)", "subprocess.run")]
    [InlineData("import importlib\nsp = importlib.import_module('subprocess')\nsp.run(x)", "subprocess.run")]
    [InlineData("m = __import__('os.path')\nm.path.join(a)", "os.path.join")]
    [InlineData("import subprocess\nrun = subprocess.run\nrun(x)", "subprocess.run")]
    [InlineData("exec(code)", "exec")]
    public void Qualified_names_resolve_through_every_kind_of_alias(string source, string expected) =>
        Assert.Equal(expected, Callee(source, source.Contains("importlib") || source.Contains("__import__") ? 1 : 0));

    [Theory]
    [InlineData("import subprocess\ndef f(subprocess):\n    subprocess.run(x)")]
    [InlineData("def open(p):\n    pass\nopen(x)")]
    [InlineData("import os\nos = FakeOs()\nos.system(x)")]
    [InlineData("import subprocess\nclass C:\n    def m(self):\n        for subprocess in items:\n            subprocess.run(x)")]
    public void A_local_binding_shadows_the_module_or_builtin(string source)
    {
        var (model, calls) = Build(source);
        var last = calls[^1];
        Assert.Null(model.QualifiedName(last.Func));
    }

    [Fact]
    public void Functions_see_module_imports_made_after_their_definition()
    {
        Assert.Equal("subprocess.run", Callee("def f():\n    subprocess.run(x)\nimport subprocess"));
    }

    [Fact]
    public void Class_scope_names_are_invisible_to_methods()
    {
        var source = "import subprocess\nclass C:\n    subprocess = None\n    def m(self):\n        subprocess.run(x)";
        Assert.Equal("subprocess.run", Callee(source));
    }

    [Theory]
    [InlineData("from . import util\nutil.f()", "pkg.sub.mod", false, "pkg.sub.util.f")]
    [InlineData("from .util import f\nf()", "pkg.sub.mod", false, "pkg.sub.util.f")]
    [InlineData("from ..core import f\nf()", "pkg.sub.mod", false, "pkg.core.f")]
    [InlineData("from .util import f\nf()", "pkg.sub", true, "pkg.sub.util.f")]
    [InlineData("from .util import f\nf()", null, false, ".util.f")]
    public void Relative_imports_resolve_against_the_module_path(string source, string? module, bool isPackage, string expected) =>
        Assert.Equal(expected, Callee(source, 0, module, isPackage));

    [Theory]
    [InlineData("pkg/sub/mod.py", "pkg.sub.mod", false)]
    [InlineData("src/pkg/__init__.py", "pkg", true)]
    [InlineData("my-scripts/run.py", null, false)]
    public void Module_names_derive_from_relative_paths(string path, string? name, bool isPackage)
    {
        var (n, p) = SemanticModel.ModuleNameFor(path);
        Assert.Equal(name, n);
        if (name is not null) Assert.Equal(isPackage, p);
    }

    static ConstValue? ValueOfFirstArgument(string source)
    {
        var (model, calls) = Build(source);
        return model.Evaluate(calls[^1].Args[0]);
    }

    [Theory]
    [InlineData("SHELL = True\nf(SHELL)", "True")]
    [InlineData("A = 'ls '\nB = A + '-l'\nf(B)", "'ls -l'")]
    [InlineData("def g():\n    mode = 0o700 | 0o077\n    f(mode)", "511")]
    [InlineData("import stat\nf(stat.S_IRWXU | stat.S_IWOTH)", "450")]
    [InlineData("NAME = 'x'\nf(f'id-{NAME}')", "'id-x'")]
    [InlineData("f(['a', 'b'] + ['c'])", "['a', 'b', 'c']")]
    public void Constants_propagate_through_single_assignments(string source, string expected) =>
        Assert.Equal(expected, ValueOfFirstArgument(source)?.ToString());

    [Theory]
    [InlineData("X = True\nif c:\n    X = False\nf(X)")]
    [InlineData("def g(X=True):\n    f(X)")]
    [InlineData("X = True\ndef g():\n    global X\n    X = False\nf(X)")]
    [InlineData("def g():\n    f(x)\n    x = 1")]
    [InlineData("f(unknown)")]
    public void Names_with_several_or_unknown_values_are_not_constant(string source) =>
        Assert.Null(ValueOfFirstArgument(source));

    [Fact]
    public void A_rebound_name_has_the_value_of_the_definition_that_reaches_the_use() =>
        Assert.Equal("False", ValueOfFirstArgument("X = True\nX = False\nf(X)")?.ToString());

    [Fact]
    public void Comprehension_variables_live_in_their_own_scope()
    {
        var (model, calls) = Build("import os\n[os for os in items]\nos.system(x)");
        Assert.Equal("os.system", model.QualifiedName(calls[0].Func));
    }

    [Fact]
    public void Parents_and_scopes_are_recorded_for_every_node()
    {
        var (model, calls) = Build("def f(a):\n    g(a)\n");
        var call = calls[0];
        Assert.IsType<ExprStmt>(model.Parent(call));
        Assert.Equal(ScopeKind.Function, model.ScopeOf(call).Kind);
        var arg = (Name)call.Args[0];
        Assert.Equal(BindingKind.Parameter, model.BindingOf(arg)!.Kind);
        Assert.True(model.IsBuiltin((Name)call.Func));
    }

    [Fact]
    public void IsImported_holds_for_each_dotted_prefix_of_an_imported_name_and_nothing_else()
    {
        var (model, _) = Build("import a.b.c\nfrom d.e import f\n");
        foreach (var yes in new[] { "a", "a.b", "a.b.c", "d", "d.e", "d.e.f" }) Assert.True(model.IsImported(yes), yes);
        foreach (var no in new[] { "", "a.", "b", "a.bc", "a.b.c.d", "e", "d.e.f.g" }) Assert.False(model.IsImported(no), no);
    }

    [Fact]
    public void Imported_names_are_recorded_as_Bandit_records_them()
    {
        var (model, _) = Build("import os.path\nfrom django.db.models import Q\nimport importlib\nm = importlib.import_module('yaml')");
        Assert.Contains("os.path", model.ImportedNames);
        Assert.Contains("django.db.models.Q", model.ImportedNames);
        Assert.True(model.IsImported("django.db"));
        Assert.Contains("yaml", model.ImportedModules);
        Assert.Contains("os", model.ImportedModules);
    }

    [Fact]
    public void A_model_read_from_several_threads_answers_as_on_its_owner_thread()
    {
        var source = string.Join("\n", Enumerable.Range(0, 200).Select(i =>
            i % 2 == 0 ? $"import mod{i} as m{i}\nm{i}.call{i}(x)" : $"from pkg{i} import fn{i}\nfn{i}(x)"));
        var (model, calls) = Build(source);
        var expected = calls.Select(c => (model.QualifiedName(c.Func), model.LooseQualifiedName(c.Func))).ToArray();
        string[] fragments = [.. Enumerable.Range(0, 200).Select(i => $"mod{i}"), .. Enumerable.Range(0, 200).Select(i => $"kg{i}")];
        var importedLike = fragments.Select(model.IsImportedLike).ToArray();
        Assert.Contains(true, importedLike);
        Assert.Contains(false, importedLike);
        var wrong = 0;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var until = DateTime.UtcNow.AddMilliseconds(300);
            while (DateTime.UtcNow < until)
                for (int k = 0; k < calls.Count; k++)
                {
                    int j = t % 2 == 0 ? k : calls.Count - 1 - k;
                    if (model.QualifiedName(calls[j].Func) != expected[j].Item1) Interlocked.Increment(ref wrong);
                    if (model.LooseQualifiedName(calls[j].Func) != expected[j].Item2) Interlocked.Increment(ref wrong);
                    int f = (j * 7 + t) % fragments.Length;
                    if (model.IsImportedLike(fragments[f]) != importedLike[f]) Interlocked.Increment(ref wrong);
                }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, wrong);
        Assert.Equal("mod0.call0", model.QualifiedName(calls[0].Func));
    }

    [Fact]
    public void A_loose_name_written_into_a_buffer_is_the_loose_name()
    {
        var (model, calls) = Build("""
            import os.path as p
            from pkg import mod
            import subprocess
            p.join(a)
            mod.thing.call(x)
            self.assertEqual(a, b)
            obj.a.b.c.d(x)
            get()()
            items[0].run()
            subprocess.Popen(cmd)
            very_long_receiver_name_number_one.very_long_attribute_name_number_two.very_long_method_name_three(x)
            """);
        Span<char> buffer = stackalloc char[256];
        Span<char> tiny = stackalloc char[12];
        foreach (var call in calls)
        {
            var expected = model.LooseQualifiedName(call.Func);
            int length = model.WriteLooseQualifiedName(call.Func, buffer);
            Assert.Equal(expected, length < 0 ? null : buffer[..length].ToString());
            int small = model.WriteLooseQualifiedName(call.Func, tiny);
            if (expected is null) Assert.Equal(-1, small);
            else if (expected.Length > tiny.Length) Assert.Equal(SemanticModel.LooseNameTooLong, small);
            else Assert.Equal(expected, tiny[..small].ToString());
        }
        Assert.Contains(calls, c => model.LooseQualifiedName(c.Func) == "self.assertEqual");
        Assert.Contains(calls, c => model.LooseQualifiedName(c.Func) is null);
    }

    [Fact]
    public void Each_name_is_evaluated_in_the_scope_the_binder_found()
    {
        const string source = """
            import os
            @decorate(os)
            class Box(Base):
                size = os.sep
                def method(self, item=os.curdir):
                    values = [v for v in item if v]
                    return lambda k: k + values[0]
            """;
        var parse = PythonParser.Parse(source);
        var model = SemanticModel.Build(parse.Module);
        var names = new List<Name>();
        new NameCollector(names).Visit(parse.Module);
        // The name that starts where `marker` does (its first occurrence in the text).
        ScopeKind KindOf(string marker) => model.ScopeOf(names.Single(n => n.Start == source.IndexOf(marker, StringComparison.Ordinal))).Kind;
        Assert.Equal(ScopeKind.Module, KindOf("decorate"));
        Assert.Equal(ScopeKind.Module, KindOf("os)"));
        Assert.Equal(ScopeKind.Module, KindOf("Base"));
        Assert.Equal(ScopeKind.Class, KindOf("size"));
        Assert.Equal(ScopeKind.Class, KindOf("os.sep"));
        Assert.Equal(ScopeKind.Class, KindOf("os.curdir"));         // a default: evaluated where the def runs
        Assert.Equal(ScopeKind.Function, KindOf("values ="));
        Assert.Equal(ScopeKind.Function, KindOf("item if"));        // a comprehension's first iterable: the enclosing scope
        Assert.Equal(ScopeKind.Comprehension, KindOf("v for"));
        Assert.Equal(ScopeKind.Comprehension, KindOf("v]"));
        Assert.Equal(ScopeKind.Lambda, KindOf("k +"));
        Assert.Equal(ScopeKind.Lambda, KindOf("values[0]"));        // read where the lambda runs
        // Every name carries the scope the binder recorded: no question walks up the tree for it.
        Assert.All(names, n => Assert.Same(model.Scopes[n.ScopeSlot - 1], model.ScopeOf(n)));
        // The same text parsed again is another tree: its names are not this model's.
        var again = PythonParser.Parse(source);
        var other = new List<Name>();
        new NameCollector(other).Visit(again.Module);
        Assert.All(other, n => Assert.Equal(0, n.ScopeSlot));
        Assert.All(other, n => Assert.Same(model.ModuleScope, model.ScopeOf(n)));
    }

    sealed class NameCollector(List<Name> names) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (node is Name n) names.Add(n);
            base.Visit(node);
        }
    }
}
