using System.Reflection;

namespace Bulwark.Core;

/// <summary>Bulwark's version: `&lt;Version&gt;` in Directory.Build.props, the one place it is set.</summary>
public static class BulwarkVersion
{
    // The informational version keeps a pre-release label (0.2.0-rc.1) that the numeric assembly version drops.
    public static string Current { get; } = FromInformational(
        typeof(BulwarkVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>The version without the build metadata (`+commit`) that the SDK appends.</summary>
    public static string FromInformational(string? informational)
    {
        if (string.IsNullOrEmpty(informational)) return "0.0.0";
        int plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
