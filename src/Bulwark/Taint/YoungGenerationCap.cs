namespace Bulwark.Taint;

/// <summary>
/// Collects the youngest generation every <see cref="Bytes"/> allocated, while the project phase runs. That phase holds
/// a few hundred megabytes of lowered modules on one thread and churns through short-lived values; the collector's
/// dynamic adaptation sizes the young generation from the whole heap, so it grew to ~126 MiB of fresh memory between
/// collections and the process's peak was the live set plus that. A young collection is cheap (it visits the
/// survivors, and older objects only through the cards they wrote), and the memory it frees is reused instead of more
/// being touched. Measured on the 2-core VM, site-packages full scan, alternating runs (4 each): peak RSS 508-517 ->
/// 448-468 MB with 16 MiB (471-473 with 24 MiB), wall 8.78-9.41 -> 9.31-9.78 s; 3.13 stdlib full scan 154-168 ->
/// 134-136 MB, wall unchanged. The collector's own settings (a maximum young budget, a conservation level, DATAS's
/// gen0 growth percentage) did not move the peak. The price is promotion: what is alive at a forced collection ages
/// into the oldest generation sooner, so <c>TaintPhase.Run</c> compacts the heap once the phase is over (on the
/// synthetic 100,000-file tree the cap alone raised the peak after the phase by ~150 MB).
/// </summary>
public sealed class YoungGenerationCap
{
    /// <summary>Bytes allocated by the process between two young collections.</summary>
    public const long Bytes = 16L << 20;

    readonly Func<long> _allocated;
    readonly Action _collect;
    readonly long _bytes;
    long _next = -1;

    public YoungGenerationCap()
        : this(() => GC.GetTotalAllocatedBytes(precise: false),
               () => GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: false), Bytes) { }

    /// <summary>With the allocation counter and the collection given (tests).</summary>
    internal YoungGenerationCap(Func<long> allocated, Action collect, long bytes)
    {
        _allocated = allocated;
        _collect = collect;
        _bytes = bytes;
    }

    /// <summary>Collects if the process allocated the cap's bytes since the last collection it made (or since its first call).</summary>
    public void Tick()
    {
        long now = _allocated();
        if (_next < 0) { _next = now + _bytes; return; }
        if (now < _next) return;
        _collect();
        _next = _allocated() + _bytes;
    }
}
