namespace Bulwark.Core;

public static class BulwarkVersion
{
    public static string Current =>
        typeof(BulwarkVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
