"""A made-up interpellation in the archive's TEI format, and an archive writer, for tests."""

import io
import tarfile
from pathlib import Path
from typing import Sequence

TEI = """<?xml version='1.0' encoding='utf-8'?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ipq-202021--0999">
  <teiHeader><profileDesc>
    <particDesc><listPerson>
      <person><idno>i-asker</idno><persName>Lisa Testsson</persName>
        <state ref="Q105112" type="partyAffiliation"><desc>S</desc></state></person>
      <person><idno>i-minister</idno><persName>Olle Provberg (m)</persName>
        <state ref="Q110843" type="partyAffiliation"/></person>
    </listPerson></particDesc>
    <correspDesc>
      <correspAction type="sent" corresp="i-asker"><date when="2021-03-01"/></correspAction>
      <correspAction type="received" corresp="i-minister"><date when="2021-03-02"/></correspAction>
    </correspDesc>
  </profileDesc></teiHeader>
  <text><body>
    <div type="ipqHeader"><div type="ipqTitle"><p>
      Interpellation 2020/21:999 Polisens resurser av Lisa
      Testsson (S) till justitieminister Olle Provberg (M)</p></div></div>
    <div type="ipqBody">
      <div type="ipContext">
        <p>Regeringen har anslagit 2,5 miljarder kronor till polisen, men
        Zyxbolaget Nordvind och 20 miljoner etiopier nämns inte.</p>
        <p>   </p>
      </div>
      <div type="ipQuestion"><p>Min fråga till ministern:<list><item>1. Vad gör Olle Provberg?</item></list></p></div>
    </div>
  </body></text>
</TEI>"""


def write_archive(path: Path, tei_texts: Sequence[str] = (TEI,)) -> Path:
    """A .tar.gz laid out like the interpellations archive (``data/<session>/<id>.xml``)."""
    with tarfile.open(path, "w:gz") as tar:
        for n, text in enumerate(tei_texts):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"data/202021/ipq-202021--{999 - n:04d}.xml")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path
