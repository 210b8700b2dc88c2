using System.Text;

namespace Bulwark.Python.Tests;

/// <summary>Dumps and error positions compared with files generated once from CPython 3.13 (bench/parser/regen-golden.sh).</summary>
public class GoldenTests
{
    static string GoldenDir => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> FeatureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(GoldenDir, "*.py").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    public static TheoryData<string> ErrorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(GoldenDir, "errors"), "*.py").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(FeatureFiles))]
    public void Dump_matches_cpython(string file)
    {
        var path = Path.Combine(GoldenDir, file);
        var decoded = SourceDecoder.Decode(File.ReadAllBytes(path));
        Assert.True(decoded.Ok, decoded.Error);
        var result = PythonParser.Parse(decoded.Text!);
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".dump"), Encoding.UTF8).TrimEnd('\n');
        Assert.Equal(expected, AstDump.Dump(result.Module, result.Text));
    }

    [Theory]
    [MemberData(nameof(ErrorFiles))]
    public void Syntax_error_message_and_position_match_cpython(string file)
    {
        var path = Path.Combine(GoldenDir, "errors", file);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".err"));
        var decoded = SourceDecoder.Decode(File.ReadAllBytes(path));
        Assert.True(decoded.Ok);
        var result = PythonParser.Parse(decoded.Text!);
        Assert.False(result.Ok);
        var first = result.Errors[0];
        var (line, col) = result.Text.Utf8Position(first.Start);
        Assert.Equal(expected[0], first.Message);
        Assert.Equal(int.Parse(expected[1]), line);
        Assert.Equal(int.Parse(expected[2]), col + 1);
    }
}
