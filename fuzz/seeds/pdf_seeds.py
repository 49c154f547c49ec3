#!/usr/bin/env python3
"""Writes small, valid PDFs as a seed corpus for the `pdf` fuzz target.

A fuzzer that starts from nothing rarely reaches past the PDF header; these give it
page trees, fonts, content streams (plain and Flate-compressed), text operators and
an info dictionary to mutate. Usage: python3 seeds/pdf_seeds.py corpus/pdf
"""
import os
import sys
import zlib

PARAGRAPHS = [
    "1. The ministers reaffirmed their commitment to open sea lanes.",
    "2. They condemned the attacks on shipping in the strongest terms.",
    "3. We will establish a joint working group on port security and co-",
    "operation in search and rescue by the end of the year.",
    "4. The Council demands that all parties cease hostilities.",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def content(lines, header=None, footer=None, columns=1, tj_array=False):
    ops = ["BT", "/F1 11 Tf", "14 TL"]
    if header:
        ops += ["1 0 0 1 72 770 Tm", f"({escape(header)}) Tj"]
    width = 468 // columns
    per_column = (len(lines) + columns - 1) // columns
    for column in range(columns):
        ops.append(f"1 0 0 1 {72 + column * width} 720 Tm")
        for line in lines[column * per_column:(column + 1) * per_column]:
            if tj_array:
                words = line.split(" ")
                parts = " -250 ".join(f"({escape(w)})" for w in words)
                ops.append(f"[{parts}] TJ T*")
            else:
                ops.append(f"({escape(line)}) ' ")
    if footer:
        ops += ["1 0 0 1 280 40 Tm", f"({escape(footer)}) Tj"]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def pdf(pages, compress=False, info=True):
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for stream in pages:
        if compress:
            data = zlib.compress(stream)
            head = f"<< /Length {len(data)} /Filter /FlateDecode >>".encode()
        else:
            data = stream
            head = f"<< /Length {len(data)} >>".encode()
        contents = add(head + b"\nstream\n" + data + b"\nendstream")
        kids.append(add(
            f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>"
            .encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()
    info_ref = None
    if info:
        info_ref = add(b"<< /Title (Joint Statement on Port Security) "
                       b"/CreationDate (D:20230514093000+02'00') >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R"
    if info_ref:
        trailer += f" /Info {info_ref} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else "corpus/pdf"
    os.makedirs(target, exist_ok=True)
    title = ["Joint Statement on Port Security", ""]
    seeds = {
        "one-page": pdf([content(title + PARAGRAPHS)]),
        "compressed": pdf([content(title + PARAGRAPHS)], compress=True),
        "tj-arrays": pdf([content(PARAGRAPHS, tj_array=True)], info=False),
        "two-columns": pdf([content(PARAGRAPHS * 2, columns=2)]),
        "running-lines": pdf([
            content(PARAGRAPHS[i + i:i + i + 2], header="Ministry of Foreign Affairs",
                    footer=f"Page {i + 1} of 3")
            for i in range(3)
        ], compress=True),
    }
    for name, data in seeds.items():
        with open(os.path.join(target, f"{name}.pdf"), "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
