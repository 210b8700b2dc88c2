using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// What a value of the intermediate representation is. Values form a sparse def-use graph: each use of a variable
/// refers to the values of the definitions that reach it (a <see cref="Phi"/> when there are several), so the
/// analysis needs no per-statement state.
/// </summary>
public enum IrOp : byte
{
    /// <summary>A constant (S: its text when a string).</summary>
    Const,
    /// <summary>Parameter A of the function.</summary>
    Param,
    /// <summary>Any one of the operands (several reaching definitions, `a or b`, a conditional expression).</summary>
    Phi,
    /// <summary>A string built from the operands in order (f-string, `+`, `%`, `.format` on a literal); constant parts are Const operands.</summary>
    Compose,
    /// <summary>
    /// A tuple, list, set or dict display: operand pairs (key string id or -1, value). With S 1, an object with members
    /// stored into it (`o.a = v`): the keys are whole field keys (`.a`, `[k]`) and the shape is not a container's.
    /// </summary>
    Container,
    /// <summary>Attribute S of operand 0 (N: index of the receiver's static types, or -1).</summary>
    LoadAttr,
    /// <summary>Item of operand 0 with constant key S (-1: not known; operand 1 is then the key value).</summary>
    LoadItem,
    /// <summary>The result of call A.</summary>
    Call,
    /// <summary>Operand 0 narrowed by guard N (a branch's condition).</summary>
    Refine,
    /// <summary>A library object or function by qualified name S (N: its static types).</summary>
    Global,
    /// <summary>A variable shared between functions (module variable, closure variable): key S.</summary>
    Cell,
    /// <summary>Function A of this module.</summary>
    FuncRef,
    /// <summary>A class by qualified name S.</summary>
    ClassRef,
    /// <summary>An item of operand 0: element S (-1: any item), for loops, unpacking, comprehensions.</summary>
    Element,
    /// <summary>
    /// Operand 0 with the other operands added to it as items (`x.append(v)`). S is 1 when the change shifts positions
    /// (`pop`, `insert`, `remove`, `reverse`, `sort`, and a deque's `appendleft`, `popleft`, `extendleft`): the items
    /// known by index are then known only as items. S is 2 for `append` and `extend`, which add after the last item:
    /// the items known by index stay where they are, and the added ones are not at any of those indices.
    /// </summary>
    Insert,
    /// <summary>Operand 0 with the kinds in N cleared (`{x!r}` for logs).</summary>
    Sanitize,
    /// <summary>A value nothing is known about and nothing flows into (an exception object).</summary>
    Unknown,
}

/// <summary>What kind of value, where it matters to a sink (a string returned from a Flask view is HTML).</summary>
public enum ValueShape : byte { Unknown, Str, Number, Container, Response, None }

public struct IrValue
{
    public IrOp Op;
    public ValueShape Shape;
    /// <summary>Operands start in <see cref="IrFunction.Operands"/>; or the parameter, call or function index.</summary>
    public int A;
    /// <summary>Operand count; or a guard, types or mask index, by op.</summary>
    public int N;
    /// <summary>A string id (attribute, key, qualified name, constant text); -1 for none.</summary>
    public int S;
    /// <summary>Index of the site (source location) that made the value; -1 for none.</summary>
    public int Site;
}

/// <summary>What happens at a site, for the steps of a reported flow.</summary>
public enum SiteKind : byte { Expression, Assignment, Call, Return, Store, Parameter, Yield }

/// <summary>A source location that made values: its offsets, what happens there, and a string id naming what it is about (the assigned name, the callee text), or -1.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
public record struct IrSite(int Start, int End, int Name, SiteKind Kind);

/// <summary>A function reference found where a callee or callback is expected.</summary>
public readonly record struct FunctionRef(int Local, string? Qualified, bool AsView)
{
    public static FunctionRef ToLocal(int index) => new(index, null, false);
    public static FunctionRef ToQualified(string q, bool asView = false) => new(-1, q, asView);
}

