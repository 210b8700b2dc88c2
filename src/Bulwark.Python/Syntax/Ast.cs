using System.Numerics;

namespace Bulwark.Python.Syntax;

// The tree mirrors CPython's `ast` module (Python.asdl, 3.14): same node kinds, same fields, same order.
// Positions are kept as UTF-16 character offsets into the decoded source (Start inclusive, End exclusive);
// SourceText converts them to CPython's (line, UTF-8 byte column) pairs when needed.
// C# names that would clash with System types carry a suffix (AttributeExpr, TupleExpr, ListExpr, SetExpr,
// DictExpr, MatchStmt, ExprStmt); NodeKind keeps CPython's names.
// Operators, comparison operators and expression contexts are enums rather than nodes.

public abstract class Node
{
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>
    /// The node this one is a child of, filled in by whoever first walks the whole tree for it (the semantic model's
    /// binder); null for the module and before any such walk. A field rather than a side table: one store per node.
    /// </summary>
    public Node? Parent { get; set; }
    public abstract NodeKind Kind { get; }
    /// <summary>Calls <see cref="AstWalker.Visit"/> for each child node, in CPython field order.</summary>
    public abstract void WalkChildren(AstWalker walker);

    protected static void Walk(AstWalker w, Node? n) { if (n is not null) w.Visit(n); }
    protected static void Walk<T>(AstWalker w, IReadOnlyList<T> list) where T : Node
    {
        // The parser's child lists are arrays: indexed directly, not through the interface (two calls per child). An
        // array that is an IReadOnlyList<T> holds T or a subclass of it, all nodes, so it is read as a Node[] without
        // the covariant cast `is Node[]` would check element type by element type (a runtime helper call per list).
        if (list is Array)
        {
            foreach (var n in System.Runtime.CompilerServices.Unsafe.As<Node[]>(list)) w.Visit(n);
            return;
        }
        for (int i = 0; i < list.Count; i++) w.Visit(list[i]);
    }
    protected static void WalkOpt<T>(AstWalker w, IReadOnlyList<T?> list) where T : Node
    {
        for (int i = 0; i < list.Count; i++) if (list[i] is { } n) w.Visit(n);
    }
}

/// <summary>Depth-first walker. Override <see cref="Visit"/> and call base to descend.</summary>
public abstract class AstWalker
{
    public virtual void Visit(Node node) => node.WalkChildren(this);
}

public enum NodeKind
{
    // mod
    Module, Interactive, Expression, FunctionType,
    // stmt
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, TypeAlias, AugAssign, AnnAssign,
    For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
    Global, Nonlocal, Expr, Pass, Break, Continue,
    // expr
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp, GeneratorExp,
    Await, Yield, YieldFrom, Compare, Call, FormattedValue, Interpolation, JoinedStr, TemplateStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
    // others
    Comprehension, ExceptHandler, Arguments, Arg, Keyword, Alias, WithItem, MatchCase,
    MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr,
    TypeIgnore, TypeVar, ParamSpec, TypeVarTuple,
}

public enum ExprContext { Load, Store, Del }
public enum BoolOperator { And, Or }
public enum Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv }
public enum UnaryOperator { Invert, Not, UAdd, USub }
public enum CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn }

// ───────────────────────────── mod ─────────────────────────────

public abstract class Mod : Node { }

public sealed class Module(IReadOnlyList<Stmt> body, IReadOnlyList<TypeIgnore> typeIgnores) : Mod
{
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<TypeIgnore> TypeIgnores { get; } = typeIgnores;
    public override NodeKind Kind => NodeKind.Module;
    public override void WalkChildren(AstWalker w) { Walk(w, Body); Walk(w, TypeIgnores); }
}

public sealed class Interactive(IReadOnlyList<Stmt> body) : Mod
{
    public IReadOnlyList<Stmt> Body { get; } = body;
    public override NodeKind Kind => NodeKind.Interactive;
    public override void WalkChildren(AstWalker w) => Walk(w, Body);
}

public sealed class Expression(Expr body) : Mod
{
    public Expr Body { get; } = body;
    public override NodeKind Kind => NodeKind.Expression;
    public override void WalkChildren(AstWalker w) => Walk(w, Body);
}

