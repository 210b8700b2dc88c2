using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Taint;

namespace Bulwark.Rules;

/// <summary>Every rule has metadata; what it inspects depends on its base class.</summary>
public interface IRule
{
    RuleInfo Info { get; }
}

/// <summary>A check on Python source: called for each node of the kinds it registers, in one shared walk per file.</summary>
public abstract class CodeRule : IRule
{
    public abstract RuleInfo Info { get; }
    public abstract IReadOnlyList<NodeKind> Kinds { get; }
    /// <summary>
    /// For a rule registered for <see cref="NodeKind.Call"/>: the calls it looks at, so that other calls never reach
    /// it; null (the default) sends it every call.
    /// </summary>
    public virtual CallInterest? Calls => null;
    /// <summary>
    /// <see cref="Calls"/> under a scan's settings, for a rule whose callee names are options (the shell functions
    /// lists): the scan's dispatch table is built from this.
    /// </summary>
    public virtual CallInterest? CallsFor(ScanSettings settings) => Calls;
    /// <summary>
    /// For a rule registered for <see cref="NodeKind.Constant"/> that looks only at some string literals: those, under a
    /// scan's settings, so that other constants never reach it; null (the default) sends it every constant.
    /// </summary>
    public virtual StringInterest? StringsFor(ScanSettings settings) => null;
    public abstract void Check(Node node, CodeContext context);
}

/// <summary>A check on a file's text, for any file it applies to (B613 on Python sources today; secrets and settings files are planned).</summary>
public abstract class FileRule : IRule
{
    public abstract RuleInfo Info { get; }
    /// <summary>Decided from the path alone, before the file is read (unread files cost nothing).</summary>
    public abstract bool AppliesTo(DiscoveredFile file);
    public abstract void Check(SourceFile file, FileContext context);
}

/// <summary>A check over the whole scanned project, run once after every file has been analysed (dependencies, for one).</summary>
public abstract class ProjectRule : IRule
{
    public abstract RuleInfo Info { get; }
    /// <summary>
    /// The Python files this rule reads again in the project phase (Django settings), decided from their text: their
    /// parsed trees are kept from the per-file phase (<see cref="ProjectFile.Tree"/>), so they are neither read nor parsed
    /// twice. Rules that read the same files share one predicate instance, asked once per file however many rules share
    /// it (twelve Django rules asked theirs of every file, each searching its whole text). Null: none.
    /// </summary>
    public virtual Predicate<SourceFile>? KeepsTree => null;
    public abstract void Check(ProjectContext context);
}

/// <summary>
/// An injection check: attacker-controlled data from its source kinds reaching a sink of its kind unsanitised, found by
/// the project-wide taint analysis. The rule is its metadata and two names; the models say what sources and sinks are.
/// </summary>
public abstract class TaintRule : IRule
{
    public abstract RuleInfo Info { get; }
    /// <summary>The sink kind, as model files name it: `sql`, `command`, `path`…</summary>
    public abstract string SinkKind { get; }
    /// <summary>Source kinds this rule reports: request data and the local user by default.</summary>
    public virtual IReadOnlyList<string> SourceKinds => ["remote", "local"];

    /// <summary>
    /// For a weakness that is a remote attacker crossing into what the program's user may already do (read a file,
    /// fetch a URL, write a log line, render a page): request data only. A command-line tool that opens the file its
    /// user names is doing its job; `taint.report-sources = ["local"]` reports such flows too.
    /// </summary>
    protected static readonly IReadOnlyList<string> RemoteOnly = ["remote"];
    /// <summary>Pattern rules of the same weakness whose finding on the flow's lines this rule's finding replaces (default profile).</summary>
    public virtual IReadOnlyList<string> Replaces => [];
    /// <summary>What the weakness is called in messages: "SQL injection".</summary>
    public abstract string Weakness { get; }
    /// <summary>
    /// A check of the same weakness by names alone, run in the per-file walk and reporting under this rule's id, for
    /// what the analysis does not see (a logger of unknown type); a flow's finding on the same lines replaces its finding.
    /// </summary>
    public virtual CodeRule? Pattern => null;
    /// <summary>Names that make reads sources of this rule's kinds (sensitive data); null for rules of modelled sources.</summary>
    public virtual INameSources? NameSources => null;
}
