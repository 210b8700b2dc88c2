using System.Text.RegularExpressions;
using Bulwark.Semantics;

namespace Bulwark.Taint;

public enum ParamBind : byte { Unbound, Source, Typed, Depends }

/// <summary>What a web framework passes to one parameter of a view: request data, a typed object, a dependency's result.</summary>
public readonly record struct ParamBinding(ParamBind Kind, uint SourceKind, uint Clears, string? Type, int DependsOn, string Description)
{
    public static readonly ParamBinding Unbound = new(ParamBind.Unbound, 0, 0, null, -1, "");
}

/// <summary>A function a framework calls with request data: a view, a handler, a middleware, a dependency.</summary>
public sealed class EntryPoint(int function, string framework, string? route, ParamBinding[] parameters)
{
    public int Function { get; } = function;
    public string Framework { get; } = framework;
    public string? Route { get; } = route;
    public ParamBinding[] Parameters { get; } = parameters;
    /// <summary>A string it returns is sent as an HTML page (Flask and Bottle views; FastAPI and Starlette routes declared with an HTML `response_class`).</summary>
    public bool ReturnsHtml => Framework is "flask" or "bottle" || HtmlResponseClass;
    /// <summary>A route declared with `response_class=HTMLResponse` (or a subclass): what it returns is the page's HTML.</summary>
    public bool HtmlResponseClass { get; internal set; }
    /// <summary>
    /// Every route it is registered under is fixed text (a Flask application's rule without `<converter>`; a
    /// blueprint's may sit under a prefix with variables): the request's path is then that text, chosen by the
    /// application, not by the client.
    /// </summary>
    public bool FixedPath { get; internal set; }
    /// <summary>
    /// Every route it is registered under needs a first path segment that is not empty (a Django route starting with
    /// fixed text or a converter other than `path`): the request's path then never starts with `//`, so it is a path
    /// on this site, never a protocol-relative URL to another.
    /// </summary>
    public bool LocalPath { get; internal set; }
}

/// <summary>
/// Framework knowledge the models cannot state as data: which functions are entry points (route decorators,
/// `urls.py` registrations, class-based views, middleware, FastAPI dependencies) and what each parameter receives
/// (route converters, FastAPI annotations and defaults).
/// </summary>
public sealed partial class EntryPoints(ProjectIndex index, ProjectTypes types, ModelCatalog catalog)
{
    static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete", "head", "options", "dispatch"];
    readonly Dictionary<int, EntryPoint> _entries = [];
    readonly Dictionary<int, string[]> _handlerMarkers = [];

    /// <summary>
    /// Markers the methods that run for every response put on the handler object, by function id of each method of its
    /// class: a Tornado handler whose `set_default_headers`, `initialize` or `prepare`, or an override of `finish` (which
    /// runs before the headers go out), its own or a project base's, declares a content type other than HTML. A sink
    /// that a marker on `self` turns off (<see cref="SinkModel.Unless"/>) is then off in every method of the class.
    /// Filled by <see cref="Find"/>.
    /// </summary>
    public IReadOnlyDictionary<int, string[]> HandlerMarkers => _handlerMarkers;

    static readonly string[] TornadoSetUp = ["set_default_headers", "initialize", "prepare", "finish"];

    /// <summary>
    /// The method names a typed route decorator or registration can have (the last part of each model's name): a call
    /// of any other method is not looked up through its receiver's types and their bases.
    /// </summary>
    HashSet<string> _methods = null!;

