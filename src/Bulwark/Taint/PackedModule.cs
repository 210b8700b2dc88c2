using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// A lowered module packed into one byte array between the file phase and the project phase. As objects, the IR of
/// every file lowered so far stays live while the other files are parsed and lowered, and each collection then copies
/// and marks it again: on a large tree that doubled the time of the file phase. As one array per module it costs the
/// collector next to nothing. The project phase unpacks every module once, in parallel, before it starts, but not its
/// functions' bodies: those stay packed (<see cref="BodyTable"/>) and are read one function at a time when asked for.
/// </summary>
public sealed class PackedModule
{
    readonly byte[] _data;
    // The functions' bodies, in an array of their own: unpacking keeps it as it is for the project phase.
    readonly byte[] _bodies;

    PackedModule((byte[] Data, byte[] Bodies) packed) => (_data, _bodies) = packed;

    /// <summary>Size in bytes, for the timing line.</summary>
    public int Size => _data.Length + _bodies.Length;

    public static PackedModule Pack(ModuleIr module)
    {
        // One writer per thread, its string table emptied for each module: a new table per module made 110 MB of
        // garbage on site-packages. One that grew large on a big module is let go rather than cleared every time.
        var writer = t_writer is { Capacity: <= MaxKeptStrings } kept ? kept : t_writer = new Writer();
        return new(writer.Module(module));
    }

    const int MaxKeptStrings = 1 << 14;
    const int HeaderSize = 4;
    [ThreadStatic] static Writer? t_writer;

    public ModuleIr Unpack() => new Reader(_data, null).Module(_bodies);

    /// <summary>
    /// Unpacks with the strings and name lists of modules unpacked before into the same pool (one per thread): most
    /// names (`os.path.join`, `self`, `str`) and receiver-type and keyword lists recur in thousands of modules, and
    /// each would otherwise be its own object.
    /// </summary>
    public ModuleIr Unpack(Pool pool) => new Reader(_data, pool).Module(_bodies);

    /// <summary>
    /// What the modules unpacked into it share: equal strings, and equal name lists (receiver, field and export types,
    /// bases, keyword names, imports), are one object.
    /// </summary>
    public sealed class Pool
    {
        internal readonly HashSet<string> Strings = new(StringComparer.Ordinal);
        internal readonly StringConstants Constants = new();
        // The lists' strings are the pool's, so equal lists hold the same references.
        internal readonly Dictionary<string[], string[]> Lists = new(SameItems.Instance);

        internal string[] Share(string[] list)
        {
            if (list.Length == 0) return list;
            if (Lists.TryGetValue(list, out var shared)) return shared;
            Lists.Add(list, list);
            return list;
        }

        sealed class SameItems : IEqualityComparer<string[]>
        {
            public static readonly SameItems Instance = new();

            public bool Equals(string[]? a, string[]? b)
            {
                if (a is null || b is null || a.Length != b.Length) return a == b;
                for (int i = 0; i < a.Length; i++)
                    if (!ReferenceEquals(a[i], b[i])) return false;
                return true;
            }

