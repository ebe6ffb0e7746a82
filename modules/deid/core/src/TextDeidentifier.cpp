#include "mdp/deid/TextDeidentifier.h"

#include "FreeTextScanner.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/text/Normalize.h"

#include <QDate>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace mdp::deid {

namespace {

// A deterministic stream of numbers from the keyed hash of what it stands for: the same key, scope
// and original always give the same surrogate; without the key nothing links them.
class KeyedStream
{
public:
    KeyedStream(const QByteArray &key, QByteArrayView purpose)
    {
        const QByteArray mac =
            QMessageAuthenticationCode::hash(purpose.toByteArray(), key, QCryptographicHash::Sha256);
        for (int i = 0; i < 8; ++i)
            m_state = (m_state << 8) | quint8(mac[i]);
    }
    // splitmix64: a small generator is enough here, the secrecy is in the keyed seed.
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int bounded(int limit) { return int(next() % quint64(limit)); }
    QChar pick(QStringView chars) { return chars.at(bounded(int(chars.size()))); }
    QChar digit() { return QChar(u'0' + bounded(10)); }

private:
    quint64 m_state = 0;
};

const QString &surrogateSurnames()
{
    static const QString s =
        QStringLiteral("王李张刘陈杨赵吴徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
                       "蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段侯龙");
    return s;
}
const QString &surrogateGivenChars()
{
    static const QString s =
        QStringLiteral("伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀英霞刚桂兰玉华红梅丹萍鹏辉波斌宇浩凯"
                       "健俊帆旭宁欣佳怡婷雪慧莉琳颖倩晶燕琴莹璐瑶蕾薇晨峰飞鑫建志春晓立永德荣");
    return s;
}
const QStringList &compoundSurnames()
{
    static const QStringList s = {QStringLiteral("欧阳"), QStringLiteral("司马"), QStringLiteral("上官"),
                                  QStringLiteral("诸葛"), QStringLiteral("慕容"), QStringLiteral("司徒")};
    return s;
}

// Made-up place names: surrogate addresses and hospitals must not point at a real one.
const QStringList &placeNames()
{
    static const QStringList s = {QStringLiteral("青岚"), QStringLiteral("云溪"), QStringLiteral("临川"),
                                  QStringLiteral("白沙"), QStringLiteral("清河"), QStringLiteral("松林"),
                                  QStringLiteral("望江"), QStringLiteral("石桥"), QStringLiteral("枫亭"),
                                  QStringLiteral("柳湾"), QStringLiteral("金田"), QStringLiteral("安澜")};
    return s;
}
const QStringList &roadNames()
{
    static const QStringList s = {QStringLiteral("和平"), QStringLiteral("建设"), QStringLiteral("解放"),
                                  QStringLiteral("新华"), QStringLiteral("朝阳"), QStringLiteral("光明"),
                                  QStringLiteral("文化"), QStringLiteral("胜利"), QStringLiteral("东风"),
                                  QStringLiteral("幸福")};
    return s;
}
const QStringList &departmentNames()
{
    static const QStringList s = {QStringLiteral("肿瘤内科"), QStringLiteral("乳腺外科"),
                                  QStringLiteral("放疗科"),   QStringLiteral("综合内科"),
                                  QStringLiteral("普通外科"), QStringLiteral("病理科"),
                                  QStringLiteral("影像科"),   QStringLiteral("超声科")};
    return s;
}
const QString &chineseDigits()
{
    static const QString s = QStringLiteral("〇一二三四五六七八九");
    return s;
}

// Digits replaced one by one, everything else kept: the form stays, the value goes.
QString replaceDigits(QStringView original, KeyedStream &rng, int keepLeading = 0)
{
    QString out;
    out.reserve(original.size());
    int seen = 0;
    for (QChar c : original) {
        if (c.isDigit() && c.unicode() < 0x80) {
            out.append(seen < keepLeading ? c : rng.digit());
            ++seen;
        } else {
            out.append(c);
        }
    }
    return out;
}

QString chineseNumeral(int value)
{
    if (value <= 10)
        return value == 10 ? QStringLiteral("十") : QString(chineseDigits().at(value));
    if (value < 20)
        return QStringLiteral("十") + chineseDigits().at(value - 10);
    return QString(chineseDigits().at(value / 10)) + u'十' +
           (value % 10 ? QString(chineseDigits().at(value % 10)) : QString());
}

int fromChineseNumeral(QStringView s)
{
    int value = 0;
    int current = 0;
    for (QChar c : s) {
        if (c == u'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else if (c == u'零' || c == u'○') {
            current = 0;
        } else {
            const qsizetype d = chineseDigits().indexOf(c);
            if (d < 0)
                return -1;
            current = int(d);
        }
    }
    return value + current;
}

QString padded(int value, qsizetype width)
{
    return QStringLiteral("%1").arg(value, int(width), 10, QChar(u'0'));
}

// Whether a date writes its month and day with two digits: a leading zero anywhere says so, and
// ISO-like dashes do by convention ("2024-12-15").
bool twoDigitStyle(QStringView month, QStringView day, QStringView separator)
{
    return (month.size() == 2 && month.front() == u'0') || (day.size() == 2 && day.front() == u'0') ||
           (separator.contains(u'-') && month.size() == 2 && day.size() == 2);
}

// The date moved by `days`, written the way the original was; empty when the form is not known.
QString shiftedDate(QStringView original, int days)
{
    const QString folded = text::foldWidth(original);
    static const QRegularExpression ymd(QStringLiteral(
        R"(^((?:19|20)[0-9]{2}|[0-9]{2})( *年 *|[-/.])([0-9]{1,2})( *月 *|[-/.])([0-9]{1,2})(.*)$)"));
    static const QRegularExpression ym(
        QStringLiteral(R"(^((?:19|20)[0-9]{2})( *年 *|[-/])([0-9]{1,2})( *月)?$)"));
    static const QRegularExpression md(QStringLiteral(R"(^([0-9]{1,2})( *月 *|[./-])([0-9]{1,2})(.*)$)"));
    static const QRegularExpression dmy(QStringLiteral(R"(^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(.*)$)"));
    static const QRegularExpression compact(QStringLiteral(R"(^([0-9]{4})([0-9]{2})([0-9]{2})(.*)$)"));
    static const QRegularExpression han(QStringLiteral(
        R"(^([〇零○一二三四五六七八九]{4})? *(年)? *([一二三四五六七八九十]{1,3}) *月 *(?:([一二三四五六七八九十]{1,3}) *([日号]))?(.*)$)"));
    if (auto m = ymd.match(folded); m.hasMatch()) {
        int year = m.captured(1).toInt();
        const bool twoDigit = m.capturedLength(1) == 2;
        if (twoDigit)
            year += 2000;
        const QDate d = QDate(year, m.captured(3).toInt(), m.captured(5).toInt()).addDays(days);
        if (!d.isValid())
            return {};
        const qsizetype w = twoDigitStyle(m.capturedView(3), m.capturedView(5), m.capturedView(2)) ? 2 : 1;
        return (twoDigit ? padded(d.year() % 100, 2) : QString::number(d.year())) + m.captured(2) +
               padded(d.month(), w) + m.captured(4) + padded(d.day(), w) + m.captured(6);
    }
    if (auto m = ym.match(folded); m.hasMatch()) {
        const QDate d = QDate(m.captured(1).toInt(), m.captured(3).toInt(), 15).addDays(days);
        if (!d.isValid())
            return {};
        const qsizetype w = m.capturedView(3).startsWith(u'0') ? 2 : 1;
        return QString::number(d.year()) + m.captured(2) + padded(d.month(), w) + m.captured(4);
    }
    if (auto m = dmy.match(folded); m.hasMatch()) {
        const int a = m.captured(1).toInt();
        const int b = m.captured(2).toInt();
        const int y = m.captured(3).toInt();
        const bool monthFirst = QDate::isValid(y, a, b);
        QDate d = monthFirst ? QDate(y, a, b) : QDate(y, b, a);
        d = d.addDays(days);
        if (!d.isValid())
            return {};
        const int first = monthFirst ? d.month() : d.day();
        const int second = monthFirst ? d.day() : d.month();
        const qsizetype w = twoDigitStyle(m.capturedView(1), m.capturedView(2), u"/") ? 2 : 1;
        return padded(first, w) + u'/' + padded(second, w) + u'/' + QString::number(d.year()) + m.captured(4);
    }
    if (auto m = compact.match(folded); m.hasMatch()) {
        const QDate d =
            QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).addDays(days);
        if (!d.isValid())
            return {};
        return d.toString(QStringLiteral("yyyyMMdd")) + m.captured(4);
    }
    if (auto m = md.match(folded); m.hasMatch()) {
        // No year: a leap year, so that 2月29日 exists.
        const QDate d = QDate(2000, m.captured(1).toInt(), m.captured(3).toInt()).addDays(days);
        if (!d.isValid())
            return {};
        const qsizetype w = twoDigitStyle(m.capturedView(1), m.capturedView(3), m.capturedView(2)) ? 2 : 1;
        return padded(d.month(), w) + m.captured(2) + padded(d.day(), w) + m.captured(4);
    }
    if (auto m = han.match(folded); m.hasMatch()) {
        int year = 2000;
        if (m.capturedLength(1) == 4) {
            year = 0;
            for (QChar c : m.capturedView(1))
                year =
                    year * 10 +
                    int(std::max<qsizetype>(0, chineseDigits().indexOf(c == u'零' || c == u'○' ? u'〇' : c)));
        }
        const int month = fromChineseNumeral(m.captured(3));
        const bool hasDay = m.capturedLength(4) > 0;
        const int day = hasDay ? fromChineseNumeral(m.captured(4)) : 15;
        QDate d = QDate(year, month, day);
        if (!d.isValid())
            return {};
        d = d.addDays(days);
        QString out;
        if (m.capturedLength(1) == 4) {
            for (QChar c : QString::number(d.year()))
                out.append(chineseDigits().at(c.unicode() - u'0'));
            out += m.captured(2);
        }
        out += chineseNumeral(d.month()) + u'月';
        if (hasDay)
            out += chineseNumeral(d.day()) + m.captured(5);
        return out + m.captured(6);
    }
    return {};
}

