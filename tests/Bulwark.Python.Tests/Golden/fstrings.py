f"plain"
f"{x}"
f"{x!r} {y!s:>10} {z!a}"
f"{x=}" f"{x = }" f"{x=!s}" f"{x=:>4}"
f"{x:{width}.{precision}f}"
f"a{{b}}c" f"{{"
f'{d["key"]}' f"{d['key']}"
f"{f"{f"{x}"}"}"
f"""multi
line {x
  + 1} end"""
"plain" f"{x}" "tail"
f"{x:}" f"" "" f"{'' if x else ''}"
rf"\d{x}\n" fr'{x}\\'
f"{(lambda: 1)()}"
f"{x,}" f"{*a,}" f"{a, b}"
f"\N{BULLET} {x}"
f"{x:=^10}"
