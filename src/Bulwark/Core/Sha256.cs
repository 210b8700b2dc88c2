using System.Buffers.Binary;
using System.Numerics;

namespace Bulwark.Core;

/// <summary>
/// SHA-256 (FIPS 180-4) for the scan's digests: file contents, fingerprints, evidence. .NET hashes through OpenSSL,
/// whose loading and initialisation cost a one-file scan ~10 ms of CPU (a fifth of it, on a thread of its own); the
/// first MiB a process hashes goes through this managed implementation instead (~50 µs for a one-file scan), and only
/// the rest through OpenSSL, which is several times faster per byte. Both give the same digest, so which one hashed
/// what never shows.
/// </summary>
public static class Sha256
{
    const long ManagedBudget = 1 << 20;
    static long _managedBytes;

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        if (data.Length <= ManagedBudget && Interlocked.Add(ref _managedBytes, data.Length) <= ManagedBudget)
        {
            var digest = new byte[32];
            Managed(data, digest);
            return digest;
        }
        return System.Security.Cryptography.SHA256.HashData(data);
    }

    public static byte[] HashData(byte[] data) => HashData(data.AsSpan());

    static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The managed digest of <paramref name="data"/> into <paramref name="digest"/> (32 bytes); internal for tests.</summary>
    internal static void Managed(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<uint> h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> w = stackalloc uint[64];
        int whole = data.Length & ~63;
        for (int offset = 0; offset < whole; offset += 64) Block(data.Slice(offset, 64), h, w);
        // The tail, the 0x80 marker and the bit length, in one block or two.
        Span<byte> last = stackalloc byte[128];
        last.Clear();
        int rest = data.Length - whole;
        data[whole..].CopyTo(last);
        last[rest] = 0x80;
        int blocks = rest < 56 ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(last.Slice(blocks * 64 - 8), (ulong)data.Length * 8);
        for (int b = 0; b < blocks; b++) Block(last.Slice(b * 64, 64), h, w);
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.Slice(i * 4), h[i]);
    }

    static void Block(ReadOnlySpan<byte> block, Span<uint> h, Span<uint> w)
    {
        for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4));
        for (int i = 16; i < 64; i++)
        {
            uint s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        var k = K;
        for (int i = 0; i < 64; i++)
        {
            uint t1 = hh + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + k[i] + w[i];
            uint t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}
