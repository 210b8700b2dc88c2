using System.Text;
using System.Text.Json;
using Bulwark.Config;
using Bulwark.Core;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Engine;
using Bulwark.Python;
using SharpFuzz;

namespace Bulwark.Fuzz;

/// <summary>
/// One fuzz target per untrusted input Bulwark reads. A target returns normally or throws one of the exceptions
/// its caller turns into a one-line message; anything else (and any hang or stack overflow) is a crash for AFL.
/// `Bulwark.Fuzz TARGET` runs under afl-fuzz; `Bulwark.Fuzz TARGET FILE...` replays inputs (crash reproduction).
/// </summary>
public static class Program
{
    static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["python"] = Python,
        ["requirements"] = Requirements,
        ["manifest"] = Manifest,
        ["osv"] = Osv,
        ["baseline"] = BaselineFile,
        ["config"] = Config,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine("usage: Bulwark.Fuzz TARGET [FILE...]; targets: " + string.Join(", ", Targets.Keys));
            return 2;
        }
        if (args.Length > 1)
        {
            foreach (var file in args[1..]) target(File.ReadAllBytes(file));
            return 0;
        }
        // Work on a thread with the stack the scanner gives its workers, so depth limits are what is tested.
        var thread = new Thread(() =>
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var ms = new MemoryStream();
                stream.CopyTo(ms);
                target(ms.ToArray());
            });
        }, 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return 0;
    }

    /// <summary>Decoder, lexer and parser: any bytes give a decoded text or an error, and a tree or syntax errors.</summary>
    static void Python(byte[] data)
    {
        var decoded = SourceDecoder.Decode(data);
        if (!decoded.Ok) return;
        var result = PythonParser.Parse(decoded.Text!);
        _ = AstDump.Dump(result.Module, result.Text);
    }

    static string Text(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);

    static void Requirements(byte[] data)
    {
        var includes = new List<RequirementsParser.Include>();
        var m = RequirementsParser.Parse("/fuzz/requirements.txt", "requirements.txt", Text(data), constraints: false, includes);
        foreach (var p in m.Problems) _ = Untrusted.Message(p);
    }

    /// <summary>TOML and JSON manifests and lockfiles; the first byte chooses the kind.</summary>
    static void Manifest(byte[] data)
    {
        if (data.Length == 0) return;
        var kinds = new[] { ManifestKind.Pyproject, ManifestKind.PoetryLock, ManifestKind.Pipfile, ManifestKind.PipfileLock,
            ManifestKind.UvLock, ManifestKind.Pylock, ManifestKind.SetupCfg, ManifestKind.SetupPy };
        var kind = kinds[data[0] % kinds.Length];
        try { ManifestParsers.Parse(kind, "/fuzz/manifest", "manifest", Text(data.AsSpan(1))); }
        // ManifestSet turns these into "unexpected structure" (see ManifestSet.LoadFile).
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException
            or InvalidCastException or IndexOutOfRangeException or ArgumentException or OverflowException) { }
    }

    /// <summary>The advisory importer: OSV records as JSON or YAML (first byte chooses).</summary>
    static void Osv(byte[] data)
    {
        if (data.Length == 0) return;
        var name = data[0] % 2 == 0 ? "record.json" : "record.yaml";
        try { OsvReader.FromFile(name, Text(data.AsSpan(1))); }
        // AdvisoryStore.Import reports exactly these as skipped records.
        catch (Exception ex) when (ex is FormatException or IOException or JsonException
            or YamlDotNet.Core.YamlException or InvalidCastException) { }
    }

    static void BaselineFile(byte[] data)
    {
        try { Baseline.Parse(data, "baseline.json"); }
        catch (ConfigException) { }
    }

    static void Config(byte[] data)
    {
        if (data.Length == 0) return;
        try
        {
            if (data[0] % 2 == 0) ConfigFile.Parse(Text(data.AsSpan(1)), "bulwark.toml", []);
            else ConfigFile.Parse(Text(data.AsSpan(1)), "pyproject.toml", ["tool", "bulwark"]);
        }
        catch (ConfigException) { }
    }
}
