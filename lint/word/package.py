"""Opening a .docx (with a clear error for what is not one) and writing an edited copy.

A .docx is a zip archive of XML parts. An edited copy keeps every entry of the original,
in its order and byte for byte, except the parts that were edited or added.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree  # type: ignore[import-untyped]

from ..document import DocumentError
from .story import Element, Paragraph, block_paragraphs, read_paragraph

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old .doc files and of encrypted .docx
EXPANSION = 20  # a .docx may unpack to this many times the file size limit (a zip bomb is refused)
SAVE_AS = "open it in Word or LibreOffice and save it as a Word document (.docx)"
OTHER_OFFICE = {"spreadsheetml": "an Excel workbook", "presentationml": "a PowerPoint presentation"}


@dataclass
class Story:
    name: str
    partname: str
    root: Element


@dataclass
class WordFile:
    """An opened .docx: python-docx's document, the original bytes, the stories read."""

    data: bytes
    document: Any  # docx.document.Document
    stories: list[Story]

    def paragraphs(self) -> list[Paragraph]:
        return [read_paragraph(element, story.name, story.partname) for story in self.stories
                for element in paragraphs_of(story)]

    def repack(self, edited: set[str], saved: bytes | None = None) -> bytes:
        """The original archive with the ``edited`` parts (partnames) written anew. Parts
        python-docx created (comments) come from ``saved``, its own save of the document."""
        replaced = {story.partname.lstrip("/"): serialize_part_xml(story.root)
                    for story in self.stories if story.partname in edited}
        extra: dict[str, bytes] = {}
        if saved is not None:
            with zipfile.ZipFile(io.BytesIO(saved)) as new:
                extra = {name.lstrip("/"): new.read(name.lstrip("/")) for name in edited
                         if name.lstrip("/") in new.namelist() and name.lstrip("/") not in replaced}
        replaced.update(extra)
        output = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self.data)) as original, zipfile.ZipFile(output, "w") as copy:
            for info in original.infolist():
                data = replaced.pop(info.filename, None)
                copy.writestr(info, original.read(info) if data is None else data)
            for name, data in replaced.items():
                copy.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return output.getvalue()


def paragraphs_of(story: Story) -> list[Element]:
    if story.name == "body":
        return list(block_paragraphs(story.root.find(qn("w:body"))))
    if story.name in ("footnotes", "endnotes"):  # the separator lines are not notes
        return [p for note in story.root if note.get(qn("w:type")) in (None, "normal")
                for p in block_paragraphs(note)]
    return [p for item in ([story.root] if story.name == "headers" else story.root) for p in block_paragraphs(item)]


def open_word(data: bytes, include: frozenset[str] = frozenset(), limit: int = 10 * 2**20) -> WordFile:
    """Open a .docx's bytes; DocumentError says, for a person, what the file is if not one."""
    if data.startswith(OLE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise DocumentError("a password-protected (encrypted) Word document: copydesk cannot read it; "
                                "save a copy without the password (File > Info > Protect Document) and check that")
        raise DocumentError(f"an old binary Word document (.doc), which copydesk does not read; {SAVE_AS}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        what = "damaged or incomplete (its zip archive cannot be read)" if data.startswith(b"PK") else \
            "not a Word document (a .docx is a zip archive, and this file is not one)"
        raise DocumentError(f"{what}; {SAVE_AS}, or ask for the file again") from None
    with archive:
        check_archive(archive, limit)
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as error:  # python-docx: the main part is not a Word document's
        kind = next((name for key, name in OTHER_OFFICE.items() if key in str(error)), "an office file")
        raise DocumentError(f"{kind} named .docx, not a Word document; {SAVE_AS}") from None
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError) as error:
        raise DocumentError(f"a damaged Word document ({error}); {SAVE_AS}, or ask for the file again") from None
    try:
        return WordFile(data, document, stories(document, include))
    except etree.XMLSyntaxError as error:
        raise DocumentError(f"a damaged Word document ({error}); {SAVE_AS}, or ask for the file again") from None


def check_archive(archive: zipfile.ZipFile, limit: int) -> None:
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
        raise DocumentError("a zip archive, not a Word document (it has no [Content_Types].xml or _rels/.rels); "
                            "copydesk reads .docx files saved by Word, LibreOffice or Google Docs")
    if sum(info.file_size for info in archive.infolist()) > EXPANSION * limit:
        raise DocumentError(f"unpacks to more than {EXPANSION} times the file size limit: not checked "
                            "(an article is tens of kB; if this file is one, raise --max-file-size)")
    try:
        broken = archive.testzip()
        broken = broken and f"its part {broken} is corrupt"
    except (zlib.error, zipfile.BadZipFile, NotImplementedError) as error:
        broken = f"a part cannot be unpacked: {error}"
    if broken is not None:
        raise DocumentError(f"a damaged Word document ({broken}); {SAVE_AS}, or ask for the file again")


def stories(document: Any, include: frozenset[str]) -> list[Story]:
    """The body, then what the rules file includes: footnotes and endnotes, headers and
    footers (each once, in the order the sections name them), comments already in the file."""
    part = document.part
    found = [Story("body", str(part.partname), part.element)]
    related = {rel.reltype: rel.target_part for rel in part.rels.values() if not rel.is_external}
    if "footnotes" in include:
        for name, reltype in (("footnotes", RT.FOOTNOTES), ("endnotes", RT.ENDNOTES)):
            if reltype in related:
                found.append(Story(name, str(related[reltype].partname), xml_of(related[reltype])))
    if "headers" in include:
        seen: set[str] = set()
        for reference in part.element.iter(qn("w:headerReference"), qn("w:footerReference")):
            target = part.related_parts.get(reference.get(qn("r:id")))
            if target is not None and str(target.partname) not in seen:
                seen.add(str(target.partname))
                found.append(Story("headers", str(target.partname), xml_of(target)))
    if "comments" in include and RT.COMMENTS in related:
        found.append(Story("comments", str(related[RT.COMMENTS].partname), xml_of(related[RT.COMMENTS])))
    return found


def xml_of(part: Any) -> Element:
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)