/// <summary>One call: its callee as far as the module knows it, and its arguments (values, constants, names).</summary>
public sealed class IrCall
{
    public int Result;
    public int Site;
    /// <summary>Import-resolved qualified name of the callee (`subprocess.run`, `db.find_user`), or a class of this module.</summary>
    public string? Callee;
    /// <summary>For `recv.m(...)` where recv is not a module: the method name.</summary>
    public string? Method;
    /// <summary>The ids of <see cref="Callee"/> and <see cref="Method"/> in the module's strings (-1 for none), for tables kept by string id.</summary>
    public int CalleeId = -1, MethodId = -1;
    public int Receiver = -1;
    /// <summary>Static types of the receiver (see <see cref="TypeResolver"/>).</summary>
    public string[] ReceiverTypes = [];
    /// <summary>Functions of this module it may call (a local def, a lambda, a constant dispatch table's entries).</summary>
    public int[] Targets = [];
    /// <summary>Positional argument values (for `*args`, the value of args with <see cref="StarredAt"/> set).</summary>
    public int[] Args = [];
    public int StarredAt = -1;
    public string?[] KeywordNames = [];
    public int[] KeywordValues = [];
    /// <summary>Constant values of the positional, then the keyword arguments (null when not constant); empty when none is (<see cref="ConstantAt"/>).</summary>
    public ConstValue?[] Constants = [];
    /// <summary>Qualified names of arguments that are dotted names (`yaml.SafeLoader`), positional then keyword; empty when none is.</summary>
    public string?[] Names = [];
    /// <summary>Function references among the arguments (callbacks, views), positional then keyword; null when not one, empty when none is.</summary>
    public FunctionRef?[] Refs = [];

    /// <summary>The constant value of argument <paramref name="i"/> (positional, then keyword), null when not constant.</summary>
    public ConstValue? ConstantAt(int i) => (uint)i < (uint)Constants.Length ? Constants[i] : null;
    /// <summary>The qualified name of argument <paramref name="i"/> when it is a dotted name.</summary>
    public string? NameAt(int i) => (uint)i < (uint)Names.Length ? Names[i] : null;
    /// <summary>The function argument <paramref name="i"/> refers to.</summary>
    public FunctionRef? RefAt(int i) => (uint)i < (uint)Refs.Length ? Refs[i] : null;
    /// <summary>For a `functools.partial` call: bound arguments are the first positional ones and the keywords.</summary>
    public bool IsPartial;

    public int ArgCount => Args.Length + KeywordValues.Length;
}

/// <summary>
/// What an effect does. StoreKey: a key computed at run time, `session[name] = v` (Value is the key), checked
/// against the sinks of the container's items only: an attacker choosing which entry of a trusted store is set
/// crosses the trust boundary as much as choosing its value.
/// </summary>
public enum EffectKind : byte { Return, Yield, StoreAttr, StoreItem, StoreCell, StoreKey }

/// <summary>Something a function does beyond computing values: returns, and stores into objects or shared variables.</summary>
public struct IrEffect
{
    public EffectKind Kind;
    /// <summary>The object stored into (-1 for returns and cells).</summary>
    public int Object;
    public int Value;
    /// <summary>Attribute name, constant key (-1: unknown) or cell key; for a return, the content type its response tuple declares (-1: none).</summary>
    public int S;
    /// <summary>Static types of the object (index into the module's type lists), -1 for none.</summary>
    public int Types;
    public int Site;
}

/// <summary>What a branch condition tells about a variable: the kinds it is safe for after it.</summary>
/// <param name="Collection">For membership in a collection the code computes (`if name not in self.plugins: abort()`):
/// the value of that collection, -1 for none. The variable is then one of its items: it holds what the collection
/// holds instead of its own taint, so it is safe exactly where the collection is.</param>
public readonly record struct IrGuard(uint Clears, bool NeedsNormalised, int Collection = -1);

public enum ParameterKind : byte { Positional, VarArgs, KeywordOnly, VarKeywords }

public sealed class IrParam
{
    public required string Name;
    public int Index;
    public ParameterKind Kind;
    /// <summary>The annotation's type (qualified), when it names one.</summary>
    public string? Annotation;
    /// <summary>Qualified names appearing in the annotation (`typing.Literal`, `int`, an Enum class…).</summary>
    public string[] AnnotationNames = [];
    /// <summary>The default is a call (`Query(...)`, `Depends(f)`): its callee, keyword constants and first argument's reference.</summary>
    public string? DefaultCallee { get => _call?.Callee; set { if (value is not null || _call is not null) (_call ??= new()).Callee = value; } }
    public Dictionary<string, ConstValue>? DefaultKeywords { get => _call?.Keywords; set { if (value is not null || _call is not null) (_call ??= new()).Keywords = value; } }
    public FunctionRef? DefaultTarget { get => _call?.Target; set { if (value is not null || _call is not null) (_call ??= new()).Target = value; } }