public sealed class FunctionType(IReadOnlyList<Expr> argTypes, Expr returns) : Mod
{
    public IReadOnlyList<Expr> ArgTypes { get; } = argTypes;
    public Expr Returns { get; } = returns;
    public override NodeKind Kind => NodeKind.FunctionType;
    public override void WalkChildren(AstWalker w) { Walk(w, ArgTypes); Walk(w, Returns); }
}

// ───────────────────────────── stmt ─────────────────────────────

public abstract class Stmt : Node { }

/// <summary>FunctionDef and AsyncFunctionDef share one class; <see cref="IsAsync"/> tells them apart.</summary>
public sealed class FunctionDef(
    bool isAsync, string name, Arguments args, IReadOnlyList<Stmt> body, IReadOnlyList<Expr> decoratorList,
    Expr? returns, string? typeComment, IReadOnlyList<TypeParam> typeParams) : Stmt
{
    public bool IsAsync { get; } = isAsync;
    public string Name { get; } = name;
    public Arguments Args { get; } = args;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<Expr> DecoratorList { get; } = decoratorList;
    public Expr? Returns { get; } = returns;
    public string? TypeComment { get; } = typeComment;
    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;
    public override NodeKind Kind => IsAsync ? NodeKind.AsyncFunctionDef : NodeKind.FunctionDef;
    public override void WalkChildren(AstWalker w)
    {
        Walk(w, Args); Walk(w, Body); Walk(w, DecoratorList); Walk(w, Returns); Walk(w, TypeParams);
    }
}

public sealed class ClassDef(
    string name, IReadOnlyList<Expr> bases, IReadOnlyList<Keyword> keywords, IReadOnlyList<Stmt> body,
    IReadOnlyList<Expr> decoratorList, IReadOnlyList<TypeParam> typeParams) : Stmt
{
    public string Name { get; } = name;
    public IReadOnlyList<Expr> Bases { get; } = bases;
    public IReadOnlyList<Keyword> Keywords { get; } = keywords;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<Expr> DecoratorList { get; } = decoratorList;
    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;
    public override NodeKind Kind => NodeKind.ClassDef;
    public override void WalkChildren(AstWalker w)
    {
        Walk(w, Bases); Walk(w, Keywords); Walk(w, Body); Walk(w, DecoratorList); Walk(w, TypeParams);
    }
}

