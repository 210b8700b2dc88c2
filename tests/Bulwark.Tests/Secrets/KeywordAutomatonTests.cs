using Bulwark.Secrets;

namespace Bulwark.Tests.Secrets;

/// <summary>The keyword automaton reports exactly the occurrences a naive case-insensitive search finds.</summary>
public class KeywordAutomatonTests
{
    static List<(int Keyword, int End)> Naive(IReadOnlyList<string> keywords, string text)
    {
        var hits = new List<(int, int)>();
        for (int end = 1; end <= text.Length; end++)
            for (int k = 0; k < keywords.Count; k++)
            {
                var w = keywords[k];
                if (w.Length <= end && string.Compare(text, end - w.Length, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && text.AsSpan(end - w.Length, w.Length).IndexOfAnyExceptInRange('\0', '\x7f') < 0)
                    hits.Add((k, end));
            }
        return hits;
    }

    static List<(int Keyword, int End)> Automaton(KeywordAutomaton a, string text)
    {
        var hits = new List<(int, int)>();
        a.Scan(text, 0, text.Length, ref hits, static (ref List<(int, int)> h, int k, int end) => h.Add((k, end)));
        return hits.OrderBy(h => h.Item2).ThenBy(h => h.Item1).ToList();
    }

    [Fact]
    public void Finds_every_occurrence_case_insensitively_including_overlaps_and_nested_keywords()
    {
        string[] keywords = ["he", "she", "his", "hers", "api_key", "-----begin", "://", "key"];
        var a = new KeywordAutomaton(keywords);
        foreach (var text in new[] { "ushers", "SHE said HIS API_KEY=1", "x-----BEGIN y", "https://h", "keykey", "h\u00e9rs she", "", "zzz" })
            Assert.Equal(Naive(keywords, text).OrderBy(h => h.End).ThenBy(h => h.Keyword), Automaton(a, text));
    }

    [Fact]
    public void Agrees_with_a_naive_search_on_random_text()
    {
        // Keywords over a few letters and punctuation, texts over those and characters no keyword has (which send
        // the automaton back to its root), upper case and non-ASCII.
        var random = new Random(12345);
        const string alphabet = "abAB-_:/ zZ9\u00e9";
        for (int round = 0; round < 200; round++)
        {
            var keywords = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => new string(Enumerable.Range(0, random.Next(1, 5)).Select(_ => "ab-_:/"[random.Next(6)]).ToArray()))
                .Distinct().ToList();
            var a = new KeywordAutomaton(keywords);
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Naive(keywords, text).OrderBy(h => h.End).ThenBy(h => h.Keyword), Automaton(a, text));
        }
    }
}
