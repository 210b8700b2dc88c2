namespace Bulwark.Secrets;

/// <summary>
/// Finds `name = value` pairs on one line in the ways configuration and code write them: `KEY=value` (.env, shell),
/// `key: value` (YAML), `"key": "value"` (JSON, notebooks with escaped quotes), `key = "value"` (TOML, INI, Terraform,
/// Python), `--key=value`, `key := value`, `key => value`. A hand-written left-to-right scan: each character is
/// looked at a bounded number of times, so a hostile line costs linear time.
/// </summary>
public static class AssignmentLines
{
    public static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    public static void Parse<T>(string text, int ls, int le, bool escapedQuotes, T state, Action<T, int, int, int, int> found)
    {
        int i = ls;
        while (i < le)
        {
            if (!IsKeyChar(text[i]) || (i > ls && IsKeyChar(text[i - 1]))) { i++; continue; }
            int ks = i;
            while (i < le && IsKeyChar(text[i])) i++;
            int ke = i;
            int j = i;
            // The closing quote of a quoted key: "key": / 'key': / \"key\":
            if (j < le && text[j] is '"' or '\'' or '`') j++;
            else if (escapedQuotes && j + 1 < le && text[j] == '\\' && text[j + 1] == '"') j += 2;
            while (j < le && text[j] is ' ' or '\t') j++;
            if (j >= le) break;
            // The separator.
            char c = text[j];
            if (c == '=') { j++; if (j < le && text[j] is '>' or '=') j++; }
            else if (c == ':') { j++; if (j < le && text[j] == '=') j++; else if (j < le && text[j] == ':') continue; }
            else if ((c is '?' or '+') && j + 1 < le && text[j + 1] == '=') j += 2;
            else continue;
            while (j < le && text[j] is ' ' or '\t') j++;
            if (j >= le) break;
            // A string prefix (b"…", r'…', u"…"); an f-string is built at run time, not a literal secret.
            int p = j;
            while (p < le && p - j < 2 && text[p] is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F') p++;
            if (p > j && p < le && text[p] is '"' or '\'')
            {
                if (text.AsSpan(j, p - j).IndexOfAny("fF") >= 0) { i = p; continue; }
                j = p;
            }
            int vs, ve, next;
            if (escapedQuotes && j + 1 < le && text[j] == '\\' && text[j + 1] == '"')
            {
                vs = j + 2;
                int close = vs;
                while (close + 1 < le && !(text[close] == '\\' && text[close + 1] == '"')) close += text[close] == '\\' ? 2 : 1;
                if (close + 1 >= le) { i = vs; continue; }
                ve = close;
                next = close + 2;
            }
            else if (text[j] is '"' or '\'' or '`')
            {
                char q = text[j];
                vs = j + 1;
                int close = vs;
                while (close < le && text[close] != q) close += text[close] == '\\' ? 2 : 1;
                if (close >= le) { i = vs; continue; }
                ve = close;
                next = close + 1;
            }
            else
            {
                vs = j;
                ve = j;
                // A bare value ends at whitespace or punctuation; `#` starts a comment only after whitespace (`p#ss` is a value).
                while (ve < le && text[ve] is not (' ' or '\t' or '\r' or ',' or ';' or ')' or ']' or '}' or '"' or '\'')) ve++;
                next = ve;
            }
            found(state, ks, ke, vs, Math.Min(ve, le));
            i = Math.Max(next, ke);
        }
    }
}
