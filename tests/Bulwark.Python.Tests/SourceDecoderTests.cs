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
