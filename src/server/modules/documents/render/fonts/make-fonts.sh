#!/bin/sh
# Rebuilds the open fonts in this folder (run by hand at development time, as root on Debian 12;
# nothing runs at install). Needs: apt-get install python3-fonttools fonts-noto-cjk, and the
# Fandol fonts from texlive-lang-chinese (downloaded and unpacked, not installed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
apt-get download texlive-lang-chinese
dpkg-deb -x texlive-lang-chinese_*_all.deb x
fandol=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
noto=/usr/share/fonts/opentype/noto

# Character sets: GB 2312 (6,763 hanzi + symbols) and GBK (20,902 hanzi), plus ASCII and the
# punctuation of official documents.
/usr/bin/python3 - <<'PY'
def table(first, seconds, codec):
    out = set()
    for b1 in first:
        for b2 in seconds:
            try: out.add(bytes([b1, b2]).decode(codec))
            except UnicodeDecodeError: pass
    return out
extra = set(chr(c) for c in range(0x20, 0x7f)) | set('—–…“”‘’〔〕★·①②③④⑤⑥⑦⑧⑨⑩、。，；：？！（）《》〈〉【】「」『』　％‰℃№×÷±≤≥≠○●□■△▲◆◇※→←↑↓')
open('gb2312.txt', 'w').write(''.join(sorted(table(range(0xA1, 0xF8), range(0xA1, 0xFF), 'gb2312') | extra)))
open('gbk.txt', 'w').write(''.join(sorted(table(range(0x81, 0xFF), range(0x40, 0xFF), 'gbk') | extra)))
PY
subset() { /usr/bin/python3 -m fontTools.subset "$@" --no-hinting --layout-features='' ; }
subset "$fandol/FandolFang-Regular.otf" --text-file=gb2312.txt --output-file="$here/FandolFang-Regular.gb2312.otf"
subset "$fandol/FandolKai-Regular.otf" --text-file=gb2312.txt --output-file="$here/FandolKai-Regular.gb2312.otf"
subset "$noto/NotoSerifCJK-Bold.ttc" --font-number=2 --text-file=gb2312.txt --output-file="$here/NotoSerifCJKsc-Bold.gb2312.otf"
subset "$noto/NotoSansCJK-Regular.ttc" --font-number=2 --text-file=gb2312.txt --output-file="$here/NotoSansCJKsc-Regular.gb2312.otf"
subset "$noto/NotoSerifCJK-Regular.ttc" --font-number=2 --text-file=gbk.txt --output-file="$here/NotoSerifCJKsc-Regular.gbk.otf"
/usr/bin/python3 "$here/fix-mongolian-gsub.py" "$here/../../../portal/assets/noto-sans-mongolian.woff2" "$here/NotoSansMongolian-Regular.fontkit.ttf"
rm -rf "$work"
ls -l "$here"
