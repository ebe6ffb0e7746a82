#pragma once

#include <QString>
#include <QStringView>

namespace mdp::text {

// Toneless pinyin of Han text from the Unihan kMandarin readings (first, customary reading per
// character; "ü" is written "v"). Latin letters and digits are kept (width- and case-folded);
// anything else, punctuation included, is dropped. Characters without a reading are dropped too.

// Syllables joined without separators, for matching: "张伟" -> "zhangwei", "Li明" -> "liming".
QString toPinyin(QStringView text);

// The same with one space between syllables and between Latin words: "王小明" -> "wang xiao ming".
QString toPinyinSpaced(QStringView text);

// The first letter of every syllable and of every Latin word: "王小明" -> "wxm", "张 Wei" -> "zw".
QString pinyinInitials(QStringView text);

// The reading of one character ("中" -> "zhong"); empty for a character without one.
QString pinyinOf(char32_t codePoint);

// A person's name in pinyin, with the surname reading where a family name is read differently
// from the same character in ordinary words (单 shan, 曾 zeng, 仇 qiu, 区 ou, 解 xie, 朴 piao, ...),
// compound surnames included (尉迟 yuchi, 万俟 moqi).
struct PinyinName
{
    QString full;     // "shanxiaoming"
    QString spaced;   // "shan xiao ming"
    QString initials; // "sxm"
};

PinyinName toPinyinName(QStringView family, QStringView given);

// As toPinyinName() for a name written as one string: the family name is its compound surname
// when it starts with one (欧阳, 司马, 诸葛, ...), otherwise its first character.
PinyinName toPinyinFullName(QStringView fullName);

// Length in UTF-16 code units of the family name at the start of a Han name, by the rule above;
// 0 for an empty name or a name that does not start with a Han character.
qsizetype familyNameLength(QStringView fullName);

} // namespace mdp::text
