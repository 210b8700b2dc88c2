using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>What B110 and B112 ask of an exception handler.</summary>
static class ExceptHandlers
{
    /// <summary>Bandit's test: a bare `except:` or one naming `Exception` (a tuple or another type is "typed").</summary>
    public static bool CatchesBroadly(ExceptHandler handler, bool checkTyped) =>
        checkTyped || handler.Type is null || handler.Type is Name { Id: "Exception" };
}
