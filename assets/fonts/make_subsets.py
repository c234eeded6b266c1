"""Builds the font subsets in this folder from Debian's fonts-noto-cjk: WOFF2
for the UI (Noto Sans SC, regular and bold) and OpenType for the PDF 台账
typeset by typst, which reads OTF but not WOFF2 (Noto Serif SC regular and
bold — 宋体 for body text and titles — and Noto Sans SC bold — 黑体 for
headings and table heads).

Run:  apt-get install fonts-noto-cjk && pip install fonttools brotli
      python3 assets/fonts/make_subsets.py

Character set: every character of GB 2312 (6,763 汉字 plus symbols), ASCII,
the CJK punctuation and full-width forms, and a list of characters outside
GB 2312 that are common in personal and place names (they are in the
通用规范汉字表). Characters still missing are drawn from a system font by the
browser engine's fallback (see ui/src/styles/fonts.css).
"""

import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
# Names and places commonly written with characters outside GB 2312.
NAME_EXTRAS = (
    "喆堃犇淼焱昇珺瑄镕彧玥璟琇瑀珮赟晗埼堉琮瑭珏琰璠玙瑢珣瑆璇琪懿"
    "旻昶晔晟暐暻曦炜烨煜熠燚燊垚垲坤垿墀嫚婧姝媛娴嫣婕妤嫒婷姮"
    "颋颙頔鑫铖锃锟锴镓钜钧铠洺沄泓淏溍澔潇瀚濛滢汭湉昀昉晞曈"
    "祎祐禛禧禹稷穆筠箐蕾蓁萱蓓芃茜荟菡蔚薇莜堇荞琬玮瑷骞骐骏"
    "犀翀翃翚翾翊羿颢顼靓鹍鹏鹓凇冼仝佘佴亓訾邝邴郗郜鄢酆冮"
)


def charset() -> str:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0x3000, 0x3040))  # CJK symbols and punctuation
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width forms
    chars.update("“”‘’—…·•●○■□▲△★☆※→←↑↓√×÷±≤≥≠℃¥￥")
    chars.update(NAME_EXTRAS)
    return "".join(sorted(chars))


def main() -> None:
    text = HERE / "charset.txt"
    text.write_text(charset(), encoding="utf-8")
    for weight in ("Regular", "Bold"):
        subset(f"NotoSansCJK-{weight}.ttc", text, f"NotoSansSC-{weight}-subset.woff2", woff2=True)
    for name in ("NotoSerifCJK-Regular", "NotoSerifCJK-Bold", "NotoSansCJK-Bold"):
        subset(f"{name}.ttc", text, f"{name.replace('CJK', 'SC')}-print.otf", woff2=False)


def subset(source: str, text: pathlib.Path, output: str, woff2: bool) -> None:
    subprocess.run(
        [
            "pyftsubset",
            str(SOURCE / source),
            "--font-number=2",  # face 2 of the collection is SC
            f"--text-file={text}",
            "--layout-features=*",
            *(["--flavor=woff2"] if woff2 else []),
            f"--output-file={HERE / output}",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
