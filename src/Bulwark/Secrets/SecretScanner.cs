using System.Text;

namespace Bulwark.Secrets;

/// <summary>What kind of detection a <see cref="SecretMatch"/> is.</summary>
public enum SecretKind { Token, Jwt, PrivateKey, UrlPassword, NamedValue, Generic }

/// <summary>
/// One secret found in a text. <see cref="Start"/>..<see cref="End"/> is the secret itself (what masking hides);
/// <see cref="ReportStart"/>..<see cref="ReportEnd"/> is where a finding points (a private key's header line, the
/// token). The name it is assigned to, if any, is <see cref="NameStart"/>..<see cref="NameEnd"/>.
/// </summary>
public readonly record struct SecretMatch(SecretKind Kind, CredentialType? Type, int Start, int End,
    int ReportStart, int ReportEnd, int NameStart, int NameEnd, SecretNameKind NameKind)
{
    public bool HasName => NameEnd > NameStart;
    public string? Name(string text) => HasName ? text[NameStart..NameEnd] : null;
    public string TypeId => Type?.Id ?? (NameKind == SecretNameKind.Password ? "generic-password" : "generic-secret");
}

/// <summary>What to look for in a text.</summary>
[Flags]
public enum ScanMode
{
    /// <summary>Provider tokens, JWTs, private keys, URL passwords and provider-named values (every text file).</summary>
    Formats = 1,
    /// <summary>Also high-entropy values under credential names (configuration files, notebooks, history).</summary>
    Generic = 2,
    /// <summary>Quotes may be JSON-escaped (`\"password\": \"…\"` inside a notebook cell).</summary>
    EscapedQuotes = 4,
    /// <summary>For masking snippets: any non-placeholder value under a credential name counts.</summary>
    Masking = 8,
}

/// <summary>
/// Finds secrets in text in one pass: an Aho–Corasick automaton over every keyword of every credential type and
/// secret-like name reports where something may start; hand-written matchers (<see cref="TokenPattern"/>, PEM blocks,
/// URL user information, `name = value` lines) then confirm each candidate. No regular expression touches the text, and
/// every matcher is bounded or memoised, so the whole scan is linear in the text's length even on hostile input.
/// </summary>
public static class SecretScanner
{
    enum ActionKind : byte { Token, Pem, Ssh2, Putty, Url, Name }
    readonly record struct KeywordAction(ActionKind Kind, int Type, int Length, int Offset);

    static readonly KeywordAutomaton Automaton;
    static readonly KeywordAction[][] Actions;
    static readonly CredentialType[] Types;
    static readonly CredentialType[] NamedTypes;
    /// <summary>The provider names of <see cref="NamedTypes"/>, to find in a key which types it may name in one pass.</summary>
    static readonly KeywordAutomaton NameAutomaton;
    static readonly int[][] NameTypes;
    static readonly Dictionary<string, CredentialType> UrlSchemes = new(StringComparer.OrdinalIgnoreCase);
    static readonly Dictionary<string, CredentialType> PemLabels = new(StringComparer.Ordinal);
    static readonly CredentialType GenericPem, Ssh2Key, PuttyKey, Jwt;

