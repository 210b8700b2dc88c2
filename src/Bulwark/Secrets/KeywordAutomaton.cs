namespace Bulwark.Secrets;

/// <summary>
/// Aho–Corasick automaton over lower-cased ASCII keywords: one left-to-right pass over a text reports every keyword
/// occurrence, case-insensitively, in time linear in the text plus the number of hits. Non-ASCII characters reset
/// to the root. Built once per process; immutable and shared between threads.
/// </summary>
public sealed class KeywordAutomaton
{
    const int Sigma = 128;
    readonly byte[] _column = new byte[Sigma];   // ASCII character → its column: 0 for every character no keyword has
    readonly int _width;                         // columns: one per distinct (folded) keyword character, plus column 0
    readonly ushort[] _next;       // state * _width + column → state (complete transition function)
    // State s's keyword ids ending here (including through failure links) are _outputIds[_outputStart[s].._outputStart[s + 1]]:
    // one flat array (a LINQ Distinct().ToArray() per state with outputs was ~30% of the construction).
    readonly int[] _outputStart;
    readonly int[] _outputIds;
    public IReadOnlyList<string> Keywords { get; }

    public KeywordAutomaton(IReadOnlyList<string> keywords)
    {
        Keywords = keywords;
        // The trie is built in place in the transition table (a missing edge is 0, as no trie edge leads to the root),
        // which the breadth-first pass then completes with the failure links: one flat array of the exact size, no
        // per-state rows, nothing to fill before (start-up cost).
        // Its columns are the characters the keywords use, not all of ASCII: any other character leads every state
        // back to the root (no keyword continues or starts with it), which column 0 says once. The secrets table
        // was 128 columns wide for ~40 characters used, and filling it was most of the scanner's start-up.
        _width = 1;
        foreach (var keyword in keywords)
            foreach (var ch in keyword)
            {
                int c = Fold(ch);
                if (c < 0) throw new ArgumentException($"keyword '{keyword}' is not ASCII");
                if (_column[c] == 0) _column[c] = (byte)_width++;
            }
        for (int ch = 'A'; ch <= 'Z'; ch++) _column[ch] = _column[ch | 0x20];
        int width = _width;
        int capacity = TrieSize(keywords);
        // States fit in 16 bits (the secrets table has ~1,700): half the memory to clear and touch at start-up.
        if (capacity > ushort.MaxValue) throw new ArgumentException($"{capacity} automaton states; at most {ushort.MaxValue}");
        var next = new ushort[capacity * width];
        var outs = new List<int>?[capacity];
        int n = 1;
        for (int k = 0; k < keywords.Count; k++)
        {
            int s = 0;
            foreach (var ch in keywords[k])
            {
                int c = _column[ch];
                if (next[s * width + c] == 0) next[s * width + c] = (ushort)n++;
                s = next[s * width + c];
            }
            (outs[s] ??= []).Add(k);
        }
        var fail = new int[n];
        var queue = new Queue<int>();
        for (int c = 0; c < width; c++)
        {
            int t = next[c];
            if (t != 0) { fail[t] = 0; queue.Enqueue(t); }
        }
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            if (outs[fail[s]] is { } inherited) (outs[s] ??= []).AddRange(inherited);
            int row = s * width, failRow = fail[s] * width;
            for (int c = 0; c < width; c++)
            {
                int t = next[row + c];
                if (t == 0) next[row + c] = next[failRow + c];
                else
                {
                    fail[t] = next[failRow + c];
                    queue.Enqueue(t);
                }
            }
        }
        _next = next;
        _outputStart = new int[n + 1];
        int total = 0;
        for (int i = 0; i < n; i++) total += outs[i]?.Count ?? 0;
        var ids = new int[total];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            _outputStart[i] = count;
            if (outs[i] is not { } o) continue;
            // Distinct, first occurrence first: a state's own keyword, then those inherited along its failure chain.
            foreach (var k in o)
                if (Array.IndexOf(ids, k, _outputStart[i], count - _outputStart[i]) < 0) ids[count++] = k;
        }
        _outputStart[n] = count;
        _outputIds = count == total ? ids : ids[..count];
    }

    /// <summary>The number of trie states: the root and one per distinct non-empty prefix of the folded keywords.</summary>
    static int TrieSize(IReadOnlyList<string> keywords)
    {
        var folded = new string[keywords.Count];
        for (int k = 0; k < folded.Length; k++)
        {
            var chars = keywords[k].ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (Fold(chars[i]) is var c and >= 0) chars[i] = (char)c;
            folded[k] = new string(chars);
        }
        Array.Sort(folded, StringComparer.Ordinal);
        int size = 1;
        for (int k = 0; k < folded.Length; k++)
        {
            int common = 0;
            if (k > 0)
            {
                var prev = folded[k - 1];
                while (common < prev.Length && common < folded[k].Length && prev[common] == folded[k][common]) common++;
            }
            size += folded[k].Length - common;
        }
        return size;
    }

    static int Fold(char ch) => ch >= Sigma ? -1 : ch is >= 'A' and <= 'Z' ? ch | 0x20 : ch;

    /// <summary>Calls <paramref name="hit"/>(keyword id, end offset exclusive) for each occurrence, in order of end offset.</summary>
    public void Scan<TState>(string text, int start, int end, ref TState state, HitHandler<TState> hit)
    {
        int s = 0;
        var next = _next;
        var column = _column;
        int width = _width;
        var outputStart = _outputStart;
        var outputIds = _outputIds;
        for (int i = start; i < end; i++)
        {
            char ch = text[i];
            if (ch >= Sigma) { s = 0; continue; }
            s = next[s * width + column[ch]];
            for (int j = outputStart[s], last = outputStart[s + 1]; j < last; j++) hit(ref state, outputIds[j], i + 1);
        }
    }

    public delegate void HitHandler<TState>(ref TState state, int keyword, int end);
}
