"""Make Noto Sans Mongolian shape under fontkit (pdfkit's layout engine).

1. fontkit neither parses nor applies GSUB lookup type 8 (reverse chaining single substitution), and
   Noto Sans Mongolian uses one (in `calt`/`rclt`) to propagate variant forms right to left. It is
   rewritten as PASSES consecutive chaining lookups (type 6, format 3) calling one single
   substitution. That is exact here: no context coverage contains a glyph the lookup can still
   substitute, so a matched context never unmatches, and k passes reproduce a propagation over k glyphs.
2. fontkit applies a lookup once per feature listing it; `rclt` lists exactly the `calt` lookups, so
   `rclt` is dropped (HarfBuzz applies each lookup once: same result).
The result shapes like HarfBuzz on the original font (render.mongolian.test.ts checks glyph sequences).

usage: python3 fix-mongolian-gsub.py IN.(ttf|woff2) OUT.ttf
"""
import sys, copy
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot

PASSES = 16

def walk(obj, fn, seen=None):
    seen = seen if seen is not None else set()
    if id(obj) in seen or obj is None or isinstance(obj, (int, str, float, bytes)): return
    seen.add(id(obj))
    if isinstance(obj, list):
        for x in obj: walk(x, fn, seen)
        return
    if hasattr(obj, '__dict__'):
        fn(obj)
        for v in list(vars(obj).values()): walk(v, fn, seen)

f = TTFont(sys.argv[1]); f.flavor = None
gsub = f['GSUB'].table
lookups = gsub.LookupList.Lookup
rev = [i for i, l in enumerate(lookups) if l.LookupType == 8]
assert len(rev) == 1, rev
ri = rev[0]
l = lookups[ri]
outs, la, cov = set(), set(), set()
for st in l.SubTable:
    outs |= set(st.Substitute); cov |= set(st.Coverage.glyphs)
    for c in st.LookAheadCoverage + st.BacktrackCoverage: la |= set(c.glyphs)
assert not (cov & la), 'a context glyph can itself be substituted: the rewrite would not be exact'

single = ot.Lookup(); single.LookupType = 1; single.LookupFlag = 0
st1 = ot.SingleSubst(); st1.mapping = {}
for st in l.SubTable:
    for g, s in zip(st.Coverage.glyphs, st.Substitute):
        assert st1.mapping.get(g, s) == s
        st1.mapping[g] = s
single.SubTable = [st1]; single.SubTableCount = 1

chain = ot.Lookup(); chain.LookupType = 6; chain.LookupFlag = l.LookupFlag
if hasattr(l, 'MarkFilteringSet'): chain.MarkFilteringSet = l.MarkFilteringSet
chain.SubTable = []
for st in l.SubTable:
    c = ot.ChainContextSubst(); c.Format = 3
    c.BacktrackCoverage = st.BacktrackCoverage; c.BacktrackGlyphCount = len(st.BacktrackCoverage)
    c.InputCoverage = [st.Coverage]; c.InputGlyphCount = 1
    c.LookAheadCoverage = st.LookAheadCoverage; c.LookAheadGlyphCount = len(st.LookAheadCoverage)
    rec = ot.SubstLookupRecord(); rec.SequenceIndex = 0; rec.LookupListIndex = -1  # set below
    c.SubstLookupRecord = [rec]; c.SubstCount = 1
    chain.SubTable.append(c)
chain.SubTableCount = len(chain.SubTable)

# remap existing references: indices after ri shift by PASSES - 1
shift = PASSES - 1
def remap(o):
    if hasattr(o, 'LookupListIndex') and isinstance(o.LookupListIndex, int) and o.LookupListIndex > ri:
        o.LookupListIndex += shift
for lk in lookups: walk(lk.SubTable, remap)
for fr in gsub.FeatureList.FeatureRecord:
    idx = []
    for i in fr.Feature.LookupListIndex:
        if i == ri: idx.extend(range(ri, ri + PASSES))
        else: idx.append(i + shift if i > ri else i)
    fr.Feature.LookupListIndex = idx; fr.Feature.LookupCount = len(idx)

new = lookups[:ri] + [copy.deepcopy(chain) for _ in range(PASSES)] + lookups[ri + 1:] + [single]
single_index = len(new) - 1
for k in range(ri, ri + PASSES):
    for c in new[k].SubTable: c.SubstLookupRecord[0].LookupListIndex = single_index
gsub.LookupList.Lookup = new; gsub.LookupList.LookupCount = len(new)
f.save(sys.argv[2])
print('rewrote lookup', ri, 'as', PASSES, 'passes;', len(new), 'lookups')

# fontkit applies a lookup once per feature that lists it; `rclt` lists exactly the `calt` lookups,
# so drop it (HarfBuzz merges them and applies each lookup once: the result is unchanged).
f = TTFont(sys.argv[2])
gsub = f['GSUB'].table
recs = gsub.FeatureList.FeatureRecord
calt = [r.Feature.LookupListIndex for r in recs if r.FeatureTag == 'calt']
rclt = [r.Feature.LookupListIndex for r in recs if r.FeatureTag == 'rclt']
assert calt and all(x == calt[0] for x in calt + rclt), 'rclt differs from calt'
keep = [i for i, r in enumerate(recs) if r.FeatureTag != 'rclt']
remap = {old: new for new, old in enumerate(keep)}
gsub.FeatureList.FeatureRecord = [recs[i] for i in keep]; gsub.FeatureList.FeatureCount = len(keep)
for sr in gsub.ScriptList.ScriptRecord:
    for ls in [sr.Script.DefaultLangSys] + [l.LangSys for l in sr.Script.LangSysRecord]:
        if ls is None: continue
        ls.FeatureIndex = [remap[i] for i in ls.FeatureIndex if i in remap]; ls.FeatureCount = len(ls.FeatureIndex)
f.save(sys.argv[2])
print('dropped rclt')
