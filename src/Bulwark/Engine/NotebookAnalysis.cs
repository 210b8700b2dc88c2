using Bulwark.Core;
using Bulwark.Documents.Notebooks;
using Bulwark.Python;

namespace Bulwark.Engine;

/// <summary>
/// The code rules over a Jupyter notebook: its code cells are analysed as one Python module (<see cref="Notebook"/>),
/// and each finding is moved back to its place in the `.ipynb` file, its message naming the cell and the line in it.
/// The notebook's text rules (secrets) have already read the file itself, so secret findings of the code pass are
/// left out rather than reported twice.
/// </summary>
public static class NotebookAnalysis
{
    public static void AddCodeFindings(SourceFile file, FileOutcome outcome, RuleSet rules, ScanSettings settings, ScanProfiler? profiler)
    {
        var notebook = Notebook.Read(file.Text.Text);
        if (notebook is null)
        {
            outcome.Warnings.Add($"{Untrusted.Visible(file.RelativePath)}: not a Jupyter notebook (invalid JSON); its code was not analysed");
            return;
        }
        if (!notebook.IsPython || notebook.CodeCells == 0) return;
        var code = new SourceFile(file.FullPath, file.RelativePath, new SourceText(notebook.Code), isPython: true) { ImportPath = file.ImportPath };
        var cells = FileAnalysis.Analyze(code, rules, settings, fileRules: [], kind: FileKind.Python, profiler: profiler);
        var masked = new Bulwark.Secrets.MaskedLines(file.Text); // snippets show the notebook's own lines, where the location points
        foreach (var f in cells.Findings)
        {
            // Secrets in a notebook are the text rules' (they read every cell and output); the code pass would repeat them.
            if (f.Rule.Family == Family.Secrets) continue;
            var (cell, lineInCell) = f.Location.IsWholeFile || f.Location.StartLine > notebook.Lines.Count
                ? (0, 0) : (notebook.Lines[f.Location.StartLine - 1].Cell, notebook.Lines[f.Location.StartLine - 1].LineInCell);
            var properties = new Dictionary<string, PropertyValue>(f.Properties)
            {
                ["notebookCell"] = (long)cell,
                ["notebookLine"] = (long)lineInCell,
            };
            var location = Map(notebook, f.Location);
            outcome.Findings.Add(f with
            {
                Location = location,
                Snippet = Snippets.Of(masked, location, f.Sensitive),
                Related = f.Related.Select(r => r with { Location = Map(notebook, r.Location) }).ToList(),
                Flow = f.Flow.Select(r => r with { Location = Map(notebook, r.Location) }).ToList(),
                Message = cell > 0 ? $"{f.Message} (notebook cell {cell}, line {lineInCell})" : f.Message,
                Properties = properties,
            });
        }
        outcome.SuppressedNosec += cells.SuppressedNosec;
        outcome.SuppressedInline += cells.SuppressedInline;
        outcome.SuppressedConfig += cells.SuppressedConfig;
        outcome.Warnings.AddRange(cells.Warnings);
        outcome.ImportedModules = new HashSet<string>(outcome.ImportedModules.Concat(cells.ImportedModules), StringComparer.Ordinal);
    }

    static Location Map(Notebook notebook, Location l)
    {
        if (l.IsWholeFile) return l;
        var (startLine, startColumn) = notebook.FilePosition(l.StartLine, l.StartColumn);
        var (endLine, endColumn) = notebook.FilePosition(l.EndLine, l.EndColumn);
        // A span over several cell lines lands on several JSON lines; keep it ordered.
        if (endLine < startLine || endLine == startLine && endColumn < startColumn) (endLine, endColumn) = (startLine, startColumn);
        return l with { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };
    }
}
