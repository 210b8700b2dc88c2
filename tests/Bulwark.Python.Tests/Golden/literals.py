0; 1_000; 0x_FF; 0o17; 0b1010; 123456789012345678901234567890
1.5; 1e16; 1e-5; .5; 5.; 1_0.0_1e1_0; 1e400; 0.1; 3.14159265358979
1j; 2.5J; 0j; 1e16j
"a" 'b' """c""" '''d'''
'it''s' "say \"hi\"" 'mixed \' and "'
"\n\t\r\x00\x7f\u00e9\U0001F600\N{BULLET}\a\b\f\v\0\101\\"
r"\d+\n"; R'\''; rb"\x00" Rb'x' BR"y"
b"bytes\x00\xff\n" b'q"' B"\\"
u"unicode" U"u2"
"é ü ñ 中文 \u200b \u00a0 \udc80"
"line \
continued"
...
None; True; False
