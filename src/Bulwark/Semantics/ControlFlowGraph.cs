using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>How control reaches a block: in sequence, on a condition's true or false outcome, or by an exception.</summary>
public enum EdgeKind { Normal, True, False, Exception }

/// <summary>
/// A control transfer. True and False edges carry the condition that decided them (an expression, or the
/// <see cref="MatchCase"/> whose pattern matched or not), so analyses can narrow what a variable holds there.
/// </summary>
public sealed class FlowEdge(BasicBlock from, BasicBlock to, EdgeKind kind, Node? condition)
{
    public BasicBlock From { get; } = from;
    public BasicBlock To { get; } = to;
    public EdgeKind Kind { get; } = kind;
    public Node? Condition { get; } = condition;
    /// <summary>Definitions this edge makes: what a True/False outcome tells about the names its condition tests.</summary>
    public IReadOnlyList<Definition> Narrowings { get; internal set; } = [];
}

/// <summary>
/// A straight-line run of evaluation steps. A step is a simple statement; an expression evaluated for its value
/// (an `if`/`while` test, a `for` iterable, a `match` subject, a `match` guard); or a binding step: the
/// <see cref="Arguments"/> of the function (parameters bound on entry), a <see cref="For"/> (its target bound to the
/// next item, first step of the loop body), a <see cref="WithItem"/>, an <see cref="ExceptHandler"/> (its name bound),
/// a <see cref="MatchCase"/> (its captures bound), or a FunctionDef/ClassDef (decorators run, name bound).
/// </summary>
public sealed class BasicBlock(int index)
{
    // Made on the first step or edge: many blocks (an `if` without `else`, the block after a `return`) have none.
    // The empty ones are shared and never written: every add makes the block its own list first.
    static readonly List<Node> NoSteps = [];
    static readonly List<FlowEdge> NoEdges = [];
    List<Node> _steps = NoSteps;
    List<FlowEdge> _successors = NoEdges;
    List<FlowEdge> _predecessors = NoEdges;

    public int Index { get; } = index;
    public IReadOnlyList<Node> Steps => _steps;
    public IReadOnlyList<FlowEdge> Successors => _successors;
    public IReadOnlyList<FlowEdge> Predecessors => _predecessors;
    /// <summary>Reached from the entry: code after `return`, under a constant-false test or after a call that never returns is not.</summary>
    public bool Reachable { get; internal set; }

    internal void Add(Node step)
    {
        if (ReferenceEquals(_steps, NoSteps)) _steps = new(4);
        _steps.Add(step);
    }

    internal void AddSuccessor(FlowEdge e)
    {
        if (ReferenceEquals(_successors, NoEdges)) _successors = new(2);
        _successors.Add(e);
    }

    internal void AddPredecessor(FlowEdge e)
    {
        if (ReferenceEquals(_predecessors, NoEdges)) _predecessors = new(2);
        _predecessors.Add(e);
    }
}

/// <summary>
/// The control-flow graph of one body: a module, a class body or a function (a lambda's body is one expression and
/// needs none). Branches on a test that is constant at analysis time keep only the edge that is taken, so code under
/// `if DEBUG:` with `DEBUG = False` is unreachable. Exceptions: each statement inside a `try` body may raise before it
/// runs to completion, so the state at the start of every statement flows to the handlers.
/// </summary>
public sealed class ControlFlowGraph
{
    readonly List<BasicBlock> _blocks;

    ControlFlowGraph(Node owner, List<BasicBlock> blocks, BasicBlock entry, BasicBlock exit)
    {
        Owner = owner;
        _blocks = blocks;
        Entry = entry;
        Exit = exit;
    }

    /// <summary>The Module, ClassDef or FunctionDef whose body this is.</summary>
    public Node Owner { get; }
    public BasicBlock Entry { get; }
    /// <summary>Where `return`, uncaught `raise` and the end of the body lead; it has no steps.</summary>
    public BasicBlock Exit { get; }
    public IReadOnlyList<BasicBlock> Blocks => _blocks;

    IReadOnlyList<BasicBlock>? _order;

    /// <summary>Blocks in reverse postorder from the entry (reachable blocks only): predecessors before successors, except along back edges.</summary>
    public IReadOnlyList<BasicBlock> ReversePostorder() => _order ??= ComputeOrder();