public sealed class Return(Expr? value) : Stmt
{
    public Expr? Value { get; } = value;
    public override NodeKind Kind => NodeKind.Return;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Delete(IReadOnlyList<Expr> targets) : Stmt
{
    public IReadOnlyList<Expr> Targets { get; } = targets;
    public override NodeKind Kind => NodeKind.Delete;
    public override void WalkChildren(AstWalker w) => Walk(w, Targets);
}

public sealed class Assign(IReadOnlyList<Expr> targets, Expr value, string? typeComment) : Stmt
{
    public IReadOnlyList<Expr> Targets { get; } = targets;
    public Expr Value { get; } = value;
    public string? TypeComment { get; } = typeComment;
    public override NodeKind Kind => NodeKind.Assign;
    public override void WalkChildren(AstWalker w) { Walk(w, Targets); Walk(w, Value); }
}

public sealed class TypeAlias(Expr name, IReadOnlyList<TypeParam> typeParams, Expr value) : Stmt
{
    public Expr Name { get; } = name;
    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.TypeAlias;
    public override void WalkChildren(AstWalker w) { Walk(w, Name); Walk(w, TypeParams); Walk(w, Value); }
}

public sealed class AugAssign(Expr target, Operator op, Expr value) : Stmt
{
    public Expr Target { get; } = target;
    public Operator Op { get; } = op;
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.AugAssign;
    public override void WalkChildren(AstWalker w) { Walk(w, Target); Walk(w, Value); }
}

public sealed class AnnAssign(Expr target, Expr annotation, Expr? value, bool simple) : Stmt
{
    public Expr Target { get; } = target;
    public Expr Annotation { get; } = annotation;
    public Expr? Value { get; } = value;
    /// <summary>CPython's `simple` (1 for a bare name target not in parentheses).</summary>
    public bool Simple { get; } = simple;
    public override NodeKind Kind => NodeKind.AnnAssign;
    public override void WalkChildren(AstWalker w) { Walk(w, Target); Walk(w, Annotation); Walk(w, Value); }
}

/// <summary>For and AsyncFor.</summary>
public sealed class For(bool isAsync, Expr target, Expr iter, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orelse, string? typeComment) : Stmt
{
    public bool IsAsync { get; } = isAsync;
    public Expr Target { get; } = target;
    public Expr Iter { get; } = iter;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<Stmt> Orelse { get; } = orelse;
    public string? TypeComment { get; } = typeComment;
    public override NodeKind Kind => IsAsync ? NodeKind.AsyncFor : NodeKind.For;
    public override void WalkChildren(AstWalker w) { Walk(w, Target); Walk(w, Iter); Walk(w, Body); Walk(w, Orelse); }
}

public sealed class While(Expr test, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orelse) : Stmt
{
    public Expr Test { get; } = test;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<Stmt> Orelse { get; } = orelse;
    public override NodeKind Kind => NodeKind.While;
    public override void WalkChildren(AstWalker w) { Walk(w, Test); Walk(w, Body); Walk(w, Orelse); }
}

public sealed class If(Expr test, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orelse) : Stmt
{
    public Expr Test { get; } = test;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<Stmt> Orelse { get; } = orelse;
    public override NodeKind Kind => NodeKind.If;
    public override void WalkChildren(AstWalker w) { Walk(w, Test); Walk(w, Body); Walk(w, Orelse); }
}

/// <summary>With and AsyncWith.</summary>
public sealed class With(bool isAsync, IReadOnlyList<WithItem> items, IReadOnlyList<Stmt> body, string? typeComment) : Stmt
{
    public bool IsAsync { get; } = isAsync;
    public IReadOnlyList<WithItem> Items { get; } = items;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public string? TypeComment { get; } = typeComment;
    public override NodeKind Kind => IsAsync ? NodeKind.AsyncWith : NodeKind.With;
    public override void WalkChildren(AstWalker w) { Walk(w, Items); Walk(w, Body); }
}

public sealed class MatchStmt(Expr subject, IReadOnlyList<MatchCase> cases) : Stmt
{
    public Expr Subject { get; } = subject;
    public IReadOnlyList<MatchCase> Cases { get; } = cases;
    public override NodeKind Kind => NodeKind.Match;
    public override void WalkChildren(AstWalker w) { Walk(w, Subject); Walk(w, Cases); }
}

public sealed class Raise(Expr? exc, Expr? cause) : Stmt
{
    public Expr? Exc { get; } = exc;
    public Expr? Cause { get; } = cause;
    public override NodeKind Kind => NodeKind.Raise;
    public override void WalkChildren(AstWalker w) { Walk(w, Exc); Walk(w, Cause); }
}

/// <summary>Try and TryStar (`except*`).</summary>
public sealed class Try(bool isStar, IReadOnlyList<Stmt> body, IReadOnlyList<ExceptHandler> handlers, IReadOnlyList<Stmt> orelse, IReadOnlyList<Stmt> finalbody) : Stmt
{
    public bool IsStar { get; } = isStar;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public IReadOnlyList<ExceptHandler> Handlers { get; } = handlers;
    public IReadOnlyList<Stmt> Orelse { get; } = orelse;
    public IReadOnlyList<Stmt> Finalbody { get; } = finalbody;
    public override NodeKind Kind => IsStar ? NodeKind.TryStar : NodeKind.Try;
    public override void WalkChildren(AstWalker w) { Walk(w, Body); Walk(w, Handlers); Walk(w, Orelse); Walk(w, Finalbody); }
}

public sealed class Assert(Expr test, Expr? msg) : Stmt
{
    public Expr Test { get; } = test;
    public Expr? Msg { get; } = msg;
    public override NodeKind Kind => NodeKind.Assert;
    public override void WalkChildren(AstWalker w) { Walk(w, Test); Walk(w, Msg); }
}

public sealed class Import(IReadOnlyList<Alias> names) : Stmt
{
    public IReadOnlyList<Alias> Names { get; } = names;
    public override NodeKind Kind => NodeKind.Import;
    public override void WalkChildren(AstWalker w) => Walk(w, Names);
}

public sealed class ImportFrom(string? module, IReadOnlyList<Alias> names, int level) : Stmt
{
    public string? Module { get; } = module;
    public IReadOnlyList<Alias> Names { get; } = names;
    public int Level { get; } = level;
    public override NodeKind Kind => NodeKind.ImportFrom;
    public override void WalkChildren(AstWalker w) => Walk(w, Names);
}

public sealed class Global(IReadOnlyList<string> names) : Stmt
{
    public IReadOnlyList<string> Names { get; } = names;
    public override NodeKind Kind => NodeKind.Global;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class Nonlocal(IReadOnlyList<string> names) : Stmt
{
    public IReadOnlyList<string> Names { get; } = names;
    public override NodeKind Kind => NodeKind.Nonlocal;
    public override void WalkChildren(AstWalker w) { }
}

/// <summary>CPython's `Expr` statement (an expression used as a statement).</summary>
public sealed class ExprStmt(Expr value) : Stmt
{
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.Expr;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Pass : Stmt
{
    public override NodeKind Kind => NodeKind.Pass;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class Break : Stmt
{
    public override NodeKind Kind => NodeKind.Break;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class Continue : Stmt
{
    public override NodeKind Kind => NodeKind.Continue;
    public override void WalkChildren(AstWalker w) { }
}

// ───────────────────────────── expr ─────────────────────────────

public abstract class Expr : Node { }

public sealed class BoolOp(BoolOperator op, IReadOnlyList<Expr> values) : Expr
{
    public BoolOperator Op { get; } = op;
    public IReadOnlyList<Expr> Values { get; } = values;
    public override NodeKind Kind => NodeKind.BoolOp;
    public override void WalkChildren(AstWalker w) => Walk(w, Values);
}

public sealed class NamedExpr(Expr target, Expr value) : Expr
{
    public Expr Target { get; } = target;
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.NamedExpr;
    public override void WalkChildren(AstWalker w) { Walk(w, Target); Walk(w, Value); }
}

public sealed class BinOp(Expr left, Operator op, Expr right) : Expr
{
    public Expr Left { get; } = left;
    public Operator Op { get; } = op;
    public Expr Right { get; } = right;
    public override NodeKind Kind => NodeKind.BinOp;
    public override void WalkChildren(AstWalker w) { Walk(w, Left); Walk(w, Right); }
}

public sealed class UnaryOp(UnaryOperator op, Expr operand) : Expr
{
    public UnaryOperator Op { get; } = op;
    public Expr Operand { get; } = operand;
    public override NodeKind Kind => NodeKind.UnaryOp;
    public override void WalkChildren(AstWalker w) => Walk(w, Operand);
}

public sealed class Lambda(Arguments args, Expr body) : Expr
{
    public Arguments Args { get; } = args;
    public Expr Body { get; } = body;
    public override NodeKind Kind => NodeKind.Lambda;
    public override void WalkChildren(AstWalker w) { Walk(w, Args); Walk(w, Body); }
}

public sealed class IfExp(Expr test, Expr body, Expr orelse) : Expr
{
    public Expr Test { get; } = test;
    public Expr Body { get; } = body;
    public Expr Orelse { get; } = orelse;
    public override NodeKind Kind => NodeKind.IfExp;
    public override void WalkChildren(AstWalker w) { Walk(w, Test); Walk(w, Body); Walk(w, Orelse); }
}

/// <summary>Keys hold null for `**mapping` entries, as in CPython.</summary>
public sealed class DictExpr(IReadOnlyList<Expr?> keys, IReadOnlyList<Expr> values) : Expr
{
    public IReadOnlyList<Expr?> Keys { get; } = keys;
    public IReadOnlyList<Expr> Values { get; } = values;
    public override NodeKind Kind => NodeKind.Dict;
    public override void WalkChildren(AstWalker w)
    {
        for (int i = 0; i < Values.Count; i++) { Walk(w, Keys[i]); w.Visit(Values[i]); }
    }
}

public sealed class SetExpr(IReadOnlyList<Expr> elts) : Expr
{
    public IReadOnlyList<Expr> Elts { get; } = elts;
    public override NodeKind Kind => NodeKind.Set;
    public override void WalkChildren(AstWalker w) => Walk(w, Elts);
}

public sealed class ListComp(Expr elt, IReadOnlyList<Comprehension> generators) : Expr
{
    public Expr Elt { get; } = elt;
    public IReadOnlyList<Comprehension> Generators { get; } = generators;
    public override NodeKind Kind => NodeKind.ListComp;
    public override void WalkChildren(AstWalker w) { Walk(w, Elt); Walk(w, Generators); }
}

public sealed class SetComp(Expr elt, IReadOnlyList<Comprehension> generators) : Expr
{
    public Expr Elt { get; } = elt;
    public IReadOnlyList<Comprehension> Generators { get; } = generators;
    public override NodeKind Kind => NodeKind.SetComp;
    public override void WalkChildren(AstWalker w) { Walk(w, Elt); Walk(w, Generators); }
}

public sealed class DictComp(Expr key, Expr value, IReadOnlyList<Comprehension> generators) : Expr
{
    public Expr Key { get; } = key;
    public Expr Value { get; } = value;
    public IReadOnlyList<Comprehension> Generators { get; } = generators;
    public override NodeKind Kind => NodeKind.DictComp;
    public override void WalkChildren(AstWalker w) { Walk(w, Key); Walk(w, Value); Walk(w, Generators); }
}

public sealed class GeneratorExp(Expr elt, IReadOnlyList<Comprehension> generators) : Expr
{
    public Expr Elt { get; } = elt;
    public IReadOnlyList<Comprehension> Generators { get; } = generators;
    public override NodeKind Kind => NodeKind.GeneratorExp;
    public override void WalkChildren(AstWalker w) { Walk(w, Elt); Walk(w, Generators); }
}

public sealed class Await(Expr value) : Expr
{
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.Await;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Yield(Expr? value) : Expr
{
    public Expr? Value { get; } = value;
    public override NodeKind Kind => NodeKind.Yield;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class YieldFrom(Expr value) : Expr
{
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.YieldFrom;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Compare(Expr left, IReadOnlyList<CmpOperator> ops, IReadOnlyList<Expr> comparators) : Expr
{
    public Expr Left { get; } = left;
    public IReadOnlyList<CmpOperator> Ops { get; } = ops;
    public IReadOnlyList<Expr> Comparators { get; } = comparators;
    public override NodeKind Kind => NodeKind.Compare;
    public override void WalkChildren(AstWalker w) { Walk(w, Left); Walk(w, Comparators); }
}

public sealed class Call(Expr func, IReadOnlyList<Expr> args, IReadOnlyList<Keyword> keywords) : Expr
{
    public Expr Func { get; } = func;
    public IReadOnlyList<Expr> Args { get; } = args;
    public IReadOnlyList<Keyword> Keywords { get; } = keywords;
    public override NodeKind Kind => NodeKind.Call;
    public override void WalkChildren(AstWalker w) { Walk(w, Func); Walk(w, Args); Walk(w, Keywords); }
}

/// <summary>Conversion is -1 (none) or the code point of 's', 'r' or 'a', as in CPython.</summary>
public sealed class FormattedValue(Expr value, int conversion, Expr? formatSpec) : Expr
{
    public Expr Value { get; } = value;
    public int Conversion { get; } = conversion;
    public Expr? FormatSpec { get; } = formatSpec;
    public override NodeKind Kind => NodeKind.FormattedValue;
    public override void WalkChildren(AstWalker w) { Walk(w, Value); Walk(w, FormatSpec); }
}

/// <summary>PEP 750 (3.14): an interpolation inside a template string; Str is the expression's source text.</summary>
public sealed class Interpolation(Expr value, string str, int conversion, Expr? formatSpec) : Expr
{
    public Expr Value { get; } = value;
    public string Str { get; } = str;
    public int Conversion { get; } = conversion;
    public Expr? FormatSpec { get; } = formatSpec;
    public override NodeKind Kind => NodeKind.Interpolation;
    public override void WalkChildren(AstWalker w) { Walk(w, Value); Walk(w, FormatSpec); }
}

public sealed class JoinedStr(IReadOnlyList<Expr> values) : Expr
{
    public IReadOnlyList<Expr> Values { get; } = values;
    public override NodeKind Kind => NodeKind.JoinedStr;
    public override void WalkChildren(AstWalker w) => Walk(w, Values);
}

public sealed class TemplateStr(IReadOnlyList<Expr> values) : Expr
{
    public IReadOnlyList<Expr> Values { get; } = values;
    public override NodeKind Kind => NodeKind.TemplateStr;
    public override void WalkChildren(AstWalker w) => Walk(w, Values);
}

public enum ConstantKind { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes }

/// <summary>
/// A literal. <see cref="Value"/> holds: string (Str), byte[] (Bytes), BigInteger (Int), double (Float),
/// double — the imaginary part — (Complex), null otherwise. <see cref="StringKind"/> is CPython's `kind` ("u" or null).
/// </summary>
public sealed class Constant(ConstantKind valueKind, object? value, string? stringKind = null) : Expr
{
    public ConstantKind ValueKind { get; } = valueKind;
    public object? Value { get; } = value;
    public string? StringKind { get; } = stringKind;
    /// <summary>
    /// Indexes in a Str value of surrogate code units written as `\uD8xx` escapes: Python keeps those as separate
    /// code points even when two of them form a UTF-16 pair, so its repr differs. Null when there are none.
    /// </summary>
    public int[]? EscapedSurrogates { get; internal set; }
    public override NodeKind Kind => NodeKind.Constant;
    public override void WalkChildren(AstWalker w) { }

    public string? AsString => Value as string;
    public byte[]? AsBytes => Value as byte[];
    public BigInteger? AsInt => ValueKind == ConstantKind.Int ? (BigInteger)Value! : null;
    public bool IsTrue => ValueKind == ConstantKind.True;
    public bool IsFalse => ValueKind == ConstantKind.False;
    public bool IsNone => ValueKind == ConstantKind.None;
}

public sealed class AttributeExpr(Expr value, string attr, ExprContext ctx) : Expr
{
    public Expr Value { get; } = value;
    public string Attr { get; } = attr;
    public ExprContext Ctx { get; set; } = ctx;
    public override NodeKind Kind => NodeKind.Attribute;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Subscript(Expr value, Expr slice, ExprContext ctx) : Expr
{
    public Expr Value { get; } = value;
    public Expr Slice { get; } = slice;
    public ExprContext Ctx { get; set; } = ctx;
    public override NodeKind Kind => NodeKind.Subscript;
    public override void WalkChildren(AstWalker w) { Walk(w, Value); Walk(w, Slice); }
}

public sealed class Starred(Expr value, ExprContext ctx) : Expr
{
    public Expr Value { get; } = value;
    public ExprContext Ctx { get; set; } = ctx;
    public override NodeKind Kind => NodeKind.Starred;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Name(string id, ExprContext ctx) : Expr
{
    public string Id { get; } = id;
    public ExprContext Ctx { get; set; } = ctx;
    /// <summary>
    /// Where the semantic model that walked the tree recorded the scope the name is evaluated in: one more than that
    /// scope's index in the model, 0 before any model has seen it. A field rather than a side table, like
    /// <see cref="Node.Parent"/>: it fits in the padding of the object, and every name is looked up many times.
    /// </summary>
    public int ScopeSlot { get; set; }
    public override NodeKind Kind => NodeKind.Name;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class ListExpr(IReadOnlyList<Expr> elts, ExprContext ctx) : Expr
{
    public IReadOnlyList<Expr> Elts { get; } = elts;
    public ExprContext Ctx { get; set; } = ctx;
    public override NodeKind Kind => NodeKind.List;
    public override void WalkChildren(AstWalker w) => Walk(w, Elts);
}

public sealed class TupleExpr(IReadOnlyList<Expr> elts, ExprContext ctx) : Expr
{
    public IReadOnlyList<Expr> Elts { get; } = elts;
    public ExprContext Ctx { get; set; } = ctx;
    public override NodeKind Kind => NodeKind.Tuple;
    public override void WalkChildren(AstWalker w) => Walk(w, Elts);
}

public sealed class Slice(Expr? lower, Expr? upper, Expr? step) : Expr
{
    public Expr? Lower { get; } = lower;
    public Expr? Upper { get; } = upper;
    public Expr? Step { get; } = step;
    public override NodeKind Kind => NodeKind.Slice;
    public override void WalkChildren(AstWalker w) { Walk(w, Lower); Walk(w, Upper); Walk(w, Step); }
}

// ───────────────────────────── other nodes ─────────────────────────────

/// <summary>No position in CPython; Start/End are still set to the `for … in …` clause for diagnostics.</summary>
public sealed class Comprehension(Expr target, Expr iter, IReadOnlyList<Expr> ifs, bool isAsync) : Node
{
    public Expr Target { get; } = target;
    public Expr Iter { get; } = iter;
    public IReadOnlyList<Expr> Ifs { get; } = ifs;
    public bool IsAsync { get; } = isAsync;
    public override NodeKind Kind => NodeKind.Comprehension;
    public override void WalkChildren(AstWalker w) { Walk(w, Target); Walk(w, Iter); Walk(w, Ifs); }
}

public sealed class ExceptHandler(Expr? type, string? name, IReadOnlyList<Stmt> body) : Node
{
    public Expr? Type { get; } = type;
    public string? Name { get; } = name;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public override NodeKind Kind => NodeKind.ExceptHandler;
    public override void WalkChildren(AstWalker w) { Walk(w, Type); Walk(w, Body); }
}

/// <summary>KwDefaults holds null where a keyword-only argument has no default, as in CPython.</summary>
public sealed class Arguments(
    IReadOnlyList<Arg> posonlyargs, IReadOnlyList<Arg> args, Arg? vararg, IReadOnlyList<Arg> kwonlyargs,
    IReadOnlyList<Expr?> kwDefaults, Arg? kwarg, IReadOnlyList<Expr> defaults) : Node
{
    public IReadOnlyList<Arg> Posonlyargs { get; } = posonlyargs;
    public IReadOnlyList<Arg> Args { get; } = args;
    public Arg? Vararg { get; } = vararg;
    public IReadOnlyList<Arg> Kwonlyargs { get; } = kwonlyargs;
    public IReadOnlyList<Expr?> KwDefaults { get; } = kwDefaults;
    public Arg? Kwarg { get; } = kwarg;
    public IReadOnlyList<Expr> Defaults { get; } = defaults;
    public override NodeKind Kind => NodeKind.Arguments;
    public override void WalkChildren(AstWalker w)
    {
        Walk(w, Posonlyargs); Walk(w, Args); Walk(w, Vararg); Walk(w, Kwonlyargs);
        WalkOpt(w, KwDefaults); Walk(w, Kwarg); Walk(w, Defaults);
    }
}

public sealed class Arg(string name, Expr? annotation, string? typeComment) : Node
{
    /// <summary>CPython's `arg` field.</summary>
    public string Name { get; } = name;
    public Expr? Annotation { get; } = annotation;
    public string? TypeComment { get; } = typeComment;
    public override NodeKind Kind => NodeKind.Arg;
    public override void WalkChildren(AstWalker w) => Walk(w, Annotation);
}

/// <summary>Name is null for `**kwargs` unpacking.</summary>
public sealed class Keyword(string? name, Expr value) : Node
{
    /// <summary>CPython's `arg` field.</summary>
    public string? Name { get; } = name;
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.Keyword;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

public sealed class Alias(string name, string? asName) : Node
{
    public string Name { get; } = name;
    public string? AsName { get; } = asName;
    public override NodeKind Kind => NodeKind.Alias;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class WithItem(Expr contextExpr, Expr? optionalVars) : Node
{
    public Expr ContextExpr { get; } = contextExpr;
    public Expr? OptionalVars { get; } = optionalVars;
    public override NodeKind Kind => NodeKind.WithItem;
    public override void WalkChildren(AstWalker w) { Walk(w, ContextExpr); Walk(w, OptionalVars); }
}

public sealed class MatchCase(Pattern pattern, Expr? guard, IReadOnlyList<Stmt> body) : Node
{
    public Pattern Pattern { get; } = pattern;
    public Expr? Guard { get; } = guard;
    public IReadOnlyList<Stmt> Body { get; } = body;
    public override NodeKind Kind => NodeKind.MatchCase;
    public override void WalkChildren(AstWalker w) { Walk(w, Pattern); Walk(w, Guard); Walk(w, Body); }
}

public abstract class Pattern : Node { }

public sealed class MatchValue(Expr value) : Pattern
{
    public Expr Value { get; } = value;
    public override NodeKind Kind => NodeKind.MatchValue;
    public override void WalkChildren(AstWalker w) => Walk(w, Value);
}

/// <summary>Value is a Constant of kind None, True or False.</summary>
public sealed class MatchSingleton(Constant value) : Pattern
{
    public Constant Value { get; } = value;
    public override NodeKind Kind => NodeKind.MatchSingleton;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class MatchSequence(IReadOnlyList<Pattern> patterns) : Pattern
{
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;
    public override NodeKind Kind => NodeKind.MatchSequence;
    public override void WalkChildren(AstWalker w) => Walk(w, Patterns);
}

public sealed class MatchMapping(IReadOnlyList<Expr> keys, IReadOnlyList<Pattern> patterns, string? rest) : Pattern
{
    public IReadOnlyList<Expr> Keys { get; } = keys;
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;
    public string? Rest { get; } = rest;
    public override NodeKind Kind => NodeKind.MatchMapping;
    public override void WalkChildren(AstWalker w) { Walk(w, Keys); Walk(w, Patterns); }
}

public sealed class MatchClass(Expr cls, IReadOnlyList<Pattern> patterns, IReadOnlyList<string> kwdAttrs, IReadOnlyList<Pattern> kwdPatterns) : Pattern
{
    public Expr Cls { get; } = cls;
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;
    public IReadOnlyList<string> KwdAttrs { get; } = kwdAttrs;
    public IReadOnlyList<Pattern> KwdPatterns { get; } = kwdPatterns;
    public override NodeKind Kind => NodeKind.MatchClass;
    public override void WalkChildren(AstWalker w) { Walk(w, Cls); Walk(w, Patterns); Walk(w, KwdPatterns); }
}

public sealed class MatchStar(string? name) : Pattern
{
    public string? Name { get; } = name;
    public override NodeKind Kind => NodeKind.MatchStar;
    public override void WalkChildren(AstWalker w) { }
}

public sealed class MatchAs(Pattern? pattern, string? name) : Pattern
{
    public Pattern? Pattern { get; } = pattern;
    public string? Name { get; } = name;
    public override NodeKind Kind => NodeKind.MatchAs;
    public override void WalkChildren(AstWalker w) => Walk(w, Pattern);
}

public sealed class MatchOr(IReadOnlyList<Pattern> patterns) : Pattern
{
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;
    public override NodeKind Kind => NodeKind.MatchOr;
    public override void WalkChildren(AstWalker w) => Walk(w, Patterns);
}

public sealed class TypeIgnore(int lineno, string tag) : Node
{
    public int Lineno { get; } = lineno;
    public string Tag { get; } = tag;
    public override NodeKind Kind => NodeKind.TypeIgnore;
    public override void WalkChildren(AstWalker w) { }
}

public abstract class TypeParam : Node
{
    public abstract string Name { get; }
    public abstract Expr? DefaultValue { get; }
}

public sealed class TypeVar(string name, Expr? bound, Expr? defaultValue) : TypeParam
{
    public override string Name { get; } = name;
    public Expr? Bound { get; } = bound;
    public override Expr? DefaultValue { get; } = defaultValue;
    public override NodeKind Kind => NodeKind.TypeVar;
    public override void WalkChildren(AstWalker w) { Walk(w, Bound); Walk(w, DefaultValue); }
}

public sealed class ParamSpec(string name, Expr? defaultValue) : TypeParam
{
    public override string Name { get; } = name;
    public override Expr? DefaultValue { get; } = defaultValue;
    public override NodeKind Kind => NodeKind.ParamSpec;
    public override void WalkChildren(AstWalker w) => Walk(w, DefaultValue);
}

public sealed class TypeVarTuple(string name, Expr? defaultValue) : TypeParam
{
    public override string Name { get; } = name;
    public override Expr? DefaultValue { get; } = defaultValue;
    public override NodeKind Kind => NodeKind.TypeVarTuple;
    public override void WalkChildren(AstWalker w) => Walk(w, DefaultValue);
}