QString residentIdSurrogate(KeyedStream &rng)
{
    static const QStringList regions = {QStringLiteral("110101"), QStringLiteral("310101"),
                                        QStringLiteral("330102"), QStringLiteral("440103"),
                                        QStringLiteral("510104"), QStringLiteral("420102")};
    const QDate born = QDate(1940, 1, 1).addDays(rng.bounded(25000));
    QString body = regions.at(rng.bounded(int(regions.size()))) + born.toString(QStringLiteral("yyyyMMdd")) +
                   padded(rng.bounded(1000), 3);
    return body + registry::ResidentId::checkCharacter(body);
}

QString bankCardSurrogate(QStringView original, KeyedStream &rng)
{
    QString out = replaceDigits(original, rng, 2);
    // The last digit makes the Luhn sum right again.
    QString digits;
    qsizetype last = -1;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out.at(i).isDigit()) {
            digits.append(out.at(i));
            last = i;
        }
    }
    if (last < 0)
        return out;
    for (int check = 0; check < 10; ++check) {
        digits.back() = QChar(u'0' + check);
        if (passesLuhn(digits)) {
            out[last] = QChar(u'0' + check);
            break;
        }
    }
    return out;
}

QString nameSurrogate(QStringView original, KeyedStream &rng)
{
    qsizetype givenLength = original.size() - 1;
    QString out;
    if (original.size() >= 3 && compoundSurnames().contains(original.first(2).toString())) {
        out = compoundSurnames().at(rng.bounded(int(compoundSurnames().size())));
        givenLength = original.size() - 2;
    } else {
        out = rng.pick(surrogateSurnames());
    }
    for (qsizetype i = 0; i < givenLength; ++i)
        out.append(rng.pick(surrogateGivenChars()));
    return out;
}

