using System.Text;

namespace Bulwark.Python.Tests;

public class SourceDecoderTests
{
    [Fact]
    public void Utf8_is_the_default()
    {
        var d = SourceDecoder.Decode("x = 'é'\n"u8);
        Assert.True(d.Ok);
        Assert.Equal("x = 'é'\n", d.Text);
        Assert.Equal("utf-8", d.Encoding);
    }

    [Fact]
    public void Bom_is_stripped()
    {
        var d = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'x']);
        Assert.Equal("x", d.Text);
    }

    [Fact]
    public void Latin1_cookie_on_first_line_decodes_high_bytes()
    {
        var bytes = Encoding.ASCII.GetBytes("# -*- coding: latin-1 -*-\ns = '").Concat(new byte[] { 0xE9, (byte)'\'' }).ToArray();
        var d = SourceDecoder.Decode(bytes);
        Assert.True(d.Ok, d.Error);
        Assert.EndsWith("s = 'é'", d.Text);
        Assert.Equal("latin-1", d.Encoding);
    }

    [Fact]
    public void Cookie_on_second_line_counts_when_first_line_is_a_comment()
    {
        var bytes = Encoding.ASCII.GetBytes("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx='").Concat(new byte[] { 0xFC, (byte)'\'' }).ToArray();
        var d = SourceDecoder.Decode(bytes);
        Assert.True(d.Ok, d.Error);
        Assert.EndsWith("x='ü'", d.Text);
    }

    [Fact]
    public void Cookie_on_second_line_is_ignored_after_code_on_the_first()
    {
        var d = SourceDecoder.Decode("x = 1\n# coding: latin-1\n"u8);
        Assert.Equal("utf-8", d.Encoding);
    }

    [Fact]
    public void Cp1252_cookie_uses_the_code_page()
    {
        var bytes = Encoding.ASCII.GetBytes("# coding: cp1252\ns='").Concat(new byte[] { 0x80, (byte)'\'' }).ToArray();
        var d = SourceDecoder.Decode(bytes);
        Assert.True(d.Ok, d.Error);
        Assert.EndsWith("s='€'", d.Text);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_value_not_an_exception()
    {
        var d = SourceDecoder.Decode([(byte)'x', (byte)'=', 0xFF, 0xFE]);
        Assert.False(d.Ok);
        Assert.Contains("can't decode byte 0xff", d.Error);
    }

    [Fact]
    public void Unknown_encoding_is_an_error_value()
    {
        var d = SourceDecoder.Decode("# coding: klingon-1\nx = 1\n"u8);
        Assert.False(d.Ok);
        Assert.Equal("unknown encoding: klingon-1", d.Error);
    }

    [Fact]
    public void Bom_with_a_non_utf8_cookie_is_rejected()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.ASCII.GetBytes("# coding: latin-1\n")).ToArray();
        Assert.False(SourceDecoder.Decode(bytes).Ok);
    }
}

/// <summary>Every codec CPython accepts in a coding cookie, checked against text CPython decoded (bench/parser/gen-codec-goldens.py).</summary>
public class SourceCodecGoldenTests
{
    sealed record Golden(string Codec, byte[] Bytes, string Text, bool Hidden);

