using System.Text;
using Bulwark.Core;

namespace Bulwark.Tests.Core;

/// <summary>The managed SHA-256 gives the digests OpenSSL gives, at every padding boundary and beyond.</summary>
public class Sha256Tests
{
    static byte[] Managed(byte[] data)
    {
        var digest = new byte[32];
        Sha256.Managed(data, digest);
        return digest;
    }

    [Fact]
    public void Managed_digest_matches_the_published_test_vectors()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(Managed([])));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(Managed("abc"u8.ToArray())));
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            Convert.ToHexStringLower(Managed("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8.ToArray())));
    }

    [Fact]
    public void Managed_digest_matches_the_system_digest_for_every_length_up_to_300_and_some_larger()
    {
        var random = new Random(2026);
        foreach (var length in Enumerable.Range(0, 301).Concat([1023, 1024, 4097, 65_536, 100_003]))
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Managed(data));
        }
    }

    [Fact]
    public void HashData_gives_the_system_digest_for_inputs_under_and_over_the_managed_budget()
    {
        foreach (var data in new[] { Encoding.UTF8.GetBytes("B101\0app.py\0assert x\00"), new byte[3 << 20] })
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
    }
}
