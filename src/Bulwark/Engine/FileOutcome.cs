using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>What one file contributed to the scan.</summary>
public sealed class FileOutcome
{
    public List<Finding> Findings { get; } = [];
    public int SuppressedNosec { get; set; }
    public int SuppressedInline { get; set; }
    public int SuppressedConfig { get; set; }
    public IReadOnlySet<string> ImportedModules { get; set; } = NoImports;

    /// <summary>The empty set of imports, shared: most outcomes (non-Python files) import nothing.</summary>
    public static readonly IReadOnlySet<string> NoImports = new HashSet<string>();
    public List<string> Warnings { get; } = [];
    /// <summary>The module lowered for the taint analysis, when injection rules run (packed until the project phase).</summary>
    public Bulwark.Taint.PackedModule? Taint { get; set; }
    /// <summary>The parsed module, kept for a project rule that reads the file again (<see cref="Rules.ProjectRule.KeepsTree"/>).</summary>
    public Bulwark.Python.Syntax.Module? Tree { get; set; }
    /// <summary>Set when the file was not analysed (too large, unreadable, not a regular file).</summary>
    public SkippedFile? Skipped { get; set; }
}
