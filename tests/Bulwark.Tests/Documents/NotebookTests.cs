using Bulwark.Documents.Notebooks;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Documents;

/// <summary>Jupyter notebooks: code cells analysed as Python, magics skipped, positions mapped back to the file and the cell.</summary>
public class NotebookTests
{
    static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", "notebook.ipynb");

    [Fact]
    public void Code_cells_become_one_module_with_magics_and_shell_escapes_replaced()
    {
        var nb = Notebook.Read(File.ReadAllText(Fixture))!;
        Assert.True(nb.IsPython);
        Assert.Equal(3, nb.CodeCells);
        Assert.Equal(
            "pass\npass\nimport subprocess\nif True:\n    pass\nx = \"a\"; subprocess.call(x, shell=True)\n" +
            "pass\n\nimport pickle\npickle.loads(b)\n", nb.Code);
        // Markdown cells are not code, but count in the numbering.
        Assert.Equal(2, nb.Lines[0].Cell);
        Assert.Equal((4, 2), (nb.Lines[^1].Cell, nb.Lines[^1].LineInCell));
        Assert.Empty(Bulwark.Python.PythonParser.Parse(nb.Code).Errors);
    }

    [Fact]
    public void Positions_map_to_the_notebook_file_past_json_escapes()
    {
        var nb = Notebook.Read(File.ReadAllText(Fixture))!;
        // `subprocess` on cell 2's line 6: `    "x = \"a\"; subprocess…` is line 19 of the file, column 17 (two escapes before it).
        Assert.Equal((19, 17), nb.FilePosition(6, 10));
        // The one-string form: `pickle` after `import pickle\n` on line 30.
        Assert.Equal((30, 30), nb.FilePosition(10, 1));
    }

    [Fact]
    public void Scanning_a_notebook_reports_code_findings_with_cell_and_line()
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("analysis/nb.ipynb", File.ReadAllText(Fixture));
        // Bandit's profile: the default profile leaves out `subprocess.call(x, shell=True)` with a constant x.
        var (code, output, _) = Run("scan", repo.Path, "--no-posture", "--no-progress", "--profile", "bandit", "--select", "B602,B301");
        Assert.Equal(1, code);
        Assert.Contains("analysis/nb.ipynb:19:17  B602", output);
        Assert.Contains("(notebook cell 2, line 6)", output);
        Assert.Contains("analysis/nb.ipynb:30:30  B301", output);
        Assert.DoesNotContain("rm -rf", output);          // a %%bash cell is not Python
        Assert.Equal(2, output.Split("  B").Length - 1);  // the markdown cell's code-like text is not analysed
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"cells\": [}")]
    public void A_broken_notebook_is_a_warning_not_a_crash(string text)
    {
        Assert.Null(Notebook.Read(text));
        using var repo = new TempDir();
        repo.Write("nb.ipynb", text);
        var (code, output, _) = Run("scan", repo.Path, "--select", "B602", "--no-posture", "--no-progress");
        Assert.Equal(0, code);
        Assert.Contains("not a Jupyter notebook", output);
    }

    [Fact]
    public void A_notebook_of_another_language_is_not_parsed_as_python()
    {
        var nb = Notebook.Read("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"x <- 1\"]}], \"metadata\": {\"kernelspec\": {\"language\": \"R\"}}}")!;
        Assert.False(nb.IsPython);
    }
}
