using System.Text.Json;
using System.Text.Json.Serialization;
using Bulwark.Semantics;
using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Lowered modules are packed into bytes between the file phase and the project phase (<see cref="PackedModule"/>):
/// unpacking must give back every field of every function, call, parameter, class and export.
/// </summary>
public class PackedModuleTests
{
    /// <summary>Every public field and property, recursively: a field the packing forgets shows as a difference.</summary>
    static string Dump(ModuleIr module) => JsonSerializer.Serialize(module, Options);

    static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        Converters = { new ConstConverter() },
    };

    sealed class ConstConverter : JsonConverter<ConstValue>
    {
        public override ConstValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, ConstValue value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", value.Kind.ToString());
            switch (value.Raw)
            {
                case IReadOnlyList<ConstValue?> items:
                    writer.WritePropertyName("items");
                    JsonSerializer.Serialize(writer, items, options);
                    break;
                case byte[] bytes:
                    writer.WriteString("bytes", Convert.ToHexString(bytes));
                    break;
                case double d:
                    writer.WriteString("float", BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.WriteString("raw", Convert.ToString(value.Raw, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
            if (value.Entries is { } entries)
            {
                writer.WritePropertyName("entries");
                JsonSerializer.Serialize(writer, entries.Select(e => new KeyValuePair<string, ConstValue?>(e.Key, e.Value)).ToList(), options);
            }
            writer.WriteEndObject();
        }
    }

    [Fact]
    public void Unpacking_gives_back_every_field_of_every_fixture_module()
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower(TaintPruningTests.Corpus(), catalog);
        Assert.True(modules.Count > 100);
        int calls = 0, constants = 0;
        // As the scan unpacks them: one thread's modules share one pool of strings and name lists.
        var pool = new PackedModule.Pool();
        foreach (var module in modules)
        {
            var packed = PackedModule.Pack(module);
            var unpacked = packed.Unpack();
            Assert.Equal(Dump(module), Dump(unpacked));
            Assert.Equal(Dump(module), Dump(packed.Unpack(pool)));
            foreach (var f in unpacked.Functions)
                foreach (var c in f.Calls)
                {
                    calls++;
                    constants += c.Constants.Count(k => k is not null);
                }
        }
        Assert.True(calls > 1000 && constants > 500, $"{calls} calls, {constants} constants");
        Assert.Contains("os.path.join", pool.Strings);
        Assert.NotEmpty(pool.Lists);
    }

    [Fact]
    public void Values_of_every_kind_survive_packing()
    {
        var module = TaintPruningTests.Lower([("app.py", """
            import subprocess, requests
            from flask import Flask

            app = Flask(__name__)
            LIMIT = 10 ** 30

            @app.route("/r/<int:id>", methods=["GET", "POST"], strict_slashes=False, response_class=requests.Response)
            def view(id: int, ratio: float = 0.25, flag: bool = True, *rest, key=b"\x00\xff", **kw):
                "A docstring."
                subprocess.run(["ls", "-l", None], shell=False, timeout=1.5, env={"A": "1"}, input=b"\x00\xff")
                requests.get("https://example.com/" + str(id), verify=(True, 2, -7, LIMIT))
                return f"caf\u00e9 {id!r} \ud800"
            """)], new ModelCatalog())[0];
        var dump = Dump(module);
        Assert.Equal(dump, Dump(PackedModule.Pack(module).Unpack()));
        // The constants above are in the IR in each kind: were one left out there, the comparison would prove little.
        foreach (var kind in new[] { "\"Float\"", "\"Bytes\"", "\"List\"", "\"Tuple\"", "\"Dict\"", "\"Bool\"", "\"None\"", "\"Int\"" })
            Assert.Contains(kind, dump, StringComparison.Ordinal);
        // A dict with string keys keeps its entries (`env={"A": "1"}`).
        Assert.Contains("\"entries\":[{\"Key\":\"A\",\"Value\":{\"kind\":\"Str\",\"raw\":\"1\"}}]", dump, StringComparison.Ordinal);
        // A keyword naming a class, not a constant.
        Assert.Contains("\"KeywordNames\":{\"response_class\":\"requests.Response\"}", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Recurring_name_lists_and_string_constants_unpack_to_one_shared_object()
    {
        var module = TaintPruningTests.Lower([("app.py", """
            import sqlite3

            def run(db: sqlite3.Connection, a, b):
                db.execute("SELECT 1", timeout=a)
                db.execute("SELECT 1", timeout=b)
                db.commit()
            """)], new ModelCatalog())[0];
        var unpacked = PackedModule.Pack(module).Unpack();
        Assert.Equal(Dump(module), Dump(unpacked));
        var calls = unpacked.Functions.Single(f => f.Name == "run").Calls.Where(c => c.Method == "execute").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.NotEmpty(calls[0].ReceiverTypes);
        Assert.Same(calls[0].ReceiverTypes, calls[1].ReceiverTypes);
        Assert.Same(calls[0].KeywordNames, calls[1].KeywordNames);
        Assert.Same(calls[0].Constants[0], calls[1].Constants[0]);
        // Lists that differ stay apart.
        var commit = unpacked.Functions.Single(f => f.Name == "run").Calls.Single(c => c.Method == "commit");
        Assert.NotSame(calls[0].KeywordNames, commit.KeywordNames);
    }

    [Fact]
    public void Modules_unpacked_into_one_pool_share_equal_strings_and_name_lists()
    {
        var modules = TaintPruningTests.Lower([("a.py", """
            import sqlite3

            def run(db: sqlite3.Connection, a):
                db.execute("SELECT 1", timeout=a)
            """), ("b.py", """
            import sqlite3

            def other(conn: sqlite3.Connection, b):
                conn.execute("SELECT 1", timeout=b)
                conn.commit()
            """)], new ModelCatalog());
        var pool = new PackedModule.Pool();
        var unpacked = modules.Select(m => PackedModule.Pack(m).Unpack(pool)).ToList();
        for (int i = 0; i < modules.Count; i++) Assert.Equal(Dump(modules[i]), Dump(unpacked[i]));
        IrCall Execute(ModuleIr m) => m.Functions.SelectMany(f => f.Calls).Single(c => c.Method == "execute");
        var (a, b) = (Execute(unpacked[0]), Execute(unpacked[1]));
        Assert.NotEmpty(a.ReceiverTypes);
        Assert.Same(a.ReceiverTypes, b.ReceiverTypes);
        Assert.Same(a.KeywordNames, b.KeywordNames);
        Assert.Same(a.Method, b.Method);
        Assert.Same(a.Constants[0], b.Constants[0]);
        // Unpacked on their own, nothing is shared.
        Assert.NotSame(a.ReceiverTypes, Execute(PackedModule.Pack(modules[1]).Unpack()).ReceiverTypes);
    }

    [Fact]
    public void Calls_let_go_are_read_again_the_same_and_calls_set_directly_stay()
    {
        var module = TaintPruningTests.Lower([("app.py", """
            import subprocess
            from flask import request

            def helper(cmd):
                subprocess.run(cmd, shell=True, timeout=2)

            def view():
                helper(request.args["c"])
                return helper
            """)], new ModelCatalog())[0];
        var unpacked = PackedModule.Pack(module).Unpack();
        var view = unpacked.Functions.Single(f => f.Name == "view");
        var first = view.Calls;
        Assert.NotEmpty(first);
        Assert.Same(first, view.Calls);
        view.Release();
        var again = view.Calls;
        Assert.NotSame(first, again);
        Assert.Equal(JsonSerializer.Serialize(first, Options), JsonSerializer.Serialize(again, Options));
        // A module that was never packed has nothing to read its calls from: letting go keeps them.
        var lowered = module.Functions.Single(f => f.Name == "view");
        var kept = lowered.Calls;
        lowered.Release();
        Assert.Same(kept, lowered.Calls);
        Assert.Equal(Dump(module), Dump(unpacked));
    }

    [Fact]
    public void The_body_reader_reads_ahead_of_the_step_and_only_when_enabled()
    {
        var modules = TaintPruningTests.Lower(TaintPruningTests.Corpus(), new ModelCatalog());
        var unpacked = modules.Select(m => PackedModule.Pack(m).Unpack()).ToList();
        var order = unpacked.SelectMany(m => m.Functions).ToList();
        Assert.True(order.Count > BodyPrefetcher.Ahead + 10);
        Assert.DoesNotContain(order, f => f.BodyInMemory);
        using (var off = new BodyPrefetcher(order, enabled: false))
            off.Reached(0);
        Assert.DoesNotContain(order, f => f.BodyInMemory);

        var expected = modules.SelectMany(m => m.Functions).Select(f => JsonSerializer.Serialize(f.Calls, Options)).ToList();
        using (var reader = new BodyPrefetcher(order, enabled: true))
        {
            // The step is at function 0: the reader reads up to function Ahead and stops there (function 1 it may
            // leave to the step, when it starts behind it).
            reader.Reached(0);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!order.Skip(2).Take(BodyPrefetcher.Ahead - 1).All(f => f.BodyInMemory) && DateTime.UtcNow < deadline) Thread.Sleep(10);
            Assert.All(order.Skip(2).Take(BodyPrefetcher.Ahead - 1), f => Assert.True(f.BodyInMemory));
            Assert.DoesNotContain(order.Skip(BodyPrefetcher.Ahead + 2), f => f.BodyInMemory);
        }
        Assert.Equal(expected, order.Select(f => JsonSerializer.Serialize(f.Calls, Options)).ToList());
    }

    [Fact]
    public void Asking_which_names_a_packed_body_calls_answers_as_its_calls_do()
    {
        var modules = TaintPruningTests.Lower(TaintPruningTests.Corpus(), new ModelCatalog());
        int asked = 0, yes = 0;
        foreach (var module in modules)
        {
            var unpacked = PackedModule.Pack(module).Unpack();
            for (int i = 0; i < module.Functions.Length; i++)
            {
                var names = module.Functions[i].Calls.SelectMany(c => new[] { c.Callee, c.Method }).Where(n => n is not null).Distinct().ToList();
                // Every name it calls is found, the last one too (the scan reads every call before it), and a name it does not call is not.
                foreach (var name in names)
                {
                    asked++;
                    Assert.True(unpacked.Functions[i].AnyCallNamed((callee, method) => callee == name || method == name), name);
                    Assert.False(unpacked.Functions[i].BodyInMemory);
                    yes++;
                }
                Assert.False(unpacked.Functions[i].AnyCallNamed((callee, method) => callee == "no.such.callee" || method == "no_such_method"));
            }
        }
        Assert.True(asked > 1000, $"{asked} names asked");
    }
}