    /// <summary>
    /// What a default that is a call gives, apart: few parameters have one (FastAPI's), and its three fields inline cost
    /// every parameter 40 bytes (212,000 of them on site-packages, kept through the project phase).
    /// </summary>
    sealed class DefaultCall
    {
        public string? Callee;
        public Dictionary<string, ConstValue>? Keywords;
        public FunctionRef? Target;
    }

    DefaultCall? _call;
    public bool HasDefault;
    /// <summary>The default is `True` or `False`: a flag (`password: bool = False`), whatever its name says.</summary>
    public bool DefaultIsBool;
    public int Start, End;
}

/// <summary>A decorator: its callee (or the receiver's types and method), and its constant arguments.</summary>
public sealed class IrDecorator
{
    public string? Callee;
    public string? Method;
    public string[] ReceiverTypes = [];
    public ConstValue?[] Constants = [];
    public Dictionary<string, ConstValue>? Keywords;
    /// <summary>Keyword arguments that name something (`response_class=HTMLResponse`): the import-resolved qualified name.</summary>
    public Dictionary<string, string>? KeywordNames;
    public bool IsCall;
}

public enum FunctionKind : byte { Module, ClassBody, Function, Lambda }

public sealed class IrFunction
{
    public int Index;
    public required string Name;
    /// <summary>Dotted path within the module: `Repo.find`, `&lt;module&gt;`, `f.&lt;lambda&gt;`.</summary>
    public required string Path;
    public FunctionKind Kind;
    /// <summary>The class whose method (or body) this is, -1 otherwise.</summary>
    public int Class = -1;
    public int Parent = -1;
    public IrParam[] Params = [];
    public IrDecorator[] Decorators = [];
    /// <summary>
    /// What it computes and does: values, operands, calls, effects, guards and sites. An unpacked module keeps them packed
    /// (<see cref="PackedModule.BodyTable"/>) and a function reads its own when first asked: as objects and arrays they
    /// were most of the project phase's heap, and each step needs one function's at a time. A step lets a function's
    /// go when done with it (<see cref="Release"/>); set directly (lowering), they stay.
    /// </summary>
    internal sealed class IrBody
    {
        public IrValue[] Values = [];
        public int[] Operands = [];
        public IrCall[] Calls = [];
        public IrEffect[] Effects = [];
        public IrGuard[] Guards = [];
        public IrSite[] Sites = [];
    }

    IrBody? _body = new();
    PackedModule.BodyTable? _table;
    int _bodyAt;

    IrBody Body => Volatile.Read(ref _body) ?? ReadBody();

    IrBody ReadBody()
    {
        var read = _table!.Read(_bodyAt);
        return Interlocked.CompareExchange(ref _body, read, null) ?? read;
    }

    /// <summary>The body to change: read first when packed, then no longer let go.</summary>
    IrBody Own()
    {
        var body = Body;
        _table = null;
        return body;
    }

    internal void SetPackedBody(PackedModule.BodyTable table, int at)
    {
        _table = table;
        _bodyAt = at;
        Volatile.Write(ref _body, null);
    }

    /// <summary>
    /// Whether a call has a callee or method name <paramref name="named"/> accepts; a packed body not in memory is
    /// asked without reading its calls.
    /// </summary>
    public bool AnyCallNamed(Func<string?, string?, bool> named)
    {
        if (Volatile.Read(ref _body) is { } body)
        {
            foreach (var c in body.Calls)
                if (named(c.Callee, c.Method)) return true;
            return false;
        }
        return _table!.AnyCallNamed(_bodyAt, named);
    }

    /// <summary>Reads its body now if it is packed and not in memory (<see cref="BodyPrefetcher"/>).</summary>
    internal void Read() => _ = Body;

    /// <summary>Whether its body is in memory now (read, or set directly).</summary>
    internal bool BodyInMemory => Volatile.Read(ref _body) is not null;

    /// <summary>Lets go of a body read from the packed module (it is read again when asked for); a body set directly stays.</summary>
    public void Release()
    {
        if (_table is not null) Volatile.Write(ref _body, null);
    }

