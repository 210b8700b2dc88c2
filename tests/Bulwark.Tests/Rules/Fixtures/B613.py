access_level = "user"
if access_level != "none‮⁦": # Check if admin⁩⁦
    print("admin")
# a right-to-left mark ‏ in a comment
x = "plain text"
y = "\u202e escaped, not the character"
z = "⁧"  # nosec
