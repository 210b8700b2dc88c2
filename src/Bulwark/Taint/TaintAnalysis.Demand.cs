namespace Bulwark.Taint;

/// <summary>
/// A diagnostic for the cost work (<see cref="TaintOptions.EstimateDemand"/>, printed with BULWARK_TIMING=2): how much of the project a demand-driven analysis would have to
/// look at. It records which functions created a source fact while the summaries were computed, then measures, over
/// the static call edges, the functions on a call path from one of them to a function with a modelled sink call (or an
/// entry point, whose return may be a page), and everything those call. It is an estimate, not a pruning: dynamic
/// dispatch through the types values carry and flows through shared cells are left out, and sinks are matched by the
/// last component of their name. It never changes a result.
/// </summary>
public sealed partial class TaintAnalysis
{
    /// <summary>Present only when the estimate is asked for.</summary>
    readonly DemandEstimate? _demand;

    /// <summary>The estimate, once the summaries are computed (null unless asked for).</summary>
    public DemandFigures? Demand { get; private set; }

    /// <param name="Created">Functions that created a source fact: <paramref name="CreatedByModel"/> a modelled one, <paramref name="CreatedByName"/> one of a sensitive name.</param>
    /// <param name="Sinks">Functions calling a modelled sink (by the last component of its name), or entry points.</param>
    /// <param name="OnPath">Functions on a static call path from the first to the second (a caller of both included).</param>
    /// <param name="WithCallees">Those and every function they may call.</param>
    /// <param name="Touched">
    /// What the analysis itself found to matter, once done (a lower bound for any demand-driven design): functions that
    /// created a source fact, got a live parameter, or whose summary carries a taint fact (a return, sink or store edge;
    /// not a summary holding return types only).
    /// </param>
    /// <param name="TouchedWithCallees">Those and every function they may call (whose return types their analysis reads).</param>
    /// <param name="Modules">Modules in the project; each count below it is in how many modules those functions lie.</param>
    public sealed record DemandFigures(int Functions, int Created, int CreatedByModel, int CreatedByName, int Sinks, int OnPath, int WithCallees,
        int Touched, int TouchedWithCallees, int Modules, int PathModules, int WithCalleesModules, int TouchedModules, int TouchedWithCalleesModules);

    sealed class DemandEstimate
    {
        /// <summary>By function: 1 = created a modelled source fact, 2 = a sensitive-name one.</summary>
        readonly Dictionary<int, byte> _created = [];

        public void Created(int function, uint kind)
        {
            byte bit = (kind & (SourceKinds.Sensitive | SourceKinds.Password)) != 0 ? (byte)2 : (byte)1;
            _created[function] = (byte)(_created.GetValueOrDefault(function) | bit);
        }

        public DemandFigures Measure(TaintAnalysis a)
        {
            int n = a._functions.Length;
            var callees = new int[n][];
            var callers = new List<int>[n];
            for (int id = 0; id < n; id++) callers[id] = [];
            for (int id = 0; id < n; id++)
            {
                callees[id] = a._functions[id].Callees;
                foreach (var c in callees[id]) if (c != id) callers[c].Add(id);
            }
            var sinkNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in a._tables.SinkCalls.Keys) sinkNames.Add(Last(key));
            foreach (var key in a._tables.SinkMethods.Keys) sinkNames.Add(key);
            var seeds = new bool[n];
            var sinks = new bool[n];
            int byModel = 0, byName = 0;
            foreach (var (id, bits) in _created)
            {
                seeds[id] = true;
                if ((bits & 1) != 0) byModel++;
                if ((bits & 2) != 0) byName++;
            }
            for (int id = 0; id < n; id++)
            {
                var fs = a._functions[id];
                if (a._entries.ContainsKey(id)) sinks[id] = true;
                else
                    foreach (var c in fs.F.Calls)
                        if ((c.Method ?? (c.Callee is { } q ? Last(q) : null)) is { } last && sinkNames.Contains(last)) { sinks[id] = true; break; }
                fs.F.Release();
            }
            var up = Closure(seeds, callers);
            var reachesSink = Closure(sinks, callers);
            var peaks = new bool[n];
            for (int i = 0; i < n; i++) peaks[i] = up[i] && reachesSink[i];
            var below = Closure(peaks, callees);
            var path = new bool[n];
            for (int i = 0; i < n; i++) path[i] = below[i] && (up[i] || reachesSink[i]);
            var withCallees = Closure(path, callees);
            var touched = new bool[n];
            for (int i = 0; i < n; i++)
            {
                var fs = a._functions[i];
                var summary = fs.Summary;
                touched[i] = seeds[i] || fs.Live != 0 || summary.Sinks.Length > 0 || summary.Stores.Length > 0 || summary.Return.Collapse().Length > 0;
            }
            var touchedWithCallees = Closure(touched, callees);
            int Modules(bool[] set)
            {
                var modules = new HashSet<int>();
                for (int i = 0; i < n; i++) if (set[i]) modules.Add(a._functions[i].Module);
                return modules.Count;
            }
            return new DemandFigures(n, _created.Count, byModel, byName, Count(sinks), Count(path), Count(withCallees),
                Count(touched), Count(touchedWithCallees), a._index.Modules.Count, Modules(path), Modules(withCallees), Modules(touched), Modules(touchedWithCallees));
        }

        static bool[] Closure<T>(bool[] start, T[] edges) where T : IEnumerable<int>
        {
            var reached = (bool[])start.Clone();
            var queue = new Queue<int>();
            for (int i = 0; i < reached.Length; i++) if (reached[i]) queue.Enqueue(i);
            while (queue.Count > 0)
                foreach (var j in edges[queue.Dequeue()])
                    if (!reached[j]) { reached[j] = true; queue.Enqueue(j); }
            return reached;
        }

        static int Count(bool[] set)
        {
            int c = 0;
            foreach (var b in set) if (b) c++;
            return c;
        }
    }
}