    static SecretScanner()
    {
        Types = CredentialTable.All.ToArray();
        var keywords = new List<string>();
        var actions = new List<List<KeywordAction>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string keyword, KeywordAction action)
        {
            keyword = keyword.ToLowerInvariant();
            if (!index.TryGetValue(keyword, out int k))
            {
                k = keywords.Count;
                index[keyword] = k;
                keywords.Add(keyword);
                actions.Add([]);
            }
            actions[k].Add(action with { Length = keyword.Length });
        }
        var named = new List<CredentialType>();
        GenericPem = Ssh2Key = PuttyKey = Jwt = null!;
        for (int i = 0; i < Types.Length; i++)
        {
            var t = Types[i];
            switch (t.Kind)
            {
                case DetectorKind.Token or DetectorKind.Jwt:
                    if (t.Kind == DetectorKind.Jwt) Jwt = t;
                    foreach (var kw in t.Keywords ?? t.Compiled.LeadingLiterals) Add(kw, new(ActionKind.Token, i, 0, t.KeywordOffset));
                    break;
                case DetectorKind.NamedValue:
                    named.Add(t);
                    foreach (var n in t.Names) Add(n, new(ActionKind.Name, i, 0, 0));
                    break;
                case DetectorKind.UrlPassword:
                    foreach (var kw in t.Keywords!) UrlSchemes[kw[..^3]] = t;
                    break;
                case DetectorKind.PrivateKey:
                    if (t.Id == "ssh2-private-key") Ssh2Key = t;
                    else if (t.Id == "putty-private-key") PuttyKey = t;
                    else if (t.Id == "generic-private-key") GenericPem = t;
                    else PemLabels[t.Pattern["-----BEGIN ".Length..^"-----".Length]] = t;
                    break;
            }
        }
        Add("-----begin", new(ActionKind.Pem, -1, 0, 0));
        Add("---- begin ssh2 encrypted private key ----", new(ActionKind.Ssh2, -1, 0, 0));
        Add("putty-user-key-file-", new(ActionKind.Putty, -1, 0, 0));
        Add("://", new(ActionKind.Url, -1, 0, 0));
        foreach (var n in SecretNames.PrefilterKeywords) Add(n, new(ActionKind.Name, -1, 0, 0));
        NamedTypes = named.ToArray();
        var names = new List<string>();
        var nameTypes = new List<List<int>>();
        for (int i = 0; i < NamedTypes.Length; i++)
            foreach (var n in NamedTypes[i].Names)
            {
                int k = names.IndexOf(n);
                if (k < 0) { k = names.Count; names.Add(n); nameTypes.Add([]); }
                nameTypes[k].Add(i);
            }
        NameAutomaton = new KeywordAutomaton(names);
        NameTypes = nameTypes.Select(l => l.ToArray()).ToArray();
        Automaton = new KeywordAutomaton(keywords);
        Actions = actions.Select(a => a.ToArray()).ToArray();
    }

    /// <summary>Every credential type, in table order (for docs and tests).</summary>
    public static IReadOnlyList<CredentialType> CredentialTypes => Types;

    public static List<SecretMatch> Scan(string text, ScanMode mode) => Scan(text, 0, text.Length, mode);

    /// <summary>Secrets in <paramref name="text"/>[start..end), sorted by position, one per place.</summary>
    public static List<SecretMatch> Scan(string text, int start, int end, ScanMode mode)
    {
        // A scan never starts another on its thread; the state is taken while in use all the same, so that one would get its own.
        var state = t_state ?? new State();
        t_state = null;
        try
        {
            state.Reset(text, start, end, mode);
            Automaton.Scan(text, start, end, ref state, OnHit);
            state.FinishPrivateKeys();
            state.ParseCandidateLines();
            return state.Result();
        }
        finally
        {
            state.Release();
            t_state = state;
        }
    }

    [ThreadStatic] static State? t_state;

    static void OnHit(ref State s, int keyword, int end)
    {
        foreach (var a in Actions[keyword])
        {
            switch (a.Kind)
            {
                case ActionKind.Token: s.TryToken(a.Type, end - a.Length - a.Offset); break;
                case ActionKind.Pem: s.PemBegins.Add(end - a.Length); break;
                case ActionKind.Ssh2: s.Ssh2Begins.Add(end - a.Length); break;
                case ActionKind.Putty: s.TryPutty(end - a.Length); break;
                case ActionKind.Url: s.TryUrl(end - 3); break;
                case ActionKind.Name: s.NoteLine(end - 1); break;
            }
        }
    }

    static bool IsAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Which named types a key mentions (a bit per type; few keys mention any).</summary>
    struct NamedCandidates
    {
        ulong[]? _bits;
        public int Count;

        public void Add(int name)
        {
            _bits ??= new ulong[(NamedTypes.Length + 63) / 64];
            foreach (var t in NameTypes[name]) { _bits[t >> 6] |= 1UL << (t & 63); Count++; }
        }

        public readonly bool Names(int type) => _bits is not null && (_bits[type >> 6] & (1UL << (type & 63))) != 0;
    }

    static bool AllowsDigits(CredentialType t)
    {
        foreach (var s in t.Compiled.Segments)
            if (s is TokenPattern.Run r && r.Alphabet.Contains('0') && r.Max >= 16) return true;
        return false;
    }

    /// <summary>
    /// One scan's state, reused by the thread's next scan (<see cref="Reset"/>): every finding's snippet lines are
    /// scanned, and a state made for each was a visible share of a scan's allocations.
    /// </summary>
    sealed class State
    {
        string _text = "";
        int _start, _end;
        ScanMode _mode;
        readonly TokenPattern.RunCache _runs = new();
        readonly int[] _lastEnd = new int[Types.Length];
        readonly List<SecretMatch> _found = [];
        readonly List<(int Start, int End)> _lines = [];
        public readonly List<int> PemBegins = [];
        public readonly List<int> Ssh2Begins = [];
        int _lastTokenStart = -1, _lastTokenEnd = -1;
        int _urlScannedTo = -1;
        int _privateLinesFrom = -1, _privateLinesAt = -1, _puttyDoneTo = -1;

        /// <summary>Ready for a scan of <paramref name="text"/>[start..end), as if new.</summary>
        public void Reset(string text, int start, int end, ScanMode mode)
        {
            _text = text;
            _start = start;
            _end = end;
            _mode = mode;
            _runs.Clear();
            Array.Clear(_lastEnd);
            _found.Clear();
            _lines.Clear();
            PemBegins.Clear();
            Ssh2Begins.Clear();
            _lastTokenStart = _lastTokenEnd = -1;
            _urlScannedTo = -1;
            _privateLinesFrom = _privateLinesAt = _puttyDoneTo = -1;
            _pemEndSearchFrom = _pemEndAt = -1;
        }

        /// <summary>Lets go of the scanned text and what was found in it (a large file's text is not kept alive by the thread).</summary>
        public void Release()
        {
            _text = "";
            _found.Clear();
            _lines.Clear();
            _runs.Clear();
        }

        // ── Tokens and JWTs ─────────────────────────────────────────────────────────────────────────────────
        public void TryToken(int type, int at)
        {
            if (at < _start || at < _lastEnd[type]) return;
            // One token per place: the first row (in table order) that matches wins.
            if (at >= _lastTokenStart && at < _lastTokenEnd) return;
            var t = Types[type];
            if (!t.Unanchored && at > 0 && IsAlnum(_text[at - 1])) return;
            int e = t.Compiled.Match(_text, at, _end, _runs);
            if (e < 0) return;
            _lastEnd[type] = e;
            if (e < _end)
            {
                char next = _text[e];
                if (IsAlnum(next) || next == '_') return;
                if (next == '-' && e + 1 < _end && IsAlnum(_text[e + 1]) && t.Kind != DetectorKind.Jwt) return;
                if (t.Compiled.Segments[^1] is TokenPattern.Run last && last.Alphabet.Contains(next)) return;
            }
            int variable = at + (t.Compiled.Segments[0] is TokenPattern.Literal ? LiteralLength(t, at) : 0);
            var body = _text.AsSpan(variable, e - variable);
            if (t.MinEntropy > 0 && SecretValues.Entropy(body) < t.MinEntropy) return;
            if (SecretValues.LooksFabricated(body, t.Compiled)) return;
            if (t.MustContain is { } must && _text.IndexOf(must, at, e - at, StringComparison.Ordinal) < 0) return;
            switch (t.Check)
            {
                case TokenCheck.Crc32Base62 when !Checksums.Crc32Base62Valid(body): return;
                case TokenCheck.JwtStructure when !JwtLooksReal(_text, at, e): return;
            }
            _lastTokenStart = at;
            _lastTokenEnd = e;
            var kind = t.Kind == DetectorKind.Jwt ? SecretKind.Jwt : SecretKind.Token;
            _found.Add(new SecretMatch(kind, t, at, e, at, e, 0, 0, SecretNameKind.None));
        }

        int LiteralLength(CredentialType t, int at)
        {
            var lit = (TokenPattern.Literal)t.Compiled.Segments[0];
            foreach (var o in lit.Options)
                if (string.Compare(_text, at, o, 0, o.Length, lit.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                    return o.Length;
            return 0;
        }

        // ── URLs with a password ────────────────────────────────────────────────────────────────────────────
        public void TryUrl(int colon)
        {
            if (colon < _urlScannedTo) return;
            int s = colon;
            while (s > _start && colon - s < 40 && _text[s - 1] is var c && (IsAlnum(c) || c is '+' or '.' or '-' or ':' or '_')) s--;
            while (s < colon && !char.IsAsciiLetter(_text[s])) s++;
            if (s == colon) return;
            var scheme = _text.AsSpan(s, colon - s);
            var type = UrlSchemes.GetValueOrDefault(scheme.ToString());
            int q = colon + 3, limit = Math.Min(_end, q + 512), at = -1, stop = q;
            for (; stop < limit; stop++)
            {
                char c = _text[stop];
                if (c is '/' or '?' or '#' or ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '`' or '<' or '>' or '\\' or ')' or ']' or '}') break;
                if (c == '@') at = stop;
            }
            _urlScannedTo = stop;
            if (at < 0 || type is null) return;
            // Multi-host URLs (`host1:port,user:pass@host2`): the user information is the part after the last comma.
            int comma = _text.LastIndexOf(',', at - 1, at - q);
            if (comma >= q) q = comma + 1;
            int userColon = _text.IndexOf(':', q, at - q);
            if (userColon < 0) return;
            int pw = userColon + 1;
            if (pw >= at) return;
            var password = _text.AsSpan(pw, at - pw);
            var user = _text.AsSpan(q, userColon - q);
            if (SecretValues.IsPlaceholder(password) || IsTemplateUser(user) || password.IndexOfAny("{}%$") >= 0) return;
            // `https://host.com:8080@other/` is a host and port, not a user and password.
            if (user.Contains('.') && password.Length <= 5 && password.IndexOfAnyExceptInRange('0', '9') < 0) return;
            var host = _text.AsSpan(at + 1, Math.Max(0, stop - at - 1));
            if (host.Contains("example", StringComparison.OrdinalIgnoreCase)) return;
            _found.Add(new SecretMatch(SecretKind.UrlPassword, type, pw, at, pw, at, q, userColon, SecretNameKind.Password));
        }

        static bool IsTemplateUser(ReadOnlySpan<char> user) =>
            user.IndexOfAny("{}<>$%") >= 0;

        // ── Private keys ────────────────────────────────────────────────────────────────────────────────────
        int _pemEndSearchFrom = -1, _pemEndAt = -1;

        /// <summary>
        /// The next occurrence of a marker at or after <paramref name="from"/>. Queries only move forward, so the answer
        /// is memoised and each character is searched at most once however many headers precede it.
        /// </summary>
        int NextMarker(string marker, int from, ref int searchedFrom, ref int foundAt)
        {
            if (searchedFrom >= 0 && searchedFrom <= from && (foundAt == -1 || foundAt >= from)) return foundAt;
            foundAt = from >= _end ? -1 : _text.IndexOf(marker, from, _end - from, StringComparison.Ordinal);
            searchedFrom = from;
            return foundAt;
        }

        public void FinishPrivateKeys()
        {
            const int MaxBody = 64 * 1024;
            for (int i = 0; i < PemBegins.Count; i++)
            {
                int b = PemBegins[i];
                int labelStart = b + "-----BEGIN ".Length;
                if (labelStart > _end) continue;
                int close = _text.IndexOf("-----", labelStart, Math.Min(100, _end - labelStart), StringComparison.Ordinal);
                if (close < 0) continue;
                var label = _text.AsSpan(labelStart, close - labelStart);
                if (!label.EndsWith("PRIVATE KEY") && !label.EndsWith("PRIVATE KEY BLOCK")) continue;
                int bodyStart = close + 5;
                int endMarker = NextMarker("-----END", bodyStart, ref _pemEndSearchFrom, ref _pemEndAt);
                if (endMarker < 0 || endMarker - bodyStart > MaxBody) continue;
                if (i + 1 < PemBegins.Count && PemBegins[i + 1] < endMarker) continue; // another block starts first
                if (!KeyBodyLooksReal(bodyStart, endMarker)) continue;
                var type = PemLabels.TryGetValue(label.ToString(), out var t) ? t : GenericPem;
                _found.Add(new SecretMatch(SecretKind.PrivateKey, type, bodyStart, endMarker, b, close + 5, 0, 0, SecretNameKind.None));
            }
            int sshEndFrom = -1, sshEndAt = -1;
            for (int i = 0; i < Ssh2Begins.Count; i++)
            {
                int b = Ssh2Begins[i];
                int bodyStart = b + "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----".Length;
                int endMarker = NextMarker("---- END SSH2", bodyStart, ref sshEndFrom, ref sshEndAt);
                if (endMarker < 0 || endMarker - bodyStart > MaxBody) continue;
                if (i + 1 < Ssh2Begins.Count && Ssh2Begins[i + 1] < endMarker) continue;
                if (!KeyBodyLooksReal(bodyStart, endMarker)) continue;
                _found.Add(new SecretMatch(SecretKind.PrivateKey, Ssh2Key, bodyStart, endMarker, b, bodyStart, 0, 0, SecretNameKind.None));
            }
        }

        /// <summary>At least 64 base64 characters, random enough, and no ellipsis or mask marking an example.</summary>
        bool KeyBodyLooksReal(int from, int to)
        {
            int count = 0;
            Span<int> freq = stackalloc int[128];
            for (int i = from; i < to; i++)
            {
                char c = _text[i];
                if (c == '\\' && i + 1 < to) { i++; continue; } // \n escapes in code and JSON
                if (IsAlnum(c) || c is '+' or '/') { count++; freq[c]++; }
                else if (c == '.' && i + 2 < to && _text[i + 1] == '.' && _text[i + 2] == '.') return false;
            }
            if (count < 64) return false;
            double h = 0;
            foreach (var f in freq) if (f > 0) { double p = (double)f / count; h -= p * Math.Log2(p); }
            return h >= 4.5 && !SecretValues.LooksFabricated(_text.AsSpan(from, Math.Min(to - from, 4096)));
        }

        public void TryPutty(int header)
        {
            if (header < _puttyDoneTo) return;
            int lineEnd = _text.IndexOf('\n', header, Math.Min(200, _end - header));
            if (lineEnd < 0) return;
            int pl = NextMarker("Private-Lines:", header, ref _privateLinesFrom, ref _privateLinesAt);
            if (pl < 0 || pl - header > 16 * 1024) return;
            int bodyStart = _text.IndexOf('\n', pl, Math.Min(100, _end - pl));
            if (bodyStart < 0) return;
            int mac = _text.IndexOf("Private-MAC:", bodyStart, Math.Min(16 * 1024, _end - bodyStart), StringComparison.Ordinal);
            int bodyEnd = mac < 0 ? Math.Min(_end, bodyStart + 8 * 1024) : mac;
            _puttyDoneTo = bodyEnd;
            if (!KeyBodyLooksReal(bodyStart, bodyEnd)) return;
            _found.Add(new SecretMatch(SecretKind.PrivateKey, PuttyKey, bodyStart + 1, bodyEnd, header, lineEnd, 0, 0, SecretNameKind.None));
        }

        // ── Lines that may assign a credential ──────────────────────────────────────────────────────────────
        public void NoteLine(int at)
        {
            if (_lines.Count > 0 && at < _lines[^1].End) return;
            int from = _lines.Count > 0 ? _lines[^1].End : _start;
            int ls = at;
            while (ls > from && _text[ls - 1] != '\n') ls--;
            int le = _text.IndexOf('\n', at, _end - at);
            if (le < 0) le = _end;
            _lines.Add((ls, le));
        }

        public void ParseCandidateLines()
        {
            foreach (var (ls, le) in _lines)
                AssignmentLines.Parse(_text, ls, le, (_mode & ScanMode.EscapedQuotes) != 0, this, OnAssignment);
            // Hits not on a candidate line never reach here; lines are visited once each.
        }

        static void OnAssignment(State s, int ks, int ke, int vs, int ve) => s.Assignment(ks, ke, vs, ve);

        void Assignment(int ks, int ke, int vs, int ve)
        {
            if (ve <= vs) return;
            var key = _text.AsSpan(ks, ke - ks);
            var value = _text.AsSpan(vs, ve - vs);
            // Provider-named values: `ALGOLIA_API_KEY = "…"`, `twilio_auth_token: …` (not `SegmentId`, `elasticache`).
            var keyText = key.ToString();
            var candidates = new NamedCandidates();
            NameAutomaton.Scan(keyText, 0, keyText.Length, ref candidates, static (ref NamedCandidates c, int name, int _) => c.Add(name));
            if (candidates.Count > 0 && !SecretNames.IsDescriptive(keyText))
            {
                bool hasDigit = value.IndexOfAnyInRange('0', '9') >= 0;
                for (int i = 0; i < NamedTypes.Length; i++)
                {
                    if (!candidates.Names(i)) continue;
                    var t = NamedTypes[i];
                    if (t.Compiled.Match(_text, vs, ve, _runs) != ve) continue;
                    if (!hasDigit && AllowsDigits(t)) continue; // a random value of that length has digits; a word does not
                    if (t.MinEntropy > 0 && SecretValues.Entropy(value) < t.MinEntropy) continue;
                    if (SecretValues.LooksFabricated(value, t.Compiled) || SecretValues.IsPlaceholder(value)) continue;
                    _found.Add(new SecretMatch(SecretKind.NamedValue, t, vs, ve, vs, ve, ks, ke, SecretNames.Classify(keyText)));
                    return;
                }
            }
            if ((_mode & (ScanMode.Generic | ScanMode.Masking)) == 0) return;
            var kind = SecretNames.Classify(keyText);
            if (kind == SecretNameKind.None) return;
            bool secret = (_mode & ScanMode.Masking) != 0
                ? !SecretValues.IsPlaceholder(value) && value.Length >= 4 && !(IsBare(vs) && IsCodeName(value))
                : SecretValues.LooksLikeSecret(value, kind);
            if (secret) _found.Add(new SecretMatch(SecretKind.Generic, null, vs, ve, vs, ve, ks, ke, kind));
        }

        bool IsBare(int vs) => vs == 0 || _text[vs - 1] is not ('"' or '\'' or '`');

        /// <summary>An unquoted identifier without digits (`total_tokens`): code on a snippet line, not a value to mask.</summary>
        static bool IsCodeName(ReadOnlySpan<char> v)
        {
            if (!(char.IsAsciiLetter(v[0]) || v[0] == '_')) return false;
            foreach (var c in v) if (!(char.IsAsciiLetter(c) || c is '_' or '.')) return false;
            return true;
        }

        /// <summary>Sorted by position; a value already recognised by its format is not reported again as generic.</summary>
        public List<SecretMatch> Result()
        {
            _found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
            var result = new List<SecretMatch>(_found.Count);
            int coveredTo = -1;
            foreach (var m in _found)
            {
                bool weak = m.Kind is SecretKind.Generic or SecretKind.NamedValue;
                if (weak && m.Start < coveredTo) continue;
                if (result.Count > 0 && result[^1] is var prev && prev.Kind is SecretKind.Generic or SecretKind.NamedValue
                    && !weak && m.Start < prev.End)
                    result.RemoveAt(result.Count - 1); // the format match supersedes the generic one it overlaps
                result.Add(m);
                if (!weak) coveredTo = Math.Max(coveredTo, m.End);
            }
            return result;
        }
    }

    /// <summary>The header decodes to a JSON object with a non-`none` `alg`, the payload to a JSON object.</summary>
    static bool JwtLooksReal(string text, int start, int end)
    {
        int dot1 = text.IndexOf('.', start, end - start);
        if (dot1 < 0) return false;
        int dot2 = text.IndexOf('.', dot1 + 1, end - dot1 - 1);
        if (dot2 < 0) return false;
        var header = DecodeBase64Url(text.AsSpan(start, dot1 - start));
        if (header is null || !header.StartsWith('{') || !header.TrimEnd().EndsWith('}') || !header.Contains("\"alg\"")) return false;
        if (header.Replace(" ", "").Contains("\"alg\":\"none\"", StringComparison.OrdinalIgnoreCase)) return false;
        var payload = DecodeBase64Url(text.AsSpan(dot1 + 1, Math.Min(dot2 - dot1 - 1, 64)).TrimEnd('='), partial: true);
        return payload is not null && payload.StartsWith('{');
    }

    static string? DecodeBase64Url(ReadOnlySpan<char> s, bool partial = false)
    {
        if (partial) s = s[..(s.Length / 4 * 4)];
        var sb = new StringBuilder(s.Length + 3);
        foreach (var c in s) sb.Append(c switch { '-' => '+', '_' => '/', _ => c });
        while (sb.Length % 4 != 0) sb.Append('=');
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(sb.ToString())); }
        catch (FormatException) { return null; }
    }
}
