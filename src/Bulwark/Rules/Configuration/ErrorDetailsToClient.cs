using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG402 — a web view answering an unexpected error with its traceback or message.</summary>
public sealed class ErrorDetailsToClient : CodeRule
{
    static readonly HashSet<string> ResponseMakers = new(StringComparer.Ordinal)
    {
        "jsonify", "make_response", "Response", "HttpResponse", "JsonResponse", "HttpResponseServerError",
        "HttpResponseBadRequest", "JSONResponse", "PlainTextResponse", "HTMLResponse", "ORJSONResponse", "UJSONResponse",
        "HTTPException", "abort", "render_template", "render",
    };

    static readonly string[] TracebackFunctions = ["traceback.format_exc", "traceback.format_exception", "traceback.format_tb", "traceback.format_stack"];

    public override RuleInfo Info { get; } = new(
        Id: "CFG402", Name: "error-details-to-client", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 209,
        What: """
            In a module of a Flask, Django, FastAPI or Starlette application, inside an `except` block: a `return` or
            `raise` whose response (`jsonify`, `HttpResponse`, `JSONResponse`, `HTTPException(detail=…)`, a Flask
            `(body, status)` tuple, or any value returned from a route handler) contains `traceback.format_exc()`
            (any exception), or the caught exception itself (`str(e)`, `f"{e}"`, `e.args`) when the handler catches
            everything (`except Exception`, `except BaseException`, bare `except`). Narrow handlers such as
            `except ValueError as e: return {"error": str(e)}, 400` report validation messages on purpose and are left alone.
            """,
        Why: """
            Tracebacks and messages of unexpected errors reveal file paths, library versions, SQL, internal host names
            and sometimes data or credentials, and tell an attacker exactly which input broke what.
            """,
        Example: """
            @app.route("/orders")
            def orders():
                try:
                    return jsonify(load_orders())
                except Exception as e:
                    return jsonify(error=str(e), trace=traceback.format_exc()), 500
            """,
        Fix: """
            @app.route("/orders")
            def orders():
                try:
                    return jsonify(load_orders())
                except Exception:
                    app.logger.exception("loading orders failed")   # details go to the log
                    return jsonify(error="internal error"), 500      # the client gets a generic message
            """,
        References: ["https://owasp.org/www-community/Improper_Error_Handling",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html"])
    {
        Compliance = Compliance.ErrorHandling,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Return, NodeKind.Raise];

    public override void Check(Node node, CodeContext context)
    {
        var model = context.Semantic;
        if (!(model.IsImported("flask") || model.IsImported("django") || model.IsImported("fastapi") || model.IsImported("starlette"))) return;
        var value = node switch { Return r => r.Value, Raise x => x.Exc, _ => null };
        if (value is null) return;
        var handler = EnclosingHandler(node, model);
        if (handler is null) return;
        bool broad = handler.Type is null || model.QualifiedName(handler.Type) is "Exception" or "BaseException";
        if (!IsResponse(value, node, model)) return;
        var leak = FindLeak(value, broad ? handler.Name : null, model);
        if (leak is null || OnlyInDebug(leak, node, model)) return;
        context.Report(this, leak, leak is Call
            ? "A traceback is sent to the client: it reveals code paths, versions and data; log it and return a generic message."
            : "The message of an unexpected exception is sent to the client: log it and return a generic message.");
    }

    /// <summary>`traceback.format_exc() if settings.DEBUG else "error"`: details only while debugging.</summary>
    static bool OnlyInDebug(Node leak, Node statement, SemanticModel model)
    {
        for (var p = model.Parent(leak); p is not null && !ReferenceEquals(p, statement); p = model.Parent(p))
            if (p is IfExp { Test: var test } && MentionsDebug(test)) return true;
        return false;
    }

    static bool MentionsDebug(Expr test) => test switch
    {
        Name n => n.Id.Contains("debug", StringComparison.OrdinalIgnoreCase),
        AttributeExpr a => a.Attr.Contains("debug", StringComparison.OrdinalIgnoreCase) || MentionsDebug(a.Value),
        UnaryOp u => MentionsDebug(u.Operand),
        BoolOp b => b.Values.Any(MentionsDebug),
        Compare c => MentionsDebug(c.Left),
        Call c => MentionsDebug(c.Func),
        _ => false,
    };

    static ExceptHandler? EnclosingHandler(Node node, SemanticModel model)
    {
        for (var p = model.Parent(node); p is not null; p = model.Parent(p))
        {
            if (p is ExceptHandler h) return h;
            if (p is FunctionDef or Lambda or ClassDef) return null;
        }
        return null;
    }

    /// <summary>The value reaches the client: a response object, a Flask (body, status) tuple, or the return value of a route handler.</summary>
    static bool IsResponse(Expr value, Node statement, SemanticModel model)
    {
        if (value is Call c && SemanticModel.SimpleName(c.Func) is { } name && ResponseMakers.Contains(name)) return true;
        if (value is TupleExpr { Elts.Count: >= 2 } t && t.Elts[1] is Constant { ValueKind: ConstantKind.Int }) return true;
        return statement is Return && model.EnclosingFunction(statement) is FunctionDef f && IsRouteHandler(f);
    }

    static bool IsRouteHandler(FunctionDef f)
    {
        foreach (var d in f.DecoratorList)
        {
            var func = d is Call c ? c.Func : d;
            if (SemanticModel.SimpleName(func) is "route" or "get" or "post" or "put" or "patch" or "delete" or "api_view" or "websocket") return true;
        }
        return false;
    }

    /// <summary>A traceback call, or a use of the caught exception, inside the value.</summary>
    static Node? FindLeak(Expr value, string? exceptionName, SemanticModel model)
    {
        var finder = new LeakFinder(exceptionName, model);
        finder.Visit(value);
        return finder.Found;
    }

    sealed class LeakFinder(string? exceptionName, SemanticModel model) : AstWalker
    {
        public Node? Found;

        public override void Visit(Node node)
        {
            if (Found is not null) return;
            switch (node)
            {
                case Call c when model.QualifiedName(c.Func) is { } q && Array.IndexOf(TracebackFunctions, q) >= 0:
                    Found = c;
                    return;
                case Name n when exceptionName is not null && n.Id == exceptionName:
                    Found = n;
                    return;
                case Lambda or FunctionDef:
                    return;
            }
            base.Visit(node);
        }
    }
}
