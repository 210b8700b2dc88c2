from lxml import etree

_tree = etree.parse("/etc/app/accounts.xml")


def check_credentials(user, pin):
    query = "//account[@user='" + user + "' and @pin='" + pin + "']"
    return len(_tree.xpath(query)) == 1  # expect: CWE-643
