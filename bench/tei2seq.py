#!/usr/bin/env python3
"""Turns GROBID's citation training corpus (TEI `<bibl>` strings) into the
`<sequence>` XML that `examples/refeval.rs` reads.

    python3 bench/tei2seq.py CORPUS_DIR OUT.xml

CORPUS_DIR holds the `*.xml` files of
`grobid-trainer/resources/dataset/citation/corpus` (a checkout of
kermitt2/grobid). Labels: `author` -> author; `title level="a"`, or an `m`
title with no `a` before it -> title; `title level="j"`, or an `m` after an
`a` -> journal; `date` -> date; every other element -> note. Text between
elements (punctuation, `Vol.`) stays with the part before it; text before
the first element is a note of its own. Nothing is written but OUT.xml.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape


def label(el, seen_article):
    tag = el.tag.split('}')[-1]
    if tag == 'author':
        return 'author'
    if tag == 'date':
        return 'date'
    if tag == 'title':
        level = el.get('level', '')
        if level == 'a':
            return 'title'
        if level == 'j':
            return 'journal'
        if level == 'm':
            return 'journal' if seen_article else 'title'
        return 'title'
    return 'note'


def flat(el):
    return ''.join(el.itertext())


def sequence(bibl):
    parts = []
    lead = (bibl.text or '').strip()
    if lead:
        parts.append(['note', lead])
    seen_article = False
    for child in bibl:
        name = label(child, seen_article)
        if child.tag.split('}')[-1] == 'title' and child.get('level') == 'a':
            seen_article = True
        parts.append([name, flat(child)])
        tail = child.tail or ''
        if tail.strip():
            parts[-1][1] += tail
    parts = [(n, ' '.join(v.split())) for n, v in parts]
    return [(n, v) for n, v in parts if v]


def main():
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    sequences = []
    for path in sorted(corpus.glob('*.xml')):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            print(f'{path.name}: skipped ({e})', file=sys.stderr)
            continue
        for bibl in root.iter():
            if bibl.tag.split('}')[-1] == 'bibl':
                seq = sequence(bibl)
                if seq:
                    sequences.append(seq)
    with out.open('w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n')
        for seq in sequences:
            f.write('  <sequence>\n')
            for name, value in seq:
                f.write(f'    <{name}>{escape(value)}</{name}>\n')
            f.write('  </sequence>\n')
        f.write('</dataset>\n')
    print(f'{len(sequences)} sequences', file=sys.stderr)


if __name__ == '__main__':
    main()
