using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bulwark.Python.Tests;

public class PropertyTests
{
    static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", ":", ",", "\n", "    ", "\t", "\\\n", "'", "\"", "'''", "f'", "t\"", "rb'", "#",
        "x", "match", "case", "if", "else", "lambda", "yield", "await", "def", "class", "=", ":=", "*", "**", "1", "0x", "1e",
        "1j", ".", "...", "@", "->", "!", "{x=}", "{", "\\N{", "\\x", "\r\n", "\r", "\0", "é", "\ud800", " ", ";", "not", "in",
    ];

    static Gen<string> PythonishText() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 500)]
    public Property Parser_never_throws_on_python_like_fragments() =>
        Prop.ForAll(PythonishText().ToArbitrary(), text =>
        {
            var r = PythonParser.Parse(text);
            if (r.Ok) AstDump.Dump(r.Module, r.Text);
            return true;
        });

    [Property(MaxTest = 300)]
    public bool Parser_terminates_on_random_text(string? text)
    {
        var r = PythonParser.Parse(text ?? "");
        return r.Ok || r.Errors.Count > 0;
    }

    [Property(MaxTest = 300)]
    public bool Decoder_never_throws(byte[]? bytes)
    {
        var d = SourceDecoder.Decode(bytes ?? []);
        return d.Ok || d.Error is not null;
    }
}
