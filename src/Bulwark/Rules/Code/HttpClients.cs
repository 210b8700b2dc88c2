using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>The HTTP client calls B113 and B501 look at: `requests` and `httpx` request functions.</summary>
static class HttpClients
{
    static readonly HashSet<string> HttpVerbs = ["get", "options", "head", "post", "put", "patch", "delete"];
    static readonly HashSet<string> HttpxCallables = ["get", "options", "head", "post", "put", "patch", "delete", "request", "stream", "Client", "AsyncClient"];

    /// <summary>`requests` or `httpx` when the call is one of their request functions (resolved through imports), else null.</summary>
    public static string? Library(CallSite call)
    {
        if (call.QualifiedName is not { } q) return null;
        int dot = q.IndexOf('.');
        if (dot < 0) return null;
        var root = q[..dot];
        var last = q[(q.LastIndexOf('.') + 1)..];
        if (root == "requests" && HttpVerbs.Contains(last)) return "requests";
        if (root == "httpx" && HttpxCallables.Contains(last)) return "httpx";
        return null;
    }
}
