#!/usr/bin/env bash
# Prints the Debian packages whose dictionaries `python -m evalsuite.align.build` reads:
# FreeDict pairs with English for the languages evalsuite aligns, and Mueller's English-Russian.
#   as root:      apt-get install $(bash scripts/lexicon_packages.sh)
#   without root: mkdir -p ~/dicts && cd ~/dicts && apt-get download $(bash .../lexicon_packages.sh)
#                 && for f in *.deb; do dpkg-deb -x "$f" .; done
#                 && python -m evalsuite.align.build --dictd ~/dicts/usr/share/dictd
echo dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-fra-eng dict-freedict-eng-fra \
    dict-freedict-spa-eng dict-freedict-eng-spa dict-freedict-ita-eng dict-freedict-eng-ita \
    dict-freedict-ces-eng dict-freedict-eng-ces dict-freedict-pol-eng dict-freedict-eng-pol \
    dict-freedict-eng-rus dict-freedict-eng-hin dict-freedict-jpn-eng mueller7-dict
