"""Builds the bundled fonts from Debian's fonts-noto-cjk.

- The UI (Noto Sans SC, regular and bold) as WOFF2 slices in `ui/`, with
  `ui/src/styles/fonts.css` declaring each slice with its `unicode-range`:
  the web engine loads and decodes only the slices whose characters are on
  screen. One 2.5 MB face decoded whole at start cost start-up time and
  memory (issue 17); the first screen now needs the first slice or two.
- The PDF 台账 typeset by typst, which reads OTF but not WOFF2, as whole
  OpenType subsets: Noto Serif SC regular and bold (宋体 for body text and
  titles) and Noto Sans SC bold (黑体 for headings and table heads).

Run:  apt-get install fonts-noto-cjk && pip install fonttools brotli
      python3 assets/fonts/make_subsets.py
(or, without installing the font package system-wide — it would hide a
missing bundled glyph on this machine — `apt-get download fonts-noto-cjk`,
`dpkg -x` it somewhere and pass that folder's usr/share/fonts/opentype/noto
as the first argument).

Character set: every character of GB 2312 (6,763 汉字 plus symbols), ASCII,
the CJK punctuation and full-width forms, and a list of characters outside
GB 2312 that are common in personal and place names (they are in the
通用规范汉字表). Characters still missing are drawn from a system font by the
browser engine's fallback.

Slices: the first holds ASCII, punctuation and every character the program's
own text uses (the UI, the messages and the demo branch), so an ordinary
screen needs only it; the second every other character of the branch work
reports in ../shared/docs/seeds when present (the words of real minutes);
the rest follow in GB 2312 order (level-1 characters, the commoner ones,
first), SLICE characters each.

Declaration order and ranges (issue 17): WebKit gathers every face of the
family into one list of ranges, the face declared last first
(CSSFontFaceSet::fontFace takes them in reverse, then a stable sort by
weight), and finds a character's glyph by walking that list from the top,
going on to the next range when a face lacks the glyph
(FontRanges::glyphDataForCharacter). Both are what CSS Fonts 4 says of
unicode-range: overlapping faces are checked last-defined first, and the
range is a hint, a face without the glyph passing the character on. So the
slices are declared last to first, and the first slice names whole Unicode
blocks (a handful of spans) rather than its ~1,500 exact ones: a character
it holds is found at the top of the list instead of after the ~4,500 exact
spans of all other slices, and one it lacks goes on to their exact ranges.
The first slice is on every screen anyway, so naming whole blocks loads
nothing more. Measured: laying out 886 different characters of the UI took
9 ms instead of 13. The larger gain at start-up is elsewhere: ui/index.html
fetches the two first slices early.

Two stylesheets: fonts.css declares the first slice of each weight and is
part of the first screen's stylesheet; fonts-more.css declares all the
other slices and is loaded once the first screen is painted (ui/src/main.ts).
The ~4,500 exact ranges were 85 KB of the 138 KB the first screen waited
for; without them the start page was painted ~14 ms sooner (9 launches
each). fonts-more.css ends by declaring the first slices again, so that they
stay the faces declared last, looked in first. Until it has loaded, a rare
character of a name (outside the first slice) on the first screen is drawn
from a system font, for the few milliseconds after the first paint.
"""

import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
UI_DIR = HERE / "ui"
CSS = ROOT / "ui" / "src" / "styles" / "fonts.css"
CSS_MORE = ROOT / "ui" / "src" / "styles" / "fonts-more.css"
SLICE = 400
# Names and places commonly written with characters outside GB 2312.
NAME_EXTRAS = (
    "喆堃犇淼焱昇珺瑄镕彧玥璟琇瑀珮赟晗埼堉琮瑭珏琰璠玙瑢珣瑆璇琪懿"
    "旻昶晔晟暐暻曦炜烨煜熠燚燊垚垲坤垿墀嫚婧姝媛娴嫣婕妤嫒婷姮"
    "颋颙頔鑫铖锃锟锴镓钜钧铠洺沄泓淏溍澔潇瀚濛滢汭湉昀昉晞曈"
    "祎祐禛禧禹稷穆筠箐蕾蓁萱蓓芃茜荟菡蔚薇莜堇荞琬玮瑷骞骐骏"
    "犀翀翃翚翾翊羿颢顼靓鹍鹏鹓凇冼仝佘佴亓訾邝邴郗郜鄢酆冮"
)
SYMBOLS = "“”‘’—…·•●○■□▲△★☆※→←↑↓√×÷±≤≥≠℃¥￥"


def gb2312() -> list[str]:
    """GB 2312 in code order: symbols, level-1 汉字, level-2 汉字."""
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def charset() -> list[str]:
    """Every character the fonts carry, in slice order before slicing."""
    seen = set()
    ordered = []
    for c in [
        *map(chr, range(0x20, 0x7F)),
        *map(chr, range(0x3000, 0x3040)),  # CJK symbols and punctuation
        *map(chr, range(0xFF01, 0xFF5F)),  # full-width forms
        *SYMBOLS,
        *gb2312(),
        *NAME_EXTRAS,
    ]:
        if c not in seen:
            seen.add(c)
            ordered.append(c)
    return ordered