            public int GetHashCode(string[] list)
            {
                var hash = new HashCode();
                foreach (var s in list) hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(s));
                return hash.ToHashCode();
            }
        }
    }

    // Layout: where the string table starts (four bytes), the module, the string table (count, then each string as its
    // UTF-16 length and chars), the name list table; every function's body is in a second array.
    // Strings are written as table indices + 1 (0 for null); integers as zigzag varints; arrays of plain structs as raw
    // bytes; recurring name lists (receiver types, keyword names) as their index + 1 in the list table (0: empty), so
    // that each unpacks to one shared array, and a function's body read on its own needs nothing read before it.
    // A function's body (values, operands, calls, effects, guards, sites) is written apart, in the bodies array (its
    // entry is where it starts there), which unpacking keeps as it is: the functions read theirs from it when asked
    // (<see cref="BodyTable"/>). Copied out of one array with the rest, the bodies were 45 MB more to allocate at
    // unpacking on site-packages, and the whole array garbage after it. In a body, values and sites are written field by field, their sites and starts as the
    // difference from the one before: raw, they were most of the bytes a module kept through the project phase.

    sealed class Writer
    {
        readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        readonly List<string> _table = [];
        // Each distinct name list once (as string ids + 1, one list after another) and where it is in _listIds.
        readonly List<int> _listIds = [];
        readonly Dictionary<(int Start, int Length), int> _lists;
        readonly List<(int Start, int Length)> _listSlices = [];
        byte[] _body = [];
        int _length = HeaderSize;
        // The functions' bodies, written apart (the writer swaps the buffers while it writes one).
        byte[] _bodies = [];
        int _bodiesLength;

        // The value writers of maps, made once (a method group makes a delegate at each use).
        readonly Action<string> _str;
        readonly Action<ConstValue> _const;

        public Writer()
        {
            _lists = new(new SliceComparer(_listIds));
            _str = Str;
            _const = Const;
        }

        /// <summary>Room in the string and list tables, for the reuse check.</summary>
        public int Capacity => Math.Max(_ids.Capacity, _lists.Capacity);

        public (byte[] Data, byte[] Bodies) Module(ModuleIr m)
        {
            _ids.Clear();
            _table.Clear();
            _listIds.Clear();
            _lists.Clear();
            _listSlices.Clear();
            _body = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            _length = HeaderSize;
            _bodies = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            _bodiesLength = 0;
            // The module's own string table first, so its ids are the table's.
            for (int i = 0; i < m.Strings.Count; i++)
                if (Id(m.Strings[i]) != i) throw new InvalidOperationException("a module's string table holds a string twice");
            Str(m.Path);
            Str(m.ModuleName);
            Bool(m.IsPackage);
            Str(m.Key);
            Int(m.Strings.Count);
            Int(m.TypeLists.Length);
            foreach (var t in m.TypeLists) Strs(t);
            Int(m.Functions.Length);
            foreach (var f in m.Functions) Function(f);
            Int(m.Classes.Length);
            foreach (var c in m.Classes) Class(c);
            Int(m.Exports.Count);
            foreach (var (name, e) in m.Exports)
            {
                Str(name);
                Int((int)e.Kind);
                Int(e.Index);
                Str(e.Target);
                Strs(e.Types);
                Ints(e.Functions);
            }
            Strs(m.StarImports);
            Strs(m.ImportedModules);
            return Finish();
        }

        (byte[] Data, byte[] Bodies) Finish()
        {
            // The table goes after the module, in the same buffer; the first four bytes say where it starts.
            int at = _length;
            Int(_table.Count);
            foreach (var s in _table)
            {
                Int(s.Length);
                Raw(MemoryMarshal.AsBytes(s.AsSpan()));
            }
            Int(_listSlices.Count);
            foreach (var (start, length) in _listSlices)
            {
                Int(length);
                for (int i = start; i < start + length; i++) Int(_listIds[i]);
            }
            var bodies = GC.AllocateUninitializedArray<byte>(_bodiesLength);
            _bodies.AsSpan(0, _bodiesLength).CopyTo(bodies);
            System.Buffers.ArrayPool<byte>.Shared.Return(_bodies);
            _bodies = [];
            BinaryPrimitives.WriteInt32LittleEndian(_body, at);
            var result = GC.AllocateUninitializedArray<byte>(_length);
            _body.AsSpan(0, _length).CopyTo(result);
            System.Buffers.ArrayPool<byte>.Shared.Return(_body);
            _body = [];
            return (result, bodies);
        }

        void Function(IrFunction f)
        {
            Int(f.Index);
            Str(f.Name);
            Str(f.Path);
            Int((int)f.Kind);
            Int(f.Class);
            Int(f.Parent);
            Int(f.Params.Length);
            foreach (var p in f.Params) Param(p);
            Int(f.Decorators.Length);
            foreach (var d in f.Decorators) Decorator(d);
            Int(Body(f));
            Int((f.IsGenerator ? 1 : 0) | (f.IsAsync ? 2 : 0) | (f.IsStatic ? 4 : 0) | (f.IsClassMethod ? 8 : 0));
            SharedStrs(f.ReturnTypes);
            Int(f.Start);
            Int(f.End);
        }

        void Param(IrParam p)
        {
            Str(p.Name);
            Int(p.Index);
            Int((int)p.Kind);
            Str(p.Annotation);
            SharedStrs(p.AnnotationNames);
            Str(p.DefaultCallee);
            Keywords(p.DefaultKeywords);
            Ref(p.DefaultTarget);
            Int((p.HasDefault ? 1 : 0) | (p.DefaultIsBool ? 2 : 0));
            Int(p.Start);
            Int(p.End);
        }

        void Decorator(IrDecorator d)
        {
            Str(d.Callee);
            Str(d.Method);
            SharedStrs(d.ReceiverTypes);
            Consts(d.Constants);
            Keywords(d.Keywords);
            Names(d.KeywordNames);
            Bool(d.IsCall);
        }

        /// <summary>Writes a function's body apart; where it starts there.</summary>
        int Body(IrFunction f)
        {
            (_body, _bodies) = (_bodies, _body);
            (_length, _bodiesLength) = (_bodiesLength, _length);
            int at = _length;
            // Calls first: a step that only asks which names a function calls reads no further (BodyTable.AnyCallNamed).
            Int(f.Calls.Length);
            foreach (var c in f.Calls) Call(c);
            Values(f.Values);
            Ints(f.Operands);
            Plain<IrEffect>(f.Effects);
            Plain<IrGuard>(f.Guards);
            Sites(f.Sites);
            (_body, _bodies) = (_bodies, _body);
            (_length, _bodiesLength) = (_bodiesLength, _length);
            return at;
        }

        void Values(IrValue[] values)
        {
            Int(values.Length);
            int site = 0;
            foreach (ref readonly var v in values.AsSpan())
            {
                Byte((byte)v.Op);
                Byte((byte)v.Shape);
                Int(v.A);
                Int(v.N);
                Int(v.S);
                Int(v.Site - site);
                site = v.Site;
            }
        }

        void Sites(IrSite[] sites)
        {
            Int(sites.Length);
            int start = 0;
            foreach (ref readonly var s in sites.AsSpan())
            {
                Int(s.Start - start);
                Int(s.End - s.Start);
                Int(s.Name);
                Byte((byte)s.Kind);
                start = s.Start;
            }
        }

        /// <summary>A call, field by field; Reader.Call reads it back and Reader.AnyCallNamed skips it: change the three together.</summary>
        void Call(IrCall c)
        {
            Int(c.Result);
            Int(c.Site);
            // The names' ids in the module's table are the writer's (the table is written first, in order): no lookup.
            StrById(c.Callee, c.CalleeId);
            StrById(c.Method, c.MethodId);
            Int(c.Receiver);
            SharedStrs(c.ReceiverTypes);
            Ints(c.Targets);
            Ints(c.Args);
            Int(c.StarredAt);
            SharedStrs(c.KeywordNames);
            Ints(c.KeywordValues);
            Consts(c.Constants);
            SharedStrs(c.Names);
            Int(c.Refs.Length);
            foreach (var r in c.Refs) Ref(r);
            Bool(c.IsPartial);
        }

        /// <summary>A string known by its id in the module's own table; looked up when the id does not name it.</summary>
        void StrById(string? s, int id)
        {
            if (s is not null && (uint)id < (uint)_table.Count && string.Equals(_table[id], s)) Int(id + 1);
            else Str(s);
        }

        void Class(IrClass c)
        {
            Int(c.Index);
            Str(c.Name);
            Str(c.Path);
            Int(c.Body);
            Int(c.Methods.Count);
            foreach (var m in c.Methods) Int(m);
            Strs(c.Bases);
            Strs(c.Decorators);
            Int(c.CallDecorators.Length);
            foreach (var d in c.CallDecorators) Decorator(d);
            Int(c.Fields.Count);
            foreach (var (name, type, hasDefault) in c.Fields)
            {
                Str(name);
                Str(type);
                Bool(hasDefault);
            }
            Int(c.FieldTypes.Count);
            foreach (var (name, types) in c.FieldTypes)
            {
                Str(name);
                Strs(types);
            }
            Names(c.FieldPatterns);
        }

        void Ref(FunctionRef? r)
        {
            if (r is not { } x) { Int(0); return; }
            Int(x.AsView ? 2 : 1);
            Int(x.Local);
            Str(x.Qualified);
        }

        void Names(Dictionary<string, string>? names) => Map(names, _str);

        void Keywords(Dictionary<string, ConstValue>? keywords) => Map(keywords, _const);

        /// <summary>A map from names to values: its count (-1 for none), then each name and its value.</summary>
        void Map<T>(Dictionary<string, T>? map, Action<T> value)
        {
            if (map is null) { Int(-1); return; }
            Int(map.Count);
            foreach (var (k, v) in map)
            {
                Str(k);
                value(v);
            }
        }

        void Consts(IReadOnlyList<ConstValue?> values)
        {
            Int(values.Count);
            foreach (var v in values) Const(v);
        }

        void Const(ConstValue? v)
        {
            if (v is null) { Int(-1); return; }
            Int((int)v.Kind);
            switch (v.Kind)
            {
                case ValueKind.Bool: Bool(v.IsTrue); break;
                case ValueKind.Int:
                {
                    var bytes = ((BigInteger)v.Raw!).ToByteArray();
                    Int(bytes.Length);
                    Raw(bytes);
                    break;
                }
                case ValueKind.Float:
                {
                    Span<byte> b = stackalloc byte[8];
                    BinaryPrimitives.WriteDoubleLittleEndian(b, (double)v.Raw!);
                    Raw(b);
                    break;
                }
                case ValueKind.Str: Str((string)v.Raw!); break;
                case ValueKind.Bytes:
                {
                    var bytes = (byte[])v.Raw!;
                    Int(bytes.Length);
                    Raw(bytes);
                    break;
                }
                case ValueKind.List or ValueKind.Tuple: Consts(v.Items!); break;
                case ValueKind.Dict:
                    Int((int)v.Raw!);
                    // Entries: -1 when not known, else the count and each key and value.
                    if (v.Entries is not { } entries) { Int(-1); break; }
                    Int(entries.Count);
                    foreach (var (k, item) in entries)
                    {
                        Str(k);
                        Const(item);
                    }
                    break;
            }
        }

        int Id(string s)
        {
            if (_ids.TryGetValue(s, out var id)) return id;
            id = _table.Count;
            _table.Add(s);
            _ids[s] = id;
            return id;
        }

        void Str(string? s) => Int(s is null ? 0 : Id(s) + 1);

        void Strs(IReadOnlyList<string?> list)
        {
            Int(list.Count);
            foreach (var s in list) Str(s);
        }

        /// <summary>
        /// A name list that recurs (a receiver's types, keyword names, annotation names): its index + 1 in the module's
        /// list table, so the module unpacks one array per distinct list.
        /// </summary>
        void SharedStrs(IReadOnlyList<string?> list)
        {
            if (list.Count == 0) { Int(0); return; }
            int start = _listIds.Count;
            foreach (var s in list) _listIds.Add(s is null ? 0 : Id(s) + 1);
            if (_lists.TryGetValue((start, list.Count), out var index))
                _listIds.RemoveRange(start, list.Count);
            else
            {
                index = _lists.Count;
                _lists.Add((start, list.Count), index);
                _listSlices.Add((start, list.Count));
            }
            Int(index + 1);
        }

        sealed class SliceComparer(List<int> ids) : IEqualityComparer<(int Start, int Length)>
        {
            public bool Equals((int Start, int Length) a, (int Start, int Length) b) =>
                a.Length == b.Length && CollectionsMarshal.AsSpan(ids).Slice(a.Start, a.Length).SequenceEqual(CollectionsMarshal.AsSpan(ids).Slice(b.Start, b.Length));

            public int GetHashCode((int Start, int Length) key)
            {
                var hash = new HashCode();
                foreach (var id in CollectionsMarshal.AsSpan(ids).Slice(key.Start, key.Length)) hash.Add(id);
                return hash.ToHashCode();
            }
        }

        void Ints(int[] list)
        {
            Int(list.Length);
            foreach (var i in list) Int(i);
        }

        void Plain<T>(T[] items) where T : unmanaged
        {
            Int(items.Length);
            Raw(MemoryMarshal.AsBytes(items.AsSpan()));
        }

        void Bool(bool b) => Byte(b ? (byte)1 : (byte)0);

        void Byte(byte b)
        {
            Reserve(1);
            _body[_length++] = b;
        }

        void Int(int value)
        {
            Reserve(5);
            uint v = (uint)((value << 1) ^ (value >> 31));
            while (v >= 0x80)
            {
                _body[_length++] = (byte)(v | 0x80);
                v >>= 7;
            }
            _body[_length++] = (byte)v;
        }

        void Raw(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(_body.AsSpan(_length));
            _length += bytes.Length;
        }

        void Reserve(int more)
        {
            if (_length + more <= _body.Length) return;
            var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_body.Length * 2, _length + more));
            _body.AsSpan(0, _length).CopyTo(larger);
            System.Buffers.ArrayPool<byte>.Shared.Return(_body);
            _body = larger;
        }

    }

    /// <summary>
    /// The bodies of an unpacked module's functions, still packed, with the module's strings and name lists: a function
    /// reads its own when it is asked for (<see cref="IrFunction.Values"/> and the rest), from any thread.
    /// </summary>
    public sealed class BodyTable(byte[] data, string[] strings, string[][] lists, StringConstants constants)
    {
        internal readonly byte[] Data = data;
        internal readonly string[] Strings = strings;
        internal readonly string[][] Lists = lists;

        /// <summary>The constant of string <paramref name="id"/> of the table, one for all the modules of a pool.</summary>
        internal ConstValue StrConst(int id) => constants.Of(Strings[id]);

        /// <summary>Packed size in bytes, for the timing line.</summary>
        public int Size => Data.Length;

        internal IrFunction.IrBody Read(int at) => new Reader(this, at).Body();

        /// <summary>
        /// Whether a call of the body at <paramref name="at"/> has a callee or method name <paramref name="named"/>
        /// accepts, read off the packed bytes without making the calls.
        /// </summary>
        internal bool AnyCallNamed(int at, Func<string?, string?, bool> named) => new Reader(this, at).AnyCallNamed(named);
    }

    /// <summary>
    /// One constant per string that a call passes as an argument, made when first read: `"utf-8"`, `"id"` and keyword
    /// defaults recur in every reading of a body and across modules. Kept for the strings asked for only (a row as long
    /// as its string table for every module was up to 12 MB on site-packages, a table of the ids asked for 7.5 MB);
    /// bodies are read from two threads. Keyed by reference: the strings of a pool are each one object.
    /// </summary>
    public sealed class StringConstants
    {
        readonly Dictionary<string, ConstValue> _constants = new(ReferenceEqualityComparer.Instance);
        readonly Lock _gate = new();

        internal ConstValue Of(string text)
        {
            lock (_gate)
            {
                if (!_constants.TryGetValue(text, out var c)) _constants[text] = c = ConstValue.Str(text);
                return c;
            }
        }
    }

    ref struct Reader(byte[] data, Pool? pool)
    {
        readonly ReadOnlySpan<byte> _data = data;
        readonly Pool? _pool = pool;
        int _at;
        string[] _table = [];
        string[][] _lists = [];
        BodyTable? _bodies;

        public Reader(BodyTable bodies, int at) : this(bodies.Data, null)
        {
            _table = bodies.Strings;
            _lists = bodies.Lists;
            _bodies = bodies;
            _at = at;
        }

        public IrFunction.IrBody Body()
        {
            var calls = Count<IrCall>();
            for (int i = 0; i < calls.Length; i++) calls[i] = Call();
            var body = new IrFunction.IrBody { Calls = calls, Values = Values(), Operands = Ints() };
            body.Effects = Plain<IrEffect>();
            body.Guards = Plain<IrGuard>();
            body.Sites = Sites();
            return body;
        }

        /// <summary>Goes through the calls as <see cref="Call"/> reads them, making nothing but the names asked about.</summary>
        public bool AnyCallNamed(Func<string?, string?, bool> named)
        {
            int count = Int();
            for (int i = 0; i < count; i++)
            {
                Skip(2); // result, site
                var callee = Str();
                var method = Str();
                if (named(callee, method)) return true;
                Skip(2); // receiver, receiver types
                SkipInts(); // targets
                SkipInts(); // args
                Skip(2); // starred at, keyword names
                SkipInts(); // keyword values
                int constants = Int();
                for (int k = 0; k < constants; k++) SkipConst();
                Skip(1); // names
                int refs = Int();
                for (int r = 0; r < refs; r++)
                    if (Int() != 0) Skip(2); // local, qualified name
                _at++; // partial
            }
            return false;
        }

        void Skip(int ints)
        {
            for (int i = 0; i < ints; i++)
                while ((_data[_at++] & 0x80) != 0) { }
        }

        void SkipInts() => Skip(Int());

        void SkipConst()
        {
            switch ((ValueKind)Int())
            {
                case ValueKind.Bool: _at++; break;
                case ValueKind.Int or ValueKind.Bytes:
                    int length = Int(); // read before `_at +=` reads _at
                    _at += length;
                    break;
                case ValueKind.Float: _at += 8; break;
                case ValueKind.Str: Skip(1); break;
                case ValueKind.Dict:
                    Skip(1);
                    int entries = Int();
                    for (int i = 0; i < entries; i++)
                    {
                        Skip(1);
                        SkipConst();
                    }
                    break;
                case ValueKind.List or ValueKind.Tuple:
                    int items = Int();
                    for (int i = 0; i < items; i++) SkipConst();
                    break;
            }
        }

        IrValue[] Values()
        {
            var values = Count<IrValue>();
            int site = 0;
            for (int i = 0; i < values.Length; i++)
            {
                ref var v = ref values[i];
                v.Op = (IrOp)Byte();
                v.Shape = (ValueShape)Byte();
                v.A = Int();
                v.N = Int();
                v.S = Int();
                v.Site = site += Int();
            }
            return values;
        }

        IrSite[] Sites()
        {
            var sites = Count<IrSite>();
            int start = 0;
            for (int i = 0; i < sites.Length; i++)
            {
                start += Int();
                int end = start + Int();
                int name = Int();
                sites[i] = new IrSite(start, end, name, (SiteKind)Byte());
            }
            return sites;
        }

        public ModuleIr Module(byte[] bodies)
        {
            _at = BinaryPrimitives.ReadInt32LittleEndian(_data);
            _table = new string[Int()];
            for (int i = 0; i < _table.Length; i++)
            {
                int length = Int();
                var chars = MemoryMarshal.Cast<byte, char>(_data.Slice(_at, 2 * length));
                _at += 2 * length;
                if (_pool is null) _table[i] = new string(chars);
                else if (!_pool.Strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out _table[i]!))
                {
                    _table[i] = new string(chars);
                    _pool.Strings.Add(_table[i]);
                }
            }
            _lists = new string[Int()][];
            for (int i = 0; i < _lists.Length; i++) _lists[i] = SharedList(Strs());
            _bodies = new BodyTable(bodies, _table, _lists, _pool?.Constants ?? new StringConstants());
            _at = HeaderSize;
            var path = Str()!;
            var moduleName = Str();
            var isPackage = Bool();
            var key = Str()!;
            // The module's own strings are the first of the table (the writer checks it): the module reads them
            // there rather than from a copy (1.2 million references on site-packages, 9.6 MB).
            var strings = new ArraySegment<string>(_table, 0, Int());
            var typeLists = new string[Int()][];
            for (int i = 0; i < typeLists.Length; i++) typeLists[i] = SharedList(Strs());
            var functions = new IrFunction[Int()];
            for (int i = 0; i < functions.Length; i++) functions[i] = Function();
            var classes = new IrClass[Int()];
            for (int i = 0; i < classes.Length; i++) classes[i] = Class();
            int exportCount = Int();
            var exports = new Dictionary<string, Export>(exportCount, StringComparer.Ordinal);
            for (int i = 0; i < exportCount; i++)
            {
                var name = Str()!;
                var kind = (ExportKind)Int();
                var index = Int();
                var target = Str();
                var types = SharedList(Strs());
                exports[name] = new Export(kind, index, target, types) { Functions = Ints() };
            }
            var starImports = Strs();
            var imports = SharedList(Strs());
            return new ModuleIr
            {
                Path = path, ModuleName = moduleName, IsPackage = isPackage, Key = key, Strings = strings, TypeLists = typeLists,
                Functions = functions, Classes = classes, Exports = exports, StarImports = starImports, ImportedModules = imports, Bodies = _bodies,
            };
        }

        IrFunction Function()
        {
            var f = new IrFunction { Index = Int(), Name = Str()!, Path = Str()!, Kind = (FunctionKind)Int(), Class = Int(), Parent = Int() };
            f.Params = Count<IrParam>();
            for (int i = 0; i < f.Params.Length; i++) f.Params[i] = Param();
            f.Decorators = Count<IrDecorator>();
            for (int i = 0; i < f.Decorators.Length; i++) f.Decorators[i] = Decorator();
            f.SetPackedBody(_bodies!, Int());
            int flags = Int();
            f.IsGenerator = (flags & 1) != 0;
            f.IsAsync = (flags & 2) != 0;
            f.IsStatic = (flags & 4) != 0;
            f.IsClassMethod = (flags & 8) != 0;
            f.ReturnTypes = SharedStrs();
            f.Start = Int();
            f.End = Int();
            return f;
        }

        IrParam Param()
        {
            var p = new IrParam { Name = Str()!, Index = Int(), Kind = (ParameterKind)Int(), Annotation = Str(), AnnotationNames = SharedStrs(), DefaultCallee = Str() };
            p.DefaultKeywords = Keywords();
            p.DefaultTarget = Ref();
            int flags = Int();
            p.HasDefault = (flags & 1) != 0;
            p.DefaultIsBool = (flags & 2) != 0;
            p.Start = Int();
            p.End = Int();
            return p;
        }

        IrDecorator Decorator() =>
            new() { Callee = Str(), Method = Str(), ReceiverTypes = SharedStrs(), Constants = Consts(), Keywords = Keywords(), KeywordNames = Names(), IsCall = Bool() };

        Dictionary<string, string>? Names() => Map(static (ref Reader r) => r.Str()!);

        IrCall Call()
        {
            var c = new IrCall { Result = Int(), Site = Int() };
            // The names are in the module's own table (lowering made them ids): their packed ids are those ids.
            c.Callee = Str(out c.CalleeId);
            c.Method = Str(out c.MethodId);
            c.Receiver = Int();
            c.ReceiverTypes = SharedStrs();
            c.Targets = Ints();
            c.Args = Ints();
            c.StarredAt = Int();
            c.KeywordNames = SharedStrs();
            c.KeywordValues = Ints();
            c.Constants = Consts();
            c.Names = SharedStrs();
            c.Refs = Count<FunctionRef?>();
            for (int i = 0; i < c.Refs.Length; i++) c.Refs[i] = Ref();
            c.IsPartial = Bool();
            return c;
        }

        IrClass Class()
        {
            var c = new IrClass { Index = Int(), Name = Str()!, Path = Str()!, Body = Int() };
            int methods = Int();
            c.Methods = new List<int>(methods);
            for (int i = 0; i < methods; i++) c.Methods.Add(Int());
            c.Bases = SharedList(Strs());
            c.Decorators = SharedList(Strs());
            c.CallDecorators = Count<IrDecorator>();
            for (int i = 0; i < c.CallDecorators.Length; i++) c.CallDecorators[i] = Decorator();
            int fields = Int();
            c.Fields = new(fields);
            for (int i = 0; i < fields; i++) c.Fields.Add((Str()!, Str(), Bool()));
            int fieldTypes = Int();
            c.FieldTypes = new(fieldTypes, StringComparer.Ordinal);
            for (int i = 0; i < fieldTypes; i++)
            {
                var name = Str()!;
                c.FieldTypes[name] = SharedList(Strs());
            }
            c.FieldPatterns = Names();
            return c;
        }

        FunctionRef? Ref()
        {
            int tag = Int();
            if (tag == 0) return null;
            var local = Int();
            return new FunctionRef(local, Str(), tag == 2);
        }

        Dictionary<string, ConstValue>? Keywords() => Map(static (ref Reader r) => r.Const()!);

        delegate T ValueOf<T>(ref Reader reader);

        /// <summary>A map from names to values (-1: none); each entry is a name, then its value.</summary>
        Dictionary<string, T>? Map<T>(ValueOf<T> value)
        {
            int count = Int();
            if (count < 0) return null;
            var map = new Dictionary<string, T>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                var k = Str()!;
                map[k] = value(ref this);
            }
            return map;
        }

        ConstValue?[] Consts()
        {
            var values = Count<ConstValue?>();
            for (int i = 0; i < values.Length; i++) values[i] = Const();
            return values;
        }

        ConstValue? Const()
        {
            int kind = Int();
            switch ((ValueKind)kind)
            {
                case ValueKind.None: return ConstValue.None;
                case ValueKind.Bool: return ConstValue.Bool(Bool());
                case ValueKind.Int: return ConstValue.Int(new BigInteger(Bytes()));
                case ValueKind.Float:
                {
                    var d = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_at, 8));
                    _at += 8;
                    return ConstValue.Float(d);
                }
                case ValueKind.Str:
                {
                    // One constant per string of the module: `"utf-8"`, `"id"` and keyword defaults recur.
                    int id = Int() - 1;
                    return _bodies is { } bodies ? bodies.StrConst(id) : ConstValue.Str(_table[id]);
                }
                case ValueKind.Bytes: return ConstValue.Bytes(Bytes().ToArray());
                case ValueKind.List: return ConstValue.List(Consts());
                case ValueKind.Tuple: return ConstValue.Tuple(Consts());
                case ValueKind.Dict:
                {
                    int count = Int(), known = Int();
                    if (known < 0) return ConstValue.Dict(count);
                    var entries = new KeyValuePair<string, ConstValue?>[known];
                    for (int i = 0; i < known; i++)
                    {
                        var key = Str()!;
                        entries[i] = new(key, Const());
                    }
                    return ConstValue.Dict(count, entries);
                }
                default: return null;
            }
        }

        ReadOnlySpan<byte> Bytes()
        {
            int length = Int();
            var bytes = _data.Slice(_at, length);
            _at += length;
            return bytes;
        }

        T[] Count<T>()
        {
            int count = Int();
            return count == 0 ? [] : new T[count];
        }

        string? Str()
        {
            int id = Int();
            return id == 0 ? null : _table[id - 1];
        }

        string[] SharedList(string[] list) => _pool is null ? list : _pool.Share(list);

        /// <summary>A string and its id in the table (-1 for null).</summary>
        string? Str(out int id)
        {
            id = Int() - 1;
            return id < 0 ? null : _table[id];
        }

        /// <summary>A list written by the writer's SharedStrs: the same array wherever the same list recurs.</summary>
        string[] SharedStrs()
        {
            int index = Int();
            return index == 0 ? [] : _lists[index - 1];
        }

        string[] Strs()
        {
            var list = Count<string>();
            for (int i = 0; i < list.Length; i++) list[i] = Str()!;
            return list;
        }

        int[] Ints()
        {
            var list = Count<int>();
            for (int i = 0; i < list.Length; i++) list[i] = Int();
            return list;
        }

        T[] Plain<T>() where T : unmanaged
        {
            int count = Int();
            if (count == 0) return [];
            var items = new T[count];
            var bytes = MemoryMarshal.AsBytes(items.AsSpan());
            _data.Slice(_at, bytes.Length).CopyTo(bytes);
            _at += bytes.Length;
            return items;
        }

        bool Bool() => _data[_at++] != 0;

        byte Byte() => _data[_at++];

        int Int()
        {
            uint v = 0;
            int shift = 0;
            byte b;
            do
            {
                b = _data[_at++];
                v |= (uint)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (int)(v >> 1) ^ -(int)(v & 1);
        }
    }
}