    public IrValue[] Values { get => Body.Values; set => Own().Values = value; }
    public int[] Operands { get => Body.Operands; set => Own().Operands = value; }
    public IrCall[] Calls { get => Body.Calls; set => Own().Calls = value; }
    public IrEffect[] Effects { get => Body.Effects; set => Own().Effects = value; }
    public IrGuard[] Guards { get => Body.Guards; set => Own().Guards = value; }
    public IrSite[] Sites { get => Body.Sites; set => Own().Sites = value; }
    public bool IsGenerator, IsAsync, IsStatic, IsClassMethod;
    /// <summary>Static types of the values it returns (as the module wrote them).</summary>
    public string[] ReturnTypes = [];
    /// <summary>Offsets of the definition's name, for messages and fingerprints.</summary>
    public int Start, End;

    /// <summary>The operands of a Phi, Compose, Container (pairs), Insert or LoadItem; other ops have one, at <see cref="IrValue.A"/>.</summary>
    public ReadOnlySpan<int> OperandsOf(in IrValue v) => Operands.AsSpan(v.A, v.Op == IrOp.Container ? v.N * 2 : v.N);
}

public sealed class IrClass
{
    public int Index;
    public required string Name;
    public required string Path;
    public int Body = -1;
    public List<int> Methods = [];
    /// <summary>Base classes: qualified names (import-resolved, or this module's classes by qualified name).</summary>
    public string[] Bases = [];
    public string[] Decorators = [];
    /// <summary>The decorators that are calls, lowered as a function's are (`@ns.route("/todos/<int:id>")` on a resource class).</summary>
    public IrDecorator[] CallDecorators = [];
    /// <summary>Annotated class-level fields in order (a dataclass's constructor parameters), with their annotation types.</summary>
    public List<(string Name, string? Type, bool HasDefault)> Fields = [];
    /// <summary>Static types of attributes assigned in the class body or on `self` in its methods.</summary>
    public Dictionary<string, string[]> FieldTypes = new(StringComparer.Ordinal);
    /// <summary>Fields a validating model constrains by a regular expression (`constr(pattern=…)`, `Field(pattern=…)`): the pattern.</summary>
    public Dictionary<string, string>? FieldPatterns;
}

public enum ExportKind : byte { Function, Class, Import, Variable, Module }

/// <summary>A name a module binds at its top level, as other modules importing it see it.</summary>
public readonly record struct Export(ExportKind Kind, int Index, string? Target, string[] Types)
{
    /// <summary>For a variable holding a constant table of functions (a dispatch table): those functions.</summary>
    public int[] Functions { get; init; } = [];
}

/// <summary>A module lowered for the taint analysis: no syntax tree, only what the project phase needs.</summary>
public sealed class ModuleIr
{
    public required string Path;
    public string? ModuleName;
    public bool IsPackage;
    /// <summary>The module's dotted name, or `file:` and its path for files outside any importable package.</summary>
    public required string Key;
    /// <summary>The strings its IR names by id. Unpacked, a view of the front of the packed module's string table (<see cref="PackedModule.BodyTable"/>).</summary>
    public required ArraySegment<string> Strings;
    public required string[][] TypeLists;
    public required IrFunction[] Functions;
    public required IrClass[] Classes;
    public required Dictionary<string, Export> Exports;
    public required string[] StarImports;
    /// <summary>The modules it imports, in ordinal order (modules importing the same ones share one array once unpacked).</summary>
    public required string[] ImportedModules;
    /// <summary>Its functions' bodies, still packed, when it was unpacked (<see cref="PackedModule.BodyTable"/>).</summary>
    internal PackedModule.BodyTable? Bodies { get; init; }

    public string Str(int id) => id >= 0 ? Strings[id] : "";

    /// <summary>The innermost function around an offset (null at module or class level): where a flow's source or sink sits.</summary>
    public IrFunction? FunctionAround(int offset)
    {
        IrFunction? best = null;
        foreach (var f in Functions)
        {
            if (f.Kind is FunctionKind.Module or FunctionKind.ClassBody || offset < f.Start || offset >= f.End) continue;
            if (best is null || f.End - f.Start < best.End - best.Start) best = f;
        }
        return best;
    }
    public string[] TypesAt(int id) => id >= 0 ? TypeLists[id] : [];
}