QString sanitizeSurrogates(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out.append(c);
            out.append(text[++i]);
        } else if (c.isSurrogate()) {
            out.append(QChar(QChar::ReplacementCharacter));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

TextDeidentifier::TextDeidentifier(TextDeidOptions options)
    : m_options(std::move(options))
    , m_key(m_options.key)
{
    if (m_key.isEmpty()) {
        m_key.resize(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
    }
    if (m_options.dateShiftDays) {
        m_dateShift = *m_options.dateShiftDays;
    } else {
        KeyedStream rng(m_key, QByteArray("date-shift\n") + m_options.scope.toUtf8());
        const int magnitude = 1 + rng.bounded(365);
        m_dateShift = rng.bounded(2) ? magnitude : -magnitude;
    }
}

QList<Finding> TextDeidentifier::findIdentifiers(QStringView text) const
{
    const Clock &clock = m_options.clock ? *m_options.clock : SystemClock::instance();
    QList<Finding> found = detail::findFreeTextIdentifiers(text, m_options.kinds, clock);
    // Findings never split a surrogate pair.
    found.removeIf([&](const Finding &f) {
        return f.start >= text.size() || f.end() > text.size() ||
               (f.start > 0 && text[f.start].isLowSurrogate() && text[f.start - 1].isHighSurrogate());
    });
    return found;
}

QString TextDeidentifier::deidentify(QStringView text) const
{
    return deidentify(text, findIdentifiers(text));
}

QString TextDeidentifier::deidentify(QStringView text, const QList<Finding> &findings) const
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    qsizetype at = 0;
    for (const Finding &f : findings) {
        if (f.start < at || f.end() > text.size())
            continue;
        out.append(sanitizeSurrogates(text.sliced(at, f.start - at)));
        out.append(replacement(f.kind, text.sliced(f.start, f.length)));
        at = f.end();
    }
    out.append(sanitizeSurrogates(text.sliced(at)));
    return out;
}

QString TextDeidentifier::replacement(IdentifierKind kind, QStringView original) const
{
    if (m_options.replacement == Replacement::Surrogate) {
        const QString s = surrogate(kind, original);
        if (!s.isEmpty())
            return s;
    }
    return placeholder(kind);
}

QString TextDeidentifier::surrogate(IdentifierKind kind, QStringView original) const
{
    const QString folded = text::foldWidth(original);
    // Consistency is about the value, not its spelling: "138 1234 5678" and "13812345678" agree.
    QString identity = folded;
    if (kind != IdentifierKind::PersonName && kind != IdentifierKind::Address &&
        kind != IdentifierKind::Institution && kind != IdentifierKind::Department)
        identity.removeIf([](QChar c) { return c == u' ' || c == u'-' || c == u'(' || c == u')'; });
    const QByteArray purpose =
        kindName(kind).toUtf8() + '\n' + m_options.scope.toUtf8() + '\n' + identity.toUtf8();
    for (int attempt = 0; attempt < 4; ++attempt) {
        KeyedStream rng(m_key, purpose + QByteArray::number(attempt));
        QString out;
        switch (kind) {
        case IdentifierKind::ResidentId:
            out = residentIdSurrogate(rng);
            break;
        case IdentifierKind::BankCard:
            out = bankCardSurrogate(folded, rng);
            break;
        case IdentifierKind::MobilePhone: {
            // Keep "+86 " and the leading 1[3-9]: it still reads as a mobile number.
            const qsizetype one =
                folded.indexOf(u'1', folded.startsWith(u'+') || folded.startsWith(u"86") ? 2 : 0);
            out = folded.left(one + 1) + QChar(u'3' + rng.bounded(7)) +
                  replaceDigits(QStringView(folded).sliced(std::min(one + 2, folded.size())), rng);
            break;
        }
        case IdentifierKind::Email:
            out = QStringLiteral("user%1@example.cn").arg(rng.bounded(1000000), 6, 10, QChar(u'0'));
            break;
        case IdentifierKind::Landline: {
            // Service numbers keep their 400/800 prefix, landlines their leading 0.
            const bool service = folded.startsWith(u"400") || folded.startsWith(u"800");
            const qsizetype zero = folded.indexOf(u'0');
            out = service ? replaceDigits(folded, rng, 3)
                          : folded.left(zero + 1) + replaceDigits(QStringView(folded).sliced(zero + 1), rng);
            break;
        }
        case IdentifierKind::RecordNumber:
        case IdentifierKind::OtherId:
            out = replaceDigits(folded, rng);
            break;
        case IdentifierKind::PersonName:
            out = nameSurrogate(folded, rng);
            break;
        case IdentifierKind::Address:
            out = placeNames().at(rng.bounded(int(placeNames().size()))) + u'市' +
                  placeNames().at(rng.bounded(int(placeNames().size()))) + u'区' +
                  roadNames().at(rng.bounded(int(roadNames().size()))) + u'路' +
                  QString::number(1 + rng.bounded(300)) + u'号';
            break;
        case IdentifierKind::Institution:
            out = placeNames().at(rng.bounded(int(placeNames().size()))) + QStringLiteral("市第") +
                  chineseNumeral(1 + rng.bounded(9)) + QStringLiteral("人民医院");
            break;
        case IdentifierKind::Department:
            out = departmentNames().at(rng.bounded(int(departmentNames().size())));
            break;
        case IdentifierKind::Date:
            out = shiftedDate(original, m_dateShift);
            return out; // the shift is the consistency; empty falls back to the placeholder
        case IdentifierKind::Age:
            return folded.contains(u'岁') ? QStringLiteral("90岁以上") : QStringLiteral("≥90");
        }
        if (out != folded)
            return out;
    }
    return {};
}

QList<Finding> findIdentifiers(QStringView text, const TextDeidOptions &options)
{
    TextDeidOptions o = options;
    if (o.key.isEmpty())
        o.key = QByteArrayLiteral("find-only"); // no surrogates are made: skip drawing a key
    return TextDeidentifier(std::move(o)).findIdentifiers(text);
}

QString deidentify(QStringView text, const TextDeidOptions &options)
{
    TextDeidOptions o = options;
    if (o.key.isEmpty() && o.replacement == Replacement::Placeholder)
        o.key = QByteArrayLiteral("placeholders-only"); // no surrogates are made: skip drawing a key
    return TextDeidentifier(std::move(o)).deidentify(text);
}

} // namespace mdp::deid