    List<BasicBlock> ComputeOrder()
    {
        var order = new List<BasicBlock>(_blocks.Count);
        var visited = new bool[_blocks.Count];
        var stack = new Stack<(BasicBlock Block, int Next)>();
        stack.Push((Entry, 0));
        visited[Entry.Index] = true;
        while (stack.Count > 0)
        {
            var (b, next) = stack.Pop();
            if (next < b.Successors.Count)
            {
                stack.Push((b, next + 1));
                var s = b.Successors[next].To;
                if (!visited[s.Index]) { visited[s.Index] = true; stack.Push((s, 0)); }
            }
            else order.Add(b);
        }
        order.Reverse();
        return order;
    }

    /// <summary>Builds the graph of a body. <paramref name="isConstant"/> decides tests known at analysis time; <paramref name="neverReturns"/> recognises calls that end the flow (`sys.exit`, `abort`).</summary>
    public static ControlFlowGraph Build(Node owner, IReadOnlyList<Stmt> body, Func<Expr, bool?> isConstant, Func<Call, bool> neverReturns,
        Func<Expr, Pattern, bool?>? matches = null)
    {
        var builder = new Builder(isConstant, neverReturns, matches);
        return builder.Run(owner, body);
    }

    sealed class Builder(Func<Expr, bool?> isConstant, Func<Call, bool> neverReturns, Func<Expr, Pattern, bool?>? matches)
    {
        readonly List<BasicBlock> _blocks = [];
        BasicBlock _current = null!;
        BasicBlock _exit = null!;
        readonly List<(BasicBlock Continue, BasicBlock Break)> _loops = [];
        // Innermost try first: where an exception raised here goes, and whether a finally must run on the way out.
        readonly List<TryFrame> _tries = [];

        sealed class TryFrame(BasicBlock? dispatch, BasicBlock? @finally)
        {
            public BasicBlock? Dispatch { get; } = dispatch;
            public BasicBlock? Finally { get; } = @finally;
            public bool InBody { get; set; } = true;
            public bool AbruptThroughFinally { get; set; }
        }

        public ControlFlowGraph Run(Node owner, IReadOnlyList<Stmt> body)
        {
            var entry = NewBlock();
            _exit = NewBlock();
            _current = entry;
            if (owner is FunctionDef f) entry.Add(f.Args);
            Statements(body);
            Edge(_current, _exit, EdgeKind.Normal);
            var graph = new ControlFlowGraph(owner, _blocks, entry, _exit);
            var order = graph.ReversePostorder();
            for (int i = 0; i < order.Count; i++) order[i].Reachable = true;
            return graph;
        }

        BasicBlock NewBlock()
        {
            var b = new BasicBlock(_blocks.Count);
            _blocks.Add(b);
            return b;
        }

        static void Edge(BasicBlock from, BasicBlock to, EdgeKind kind, Node? condition = null)
        {
            var e = new FlowEdge(from, to, kind, condition);
            from.AddSuccessor(e);
            to.AddPredecessor(e);
        }

        /// <summary>After `return`, `raise`, `break` or `continue`: following code goes in a block nothing reaches.</summary>
        void Unreachable() => _current = NewBlock();

        /// <summary>Inside a `try` body: the state before the next statement flows to the handlers (the statement may raise).</summary>
        void MayRaiseFromHere()
        {
            BasicBlock? dispatch = null;
            for (int i = _tries.Count - 1; i >= 0 && dispatch is null; i--)
                if (_tries[i].InBody && _tries[i].Dispatch is not null) dispatch = _tries[i].Dispatch;
            if (dispatch is null) return;
            // The block ends just before the statement: its end state is what the handlers see if the statement raises.
            Edge(_current, dispatch, EdgeKind.Exception);
            var next = NewBlock();
            Edge(_current, next, EdgeKind.Normal);
            _current = next;
        }

        TryFrame? InnermostTry() => _tries.Count > 0 ? _tries[^1] : null;

        void Statements(IReadOnlyList<Stmt> body)
        {
            for (int i = 0; i < body.Count; i++)
            {
                MayRaiseFromHere();
                Statement(body[i]);
            }
        }

