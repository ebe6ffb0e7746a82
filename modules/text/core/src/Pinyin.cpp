#include "mdp/text/Pinyin.h"

#include "mdp/text/Normalize.h"

#include "CodePoints.h"
#include "PinyinTable.h"

#include <QStringList>

#include <array>

namespace mdp::text {
namespace {

struct SurnameReading
{
    const char16_t *surname;
    const char *syllables; // space separated
};

// Surnames read differently from the first kMandarin reading of their characters, and the common
// compound surnames (listed whole so 尉迟 is "yu chi", not "wei chi").
constexpr std::array kCompoundSurnames{
    SurnameReading{u"尉迟", "yu chi"},    SurnameReading{u"万俟", "mo qi"},
    SurnameReading{u"长孙", "zhang sun"}, SurnameReading{u"单于", "chan yu"},
    SurnameReading{u"澹台", "tan tai"},   SurnameReading{u"拓跋", "tuo ba"},
    SurnameReading{u"欧阳", "ou yang"},   SurnameReading{u"司马", "si ma"},
    SurnameReading{u"诸葛", "zhu ge"},    SurnameReading{u"上官", "shang guan"},
    SurnameReading{u"东方", "dong fang"}, SurnameReading{u"皇甫", "huang fu"},
    SurnameReading{u"令狐", "ling hu"},   SurnameReading{u"夏侯", "xia hou"},
    SurnameReading{u"公孙", "gong sun"},  SurnameReading{u"慕容", "mu rong"},
    SurnameReading{u"司徒", "si tu"},     SurnameReading{u"西门", "xi men"},
    SurnameReading{u"宇文", "yu wen"},    SurnameReading{u"轩辕", "xuan yuan"},
    SurnameReading{u"独孤", "du gu"},     SurnameReading{u"南宫", "nan gong"},
    SurnameReading{u"闻人", "wen ren"},   SurnameReading{u"呼延", "hu yan"},
    SurnameReading{u"端木", "duan mu"},   SurnameReading{u"百里", "bai li"},
    SurnameReading{u"申屠", "shen tu"},   SurnameReading{u"赫连", "he lian"},
    SurnameReading{u"司空", "si kong"},   SurnameReading{u"钟离", "zhong li"},
};

constexpr std::array kSingleSurnames{
    SurnameReading{u"单", "shan"},  SurnameReading{u"曾", "zeng"},  SurnameReading{u"仇", "qiu"},
    SurnameReading{u"区", "ou"},    SurnameReading{u"解", "xie"},   SurnameReading{u"朴", "piao"},
    SurnameReading{u"查", "zha"},   SurnameReading{u"盖", "ge"},    SurnameReading{u"乐", "yue"},
    SurnameReading{u"缪", "miao"},  SurnameReading{u"覃", "qin"},   SurnameReading{u"翟", "zhai"},
    SurnameReading{u"秘", "bi"},    SurnameReading{u"种", "chong"}, SurnameReading{u"繁", "po"},
    SurnameReading{u"员", "yun"},   SurnameReading{u"能", "nai"},   SurnameReading{u"卜", "bu"},
    SurnameReading{u"折", "she"},   SurnameReading{u"召", "shao"},  SurnameReading{u"阚", "kan"},
    SurnameReading{u"藏", "zang"},  SurnameReading{u"隗", "wei"},   SurnameReading{u"句", "gou"},
    SurnameReading{u"么", "yao"},   SurnameReading{u"黑", "he"},    SurnameReading{u"都", "du"},
    SurnameReading{u"重", "chong"}, SurnameReading{u"长", "chang"}, SurnameReading{u"薄", "bo"},
    SurnameReading{u"适", "kuo"},   SurnameReading{u"乘", "sheng"}, SurnameReading{u"角", "jue"},
    SurnameReading{u"粘", "nian"},  SurnameReading{u"洗", "xian"},  SurnameReading{u"蕃", "pi"},
};

// One syllable of a Han character or one Latin word.
QStringList pieces(QStringView text)
{
    QStringList out;
    const QString normalized = normalizeForSearch(text);
    const PinyinTable &table = PinyinTable::instance();
    QString word;
    auto flushWord = [&] {
        if (!word.isEmpty())
            out.append(std::exchange(word, QString()));
    };
    forEachCodePoint(normalized, [&](char32_t cp, qsizetype begin, qsizetype end) {
        if (isHan(cp)) {
            flushWord();
            const QLatin1StringView syllable = table.syllable(cp);
            if (!syllable.isEmpty())
                out.append(QString(syllable));
        } else if (QChar::isLetterOrNumber(cp)) {
            word.append(QStringView(normalized).sliced(begin, end - begin));
        } else {
            flushWord();
        }
    });
    flushWord();
    return out;
}

QString initialsOf(const QStringList &parts)
{
    QString out;
    for (const QString &p : parts)
        out.append(p.front());
    return out;
}

PinyinName nameFromPieces(const QStringList &parts)
{
    return PinyinName{parts.join(QString()), parts.join(QLatin1Char(' ')), initialsOf(parts)};
}

QStringList surnamePieces(QStringView family)
{
    const QString key = normalizeForSearch(family);
    for (const auto &s : kCompoundSurnames) {
        if (key == QStringView(s.surname))
            return QString::fromLatin1(s.syllables).split(QLatin1Char(' '));
    }
    for (const auto &s : kSingleSurnames) {
        if (key == QStringView(s.surname))
            return {QString::fromLatin1(s.syllables)};
    }
    return pieces(family);
}

} // namespace

QString toPinyin(QStringView text)
{
    return pieces(text).join(QString());
}

QString toPinyinSpaced(QStringView text)
{
    return pieces(text).join(QLatin1Char(' '));
}

QString pinyinInitials(QStringView text)
{
    return initialsOf(pieces(text));
}

QString pinyinOf(char32_t codePoint)
{
    return QString(PinyinTable::instance().syllable(codePoint));
}

PinyinName toPinyinName(QStringView family, QStringView given)
{
    return nameFromPieces(surnamePieces(family) + pieces(given));
}

qsizetype familyNameLength(QStringView fullName)
{
    const QStringView name = fullName.trimmed();
    if (name.isEmpty())
        return 0;
    const bool pair = name.front().isHighSurrogate() && name.size() > 1 && name[1].isLowSurrogate();
    const char32_t first = pair ? QChar::surrogateToUcs4(name[0], name[1]) : name[0].unicode();
    if (!isHan(first))
        return 0;
    for (const auto &s : kCompoundSurnames) {
        if (name.startsWith(QStringView(s.surname)) && name.size() > QStringView(s.surname).size())
            return QStringView(s.surname).size();
    }
    return pair ? 2 : 1;
}

PinyinName toPinyinFullName(QStringView fullName)
{
    const QStringView name = fullName.trimmed();
    const qsizetype n = familyNameLength(name);
    if (n == 0)
        return nameFromPieces(pieces(name));
    return toPinyinName(name.first(n), name.sliced(n));
}

} // namespace mdp::text
