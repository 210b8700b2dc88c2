import xml.etree.ElementTree as ET                 # reported
import xml.etree.cElementTree                      # reported
from xml.etree import ElementTree                  # reported
from xml.etree.ElementTree import fromstring       # reported
import xml.etree                                   # ok: the package alone
import defusedxml.ElementTree                      # ok
import xml.etree.ElementTree  # nosec
