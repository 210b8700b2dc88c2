using Bulwark.Python;

namespace Bulwark.Secrets;

/// <summary>
/// A file's lines as snippets may show them: every secret masked by <see cref="SecretMasker"/>. Each line is masked
/// at most once, so a long line shown by many findings costs one scan, not one per finding.
/// </summary>
public sealed class MaskedLines(SourceText text)
{
    readonly Dictionary<int, string> _lines = [];

    public int LineCount => text.LineCount;

    public string LineText(int line)
    {
        if (!_lines.TryGetValue(line, out var masked)) _lines[line] = masked = SecretMasker.Mask(text.LineText(line));
        return masked;
    }
}
