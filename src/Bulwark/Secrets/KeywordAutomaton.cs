namespace Bulwark.Secrets;

/// <summary>
/// Aho–Corasick automaton over lower-cased ASCII keywords: one left-to-right pass over a text reports every keyword
/// occurrence, case-insensitively, in time linear in the text plus the number of hits. Non-ASCII characters reset
/// to the root. Built once per process; immutable and shared between threads.
/// </summary>
public sealed class KeywordAutomaton
{
    const int Sigma = 128;
    readonly int[] _next;          // state * Sigma + c → state (complete transition function)
    readonly int[][] _outputs;     // state → keyword ids ending here (including through failure links)
    public IReadOnlyList<string> Keywords { get; }

    public KeywordAutomaton(IReadOnlyList<string> keywords)
    {
        Keywords = keywords;
        var trie = new List<int[]> { NewRow() };
        var outs = new List<List<int>> { new() };
        for (int k = 0; k < keywords.Count; k++)
        {
            int s = 0;
            foreach (var ch in keywords[k])
            {
                int c = Fold(ch);
                if (c < 0) throw new ArgumentException($"keyword '{keywords[k]}' is not ASCII");
                if (trie[s][c] < 0)
                {
                    trie[s][c] = trie.Count;
                    trie.Add(NewRow());
                    outs.Add(new());
                }
                s = trie[s][c];
            }
            outs[s].Add(k);
        }
        int n = trie.Count;
        var fail = new int[n];
        _next = new int[n * Sigma];
        var queue = new Queue<int>();
        for (int c = 0; c < Sigma; c++)
        {
            int t = trie[0][c];
            if (t < 0) _next[c] = 0;
            else { _next[c] = t; fail[t] = 0; queue.Enqueue(t); }
        }
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            outs[s].AddRange(outs[fail[s]]);
            for (int c = 0; c < Sigma; c++)
            {
                int t = trie[s][c];
                if (t < 0) _next[s * Sigma + c] = _next[fail[s] * Sigma + c];
                else
                {
                    fail[t] = _next[fail[s] * Sigma + c];
                    _next[s * Sigma + c] = t;
                    queue.Enqueue(t);
                }
            }
        }
        _outputs = new int[n][];
        for (int i = 0; i < n; i++) _outputs[i] = outs[i].Count == 0 ? [] : outs[i].Distinct().ToArray();
    }

    static int[] NewRow()
    {
        var row = new int[Sigma];
        Array.Fill(row, -1);
        return row;
    }

    static int Fold(char ch) => ch >= Sigma ? -1 : ch is >= 'A' and <= 'Z' ? ch | 0x20 : ch;

    /// <summary>Calls <paramref name="hit"/>(keyword id, end offset exclusive) for each occurrence, in order of end offset.</summary>
    public void Scan<TState>(string text, int start, int end, ref TState state, HitHandler<TState> hit)
    {
        int s = 0;
        var next = _next;
        for (int i = start; i < end; i++)
        {
            char ch = text[i];
            if (ch >= Sigma) { s = 0; continue; }
            int c = ch is >= 'A' and <= 'Z' ? ch | 0x20 : ch;
            s = next[s * Sigma + c];
            var o = _outputs[s];
            for (int j = 0; j < o.Length; j++) hit(ref state, o[j], i + 1);
        }
    }

    public delegate void HitHandler<TState>(ref TState state, int keyword, int end);
}
