"""Builds the XMP packet (Dublin Core + xmp + IPTC) describing a generated image.

Kept separate from the container code so the XML escaping can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

NEUROFLASH_NS = "https://neuroflash.com/ns/desktop/1.0/"
AI_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
TITLE_MAX = 100

# Characters XML 1.0 cannot carry at all (also lone surrogates); dropped from every value.
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class ImageMetadata:
    """What a designer should find in the file later: the prompt, the model, when and by what."""

    prompt: str
    model: str | None
    created_at: datetime | None
    image_id: str
    software: str = "neuroflash Desktop"

    @property
    def title(self) -> str:
        text = " ".join(clean_text(self.prompt).split())
        if len(text) > TITLE_MAX:
            text = text[: TITLE_MAX - 1].rstrip() + "…"
        return text or f"neuroflash image {clean_text(self.image_id)}"

    @property
    def created_iso(self) -> str | None:
        """ISO 8601 with offset; naive datetimes are taken to be UTC (the API speaks UTC)."""
        if self.created_at is None:
            return None
        dt = self.created_at
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.isoformat(timespec="seconds")

    @property
    def created_rfc1123(self) -> str | None:
        """The date format the PNG spec suggests for 'Creation Time' (what exiftool expects)."""
        if self.created_at is None:
            return None
        dt = self.created_at if self.created_at.tzinfo else self.created_at.replace(tzinfo=UTC)
        return format_datetime(dt.replace(microsecond=0))


def clean_text(value: str) -> str:
    """Drop characters XML (and PNG iTXt, which forbids NUL) cannot hold."""
    return _XML_INVALID.sub("", value)


def _x(value: str) -> str:
    return escape(clean_text(value), {'"': "&quot;"})


def _alt(tag: str, value: str) -> str:
    return f'   <{tag}><rdf:Alt><rdf:li xml:lang="x-default">{_x(value)}</rdf:li></rdf:Alt></{tag}>'


def build_xmp(meta: ImageMetadata, prompt_limit: int | None = None) -> str:
    """The XMP packet as text; prompt_limit truncates the description (JPEG's 64 KB segment)."""
    prompt = meta.prompt if prompt_limit is None else meta.prompt[:prompt_limit]
    lines = [
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '  <rdf:Description rdf:about=""',
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
        f'    xmlns:nf="{NEUROFLASH_NS}">',
        _alt("dc:description", prompt),
        _alt("dc:title", meta.title),
        f"   <xmp:CreatorTool>{_x(meta.software)}</xmp:CreatorTool>",
        f"   <Iptc4xmpExt:DigitalSourceType>{AI_SOURCE_TYPE}</Iptc4xmpExt:DigitalSourceType>",
        f"   <nf:imageId>{_x(meta.image_id)}</nf:imageId>",
    ]
    if meta.created_iso:
        lines.append(f"   <xmp:CreateDate>{meta.created_iso}</xmp:CreateDate>")
    if meta.model:
        lines.append(f"   <dc:source>{_x(meta.model)}</dc:source>")
        lines.append(f"   <nf:model>{_x(meta.model)}</nf:model>")
    lines += ["  </rdf:Description>", " </rdf:RDF>", "</x:xmpmeta>", '<?xpacket end="w"?>']
    return "\n".join(lines)
