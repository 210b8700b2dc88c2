using Bulwark.Core;

namespace Bulwark.Rules.Code;

/// <summary>B613 — bidirectional control characters in Python source (Trojan Source).</summary>
public sealed class Trojansource : FileRule
{
    static readonly char[] BidiCharacters = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F'];

    public override RuleInfo Info { get; } = new(
        Id: "B613", Name: "trojansource", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 838,
        What: """
            Unicode bidirectional control characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, RLM) anywhere in a
            Python file: one finding per line that has them (under `--profile bandit`, the first one of the file only,
            as Bandit).
            """,
        Why: """
            These characters reorder how text is displayed, so code shown in an editor or a review differs from what the
            interpreter runs: a comment can hide a `return`, a string can hide code (CVE-2021-42574).
            """,
        Example: """access_level = "user<U+202E> <U+2066>// Check if admin<U+2069> <U+2066>"  # shown with the characters named""",
        Fix: """Remove the control characters; if right-to-left text is needed in a string, write it with `\u` escapes.""",
        References: [Bandit.Doc("B613", "trojansource"), Bandit.Cwe(838), "https://trojansource.codes/"])
    {
        Compliance = Compliance.HiddenCode,
        DifferencesFromBandit = """
            Bandit stops at the first occurrence in a file; the default profile reports every affected line.
            """,
    };

    public override bool AppliesTo(DiscoveredFile file) => file.IsPython;

    public override void Check(SourceFile file, FileContext context)
    {
        var text = file.Text;
        // Almost no file holds one: a vectorised search for the range U+200F..U+2069 that holds all ten decides, before
        // any line is looked at. (A SearchValues set of the ten characters was ~10% of a site-packages code scan: this
        // build's vector shuffle it relies on is not accelerated.) The range also holds dashes and quotes; step over them.
        if (!HasBidi(text.Text)) return;
        bool firstOnly = context.Settings.Profile == RuleProfile.Bandit;
        for (int line = 1; line <= text.LineCount; line++)
        {
            var (lineStart, lineLength) = text.LineExtent(line);
            var content = text.Text.AsSpan(lineStart, lineLength);
            // Bandit looks for the characters in a fixed order and reports the first one found on the line.
            foreach (var c in BidiCharacters)
            {
                int col = content.IndexOf(c);
                if (col < 0) continue;
                var (start, _) = text.LineExtent(line);
                context.Report(this, start + col, start + col + 1, $"A Python source file contains the bidirectional control character U+{(int)c:X4}.",
                    fingerprintKey: $"U+{(int)c:X4}");
                if (firstOnly) return;
                break;
            }
        }
    }

    static bool HasBidi(string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            int i = rest.IndexOfAnyInRange('\u200F', '\u2069');
            if (i < 0) return false;
            if (Array.IndexOf(BidiCharacters, rest[i]) >= 0) return true;
            rest = rest[(i + 1)..];
        }
    }
}
