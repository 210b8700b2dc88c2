using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>The order of findings in a result: path, line, column, rule id, message.</summary>
public static class FindingOrder
{
    public static int Compare(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0) return c;
        c = a.Location.StartLine.CompareTo(b.Location.StartLine);
        if (c != 0) return c;
        c = a.Location.StartColumn.CompareTo(b.Location.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
