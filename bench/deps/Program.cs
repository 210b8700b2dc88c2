using System.Diagnostics;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Versions;

// Two checks over the PyPA advisory database (default: ../shared/advisory-db found from the current directory up):
//   oracle  — every explicitly listed (package, version) is reported with its advisory; no `fixed` version is.
//   speed   — load the binary store and match 1,000 pinned requirements.
// Usage: dotnet run --project bench/deps -c Release -- [oracle|speed|all] [ADVISORY_DB]
var mode = args.Length > 0 ? args[0] : "all";
var dbDir = args.Length > 1 ? args[1] : FindShared();
if (dbDir is null || !Directory.Exists(dbDir)) { Console.Error.WriteLine("error: advisory database directory not found"); return 2; }

var problems = new List<string>();
var importClock = Stopwatch.StartNew();
var imported = AdvisoryStore.Import(dbDir, problems);
importClock.Stop();
Console.WriteLine($"imported {imported.Count} records from {dbDir} in {importClock.ElapsedMilliseconds} ms ({problems.Count} unreadable)");
foreach (var p in problems.Take(5)) Console.WriteLine("  " + p);

string? oracleLine = null, speedLine = null;
if (mode is "oracle" or "all") oracleLine = Oracle(imported);
if (mode is "speed" or "all") speedLine = Speed(imported);
if (oracleLine is not null && mode == "oracle") Console.WriteLine(oracleLine);
else if (speedLine is not null && mode == "speed") Console.WriteLine(speedLine);
else { Console.WriteLine(oracleLine); Console.WriteLine(speedLine); }
return 0;

static string Oracle(AdvisoryStore store)
{
    int checks = 0, agree = 0, conflicts = 0;
    var disagreements = new List<string>();
    foreach (var a in store.Advisories)
    {
        if (a.Withdrawn is not null) continue;
        foreach (var p in a.Affected)
        {
            if (p.Versions.Count == 0) continue;
            // A version both listed as affected and named as a range's fix contradicts itself: counted apart.
            var fixedHere = p.Ranges.Where(r => r.Type == "ECOSYSTEM").SelectMany(r => r.Events)
                .Where(e => e.Kind == EventKind.Fixed).Select(e => e.Version).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var vs in p.Versions)
            {
                if (fixedHere.Contains(vs)) { conflicts++; Console.WriteLine($"  conflict: {a.Id} {p.Name} {vs} is both listed and fixed"); continue; }
                checks++;
                if (Reported(store, p.Name, vs, a.Id)) agree++;
                else if (disagreements.Count < 20) disagreements.Add($"missed {a.Id} {p.Name} {vs}");
            }
            foreach (var r in p.Ranges.Where(r => r.Type == "ECOSYSTEM"))
                foreach (var e in r.Events)
                {
                    if (e.Kind != EventKind.Fixed) continue;
                    if (p.Versions.Contains(e.Version, StringComparer.OrdinalIgnoreCase)) { conflicts++; continue; }
                    checks++;
                    if (!Reported(store, p.Name, e.Version, a.Id)) agree++;
                    else if (disagreements.Count < 20) disagreements.Add($"fixed version reported {a.Id} {p.Name} {e.Version}");
                }
        }
    }
    foreach (var d in disagreements) Console.WriteLine("  " + d);
    Console.WriteLine($"{conflicts} self-contradictory checks excluded");
    return $"oracle agreement: {agree}/{checks} = {(checks == 0 ? 0 : 100.0 * agree / checks):F2}%";
}

static bool Reported(AdvisoryStore store, string name, string v, string id)
{
    foreach (var m in AdvisoryMatcher.Match(store, name, v))
        if (m.Id == id || m.Aliases.Contains(id)) return true;
    return false;
}

static string Speed(AdvisoryStore imported)
{
    var file = Path.Combine(Path.GetTempPath(), $"bulwark-bench-{Environment.ProcessId}.bwdb");
    imported.Save(file);
    // 1,000 pinned requirements: every affected package at one of its listed versions, cycling, plus clean packages.
    var lines = new List<string>();
    var rng = new Random(42);
    var packages = imported.Advisories.SelectMany(a => a.Affected).Where(p => p.Versions.Count > 0).ToList();
    while (lines.Count < 1000)
    {
        if (lines.Count % 4 == 3) { lines.Add($"not-in-db-{lines.Count}==1.0.{lines.Count}"); continue; }
        var p = packages[rng.Next(packages.Count)];
        lines.Add($"{p.Name}=={p.Versions[rng.Next(p.Versions.Count)]}");
    }
    var text = string.Join('\n', lines) + "\n";
    // Run 1 is cold (includes JIT); run 3 is what a long-lived process or a native (AOT) build sees.
    string line = "";
    for (int run = 1; run <= 3; run++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var store = AdvisoryStore.Load(file);
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        var manifest = RequirementsParser.Parse("/bench/requirements.txt", "requirements.txt", text, false);
        int findings = 0;
        foreach (var d in manifest.Dependencies)
            if (d.Version is { } v) findings += AdvisoryMatcher.Match(store, d.NormalizedName, v).Count;
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        var part = $"run {run}: store load {loadMs:F1} ms ({loadCpu:F0} ms CPU), load + parse + match {manifest.Dependencies.Count} pinned requirements ({findings} findings) {clock.Elapsed.TotalMilliseconds:F1} ms wall / {cpu:F0} ms CPU";
        if (run < 3) Console.WriteLine(part); else line = part;
    }
    File.Delete(file);
    // CPU time is printed too: on a shared machine the wall clock mostly measures other processes.
    return line;
}

static string? FindShared()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        var candidate = Path.Combine(d.FullName, "shared", "advisory-db");
        if (Directory.Exists(candidate)) return candidate;
    }
    return null;
}
