using System.Text;
using Bulwark.Core;

namespace Bulwark.Cli.Commands;

/// <summary>
/// Standard error for messages: a control character from a scanned file's name or content (an escape sequence, a
/// carriage return, a bidirectional override) becomes its visible picture instead of reaching the terminal.
/// Newlines and tabs pass; the progress bar writes to the underlying stream itself.
/// </summary>
public sealed class MessageWriter(TextWriter inner) : TextWriter
{
    public TextWriter Inner { get; } = inner;
    public override Encoding Encoding => Inner.Encoding;
    public override void Write(char value) => Inner.Write(Untrusted.IsUnsafe(value, keepNewlines: true) ? Untrusted.Visible(value.ToString()) : value.ToString());
    public override void Write(string? value) { if (value is not null) Inner.Write(Untrusted.Visible(value, keepNewlines: true)); }
    public override void WriteLine(string? value) { Write(value); Inner.WriteLine(); }
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    public override void Flush() => Inner.Flush();
}