    static readonly Lazy<Dictionary<string, Golden>> Goldens = new(() =>
    {
        var d = new Dictionary<string, Golden>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Golden", "codecs.jsonl")))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var r = doc.RootElement;
            bool hidden = r.TryGetProperty("hidden", out var h) && h.GetBoolean();
            var g = new Golden(r.GetProperty("codec").GetString()!, Convert.FromBase64String(r.GetProperty("bytes").GetString()!), r.GetProperty("text").GetString()!, hidden);
            d[g.Codec + (hidden ? "/hidden" : "")] = g;
        }
        return d;
    });

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var k in Goldens.Value.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Add(k);
        return data;
    }

    [Fact]
    public void Goldens_cover_every_codec_cpython_accepts()
    {
        Assert.True(Goldens.Value.Count >= 96, $"only {Goldens.Value.Count} goldens");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Decodes_like_cpython(string key)
    {
        var g = Goldens.Value[key];
        var d = SourceDecoder.Decode(g.Bytes);
        if (g.Codec.StartsWith("iso2022_jp", StringComparison.Ordinal))
        {
            // escape-switched character sets are not guessed: reported as unsupported, never decoded wrongly
            Assert.False(d.Ok);
            Assert.True(d.UnsupportedEncoding);
            return;
        }
        Assert.True(d.Ok, $"{g.Codec}: {d.Error}");
        Assert.Equal(g.Text, d.Text);
        Assert.Equal(g.Codec is "utf_7" or "unicode_escape" or "raw_unicode_escape", d.HidingEncoding);
    }

    [Theory]
    [InlineData("unicode_escape/hidden", "import os")]
    [InlineData("raw_unicode_escape/hidden", "import os")]
    [InlineData("utf_7/hidden", "import os")]
    public void Code_hidden_in_a_comment_by_an_escape_codec_becomes_a_statement(string key, string hidden)
    {
        var d = SourceDecoder.Decode(Goldens.Value[key].Bytes);
        var module = PythonParser.Parse(d.Text!).Module;
        Assert.Contains(module.Body, s => s is Syntax.Import);
        Assert.Contains("\n" + hidden, d.Text);
    }

    [Theory]
    [InlineData("MAC-ROMAN", "mac_roman")]
    [InlineData("u8", "utf_8")]
    [InlineData("UTF-7", "utf_7")]
    [InlineData("euc-jp", "euc_jp")]
    [InlineData("ks_c_5601-1987", "euc_kr")]
    [InlineData("unicode-escape", "unicode_escape")]
    public void Cookie_names_resolve_as_cpython_spells_them(string cookie, string codec)
    {
        var d = SourceDecoder.Decode(Encoding.ASCII.GetBytes($"# coding: {cookie}\nx = 1\n"));
        Assert.True(d.Ok, d.Error);
        Assert.Equal(codec, d.Encoding);
    }

    [Fact]
    public void Iso2022_jp_without_escape_sequences_is_ascii()
    {
        var d = SourceDecoder.Decode("# coding: iso2022_jp\nx = 1\n"u8);
        Assert.True(d.Ok, d.Error);
        Assert.Equal("# coding: iso2022_jp\nx = 1\n", d.Text);
    }

    [Theory]
    [InlineData("# coding: utf-7\nx = '+AGE'\n", "x = 'a'\n")]         // section ended by a non-base64 character, kept
    [InlineData("# coding: utf-7\nx = '1+-1'\n", "x = '1+1'\n")]       // '+-' is a plus sign
    [InlineData("# coding: utf-7\nx = '+2D3fgA-'\n", "x = '\U0001F780'\n")] // a surrogate pair
    public void Utf7_decodes_shift_sequences(string source, string expectedBody)
    {
        var d = SourceDecoder.Decode(Encoding.ASCII.GetBytes(source));
        Assert.True(d.Ok, d.Error);
        Assert.EndsWith(expectedBody, d.Text);
    }

    [Theory]
    [InlineData("# coding: utf-7\nx = '\xE9'\n")]
    [InlineData("# coding: utf-7\nx = '+AG'\n")]
    [InlineData("# coding: unicode_escape\nx = '\\x4'\n")]
    [InlineData("# coding: unicode_escape\nx = 1\\")]
    [InlineData("# coding: raw_unicode_escape\nx = '\\u12'\n")]
    public void Malformed_escape_codec_input_is_an_error_value(string source)
    {
        var d = SourceDecoder.Decode(Encoding.Latin1.GetBytes(source));
        Assert.False(d.Ok);
        Assert.Contains("codec can't decode", d.Error);
        Assert.False(d.UnsupportedEncoding);
    }
}
