"""Real Word files for the tests: built with python-docx (tracked changes and footnotes written
as the XML Word writes), saved by LibreOffice, and read back (comments and what they mark)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

RULES = """\
rules:
  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter, Hafter]}
  terms: {type: substitution, severity: error, replace: {Rejep: Recep}}
  byline: {type: pattern, pattern: '^Written by Journalist$', message: Template byline left in}
"""

# The article every test reads, paragraph by paragraph, as copydesk must read it.
ARTICLE = [
    "Hifter in Paris",                                  # a heading
    "Hifter met Macron on Tuesday.",                    # "Hif" bold + "ter": one word
    "Rejep Tayyip Erdogan called Hifter.",              # a list item
    "Tripoli",                                          # table cell (1, 1)
    "Hifter's forces",                                  # table cell (1, 2)
    "Observers say Hifter wants Sirte.",                # tracked changes: "Hafter " deleted, "Hifter" inserted
    "Written by Journalist",                            # an existing comment on it
]

soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) is not installed; "
                                                               ".ci/run installs libreoffice-writer-nogui")


def tracked(paragraph, deleted: str, inserted: str) -> None:
    """A tracked deletion then a tracked insertion, as Word writes them."""
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="901" w:author="Translator" w:date="2026-01-05T10:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="902" w:author="Translator" w:date="2026-01-05T10:00:00Z">'
        f'<w:r><w:t>{inserted}</w:t></w:r></w:ins>'))


def add_footnote(document, paragraph, text: str) -> None:
    """A footnote part (python-docx makes none) and its mark at the end of ``paragraph``."""
    xml = (f'<w:footnotes {nsdecls("w")}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
           '</w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))


def build_article(path: Path) -> Path:
    """ARTICLE as a .docx, with a header, a footnote and a comment that copydesk skips by default."""
    document = docx.Document()
    document.add_heading(ARTICLE[0], level=1)
    split = document.add_paragraph()
    split.add_run("Hif").bold = True
    split.add_run("ter met Macron on Tuesday.")
    document.add_paragraph(ARTICLE[2], style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = ARTICLE[3], ARTICLE[4]
    changed = document.add_paragraph("Observers say ")
    tracked(changed, "Hafter ", "Hifter")
    changed.add_run(" wants Sirte.")
    add_footnote(document, changed, "Hifter is a field marshal.")
    byline = document.add_paragraph(ARTICLE[6])
    document.add_comment(byline.runs, text="Hifter? check the byline", author="Desk", initials="D")
    document.sections[0].header.paragraphs[0].text = "Libya desk: Hifter file"
    document.save(str(path))
    return path


def libreoffice_convert(source: Path, target_format: str, folder: Path) -> Path:
    """``soffice --headless --convert-to`` in a profile of its own (an .html source opened in
    Writer, not Writer/Web); the converted file."""
    profile = folder / "lo-profile"
    reading = ["--infilter=HTML (StarWriter)"] if source.suffix == ".html" else []
    completed = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", *reading, "--convert-to", target_format,
         "--outdir", str(folder), str(source)], check=False, capture_output=True, text=True, timeout=240)
    converted = folder / (source.stem + "." + target_format.split(":")[0])
    assert completed.returncode == 0 and converted.exists(), completed.stdout + completed.stderr
    return converted


@dataclass(frozen=True)
class Comment:
    author: str
    initials: str
    text: str
    marked: str  # the document's text between its range start and end


def anchored_comments(path: Path) -> list[Comment]:
    """The comments of a .docx, each with the text it marks."""
    document = docx.Document(str(path))
    marked: dict[str, str] = {}
    open_ids: list[str] = []
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
            marked.setdefault(element.get(qn("w:id")), "")
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.remove(element.get(qn("w:id")))
        elif element.tag == qn("w:t") and not any(a.tag == qn("w:del") for a in element.iterancestors()):
            for comment_id in open_ids:
                marked[comment_id] += element.text or ""
    return [Comment(c.author, c.initials or "", c.text, marked.get(str(c.comment_id), "")) for c in document.comments]
