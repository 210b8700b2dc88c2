namespace Bulwark.Secrets;

/// <summary>Checksums embedded in token formats.</summary>
public static class Checksums
{
    static readonly uint[] Table = BuildTable();

    static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }

    /// <summary>CRC-32 (IEEE 802.3) of the ASCII characters of <paramref name="s"/>.</summary>
    public static uint Crc32(ReadOnlySpan<char> s)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (var ch in s) crc = Table[(crc ^ (byte)ch) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary><paramref name="value"/> in base 62 (digits, upper, lower), left-padded with zeros to <paramref name="width"/>.</summary>
    public static string ToBase62(uint value, int width)
    {
        Span<char> buf = stackalloc char[16];
        int n = 0;
        do { buf[n++] = Base62[(int)(value % 62)]; value /= 62; } while (value > 0);
        while (n < width) buf[n++] = '0';
        var result = new char[n];
        for (int i = 0; i < n; i++) result[i] = buf[n - 1 - i];
        return new string(result);
    }

    /// <summary>GitHub's and npm's scheme: the last six characters are the base62 CRC-32 of the random part before them.</summary>
    public static bool Crc32Base62Valid(ReadOnlySpan<char> payloadAndChecksum)
    {
        if (payloadAndChecksum.Length <= 6) return false;
        var payload = payloadAndChecksum[..^6];
        var expected = ToBase62(Crc32(payload), 6);
        return payloadAndChecksum[^6..].SequenceEqual(expected);
    }
}
