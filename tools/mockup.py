#!/usr/bin/env python3
"""Draw simple SVG UI mockups used as screenshots in the shipped guides.

Usage: mockup.py OUT.svg TITLE "sidebar item|..." "field label=value|..." HIGHLIGHT
Everything is plain SVG text, so the images are small, sharp and reviewable in git.
"""
import sys
from xml.sax.saxutils import escape


def mockup(title, sidebar, fields, highlight):
    w, h = 720, 360
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Segoe UI, Roboto, sans-serif" font-size="14">',
           f'<rect width="{w}" height="{h}" rx="10" fill="#f6f8fb" stroke="#cfd6e0"/>',
           f'<rect width="{w}" height="38" rx="10" fill="#2b3a55"/><rect y="28" width="{w}" height="10" fill="#2b3a55"/>',
           '<circle cx="20" cy="19" r="5" fill="#ff6159"/><circle cx="38" cy="19" r="5" fill="#ffbd2e"/><circle cx="56" cy="19" r="5" fill="#28c941"/>',
           f'<text x="80" y="24" fill="#ffffff" font-weight="600">{escape(title)}</text>',
           '<rect x="0" y="38" width="180" height="322" fill="#e9edf3"/>']
    y = 70
    for item in sidebar:
        if item == highlight:
            out.append(f'<rect x="8" y="{y-18}" width="164" height="28" rx="5" fill="#1f5fbf"/>')
            out.append(f'<text x="20" y="{y}" fill="#ffffff" font-weight="600">{escape(item)}</text>')
        else:
            out.append(f'<text x="20" y="{y}" fill="#2b3a55">{escape(item)}</text>')
        y += 36
    y = 80
    for field in fields:
        label, _, value = field.partition('=')
        out.append(f'<text x="205" y="{y}" fill="#5a6272">{escape(label)}</text>')
        stroke = '#1f5fbf' if label == highlight else '#cfd6e0'
        width = '3' if label == highlight else '1'
        out.append(f'<rect x="400" y="{y-19}" width="290" height="28" rx="4" fill="#ffffff" stroke="{stroke}" stroke-width="{width}"/>')
        out.append(f'<text x="410" y="{y}" fill="#1d2330">{escape(value)}</text>')
        y += 48
    out.append('</svg>\n')
    return '\n'.join(out)


if __name__ == '__main__':
    path, title, sidebar, fields, highlight = sys.argv[1:6]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(mockup(title, sidebar.split('|'), [x for x in fields.split('|') if x], highlight))
