#!/usr/bin/env python3
"""SoMaJo sentence segmentation of gold documents, as character offsets.

Peer-comparison tool: NOT part of the depesche build. It runs the SoMaJo
tokenizer/sentence splitter (a Python package installed into a separate venv by
/work/shared/tools/peers.sh setup) over the documents of the German quotation
attribution corpus (quotation-attribution-de-2024), so that our own scorer can
compare SoMaJo's sentence boundaries with depesche's segmenter on the same text.

For every ``*.json`` file under GOLD_DIR (searched recursively, in sorted order of
the relative path), the document's ``originalText`` is split at newlines into
paragraphs (empty / whitespace-only lines skipped, each paragraph's offset into
``originalText`` kept), each paragraph is passed to
``SoMaJo("de_CMC", split_camel_case=False, split_sentences=True)``, and every
sentence is written as ``start``/``end`` character offsets (Python str indices,
end-exclusive) into ``originalText``: from the first character of its first token
to the last character of its last token.

Offsets come from SoMaJo itself (``character_offsets=True``, SoMaJo >= 2.4) when
available; otherwise tokens are aligned to the text by searching each token's text
forward from the current position (failed searches are skipped and counted).

Output: one JSON line per document,
    {"document": "<file base name>", "sentences": [{"start": S, "end": E}, ...]}
Statistics (documents, sentences, characters, SoMaJo wall time, MB/s of UTF-8
bytes of originalText) go to stderr.

Usage:
    ~/.cache/depesche-peers/bin/python scripts/peers/somajo_sentences.py \\
        /work/shared/data/quotation-attribution-de-2024/data/test /tmp/somajo-test.jsonl
"""

import json
import os
import sys
import time

import somajo
from somajo import SoMaJo


def make_tokenizer():
    """Return (tokenizer, native_offsets)."""
    try:
        tok = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True,
                     character_offsets=True)
        return tok, True
    except TypeError:
        return SoMaJo("de_CMC", split_camel_case=False, split_sentences=True), False


def paragraphs(text):
    """Yield (offset, paragraph) for the non-empty lines of text."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


class Aligner:
    """Fallback: find token texts forward in a paragraph."""

    def __init__(self, para):
        self.para = para
        self.pos = 0
        self.failures = 0

    def find(self, token_text):
        i = self.para.find(token_text, self.pos)
        # guard against a match far ahead (normalised token matching something later)
        if i < 0 or self.para[self.pos:i].strip() and i - self.pos > 50:
            self.failures += 1
            # skip ahead over whitespace and the token's length, without crossing the end
            while self.pos < len(self.para) and self.para[self.pos].isspace():
                self.pos += 1
            start = self.pos
            self.pos = min(len(self.para), self.pos + max(1, len(token_text)))
            return start, self.pos
        self.pos = i + len(token_text)
        return i, self.pos


def files_under(root):
    found = []
    for dirpath, _dirs, names in os.walk(root):
        for n in names:
            if n.endswith(".json"):
                full = os.path.join(dirpath, n)
                found.append((os.path.relpath(full, root), full))
    found.sort()
    return found


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    gold_dir, out_path = argv[1], argv[2]
    tok, native = make_tokenizer()
    n_docs = n_sents = n_chars = n_bytes = 0
    align_failures = offset_mismatches = 0
    somajo_time = 0.0
    with open(out_path, "w", encoding="utf-8") as out:
        for rel, full in files_under(gold_dir):
            with open(full, encoding="utf-8") as f:
                text = json.load(f)["originalText"]
            sents = []
            for base, para in paragraphs(text):
                t0 = time.perf_counter()
                tokenized = list(tok.tokenize_text([para]))
                somajo_time += time.perf_counter() - t0
                if native:
                    for s in tokenized:
                        for t in s:
                            a, b = t.character_offset
                            if para[a:b] != t.text:
                                offset_mismatches += 1
                        sents.append({"start": base + s[0].character_offset[0],
                                      "end": base + s[-1].character_offset[1]})
                else:
                    al = Aligner(para)
                    for s in tokenized:
                        spans = [al.find(t.text) for t in s]
                        sents.append({"start": base + spans[0][0], "end": base + spans[-1][1]})
                    align_failures += al.failures
            out.write(json.dumps({"document": os.path.basename(full), "sentences": sents},
                                 ensure_ascii=False) + "\n")
            n_docs += 1
            n_sents += len(sents)
            n_chars += len(text)
            n_bytes += len(text.encode("utf-8"))
    mbps = n_bytes / 1e6 / somajo_time if somajo_time > 0 else float("nan")
    print(f"somajo {getattr(somajo, '__version__', '?')}; offsets: "
          f"{'native (character_offsets=True)' if native else 'aligned by forward search'}",
          file=sys.stderr)
    print(f"documents {n_docs}, sentences {n_sents}, characters {n_chars}, "
          f"utf-8 bytes {n_bytes}", file=sys.stderr)
    print(f"somajo wall time {somajo_time:.3f} s, throughput {mbps:.4f} MB/s", file=sys.stderr)
    if native:
        print(f"tokens whose text differs from the text at their offsets (normalised): "
              f"{offset_mismatches}", file=sys.stderr)
    else:
        print(f"alignment failures (skipped ahead): {align_failures}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
