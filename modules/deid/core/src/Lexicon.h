#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <bitset>

namespace mdp::deid::detail {

// A set of BMP characters, one bit each: the scanners ask it for every character of the text.
class CharSet
{
public:
    CharSet() = default;
    explicit CharSet(QStringView chars);
    bool contains(QChar c) const { return m_bits.test(c.unicode()); }
    void add(QStringView chars);

private:
    std::bitset<65536> m_bits;
};

// Words looked up at a position of the text, longest first.
class WordList
{
public:
    WordList() = default;
    explicit WordList(QStringView spaceSeparated);
    // The length of the longest word that starts at `at`, or 0.
    qsizetype longestAt(QStringView text, qsizetype at) const;
    // The length of the longest word that ends just before `end`, or 0.
    qsizetype longestEndingAt(QStringView text, qsizetype end) const;
    bool contains(QStringView word) const;
    const QStringList &words() const { return m_words; }

private:
    QStringList m_words;
    CharSet m_first;
    CharSet m_last;
    QHash<char16_t, QList<qsizetype>> m_byFirst; // indexes into m_words, longest first
    QHash<char16_t, QList<qsizetype>> m_byLast;
};

// The vocabularies of the free-text finder. They are facts about Chinese names, places and clinical
// documents (surname lists, administrative-division suffixes, the labels clinical forms use), not
// learned from any data set.
struct Lexicon
{
    CharSet han;               // filled by isHan(), cached
    CharSet surnames;          // single-character surnames
    WordList compoundSurnames; // 欧阳, 司马, ...
    CharSet ambiguousSurnames; // surnames that are also everyday words or prepositions (于, 周, 高, ...)
    CharSet nameChars;         // characters common in given names
    CharSet nonNameChars;      // function words, verbs and medical morphemes that end a name
    WordList notNames;         // words starting with a surname character that are not names (高血压, ...)
    WordList nameCuesBefore;   // 患者, 家属, 联系人, 报告医师, ...: a name follows
    WordList nameLabels;       // 姓名, 签名, 联系人, ...: with a colon, whatever follows is a name
    WordList nameCuesAfter;    // 先生, 女士, 医生, 主任, 之子, ...: a name precedes
    WordList roleWords;        // 主任医师, 护士长, ...: role nouns a title cue may end
    WordList fieldLabels;   // 性别, 年龄, 科室, ...: the next field of a form (ends a name or address)
    WordList recordLabels;  // 住院号, 病案号, 门诊号, ...
    WordList otherIdLabels; // 医保卡号, 护照号, 微信, QQ, ...
    WordList residentIdLabels; // 身份证号, 公民身份号码, ...
    WordList phoneLabels;      // 电话, 座机, Tel, ...
    WordList addressLabels;    // 住址, 地址, 现住, 家住, ...
    WordList provinces;        // province-level names without their suffix
    WordList cities;           // larger prefecture-level cities without 市
    WordList addressSuffixes;  // 省, 市, 自治区, 区, 县, 镇, 村, 路, 街, 号, 单元, 室, ...
    WordList strongAddressSuffixes;
    CharSet addressStop; // characters that never sit inside an address component
    WordList institutionSuffixes;
    WordList genericInstitutionPrefixes; // 当地, 上级, 外, 本, ...: "当地医院" names no one
    CharSet institutionStop;
    WordList departmentSuffixes;
    WordList departmentMorphemes; // 乳腺, 外, 肿瘤, 放疗, ...
    CharSet departmentStop;

    static const Lexicon &instance();

private:
    Lexicon();
};

} // namespace mdp::deid::detail
