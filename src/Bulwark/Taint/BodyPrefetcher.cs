namespace Bulwark.Taint;

/// <summary>
/// Reads functions' bodies (<see cref="IrFunction.Values"/>, <see cref="IrFunction.Calls"/> and the rest) on another
/// thread, a little ahead of a step that goes through the functions in a known order: the project phase runs on one
/// thread, and reading the bodies was a fifth of its time while the other core waited. The step says how far it got
/// (<see cref="Reached"/>) and lets each function's body go when done with it; the reader stays at most
/// <see cref="Ahead"/> functions in front, and never reads one the step has passed. Reading is pure, so results are
/// the same whoever reads first.
/// </summary>
public sealed class BodyPrefetcher : IDisposable
{
    /// <summary>How many functions the reader may be ahead of the step: enough to keep it busy, few enough to hold little.</summary>
    public const int Ahead = 256;

    readonly IReadOnlyList<IrFunction> _order;
    readonly Thread? _thread;
    int _reached = -1;
    volatile bool _stop;

    /// <summary>Starts reading <paramref name="order"/>; with <paramref name="enabled"/> false (one job) it does nothing.</summary>
    public BodyPrefetcher(IReadOnlyList<IrFunction> order, bool enabled)
    {
        _order = order;
        if (!enabled || order.Count == 0) return;
        _thread = new Thread(Run) { IsBackground = true, Name = "bulwark body reader" };
        _thread.Start();
    }

    /// <summary>The step has reached position <paramref name="position"/> of the order (it is working on that function).</summary>
    public void Reached(int position) => Volatile.Write(ref _reached, position);

    void Run()
    {
        var wait = new SpinWait();
        int i = 0;
        while (i < _order.Count && !_stop)
        {
            int reached = Volatile.Read(ref _reached);
            if (i <= reached)
            {
                // Behind a step that reads faster than this thread: the step reads its next function itself, this
                // thread the one after, so the two do not read the same body.
                i = reached + 2;
                continue;
            }
            if (i > reached + Ahead)
            {
                wait.SpinOnce(sleep1Threshold: 20);
                continue;
            }
            wait.Reset();
            try { _order[i++].Read(); }
            catch (Exception) when (!_stop)
            {
                // A body that cannot be read fails the step that asks for it, on the step's thread, where the scan
                // reports errors; this thread just stops reading ahead.
                return;
            }
        }
    }

    /// <summary>Stops the reader and waits for it: after this, only the step reads bodies.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
    }
}