        void Statement(Stmt s)
        {
            switch (s)
            {
                case If i: IfStatement(i); break;
                case While w: WhileStatement(w); break;
                case For f: ForStatement(f); break;
                case With w:
                    for (int i = 0; i < w.Items.Count; i++) _current.Add(w.Items[i]);
                    Statements(w.Body);
                    break;
                case Try t: TryStatement(t); break;
                case MatchStmt m: MatchStatement(m); break;
                case Return:
                    _current.Add(s);
                    ThroughFinallyTo(_exit);
                    Unreachable();
                    break;
                case Raise:
                    _current.Add(s);
                    Throw();
                    break;
                case Break:
                    if (_loops.Count > 0) { ThroughFinallyTo(_loops[^1].Break); Unreachable(); }
                    break;
                case Continue:
                    if (_loops.Count > 0) { ThroughFinallyTo(_loops[^1].Continue); Unreachable(); }
                    break;
                case Assert a:
                    _current.Add(a);
                    if (isConstant(a.Test) == true) break;
                    var holds = NewBlock();
                    Edge(_current, holds, EdgeKind.True, a.Test);
                    var fails = NewBlock();
                    Edge(_current, fails, EdgeKind.False, a.Test);
                    _current = fails;
                    Throw();
                    _current = holds;
                    break;
                case ExprStmt { Value: Call call } when neverReturns(call):
                    _current.Add(s);
                    Throw();
                    break;
                default:
                    _current.Add(s);
                    break;
            }
        }

        /// <summary>An exception: to the innermost handlers, else out of the body.</summary>
        void Throw()
        {
            var frame = InnermostTry();
            if (frame is not null && frame.InBody && frame.Dispatch is not null) Edge(_current, frame.Dispatch, EdgeKind.Exception);
            else if (frame?.Finally is not null) { Edge(_current, frame.Finally, EdgeKind.Exception); frame.AbruptThroughFinally = true; }
            else Edge(_current, OuterExceptionTarget(), EdgeKind.Exception);
            Unreachable();
        }

        /// <summary>Where an exception goes that no enclosing frame of this try catches in its body.</summary>
        BasicBlock OuterExceptionTarget()
        {
            for (int i = _tries.Count - 2; i >= 0; i--)
            {
                if (_tries[i].InBody && _tries[i].Dispatch is not null) return _tries[i].Dispatch!;
                if (_tries[i].Finally is not null) { _tries[i].AbruptThroughFinally = true; return _tries[i].Finally!; }
            }
            return _exit;
        }

        void ThroughFinallyTo(BasicBlock target)
        {
            for (int i = _tries.Count - 1; i >= 0; i--)
                if (_tries[i].Finally is { } fin)
                {
                    Edge(_current, fin, EdgeKind.Normal);
                    _tries[i].AbruptThroughFinally = true;
                    return;
                }
            Edge(_current, target, EdgeKind.Normal);
        }

        void IfStatement(If i)
        {
            _current.Add(i.Test);
            var constant = isConstant(i.Test);
            var before = _current;
            var then = NewBlock();
            var otherwise = NewBlock();
            if (constant != false) Edge(before, then, EdgeKind.True, i.Test);
            if (constant != true) Edge(before, otherwise, EdgeKind.False, i.Test);
            var after = NewBlock();
            _current = then;
            Statements(i.Body);
            Edge(_current, after, EdgeKind.Normal);
            _current = otherwise;
            Statements(i.Orelse);
            Edge(_current, after, EdgeKind.Normal);
            _current = after;
        }

        void WhileStatement(While w)
        {
            var header = NewBlock();
            Edge(_current, header, EdgeKind.Normal);
            header.Add(w.Test);
            var constant = isConstant(w.Test);
            var body = NewBlock();
            var orelse = NewBlock();
            var after = NewBlock();
            if (constant != false) Edge(header, body, EdgeKind.True, w.Test);
            if (constant != true) Edge(header, orelse, EdgeKind.False, w.Test);
            _loops.Add((header, after));
            _current = body;
            Statements(w.Body);
            Edge(_current, header, EdgeKind.Normal);
            _loops.RemoveAt(_loops.Count - 1);
            _current = orelse;
            Statements(w.Orelse);
            Edge(_current, after, EdgeKind.Normal);
            _current = after;
        }

