namespace Bulwark.Core;

/// <summary>
/// Refuses TOML nested deeper than any real file is, before a recursive-descent parser sees it: a few kilobytes of
/// `[[[[…` would otherwise overflow the stack, which ends the process without a message.
/// </summary>
public static class NestingGuard
{
    public const int MaxTomlDepth = 128;

    /// <summary>Null when fine, else a message with the line where the nesting became too deep.</summary>
    public static string? CheckToml(string text, int maxDepth = MaxTomlDepth)
    {
        int depth = 0, line = 1;
        bool lineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\n': line++; lineStart = true; continue;
                case ' ' or '\t' or '\r': continue;
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    continue;
                case '"' or '\'':
                {
                    bool triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                    int k = i + (triple ? 3 : 1);
                    while (k < text.Length)
                    {
                        if (c == '"' && text[k] == '\\') { k += 2; continue; }
                        if (text[k] == '\n') { if (!triple) break; line++; }
                        if (text[k] == c && (!triple || (k + 2 < text.Length && text[k + 1] == c && text[k + 2] == c))) { k += triple ? 2 : 0; break; }
                        k++;
                    }
                    i = k;
                    lineStart = false;
                    continue;
                }
                case '[' when lineStart && depth == 0:
                    // A table header: `[a.b]` or `[[a]]`, closed on its line.
                    while (i + 1 < text.Length && text[i + 1] != '\n' && text[i + 1] != ']') i++;
                    while (i + 1 < text.Length && text[i + 1] == ']') i++;
                    lineStart = false;
                    continue;
                case '[' or '{':
                    if (++depth > maxDepth) return $"line {line}: arrays or tables nested deeper than {maxDepth}";
                    break;
                case ']' or '}':
                    if (depth > 0) depth--;
                    break;
            }
            lineStart = false;
        }
        return null;
    }
}
