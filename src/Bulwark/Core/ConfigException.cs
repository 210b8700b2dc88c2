namespace Bulwark.Core;

/// <summary>A configuration or usage error the user can fix; shown as one line, exit code 2.</summary>
public sealed class ConfigException(string message) : Exception(message);
