using Bulwark.Core;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bulwark.Python;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark debug ast FILE...`: prints CPython-compatible ast.dump lines; used by the parser conformance bench.</summary>
public static class DebugAstCommand
{
    // Parsing and dumping recurse over the tree; run them on a thread with a generous stack.
    const int StackSize = 256 * 1024 * 1024;

    public static int Run(IReadOnlyList<string> paths, bool jsonl, TextWriter stdout, TextWriter stderr)
    {
        paths = ExpandResponseFiles(paths);
        int rc = 0;
        var t = new Thread(() =>
        {
            // An exception on this thread would end the process with a stack trace: one line instead.
            try { rc = RunCore(paths, jsonl, stdout, stderr); }
            catch (Exception ex) { stderr.WriteLine($"bulwark: internal error: {ex.GetType().Name}: {ex.Message} (please report this)"); rc = 2; }
        }, StackSize);
        t.Start();
        t.Join();
        return rc;
    }

    static int RunCore(IReadOnlyList<string> paths, bool jsonl, TextWriter stdout, TextWriter stderr)
    {
        int rc = 0;
        var buffer = new ArrayBufferWriterStream();
        foreach (var path in paths)
        {
            var read = string.IsNullOrEmpty(path) ? new FileRead(null, "empty path", FileType.Missing)
                : BoundedFile.ReadBytes(path, 256L * 1024 * 1024);
            if (read.Bytes is not { } bytes)
            {
                stderr.WriteLine($"bulwark: error: {(path.Length == 0 ? "''" : path)}: cannot read: {read.Error}");
                rc = 2;
                continue;
            }
            string? dump = null, error = null;
            var decoded = SourceDecoder.Decode(bytes);
            if (!decoded.Ok)
            {
                error = $"{path}:1:1: SyntaxError: {decoded.Error}";
            }
            else
            {
                var result = PythonParser.Parse(decoded.Text!);
                if (result.Ok)
                {
                    try { dump = Bulwark.Secrets.SecretMasker.MaskValuesOf(decoded.Text!, AstDump.Dump(result.Module, result.Text)); }
                    catch (InsufficientExecutionStackException) { error = $"{path}:1:0: RecursionError: tree too deep to dump"; }
                }
                else
                {
                    var d = result.Errors[0];
                    var (line, col) = result.Text.Utf8Position(Math.Min(d.Start, decoded.Text!.Length));
                    error = $"{path}:{line}:{col + 1}: SyntaxError: {d.Message}";
                }
            }
            if (jsonl)
            {
                buffer.Reset();
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("path", path);
                    w.WriteBoolean("ok", dump is not null);
                    if (dump is not null) w.WriteString("dump", dump);
                    else w.WriteString("error", error);
                    w.WriteEndObject();
                }
                stdout.WriteLine(Encoding.UTF8.GetString(buffer.Written));
            }
            else if (dump is not null) stdout.WriteLine(dump);
            else
            {
                stderr.WriteLine(error);
                if (rc == 0) rc = 2;
            }
        }
        stdout.Flush();
        return rc;
    }

    /// <summary>Hidden `bulwark debug parse-bench FILE...`: decodes and parses each file once, single-threaded, and prints throughput.</summary>
    public static int RunBench(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        paths = ExpandResponseFiles(paths);
        var sources = new List<string>();
        long bytes = 0;
        foreach (var p in paths)
        {
            byte[] b;
            try { b = File.ReadAllBytes(p); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            var d = SourceDecoder.Decode(b);
            if (!d.Ok) continue;
            sources.Add(d.Text!);
            bytes += b.Length;
        }
        int rc = 0;
        var t = new Thread(() =>
        {
            // warm-up pass so the JIT is not measured
            foreach (var s in sources) PythonParser.Parse(s);
            int rejected = 0;
            var sw = Stopwatch.StartNew();
            foreach (var s in sources) if (!PythonParser.Parse(s).Ok) rejected++;
            sw.Stop();
            double secs = sw.Elapsed.TotalSeconds;
            var lsw = Stopwatch.StartNew();
            foreach (var s in sources)
            {
                var lexer = new Bulwark.Python.Parsing.Lexer(s);
                lexer.Run();
                lexer.ReleaseTokens();
            }
            lsw.Stop();
            stdout.WriteLine($"bulwark-lexer-only MB/s={bytes / 1e6 / lsw.Elapsed.TotalSeconds:F2}");
            stdout.WriteLine($"bulwark files={sources.Count} bytes={bytes} seconds={secs:F3} MB/s={bytes / 1e6 / secs:F2} files/s={sources.Count / secs:F1} rejected={rejected}");
        }, StackSize);
        t.Start();
        t.Join();
        return rc;
    }

    /// <summary>`@list.txt` stands for the paths listed in that file, one per line (corpora exceed argv limits).</summary>
    static IReadOnlyList<string> ExpandResponseFiles(IReadOnlyList<string> args)
    {
        var list = new List<string>(args.Count);
        foreach (var a in args)
        {
            if (a.Length > 1 && a[0] == '@' && File.Exists(a[1..]))
            {
                foreach (var line in File.ReadLines(a[1..])) if (line.Length > 0) list.Add(line);
            }
            else list.Add(a);
        }
        return list;
    }

    sealed class ArrayBufferWriterStream : System.Buffers.IBufferWriter<byte>
    {
        byte[] _buf = new byte[1 << 16];
        int _len;
        public ReadOnlySpan<byte> Written => _buf.AsSpan(0, _len);
        public void Reset() => _len = 0;
        public void Advance(int count) => _len += count;
        public Memory<byte> GetMemory(int sizeHint = 0) { Ensure(sizeHint); return _buf.AsMemory(_len); }
        public Span<byte> GetSpan(int sizeHint = 0) { Ensure(sizeHint); return _buf.AsSpan(_len); }
        void Ensure(int hint)
        {
            if (hint < 1) hint = 1;
            if (_buf.Length - _len < hint) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + hint));
        }
    }
}
