#!/usr/bin/env bash
# Regenerates hanzi-pinyin.tsv from the Unihan database shipped by Debian's unicode-data package:
# one line per code point with a kMandarin reading, "<hex code point>\t<first reading, toneless>".
# ü becomes "v", as in pinyin input methods (lü -> lv). Run from anywhere; writes next to itself.
set -euo pipefail

source_file=${1:-/usr/share/unicode/Unihan_Readings.txt.bz2}
out="$(dirname "$0")/hanzi-pinyin.tsv"

if [[ ! -r $source_file ]]; then
  echo "generate-pinyin-table: $source_file not found (apt-get install unicode-data)" >&2
  exit 1
fi

# mawk and gawk both treat the multi-byte tone letters as plain byte strings under LC_ALL=C.
# The header marks the file as modified Unicode data, as the Unicode licence asks of derived files.
{
  echo "# Derived from Unihan_Readings.txt (Unicode 15.0.0, Debian unicode-data); modified: first"
  echo "# kMandarin reading only, tone marks removed, u-umlaut written v. Copyright Unicode, Inc."
  echo "# See resources/pinyin/README.md for source and licence."
} > "$out.tmp"

bzip2 -dc "$source_file" | LC_ALL=C awk -F'\t' '
  $1 ~ /^U\+/ && $2 == "kMandarin" {
    r = $3
    sub(/ .*/, "", r)
    gsub(/ā|á|ǎ|à/, "a", r)
    gsub(/ē|é|ě|è/, "e", r)
    gsub(/ī|í|ǐ|ì/, "i", r)
    gsub(/ō|ó|ǒ|ò/, "o", r)
    gsub(/ū|ú|ǔ|ù/, "u", r)
    gsub(/ǖ|ǘ|ǚ|ǜ|ü/, "v", r)
    gsub(/ń|ň|ǹ/, "n", r)
    gsub(/ḿ/, "m", r)
    if (r !~ /^[a-z]+$/) {
      print "generate-pinyin-table: unexpected reading for " $1 ": " r > "/dev/stderr"
      bad = 1
      exit 1
    }
    cp = $1
    sub(/^U\+/, "", cp)
    print cp "\t" r
  }
  END { if (bad) exit 1 }
' >> "$out.tmp"
mv "$out.tmp" "$out"
echo "generate-pinyin-table: $(grep -vc "^#" "$out") code points written to $out"
