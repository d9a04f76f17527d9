"""Reading tfcompat's SVG pictures back: nodes by op name, with their classes and tooltips."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on malformed XML
    assert root.tag == SVG + "svg"
    return root


def nodes(svg: str) -> dict[str, dict]:
    """{data-name: {"classes": set, "tooltip": str}} for every node group."""
    found = {}
    for group in parse(svg).iter(SVG + "g"):
        classes = set(group.get("class", "").split())
        if "node" in classes:
            title = group.find(SVG + "title")
            found[group.get("data-name")] = {
                "classes": classes, "tooltip": title.text if title is not None else ""}
    return found


def edges(svg: str) -> dict[tuple[str, str], set[str]]:
    """{(src, dst): classes} for every edge group."""
    return {(g.get("data-src"), g.get("data-dst")): set(g.get("class", "").split())
            for g in parse(svg).iter(SVG + "g") if "edge" in g.get("class", "").split()}


def scopes(svg: str) -> set[str]:
    return {g.get("data-name") for g in parse(svg).iter(SVG + "g")
            if "scope" in g.get("class", "").split()}