        void ForStatement(For f)
        {
            _current.Add(f.Iter);
            var header = NewBlock();
            Edge(_current, header, EdgeKind.Normal);
            var body = NewBlock();
            var orelse = NewBlock();
            var after = NewBlock();
            Edge(header, body, EdgeKind.Normal);
            Edge(header, orelse, EdgeKind.Normal);
            _loops.Add((header, after));
            _current = body;
            body.Add(f);
            Statements(f.Body);
            Edge(_current, header, EdgeKind.Normal);
            _loops.RemoveAt(_loops.Count - 1);
            _current = orelse;
            Statements(f.Orelse);
            Edge(_current, after, EdgeKind.Normal);
            _current = after;
        }

        void TryStatement(Try t)
        {
            var dispatch = t.Handlers.Count > 0 ? NewBlock() : null;
            var fin = t.Finalbody.Count > 0 ? NewBlock() : null;
            var after = NewBlock();
            var frame = new TryFrame(dispatch, fin);
            _tries.Add(frame);
            Statements(t.Body);
            frame.InBody = false;
            // A normal end of the body runs `else`, then `finally`.
            Statements(t.Orelse);
            var normalEnd = _current;
            if (dispatch is not null)
            {
                bool catchesAll = false;
                var ends = new List<BasicBlock>();
                foreach (var h in t.Handlers)
                {
                    var hb = NewBlock();
                    Edge(dispatch, hb, EdgeKind.Normal);
                    _current = hb;
                    hb.Add(h);
                    Statements(h.Body);
                    ends.Add(_current);
                    catchesAll |= h.Type is null || h.Type is Name { Id: "Exception" or "BaseException" };
                }
                // No handler matches: the exception continues outward (through `finally`).
                if (!catchesAll)
                {
                    if (fin is not null) { Edge(dispatch, fin, EdgeKind.Exception); frame.AbruptThroughFinally = true; }
                    else Edge(dispatch, OuterExceptionTarget(), EdgeKind.Exception);
                }
                foreach (var e in ends) Edge(e, fin ?? after, EdgeKind.Normal);
            }
            Edge(normalEnd, fin ?? after, EdgeKind.Normal);
            _tries.RemoveAt(_tries.Count - 1);
            if (fin is not null)
            {
                _current = fin;
                Statements(t.Finalbody);
                Edge(_current, after, EdgeKind.Normal);
                // A `finally` reached by return/raise/break continues outward afterwards.
                if (frame.AbruptThroughFinally) Edge(_current, OuterAfterFinally(), EdgeKind.Normal);
            }
            _current = after;
        }

        BasicBlock OuterAfterFinally()
        {
            for (int i = _tries.Count - 1; i >= 0; i--)
            {
                if (_tries[i].InBody && _tries[i].Dispatch is not null) return _tries[i].Dispatch!;
                if (_tries[i].Finally is not null) { _tries[i].AbruptThroughFinally = true; return _tries[i].Finally!; }
            }
            return _exit;
        }

        void MatchStatement(MatchStmt m)
        {
            _current.Add(m.Subject);
            var after = NewBlock();
            var test = _current;
            foreach (var c in m.Cases)
            {
                // A subject known at analysis time takes only the cases its value can match (`match MODE:` with
                // `MODE = "safe"`); a case it cannot match is left unreachable.
                var known = matches?.Invoke(m.Subject, c.Pattern);
                bool irrefutable = known == true || Irrefutable(c.Pattern);
                var body = NewBlock();
                if (known != false) Edge(test, body, EdgeKind.True, c);
                BasicBlock? next = null;
                if (!irrefutable || c.Guard is not null)
                {
                    next = NewBlock();
                    if (!irrefutable) Edge(test, next, EdgeKind.False, c);
                }
                _current = body;
                body.Add(c);
                if (c.Guard is not null)
                {
                    _current.Add(c.Guard);
                    var guarded = NewBlock();
                    Edge(_current, guarded, EdgeKind.True, c.Guard);
                    Edge(_current, next!, EdgeKind.False, c.Guard);
                    _current = guarded;
                }
                Statements(c.Body);
                Edge(_current, after, EdgeKind.Normal);
                if (next is null) { test = null!; break; }
                test = next;
            }
            if (test is not null) Edge(test, after, EdgeKind.Normal);
            _current = after;
        }

        static bool Irrefutable(Pattern p) => p switch
        {
            MatchAs { Pattern: null } => true,
            MatchAs { Pattern: { } inner } => Irrefutable(inner),
            MatchOr o => o.Patterns.Any(Irrefutable),
            _ => false,
        };
    }
}
