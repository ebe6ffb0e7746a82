#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace mdp::text {

// Search keys: what a search index stores and what it compares a query with. The same functions
// run on indexed text and on what the user types, so "ＴＮＢＣ", "tnbc" and "T N B C" meet.

// Full-width ASCII forms (U+FF01..U+FF5E) become their ASCII letters, digits and signs, and the
// ideographic space (U+3000) a plain space. Everything else is kept.
QString foldWidth(QStringView text);

// NFKC, width folding and Unicode case folding; runs of white space become one space; trimmed.
QString normalizeForSearch(QStringView text);

// normalizeForSearch() without white space, punctuation and symbols: letters, digits and marks
// only ("C50.9" -> "c509", "HER2-positive" -> "her2positive", "浸润性 导管癌" -> "浸润性导管癌").
QString searchKey(QStringView text);

// The white-space separated words of a text, each reduced by searchKey(); empty words dropped.
QStringList searchTokens(QStringView text);

// True for Han ideographs (the CJK Unified Ideographs blocks, extensions and compatibility
// ideographs), the characters pinyin applies to.
bool isHan(char32_t codePoint);

// Splits a search key where it changes between Han and other characters: "张伟c50" -> {"张伟",
// "c50"}. Han runs and other runs are matched differently (character n-grams versus pinyin and
// Latin words).
QStringList splitHanRuns(QStringView key);

// True when the text holds at least one Han character.
bool containsHan(QStringView text);

} // namespace mdp::text