    public IReadOnlyDictionary<int, EntryPoint> Find()
    {
        var tables = catalog.Tables;
        _methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in tables.EntryDecorators.Keys.Concat(tables.EntryRegistrations.Keys)) _methods.Add(key[(key.LastIndexOf('.') + 1)..]);
        PyramidViewClasses(tables);
        // Only a call named as a registration can be one: the others' bodies are not read (IrFunction.AnyCallNamed).
        Func<string?, string?, bool> mayRegister = (callee, method) =>
            callee is not null && tables.EntryRegistrations.ContainsKey(callee) || method is not null && _methods.Contains(method);
        for (int m = 0; m < index.Modules.Count; m++)
        {
            var mod = index.Modules[m];
            foreach (var f in mod.Functions)
            {
                foreach (var d in f.Decorators) Decorator(m, f, d, tables);
                if (f.AnyCallNamed(mayRegister))
                    foreach (var c in f.Calls) Registration(m, f, c, tables);
                // Read again when a later step asks: all of them at once would be the phase's peak.
                f.Release();
            }
            foreach (var c in mod.Classes)
            {
                foreach (var d in c.CallDecorators) ClassDecorator(m, c, d, tables);
                ClassBased(m, c, tables);
            }
        }
        // Heuristics for code without visible registration: Django views and middleware.
        var views = new List<(int Id, int Module, IrFunction F)>();
        for (int m = 0; m < index.Modules.Count; m++)
        {
            var mod = index.Modules[m];
            foreach (var c in mod.Classes)
            {
                // `__init__(self, get_response)` is Django's middleware protocol.
                var init = c.Methods.Select(i => mod.Functions[i]).FirstOrDefault(x => x.Name == "__init__");
                if (init is null || init.Params.Length < 2 || init.Params[1].Name != "get_response") continue;
                foreach (var mi in c.Methods)
                {
                    var method = mod.Functions[mi];
                    if (method.Name is "__call__" or "process_request" or "process_view" or "process_response")
                        AddTyped(index.FunctionId(m, mi), "django-middleware", method, "request", "django.http.HttpRequest");
                }
            }
            // Falcon resources: classes with responders, whether or not the route table is visible.
            if (mod.ImportedModules.Contains("falcon"))
                foreach (var c in mod.Classes)
                    foreach (var mi in c.Methods)
                        if (IsResponder(mod.Functions[mi].Name) && !_entries.ContainsKey(index.FunctionId(m, mi)))
                            Add(index.FunctionId(m, mi), "falcon", null, m, mod.Functions[mi]);
            bool django = mod.ImportedModules.Contains("django");
            foreach (var f in mod.Functions)
            {
                int id = index.FunctionId(m, f.Index);
                if (_entries.ContainsKey(id) || f.Kind != FunctionKind.Function || f.Class >= 0 || f.Params.Length == 0) continue;
                if (f.Params[0].Name is "request" && f.Parent < 0 && (django || ReadsRequestData(mod, f)))
                    views.Add((id, m, f));
            }
        }
        var helpers = CalledByTheProject(views);
        foreach (var (id, m, f) in views)
            if (!helpers.Contains(id)) Add(id, "django", null, m, f);
        // FastAPI dependencies are entry points too (their parameters come from the request).
        foreach (var e in _entries.Values.ToList())
            foreach (var p in e.Parameters)
                if (p.Kind == ParamBind.Depends && !_entries.ContainsKey(p.DependsOn))
                {
                    var dep = index.Function(p.DependsOn, out _);
                    var (dm, _) = index.Functions[p.DependsOn];
                    Add(p.DependsOn, "fastapi", null, dm, dep);
                }
        return _entries;
    }

    /// <summary>
    /// Which of the functions taken for views by their `request` parameter alone the project calls itself: those are
    /// helpers of views (`login(request, user)`, `render_flatpage(request, f)`), handed the caller's request, whose
    /// taint follows the call, and values that are not URL captures. A view is called by the framework, through a
    /// registration (read before this heuristic) or a table the scan may not see, not by the code around it. Calls by
    /// qualified name are read from every module without reading bodies; calls of a function of the same module
    /// (bound by name, not by import) from the bodies of the modules that have such candidates.
    /// </summary>
    HashSet<int> CalledByTheProject(List<(int Id, int Module, IrFunction F)> candidates)
    {
        var called = new HashSet<int>();
        if (candidates.Count == 0) return called;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byModule = new Dictionary<int, Dictionary<int, int>>();
        foreach (var (id, m, f) in candidates)
        {
            if (index.Modules[m].ModuleName is { } moduleName) byName[moduleName + "." + f.Name] = id;
            if (!byModule.TryGetValue(m, out var local)) byModule[m] = local = [];
            local[f.Index] = id;
        }
        foreach (var mod in index.Modules)
            foreach (var g in mod.Functions)
                g.AnyCallNamed((callee, _) =>
                {
                    if (callee is not null && byName.TryGetValue(callee, out var id)) called.Add(id);
                    return false;
                });
        foreach (var (m, local) in byModule)
            foreach (var g in index.Modules[m].Functions)
            {
                foreach (var c in g.Calls)
                    foreach (var t in c.Targets)
                        if (t != g.Index && local.TryGetValue(t, out var id)) called.Add(id);
                g.Release();
            }
        return called;
    }

    /// <summary>
    /// A function whose `request` parameter it reads `.GET`, `.POST`, `.COOKIES`, `.META` or `.FILES` of: Django's
    /// request (and WebOb's, which names its data the same), even in a module that imports nothing of Django (a
    /// helper module of views).
    /// </summary>
    static bool ReadsRequestData(ModuleIr mod, IrFunction f)
    {
        foreach (var v in f.Values)
            if (v.Op == IrOp.LoadAttr && v.S >= 0 && mod.Strings[v.S] is "GET" or "POST" or "COOKIES" or "META" or "FILES"
                && f.Values[f.Operands[v.A]] is { Op: IrOp.Param, A: 0 })
                return true;
        return false;
    }

    /// <summary>A route decorator on a class-based view (`@ns.route("/todos/<int:id>")` on a Flask-RESTX resource): the route of its handler methods.</summary>
    void ClassDecorator(int m, IrClass c, IrDecorator d, ModelTables tables)
    {
        if (DecoratorModel(m, d, tables, out bool blueprint) is not { } model) return;
        var mod = index.Modules[m];
        var route = RouteOf(d);
        foreach (var mi in c.Methods)
            if (IsHandlerMethod(model.Framework, mod.Functions[mi].Name))
                Add(index.FunctionId(m, mi), model.Framework, route, m, mod.Functions[mi], wholePath: !blueprint);
    }

    static string? RouteOf(IrDecorator d) =>
        d.Constants.Length > 0 && d.Constants[0] is { Kind: ValueKind.Str } r ? r.AsString
        : d.Keywords is not null && (d.Keywords.TryGetValue("path", out var p) || d.Keywords.TryGetValue("rule", out p)) ? p.AsString : null;

    void Decorator(int m, IrFunction f, IrDecorator d, ModelTables tables)
    {
        if (DecoratorModel(m, d, tables, out bool blueprint) is not { } model) return;
        string? route = RouteOf(d);
        int id = index.FunctionId(m, f.Index);
        Add(id, model.Framework, route, m, f, wholePath: !blueprint);
        if (model.Framework is "fastapi" or "starlette" && d.KeywordNames is { } named && named.TryGetValue("response_class", out var responseClass)
            && IsHtmlResponse(m, responseClass))
            _entries[id].HtmlResponseClass = true;
    }

    /// <summary>The entry-point model a decorator matches, by its callee or by its receiver's types (`bp.route`); <paramref name="blueprint"/> when the receiver is a blueprint.</summary>
    EntryPointModel? DecoratorModel(int m, IrDecorator d, ModelTables tables, out bool blueprint)
    {
        EntryPointModel? model = null;
        if (d.Callee is not null && tables.EntryDecorators.TryGetValue(d.Callee, out var direct)) model = direct;
        // A blueprint's routes sit under the prefix it is registered with, which may hold variables of its own
        // (`register_blueprint(bp, url_prefix="/<lang>")`): only an application's route is the whole path.
        blueprint = false;
        if (model is null && d.Method is not null && _methods.Contains(d.Method))
            foreach (var t in types.Canonical(m, d.ReceiverTypes))
                foreach (var b in types.WithBases(t))
                    if (tables.EntryDecorators.TryGetValue(b + "." + d.Method, out var viaType))
                    {
                        model = viaType;
                        blueprint = b.EndsWith(".Blueprint", StringComparison.Ordinal) || b.EndsWith(".Namespace", StringComparison.Ordinal);
                        break;
                    }
        return model ?? UntypedApplication(m, d, tables);
    }

    /// <summary>A class (as module <paramref name="m"/> names it) that is Starlette's `HTMLResponse` or derives from it.</summary>
    bool IsHtmlResponse(int m, string qualified)
    {
        foreach (var t in types.Canonical(m, "=call:" + qualified))
            foreach (var b in types.WithBases(t))
                if (b is "starlette.responses.HTMLResponse" or "fastapi.responses.HTMLResponse") return true;
        return false;
    }

    /// <summary>
    /// `@app.route("/path")` where nothing says what `app` is: a parameter of a registration function
    /// (`def init(app):`, `def register_routes(app):`, often called through a dynamic import) or an object from an
    /// unresolved factory. A module that imports Flask (or FastAPI) and decorates a function with a route method of an
    /// unknown object, given a literal path, is registering a view of that framework.
    /// </summary>
    EntryPointModel? UntypedApplication(int m, IrDecorator d, ModelTables tables)
    {
        if (d.Method is null || !d.IsCall) return null;
        foreach (var t in d.ReceiverTypes) if (!t.StartsWith("=name:", StringComparison.Ordinal)) return null;
        if (d.Constants.Length == 0 || d.Constants[0] is not { Kind: ValueKind.Str } path || path.AsString is not ['/', ..]) return null;
        var imported = index.Modules[m].ImportedModules;
        string? application = imported.Contains("flask") ? "flask.Flask" : imported.Contains("fastapi") ? "fastapi.FastAPI" : null;
        return application is not null && tables.EntryDecorators.TryGetValue(application + "." + d.Method, out var model) ? model : null;
    }

    void Registration(int m, IrFunction caller, IrCall c, ModelTables tables)
    {
        EntryPointModel? model = null;
        if (c.Callee is not null && tables.EntryRegistrations.TryGetValue(c.Callee, out var direct)) model = direct;
        else if (c.Method is not null && _methods.Contains(c.Method))
            foreach (var t in types.Canonical(m, c.ReceiverTypes))
                foreach (var b in types.WithBases(t))
                    if (tables.EntryRegistrations.TryGetValue(b + "." + c.Method, out var viaType)) { model = viaType; break; }
        if (model is null) return;
        if (model.Routes is { } table)
        {
            RouteTable(m, caller, c, model.Framework, table);
            return;
        }
        var route = Argument(c, model.Route) is int ri && c.ConstantAt(ri) is { Kind: ValueKind.Str } rc ? rc.AsString : null;
        if (Argument(c, model.View) is not int vi) return;
        if (c.RefAt(vi) is not { } view)
        {
            // A class-based view given as an instance (`app.add_route("/items/{id}", ItemResource())`).
            int v = vi < c.Args.Length ? c.Args[vi] : c.KeywordValues[vi - c.Args.Length];
            if (v >= 0 && caller.Values[v] is { Op: IrOp.Call } made && caller.Calls[made.A].Callee is { } cls)
                View(m, cls, model.Framework, route, Argument(c, SuffixArg) is int si && c.ConstantAt(si) is { Kind: ValueKind.Str } sc ? sc.AsString : null);
            return;
        }
        if (view.Local >= 0)
        {
            var f = index.Modules[m].Functions[view.Local];
            Add(index.FunctionId(m, view.Local), model.Framework, route, m, f);
            return;
        }
        View(m, view.Qualified!, model.Framework, route);
    }

    /// <summary>
    /// A table of routes written out in the call: `Application([(r"/user/(\d+)", UserHandler), …])`, each a tuple of a
    /// constant pattern and a handler class (this module's or an imported one). A table built elsewhere (a module
    /// variable) is not followed; its handlers are still entry points, without their patterns.
    /// </summary>
    void RouteTable(int m, IrFunction caller, IrCall c, string framework, ArgSpec table)
    {
        if (Argument(c, table) is not int ai) return;
        int v = ai < c.Args.Length ? c.Args[ai] : c.KeywordValues[ai - c.Args.Length];
        if (v < 0 || caller.Values[v] is not { Op: IrOp.Container } list) return;
        var strings = index.Modules[m].Strings;
        var items = caller.OperandsOf(list);
        for (int k = 1; k < items.Length; k += 2)
        {
            if (caller.Values[items[k]] is not { Op: IrOp.Container } tuple) continue;
            var parts = caller.OperandsOf(tuple);
            if (parts.Length < 4) continue;
            var pattern = caller.Values[parts[1]];
            var handler = caller.Values[parts[3]];
            if (pattern is not { Op: IrOp.Const, S: >= 0 } || handler is not { Op: IrOp.ClassRef or IrOp.Global, S: >= 0 }) continue;
            View(m, strings[handler.S], framework, strings[pattern.S]);
        }
    }

    /// <summary>The function or class-based view a registration names, with its route.</summary>
    /// <param name="suffix">For a Falcon resource: the responders the route is for (`add_route(…, suffix="tag")` serves
    /// `on_get_tag`; no suffix, the plain `on_get`).</param>
    /// <param name="depth">Variables followed to reach it (`HomeView = HomeView.as_view()` names itself).</param>
    void View(int m, string qualified, string framework, string? route, string? suffix = null, int depth = 0)
    {
        if (depth > 4) return;
        var s = index.Resolve(m, qualified);
        if (s.Kind == SymbolKind.Function)
            Add(index.FunctionId(s.Module, s.Index), framework, route, s.Module, index.Modules[s.Module].Functions[s.Index]);
        else if (s.Kind == SymbolKind.Class)
            foreach (var mi in index.Modules[s.Module].Classes[s.Index].Methods)
            {
                var method = index.Modules[s.Module].Functions[mi];
                if (IsHandlerMethod(framework, method.Name) && (framework != "falcon" || ResponderSuffix(method.Name) == suffix))
                    Add(index.FunctionId(s.Module, mi), framework, route, s.Module, method);
            }
        else if (s.Kind == SymbolKind.Variable && s.Key is { } key
                 && index.Modules[s.Module].Exports.TryGetValue(key[(key.IndexOf('#') + 1)..], out var e))
            // `password_reset = PasswordResetView.as_view()` in views.py, registered by that name in urls.py.
            foreach (var t in e.Types)
                if (t.StartsWith(Lowering.AsViewType, StringComparison.Ordinal) && t.Length > Lowering.AsViewType.Length)
                    View(s.Module, t[Lowering.AsViewType.Length..], framework, route, suffix, depth + 1);
    }

    static readonly ArgSpec SuffixArg = ArgSpec.Parse("suffix")!.Value;

    /// <summary>`tag` for `on_get_tag`, null for `on_get`.</summary>
    static string? ResponderSuffix(string responder)
    {
        int underscore = responder.IndexOf('_', 3);
        return underscore < 0 ? null : responder[(underscore + 1)..];
    }

    /// <summary>The index into the call's positional-then-keyword arguments of the argument a spec names.</summary>
    static int? Argument(IrCall c, ArgSpec spec)
    {
        if (spec.Keyword is { } kw)
            for (int i = 0; i < c.KeywordNames.Length; i++)
                if (c.KeywordNames[i] == kw) return c.Args.Length + i;
        if (spec.Position >= 0 && spec.Position < c.Args.Length && (c.StarredAt < 0 || spec.Position < c.StarredAt)) return spec.Position;
        return null;
    }

    void ClassBased(int m, IrClass c, ModelTables tables)
    {
        var name = index.ClassName(m, c);
        string? framework = null;
        foreach (var b in types.WithBases(name))
            if (tables.EntryBases.TryGetValue(b, out var model)) { framework = model.Framework; break; }
        if (framework is null) return;
        var mod = index.Modules[m];
        var markers = framework == "tornado" ? SetUpMarkers(name, tables) : [];
        bool viewset = framework == "django" && Array.IndexOf(types.WithBases(name), "rest_framework.viewsets.ViewSetMixin") >= 0;
        foreach (var mi in c.Methods)
        {
            var method = mod.Functions[mi];
            int id = index.FunctionId(m, mi);
            if (viewset && IsViewSetAction(method) && !_entries.ContainsKey(id)) _entries[id] = new EntryPoint(id, framework, null, ViewSetAction(method));
            if (IsHandlerMethod(framework, method.Name) && !_entries.ContainsKey(id)) Add(id, framework, null, m, method);
            if (markers.Length > 0) _handlerMarkers[id] = markers;
        }
    }

    static readonly string[] ViewSetActions = ["list", "create", "retrieve", "update", "partial_update", "destroy"];

    /// <summary>A Django REST framework viewset's action: the router's names, or a method decorated with `@action`.</summary>
    static bool IsViewSetAction(IrFunction method)
    {
        if (Array.IndexOf(ViewSetActions, method.Name) >= 0) return true;
        foreach (var d in method.Decorators)
            if (d.Callee is "rest_framework.decorators.action" or "rest_framework.decorators.detail_route" or "rest_framework.decorators.list_route") return true;
        return false;
    }

    /// <summary>The default lookup a router captures (`pk`, or the viewset's `lookup_field`): `[^/.]+`.</summary>
    static readonly uint RouterLookupClears = RegexCharacters.Of("^[^/.]+$", RegexUse.FullMatch)?.SafeKinds() ?? 0;

    /// <summary>
    /// A viewset action receives the request, then what the router captured (`pk=None`: the default is for the list
    /// route, which has no `pk`; on the detail route it is the URL's value).
    /// </summary>
    static ParamBinding[] ViewSetAction(IrFunction f)
    {
        int request = FirstArgument(f);
        var binds = Typed(f, request, "django.http.HttpRequest");
        for (int i = request + 1; i < binds.Length; i++)
            binds[i] = Remote($"URL capture `{f.Params[i].Name}`", RouterLookupClears);
        return binds;
    }

    /// <summary>The receiver markers the per-response methods of a Tornado handler class and its project bases put on `self`.</summary>
    string[] SetUpMarkers(string className, ModelTables tables)
    {
        List<string>? markers = null;
        foreach (var b in types.WithBases(className))
        {
            if (!index.TryClass(b, out var bm, out var bc)) continue;
            var mod = index.Modules[bm];
            foreach (var mi in bc.Methods)
            {
                var method = mod.Functions[mi];
                if (Array.IndexOf(TornadoSetUp, method.Name) < 0) continue;
                foreach (var call in method.Calls)
                {
                    if (call.Method is null || call.Receiver < 0 || method.Values[call.Receiver] is not { Op: IrOp.Param, A: 0 }) continue;
                    foreach (var t in types.Canonical(bm, call.ReceiverTypes))
                        foreach (var tb in types.WithBases(t))
                            if (tables.MarkerCalls.TryGetValue(tb + "." + call.Method, out var models))
                                foreach (var mk in models)
                                    if (mk.OnReceiver && Array.TrueForAll(mk.When, clause => CallConditions.Holds(call, clause)) && !(markers ??= []).Contains(mk.Marker))
                                        markers.Add(mk.Marker);
                }
            }
        }
        return markers is null ? [] : [.. markers];
    }

    /// <summary>The longest route pattern read (real ones are a few dozen characters).</summary>
    const int MaxRouteLength = 2048;

    /// <summary>
    /// A method of a class-based view the framework calls with request data: an HTTP method's handler, a Tornado
    /// WebSocket's, or a GraphQL type's resolver (`resolve_<field>`, a mutation's `mutate`, a subscription's `subscribe_<field>`).
    /// </summary>
    static bool IsHandlerMethod(string framework, string name) => framework switch
    {
        "tornado" => HttpMethods.Contains(name) || name is "open" or "on_message",
        "falcon" => IsResponder(name),
        "graphene" => name.StartsWith("resolve_", StringComparison.Ordinal) || name.StartsWith("subscribe_", StringComparison.Ordinal)
                      || name is "mutate" or "mutate_and_get_payload",
        _ => HttpMethods.Contains(name),
    };

    /// <summary>A Falcon responder: `on_get`, `on_post`… or a suffixed one (`on_get_collection`).</summary>
    static bool IsResponder(string name)
    {
        if (!name.StartsWith("on_", StringComparison.Ordinal)) return false;
        var verb = name.AsSpan(3);
        int underscore = verb.IndexOf('_');
        if (underscore >= 0) verb = verb[..underscore];
        foreach (var m in HttpMethods) if (verb.SequenceEqual(m)) return true;
        return false;
    }

    void AddTyped(int id, string framework, IrFunction f, string parameter, string type)
    {
        var binds = new ParamBinding[f.Params.Length];
        for (int i = 0; i < binds.Length; i++)
            binds[i] = f.Params[i].Name == parameter ? new ParamBinding(ParamBind.Typed, 0, 0, type, -1, parameter) : ParamBinding.Unbound;
        _entries[id] = new EntryPoint(id, framework, null, binds);
    }

    /// <param name="wholePath">The route is the request's whole path (an application's decorator, not a blueprint's
    /// or a registration call's, whose object may be a blueprint).</param>
    void Add(int id, string framework, string? route, int module, IrFunction f, bool wholePath = false)
    {
        // A route is read group by group (each group's body scanned to its end): a pattern no application writes, such
        // as 60,000 opening parentheses, took 12 s. Past this length it is a route nobody shows, bound conservatively.
        if (route is { Length: > MaxRouteLength }) route = null;
        bool fixedPath = wholePath && framework == "flask" && route is not null && !route.Contains('<');
        bool localPath = framework == "django" && FirstSegmentNeverEmpty(route);
        if (_entries.TryGetValue(id, out var existing))
        {
            existing.FixedPath &= fixedPath;
            // A registration without a route (a class-based view found by its base) names no path: the routes are
            // those the registrations that give one name.
            if (route is not null) existing.LocalPath = existing.Route is null ? localPath : existing.LocalPath && localPath;
            if (existing.Route is not null || route is null) return;
            fixedPath &= existing.FixedPath;
        }
        var binds = framework switch
        {
            "flask" => Flask(f, route),
            "django" => Django(f, route),
            "fastapi" or "starlette" => FastApi(module, f, route),
            "aiohttp" => Aiohttp(f, route),
            "tornado" => Tornado(f, route),
            "bottle" => Bottle(f, route),
            "pyramid" => Typed(f, PyramidRequest(f), "pyramid.request.Request"),
            "sanic" => Sanic(f, route),
            "falcon" => Falcon(f, route),
            "ninja" => Ninja(module, f, route),
            "graphene" => Graphene(f, GrapheneScalars(module, f)),
            "ariadne" => Graphene(f, null),
            "strawberry" => Strawberry(module, f),
            "aiohttp-middleware" => Typed(f, 0, "aiohttp.web.Request"),
            "django-middleware" => Typed(f, f.Class >= 0 ? 1 : 0, "django.http.HttpRequest"),
            _ => new ParamBinding[f.Params.Length],
        };
        _entries[id] = new EntryPoint(id, framework, route, binds) { FixedPath = fixedPath, LocalPath = localPath };
    }

    /// <summary>
    /// A Django route (`path()` or `re_path()` pattern) whose match needs a first path segment that is not empty: it
    /// starts with fixed text, or with a converter other than `path` (`<int:pk>`, `<slug>`: at least one character and
    /// no `/`). A regular expression starting with a group, an empty route (under an include whose prefix is not seen)
    /// or an unknown one proves nothing.
    /// </summary>
    internal static bool FirstSegmentNeverEmpty(string? route)
    {
        if (route is null) return false;
        var r = route.StartsWith('^') ? route.AsSpan(1) : route.AsSpan();
        if (r.IsEmpty) return false;
        char c = r[0];
        if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '~') return true;
        if (c != '<') return false;
        var end = r.IndexOf('>');
        if (end < 0) return false;
        var converter = r[1..end];
        var colon = converter.IndexOf(':');
        return colon < 0 || !converter[..colon].SequenceEqual("path");
    }

    static ParamBinding Remote(string name, uint clears = 0) => new(ParamBind.Source, SourceKinds.Remote, clears, null, -1, name);

    /// <summary>
    /// A Strawberry field or mutation (`@strawberry.field` on a method): the parameters after `self` are the query's
    /// arguments, except `info` (by its name or its `Info` annotation); one annotated as a number, a UUID, a `Literal` or
    /// an `Enum` is validated by the schema before the resolver runs.
    /// </summary>
    ParamBinding[] Strawberry(int module, IrFunction f)
    {
        var binds = new ParamBinding[f.Params.Length];
        for (int i = FirstArgument(f); i < binds.Length; i++)
        {
            var p = f.Params[i];
            if (p.Name is "info" or "root" || p.Kind == ParameterKind.VarArgs) continue;
            var annotation = p.Annotation is null ? null : types.Canonical(module, p.Annotation).FirstOrDefault() ?? p.Annotation;
            if (annotation is "strawberry.types.Info" or "strawberry.Info" or "strawberry.types.info.Info" || p.AnnotationNames.Any(n => n.EndsWith(".Info", StringComparison.Ordinal))) continue;
            if (IsSafeAnnotation(module, p, annotation)) continue;
            binds[i] = Remote($"GraphQL argument `{p.Name}`");
        }
        return binds;
    }

    /// <summary>
    /// A Graphene resolver or mutation: its parent value and `info` come first, every later parameter is an argument
    /// of the client's query (optional ones too: a default is only what an absent argument gives).
    /// </summary>
    static ParamBinding[] Graphene(IrFunction f, HashSet<string>? scalars)
    {
        var binds = new ParamBinding[f.Params.Length];
        for (int i = 2; i < binds.Length; i++)
            if (f.Params[i].Kind != ParameterKind.VarArgs && scalars?.Contains(f.Params[i].Name) != true)
                binds[i] = Remote($"GraphQL argument `{f.Params[i].Name}`");
        return binds;
    }

    /// <summary>Scalars GraphQL validates before a resolver runs: a number or a boolean cannot carry a sink's metacharacters.</summary>
    static readonly string[] GrapheneSafeScalars =
    [
        "=call:graphene.Int", "=call:graphene.Float", "=call:graphene.Boolean", "=call:graphene.Decimal", "=call:graphene.UUID",
        "=call:graphene.types.Int", "=call:graphene.types.Float", "=call:graphene.types.Boolean",
    ];

    /// <summary>
    /// The arguments of a Graphene mutation declared as safe scalars in its `Arguments` (or, for a Relay mutation,
    /// `Input`) inner class: `port = graphene.Int()`. Null when there is none to read.
    /// </summary>
    HashSet<string>? GrapheneScalars(int module, IrFunction f)
    {
        if (f.Class < 0) return null;
        var mod = index.Modules[module];
        if (!_classesByPath.TryGetValue(module, out var byPath))
        {
            _classesByPath[module] = byPath = new(StringComparer.Ordinal);
            foreach (var c in mod.Classes) byPath.TryAdd(c.Path, c);
        }
        var owner = mod.Classes[f.Class].Path;
        HashSet<string>? safe = null;
        foreach (var inner in (ReadOnlySpan<string>)[".Arguments", ".Input"])
        {
            if (!byPath.TryGetValue(owner + inner, out var c)) continue;
            foreach (var (name, declared) in c.FieldTypes)
                if (declared.Length > 0 && declared.All(t => Array.IndexOf(GrapheneSafeScalars, t) >= 0)) (safe ??= new(StringComparer.Ordinal)).Add(name);
        }
        return safe;
    }

    /// <summary>A module's classes by their dotted path, made when a Graphene mutation of the module asks.</summary>
    readonly Dictionary<int, Dictionary<string, IrClass>> _classesByPath = [];

    /// <summary>The first parameter after `self` (for methods).</summary>
    static int FirstArgument(IrFunction f) => f.Class >= 0 && !f.IsStatic ? 1 : 0;

    static ParamBinding[] Typed(IrFunction f, int position, string type)
    {
        var binds = new ParamBinding[f.Params.Length];
        if (position < binds.Length) binds[position] = new ParamBinding(ParamBind.Typed, 0, 0, type, -1, f.Params[position].Name);
        return binds;
    }

    // ───────────── Flask ─────────────

    [GeneratedRegex(@"<(?:(?<conv>\w+)(?:\((?<args>[^)]*)\))?:)?(?<name>\w+)>", RegexOptions.NonBacktracking)]
    private static partial Regex FlaskVariable();

    ParamBinding[] Flask(IrFunction f, string? route)
    {
        var binds = new ParamBinding[f.Params.Length];
        int first = FirstArgument(f);
        if (route is null)
        {
            // A route we cannot see (add_url_rule with a computed rule, a MethodView): every argument is request data.
            for (int i = first; i < binds.Length; i++) if (!f.Params[i].HasDefault || f.Params[i].Kind == ParameterKind.VarKeywords) binds[i] = Remote(f.Params[i].Name);
            return binds;
        }
        foreach (Match v in FlaskVariable().Matches(route))
        {
            var name = v.Groups["name"].Value;
            var conv = v.Groups["conv"].Success ? v.Groups["conv"].Value : "string";
            var binding = conv switch
            {
                "int" or "float" or "uuid" or "any" => ParamBinding.Unbound,
                "path" => Remote($"route variable <path:{name}>"),
                // The default converter accepts no slash: a single path segment, never an absolute path, but still
                // `..` or any file of the working directory (`open(name)` reads `.env`).
                _ => Remote($"route variable <{name}>", SinkKinds.PathAbsolute),
            };
            Bind(f, binds, name, binding);
        }
        return binds;
    }

    static void Bind(IrFunction f, ParamBinding[] binds, string name, ParamBinding binding)
    {
        for (int i = 0; i < f.Params.Length; i++)
            if (f.Params[i].Name == name) { binds[i] = binding; return; }
        // Not a named parameter: **kwargs receives it.
        for (int i = 0; i < f.Params.Length; i++)
            if (f.Params[i].Kind == ParameterKind.VarKeywords) { binds[i] = binding with { Description = binding.Description }; return; }
    }

    // ───────────── Django ─────────────

    [GeneratedRegex(@"<(?:(?<conv>\w+):)?(?<name>\w+)>", RegexOptions.NonBacktracking)]
    private static partial Regex DjangoVariable();

    [GeneratedRegex(@"\(\?P<(?<name>\w+)>", RegexOptions.NonBacktracking)]
    private static partial Regex NamedGroup();

    ParamBinding[] Django(IrFunction f, string? route)
    {
        var binds = new ParamBinding[f.Params.Length];
        int request = FirstArgument(f);
        if (request < binds.Length) binds[request] = new ParamBinding(ParamBind.Typed, 0, 0, "django.http.HttpRequest", -1, f.Params[request].Name);
        if (route is null)
        {
            for (int i = request + 1; i < binds.Length; i++)
                if (!f.Params[i].HasDefault) binds[i] = Remote($"URL capture `{f.Params[i].Name}`");
            return binds;
        }
        if (route.Contains("(?P<", StringComparison.Ordinal))
        {
            foreach (Match g in NamedGroup().Matches(route))
            {
                var name = g.Groups["name"].Value;
                var body = GroupBody(route, g.Index + g.Length);
                var safe = body is null ? 0 : RegexCharacters.Of("^" + body + "$", RegexUse.FullMatch)?.SafeKinds() ?? 0;
                Bind(f, binds, name, safe == SinkKinds.All ? ParamBinding.Unbound : Remote($"URL capture `{name}`", safe));
            }
            return binds;
        }
        foreach (Match v in DjangoVariable().Matches(route))
        {
            var name = v.Groups["name"].Value;
            var conv = v.Groups["conv"].Success ? v.Groups["conv"].Value : "str";
            var binding = conv switch
            {
                "int" or "slug" or "uuid" => ParamBinding.Unbound,
                "path" => Remote($"URL capture <path:{name}>"),
                _ => Remote($"URL capture <{conv}:{name}>", SinkKinds.PathAbsolute),
            };
            Bind(f, binds, name, binding);
        }
        return binds;
    }

    /// <summary>The sub-pattern of a group whose body starts at <paramref name="start"/>, up to its closing parenthesis.</summary>
    static string? GroupBody(string pattern, int start)
    {
        int depth = 1;
        for (int i = start; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') { i++; continue; }
            if (pattern[i] == '(') depth++;
            else if (pattern[i] == ')' && --depth == 0) return pattern[start..i];
        }
        return null;
    }

    // ───────────── aiohttp ─────────────

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<re>[^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}", RegexOptions.NonBacktracking)]
    private static partial Regex BraceVariable();

    ParamBinding[] Aiohttp(IrFunction f, string? route)
    {
        var binds = new ParamBinding[f.Params.Length];
        int request = FirstArgument(f);
        if (request < binds.Length) binds[request] = new ParamBinding(ParamBind.Typed, 0, 0, "aiohttp.web.Request", -1, f.Params[request].Name);
        _ = route;
        return binds;
    }

    // ───────────── Django Ninja ─────────────

    [GeneratedRegex(@"\{(?<conv>[a-zA-Z_]\w*):(?<name>[a-zA-Z_]\w*)\}", RegexOptions.NonBacktracking)]
    private static partial Regex NinjaPathParameter();

    /// <summary>
    /// A Django Ninja operation binds its parameters as FastAPI does (annotations, Pydantic schemas, path
    /// parameters), after Django's request; its path parameters are written Django's way (`{int:item_id}`).
    /// </summary>
    ParamBinding[] Ninja(int module, IrFunction f, string? route)
    {
        var binds = FastApi(module, f, route is null ? null : NinjaPathParameter().Replace(route, "{${name}:${conv}}"));
        int request = FirstArgument(f);
        if (request < binds.Length) binds[request] = new ParamBinding(ParamBind.Typed, 0, 0, "django.http.HttpRequest", -1, f.Params[request].Name);
        return binds;
    }

    // ───────────── Falcon ─────────────

    [GeneratedRegex(@"\{(?<name>[a-zA-Z_][a-zA-Z_0-9]*)(?::(?<conv>[a-zA-Z_][a-zA-Z_0-9]*)(?:\([^)]*\))?)?\}", RegexOptions.NonBacktracking)]
    private static partial Regex FalconField();

    /// <summary>
    /// A Falcon responder receives the request, the response, then the URI template's fields: `{name}` one path
    /// segment, `{name:path}` any path, `{name:int}`, `float`, `uuid` and `dt` no text an injection needs.
    /// </summary>
    ParamBinding[] Falcon(IrFunction f, string? route)
    {
        int request = FirstArgument(f);
        return ByRoute(f, Typed(f, request, "falcon.Request"), request + 2, route, FalconField(), "URI field {{{0}}}", (name, v) =>
            (v.Groups["conv"].Success ? v.Groups["conv"].Value : "") switch
            {
                "int" or "float" or "uuid" or "dt" => ParamBinding.Unbound,
                "path" => Remote($"URI field {{{name}:path}}"),
                _ => Remote($"URI field {{{name}}}", SinkKinds.PathAbsolute),
            });
    }

    // ───────────── Sanic ─────────────

    [GeneratedRegex(@"<(?<name>[a-zA-Z_][a-zA-Z_0-9]*)(?::(?<type>[^>]+))?>", RegexOptions.NonBacktracking)]
    private static partial Regex SanicParameter();

    /// <summary>
    /// A Sanic handler receives the request first (after `self` in an `HTTPMethodView`), then the route's parameters:
    /// `<name>` one path segment, `<name:path>` any path, `<name:int>`, `float`, `uuid`, `ymd`, `alpha` and `slug`
    /// only harmless characters, `<name:regex>` what the expression admits.
    /// </summary>
    ParamBinding[] Sanic(IrFunction f, string? route)
    {
        int request = FirstArgument(f);
        return ByRoute(f, Typed(f, request, "sanic.Request"), request + 1, route, SanicParameter(), "route parameter <{0}>", (name, p) =>
            (p.Groups["type"].Success ? p.Groups["type"].Value : "str") switch
            {
                "int" or "float" or "uuid" or "ymd" or "alpha" or "slug" or "number" => ParamBinding.Unbound,
                "path" => Remote($"route parameter <{name}:path>"),
                "str" or "strorempty" or "ext" or "string" => Remote($"route parameter <{name}>", SinkKinds.PathAbsolute),
                var type => RegexCharacters.Of("^(?:" + type + ")$", RegexUse.FullMatch) is { } chars
                    ? chars.SafeKinds() == SinkKinds.All ? ParamBinding.Unbound : Remote($"route parameter <{name}>", chars.SafeKinds())
                    : Remote($"route parameter <{name}>"),
            });
    }

    /// <summary>
    /// Binds the variables a route pattern names (<paramref name="variables"/>, with a `name` group) to the parameters
    /// of those names, each as <paramref name="bind"/> decides from its match; a route nobody shows binds every
    /// parameter from <paramref name="firstCapture"/> on that has no default, described by <paramref name="unrouted"/>.
    /// </summary>
    static ParamBinding[] ByRoute(IrFunction f, ParamBinding[] binds, int firstCapture, string? route, Regex variables, string unrouted,
        Func<string, Match, ParamBinding> bind)
    {
        if (route is null)
        {
            for (int i = firstCapture; i < binds.Length; i++)
                if (!f.Params[i].HasDefault) binds[i] = Remote(string.Format(System.Globalization.CultureInfo.InvariantCulture, unrouted, f.Params[i].Name));
            return binds;
        }
        foreach (Match v in variables.Matches(route))
        {
            var name = v.Groups["name"].Value;
            Bind(f, binds, name, bind(name, v));
        }
        return binds;
    }

    // ───────────── Pyramid ─────────────

    /// <summary>
    /// The parameter a Pyramid view receives the request in: `view(request)` or `view(context, request)`; a method of a
    /// view class takes none (its class keeps the request in `self.request`, see <see cref="PyramidViewClasses"/>).
    /// </summary>
    static int PyramidRequest(IrFunction f)
    {
        int first = FirstArgument(f);
        for (int i = first; i < f.Params.Length; i++)
            if (f.Params[i].Name == "request") return i;
        return f.Class >= 0 ? f.Params.Length : f.Params.Length - first == 2 ? first + 1 : first;
    }

    /// <summary>
    /// A class with a method decorated as a Pyramid view keeps the request its `__init__` receives in `self.request`:
    /// its type is known before any type is asked about, so `self.request.params` in any method is request data.
    /// </summary>
    void PyramidViewClasses(ModelTables tables)
    {
        for (int m = 0; m < index.Modules.Count; m++)
        {
            var mod = index.Modules[m];
            foreach (var f in mod.Functions)
            {
                if (f.Class < 0) continue;
                foreach (var d in f.Decorators)
                    if (d.Callee is not null && tables.EntryDecorators.TryGetValue(d.Callee, out var model) && model.Framework == "pyramid")
                    {
                        types.AddFieldType(index.ClassName(m, mod.Classes[f.Class]), "request", "pyramid.request.Request");
                        break;
                    }
            }
        }
    }

    // ───────────── Bottle ─────────────

    [GeneratedRegex(@"<(?<name>[a-zA-Z_][a-zA-Z_0-9]*)(?::(?<filter>[a-zA-Z_]*)(?::(?<conf>(?:\\.|[^\\>])*))?)?>", RegexOptions.NonBacktracking)]
    private static partial Regex BottleWildcard();

    /// <summary>
    /// A Bottle route's wildcards: `<name>` matches one path segment (no `/`), `<name:path>` any path, `<name:int>` and
    /// `<name:float>` numbers only, `<name:re:exp>` what the expression admits. A route nobody shows binds every
    /// parameter without a default (Bottle builds `@route()`'s path from the signature).
    /// </summary>
    ParamBinding[] Bottle(IrFunction f, string? route) =>
        ByRoute(f, new ParamBinding[f.Params.Length], FirstArgument(f), route, BottleWildcard(), "route wildcard <{0}>", (name, w) =>
            (w.Groups["filter"].Success ? w.Groups["filter"].Value : "") switch
            {
                "int" or "float" => ParamBinding.Unbound,
                "path" => Remote($"route wildcard <{name}:path>"),
                "re" when w.Groups["conf"].Success && RegexCharacters.Of("^(?:" + w.Groups["conf"].Value + ")$", RegexUse.FullMatch) is { } chars
                    => chars.SafeKinds() == SinkKinds.All ? ParamBinding.Unbound : Remote($"route wildcard <{name}:re>", chars.SafeKinds()),
                "re" => Remote($"route wildcard <{name}:re>"),
                _ => Remote($"route wildcard <{name}>", SinkKinds.PathAbsolute),
            });

    // ───────────── Tornado ─────────────

    /// <summary>
    /// A `RequestHandler`'s method receives the groups its URL pattern captured: the named ones as keywords when there
    /// are any, otherwise the positional ones in order, each URL-decoded. A group whose pattern admits no `%` and only
    /// characters harmless to a sink kind clears that kind (`(\d+)`); a WebSocket message is request data too.
    /// </summary>
    ParamBinding[] Tornado(IrFunction f, string? route)
    {
        var binds = new ParamBinding[f.Params.Length];
        int first = FirstArgument(f);
        if (f.Name == "on_message")
        {
            for (int i = first; i < binds.Length; i++) binds[i] = Remote($"WebSocket message `{f.Params[i].Name}`");
            return binds;
        }
        if (route is null)
        {
            for (int i = first; i < binds.Length; i++) binds[i] = Remote($"URL capture `{f.Params[i].Name}`");
            return binds;
        }
        var groups = CapturingGroups(route);
        bool named = groups.Exists(g => g.Name is not null);
        int position = first;
        foreach (var (name, body) in groups)
        {
            if (named && name is null) continue;
            var chars = RegexCharacters.Of("^" + body + "$", RegexUse.FullMatch);
            uint safe = chars is null || chars.May('%') ? 0 : chars.SafeKinds();
            if (name is not null)
            {
                Bind(f, binds, name, safe == SinkKinds.All ? ParamBinding.Unbound : Remote($"URL capture `{name}`", safe));
                continue;
            }
            // Positional captures fill the parameters after `self` in order, then `*args`.
            int at = position < f.Params.Length && f.Params[position].Kind == ParameterKind.Positional ? position++
                : Array.FindIndex(f.Params, p => p.Kind == ParameterKind.VarArgs);
            if (at < 0 || safe == SinkKinds.All) continue;
            binds[at] = binds[at].Kind == ParamBind.Source ? binds[at] with { Clears = binds[at].Clears & safe } : Remote($"URL capture `{f.Params[at].Name}`", safe);
        }
        return binds;
    }

    /// <summary>The capturing groups of a regular expression in order: `(...)` and `(?P<name>...)`, not `(?:...)` or look-arounds.</summary>
    static List<(string? Name, string Body)> CapturingGroups(string pattern)
    {
        var groups = new List<(string?, string)>();
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++; continue; }
            if (c != '(') continue;
            string? name = null;
            int start = i + 1;
            if (start < pattern.Length && pattern[start] == '?')
            {
                if (!pattern.AsSpan(start).StartsWith("?P<")) continue;
                int close = pattern.IndexOf('>', start);
                if (close < 0) continue;
                name = pattern[(start + 3)..close];
                start = close + 1;
            }
            if (GroupBody(pattern, start) is { } body) groups.Add((name, body));
        }
        return groups;
    }

    // ───────────── FastAPI / Starlette ─────────────

    static readonly HashSet<string> RequestTypes = new(StringComparer.Ordinal)
    {
        "fastapi.Request", "starlette.requests.Request", "fastapi.requests.Request", "fastapi.WebSocket",
        "starlette.websockets.WebSocket", "starlette.requests.HTTPConnection",
    };

    static readonly HashSet<string> SafeScalars = new(StringComparer.Ordinal)
    {
        "int", "float", "bool", "complex", "uuid.UUID", "datetime.datetime", "datetime.date", "datetime.time",
        "datetime.timedelta", "decimal.Decimal", "pydantic.PositiveInt", "pydantic.conint", "pydantic.EmailStr",
        "pydantic.UUID4", "pydantic.HttpUrl", "ipaddress.IPv4Address", "ipaddress.IPv6Address", "ipaddress.ip_address",
    };

    static readonly HashSet<string> NotFromRequest = new(StringComparer.Ordinal)
    {
        "fastapi.BackgroundTasks", "fastapi.Response", "starlette.responses.Response", "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.Session", "sqlalchemy.ext.asyncio.AsyncSession", "fastapi.security.OAuth2PasswordRequestForm",
    };

    ParamBinding[] FastApi(int module, IrFunction f, string? route)
    {
        var binds = new ParamBinding[f.Params.Length];
        var pathParams = new Dictionary<string, string>(StringComparer.Ordinal);
        if (route is not null)
            foreach (Match v in BraceVariable().Matches(route))
                pathParams[v.Groups["name"].Value] = v.Groups["re"].Success ? v.Groups["re"].Value : "";
        for (int i = FirstArgument(f); i < f.Params.Length; i++)
        {
            var p = f.Params[i];
            var names = p.AnnotationNames;
            var annotation = p.Annotation is null ? null : types.Canonical(module, p.Annotation).FirstOrDefault() ?? p.Annotation;
            // Depends(provider), as a default or inside Annotated[...]
            var dependsOn = Dependency(module, p);
            if (dependsOn >= 0) { binds[i] = new ParamBinding(ParamBind.Depends, 0, 0, null, dependsOn, p.Name); continue; }
            if (p.DefaultCallee is "fastapi.Depends" or "fastapi.params.Depends" or "Depends" || names.Contains("call:fastapi.Depends"))
            {
                binds[i] = ParamBinding.Unbound;
                continue;
            }
            if (annotation is not null && RequestTypes.Contains(annotation) || names.Any(RequestTypes.Contains))
            {
                binds[i] = new ParamBinding(ParamBind.Typed, 0, 0, "starlette.requests.Request", -1, p.Name);
                continue;
            }
            if (annotation is not null && NotFromRequest.Contains(annotation) || names.Any(NotFromRequest.Contains)) continue;
            if (names.Any(n => n is "fastapi.UploadFile" or "starlette.datastructures.UploadFile" or "fastapi.datastructures.UploadFile"))
            {
                binds[i] = new ParamBinding(ParamBind.Typed, SourceKinds.Remote, 0, "fastapi.UploadFile", -1, p.Name);
                continue;
            }
            if (IsSafeAnnotation(module, p, annotation)) continue;
            uint clears = 0;
            var pattern = Pattern(p);
            if (pattern is not null) clears |= RegexCharacters.Of(pattern, RegexUse.Search)?.SafeKinds() ?? 0;
            if (pathParams.TryGetValue(p.Name, out var converter))
            {
                if (converter is "int" or "float" or "uuid") continue;
                if (converter != "path") clears |= SinkKinds.PathAbsolute;
            }
            if (clears == SinkKinds.All) continue;
            var kind = p.DefaultCallee?.Split('.')[^1] ?? (pathParams.ContainsKey(p.Name) ? "Path" : IsBodyModel(annotation) ? "Body" : "Query");
            binds[i] = new ParamBinding(ParamBind.Source, SourceKinds.Remote, clears, annotation is not null && index.TryClass(annotation, out _, out _) ? annotation : null, -1,
                $"{kind.ToLowerInvariant()} parameter `{p.Name}`");
        }
        return binds;
    }

    int Dependency(int module, IrParam p)
    {
        if (p.DefaultCallee is not ("fastapi.Depends" or "fastapi.params.Depends" or "Depends") || p.DefaultTarget is not { } target) return -1;
        if (target.Local >= 0) return index.FunctionId(module, target.Local);
        if (target.Qualified is null) return -1;
        var s = index.Resolve(module, target.Qualified);
        if (s.Kind == SymbolKind.Function) return index.FunctionId(s.Module, s.Index);
        // A class as dependency: its constructor.
        if (s.Kind == SymbolKind.Class)
        {
            var cls = index.Modules[s.Module].Classes[s.Index];
            foreach (var mi in cls.Methods)
                if (index.Modules[s.Module].Functions[mi].Name == "__init__") return index.FunctionId(s.Module, mi);
        }
        return -1;
    }

    static string? Pattern(IrParam p)
    {
        if (p.DefaultKeywords is { } kw && (kw.TryGetValue("pattern", out var v) || kw.TryGetValue("regex", out v)) && v.AsString is { } s) return s;
        foreach (var n in p.AnnotationNames)
            if (n.StartsWith("kw:pattern=", StringComparison.Ordinal)) return n[11..];
            else if (n.StartsWith("kw:regex=", StringComparison.Ordinal)) return n[9..];
        return null;
    }

    /// <summary>A Pydantic model or a dataclass of the project: FastAPI reads a parameter of that type from the request body.</summary>
    bool IsBodyModel(string? annotation)
    {
        if (annotation is null || !index.TryClass(annotation, out _, out var cls)) return false;
        if (cls.Decorators.Any(d => d is "dataclasses.dataclass" or "dataclass" or "pydantic.dataclasses.dataclass")) return true;
        foreach (var b in types.WithBases(annotation))
            if (b is "pydantic.BaseModel" or "pydantic.main.BaseModel" or "sqlmodel.SQLModel") return true;
        return false;
    }

    /// <summary>Numbers, UUIDs, dates, `Literal[...]` and Enum classes: FastAPI rejects anything else.</summary>
    bool IsSafeAnnotation(int module, IrParam p, string? annotation)
    {
        if (annotation is not null && SafeScalars.Contains(annotation)) return true;
        foreach (var n in p.AnnotationNames)
        {
            if (n is "typing.Literal" or "Literal" or "typing_extensions.Literal") return true;
            if (SafeScalars.Contains(n)) return !p.AnnotationNames.Any(x => x is "str" or "bytes" or "typing.Any");
        }
        var t = annotation ?? p.AnnotationNames.FirstOrDefault();
        if (t is null) return false;
        foreach (var b in types.WithBases(t))
            if (b is "enum.Enum" or "enum.IntEnum" or "enum.StrEnum") return true;
        _ = module;
        return false;
    }
}