def text_of(folder: pathlib.Path, patterns: list[str]) -> set[str]:
    found = set()
    for pattern in patterns:
        for path in folder.glob(pattern):
            if "node_modules" in path.parts or not path.is_file():
                continue
            found.update(path.read_text(encoding="utf-8", errors="ignore"))
    return found


def slices(chars: list[str]) -> list[list[str]]:
    basic = {*map(chr, range(0x20, 0x7F)), *map(chr, range(0x3000, 0x3040)), *map(chr, range(0xFF01, 0xFF5F)), *SYMBOLS}
    own = text_of(ROOT, ["ui/src/**/*.vue", "ui/src/**/*.ts", "src-tauri/src/**/*.rs", "src-tauri/crates/zhibu-core/src/**/*.rs"])
    reports = text_of(ROOT.parent / "shared" / "docs" / "seeds", ["*"])
    first = [c for c in chars if c in basic or c in own]
    second = [c for c in chars if c in reports and c not in first]
    rest = [c for c in chars if c not in first and c not in second]
    out = [first] + ([second] if second else [])
    out += [rest[i : i + SLICE] for i in range(0, len(rest), SLICE)]
    return out


def ranges(chars: list[str]) -> str:
    """`unicode-range` for the characters: U+4E00-4E05, U+4E08, …"""
    points = sorted(ord(c) for c in chars)
    spans = []
    for p in points:
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)


# Unicode blocks the first slice's range is given in (see the module comment).
BLOCKS = (
    (0x0000, 0x007F),  # Basic Latin
    (0x0080, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike Symbols
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics
    (0x2500, 0x257F),  # Box Drawing
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x2600, 0x26FF),  # Miscellaneous Symbols
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)


def block_ranges(chars: list[str]) -> str:
    """`unicode-range` naming the whole blocks the characters are in; a
    character outside every block in BLOCKS is named by itself."""
    spans = set()
    for c in chars:
        p = ord(c)
        spans.add(next(((a, b) for a, b in BLOCKS if a <= p <= b), (p, p)))
    merged = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in merged)


def subset(source: pathlib.Path, chars: list[str], output: pathlib.Path, woff2: bool) -> None:
    text = output.with_suffix(".txt")
    text.write_text("".join(chars), encoding="utf-8")
    try:
        subprocess.run(
            [
                "pyftsubset",
                str(source),
                "--font-number=2",  # face 2 of the collection is SC
                f"--text-file={text}",
                "--layout-features=*",
                *(["--flavor=woff2"] if woff2 else []),
                f"--output-file={output}",
            ],
            check=True,
        )
    finally:
        text.unlink()


def main() -> None:
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    chars = charset()
    (HERE / "charset.txt").write_text("".join(sorted(chars)), encoding="utf-8")
    for name in ("NotoSerifCJK-Regular", "NotoSerifCJK-Bold", "NotoSansCJK-Bold"):
        out = HERE / f"{name.replace('CJK', 'SC')}-print.otf"
        subset(source / f"{name}.ttc", chars, out, woff2=False)

    UI_DIR.mkdir(exist_ok=True)
    for old in UI_DIR.glob("*.woff2"):
        old.unlink()
    parts = slices(chars)
    header = (
        "/* Generated by assets/fonts/make_subsets.py: do not edit. The bundled UI font,\n"
        "   Noto Sans SC (OFL, assets/fonts/OFL.txt), in slices the web engine loads only\n"
        "   when characters of theirs are on screen. The first slice is declared last,\n"
        "   to be looked in first; make_subsets.py says why. */\n"
    )
    weights = (("Regular", 400), ("Bold", 700))

    def face(weight: str, number: int, i: int) -> str:
        name = f"NotoSansSC-{weight}-{i:02}.woff2"
        return (
            "@font-face {\n"
            "  font-family: 'Zhibu Sans';\n"
            f"  src: url('@assets/fonts/ui/{name}') format('woff2');\n"
            f"  font-weight: {number};\n"
            "  font-style: normal;\n"
            "  font-display: block;\n"
            f"  unicode-range: {block_ranges(parts[i]) if i == 0 else ranges(parts[i])};\n"
            "}\n"
        )

    for weight, _ in weights:
        for i, part in enumerate(parts):
            subset(source / f"NotoSansCJK-{weight}.ttc", part, UI_DIR / f"NotoSansSC-{weight}-{i:02}.woff2", woff2=True)
    first = [face(w, n, 0) for w, n in weights]
    # Last slice first; then the first slices again, to stay declared last.
    more = [face(w, n, i) for w, n in weights for i in reversed(range(1, len(parts)))] + first
    CSS.write_text("\n".join([header, *first]), encoding="utf-8")
    CSS_MORE.write_text(
        "\n".join([header.replace("*/", "The first slices: fonts.css. */"), *more]), encoding="utf-8"
    )
    sizes = [p.stat().st_size for p in sorted(UI_DIR.glob("NotoSansSC-Regular-*.woff2"))]
    print(f"{len(parts)} slices per weight; regular: " + ", ".join(f"{s // 1024} KB" for s in sizes))


if __name__ == "__main__":
    main()
