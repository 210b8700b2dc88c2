namespace Bulwark.Python;

/// <summary>Outcome of decoding a file's bytes per PEP 263.</summary>
public readonly record struct DecodedSource(string? Text, string Encoding, string? Error)
{
    public bool Ok => Text is not null;
}

/// <summary>Bytes → text per PEP 263: UTF-8 BOM, `coding:` cookie on line 1 or 2, UTF-8 by default.</summary>
public static class SourceDecoder
{
    public static DecodedSource Decode(ReadOnlySpan<byte> bytes)
    {
        throw new NotImplementedException("parser issue #3");
    }

    /// <summary>True when the bytes look binary (NUL bytes in the first 8 KB).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > 8192 ? bytes[..8192] : bytes;
        return head.IndexOf((byte)0) >= 0;
    }
}
