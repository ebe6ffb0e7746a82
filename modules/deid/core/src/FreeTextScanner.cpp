#include "FreeTextScanner.h"

#include "Lexicon.h"
#include "mdp/text/Normalize.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace mdp::deid::detail {

namespace {

// Which evidence found a candidate; lower wins an overlap (then the longer span).
enum Tier
{
    Labelled = 0,   // a label says what the number is (住院号：..., 身份证号：...)
    Checked = 1,    // a check character, Luhn, or an unmistakable form
    NumberForm = 2, // landline and mobile forms without a label
    Temporal = 3,   // dates, ages
    Words = 4       // names, addresses, institutions, departments
};

struct Candidate
{
    IdentifierKind kind;
    qsizetype start;
    qsizetype length;
    int tier;
};

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiAlnum(QChar c)
{
    return isDigit(c) || isAsciiLetter(c);
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\u00A0';
}

QRegularExpression pattern(const char16_t *source)
{
    QRegularExpression re(QString::fromUtf16(source));
    if (!re.isValid())
        qWarning("mdp.deid: invalid pattern %s", qPrintable(re.errorString()));
    re.optimize();
    return re;
}

class Scanner
{
public:
    Scanner(QStringView text, KindSet kinds)
        : t(text)
        , n(text.size())
        , lex(Lexicon::instance())
        , m_kinds(kinds)
    {}

    QList<Candidate> run(const Clock &clock);

private:
    // The text is valid UTF-16 (unpaired surrogates were replaced): PCRE2 need not check it again on
    // each call, which would cost the whole text each time.
    static constexpr QRegularExpression::MatchOptions kTrusted =
        QRegularExpression::DontCheckSubjectStringMatchOption;
    QRegularExpressionMatch matchAt(const QRegularExpression &re, qsizetype at) const
    {
        return re.match(t, at, QRegularExpression::NormalMatch, kTrusted);
    }

    void add(IdentifierKind kind, qsizetype start, qsizetype length, int tier)
    {
        if (length > 0 && m_kinds.contains(kind))
            m_found.append(Candidate{kind, start, length, tier});
    }
    bool han(qsizetype i) const { return i >= 0 && i < n && lex.han.contains(t[i]); }
    bool nameable(qsizetype i) const
    {
        return han(i) && (lex.nameChars.contains(t[i]) || !lex.nonNameChars.contains(t[i]));
    }
    // After a label: blanks, then an optional colon (or 为/是), then blanks.
    qsizetype skipLabelGap(qsizetype i, bool *sawColon = nullptr) const;

    void labelledNumbers();
    void numberForms();
    void dates();
    void ages();
    void names();
    void addresses();
    void institutions();
    void departments();

    // Names.
    enum class Evidence
    {
        Label, // 姓名：, 签名：, 报告医师：...: whatever name-like follows
        Cue    // 患者, 家属, 医生 before the name: a listed surname and a clean ending
    };
    qsizetype surnameLength(qsizetype s) const;
    bool nameEndsAt(qsizetype p) const;
    qsizetype nameAt(qsizetype s, Evidence evidence, bool weakLabel = false) const;
    void addName(qsizetype s, qsizetype length);
    qsizetype nameBefore(qsizetype end, bool surnameAlone) const;
    // A short parenthesis opening at `open` ("（丈夫）", "（女，42岁）"): the position after its closing
    // bracket, or 0.
    qsizetype closingParenthesisAfter(qsizetype open) const;
    // Whether a short parenthesis opens just before `at` ("（丈夫" of "（丈夫）", "（患者之女").
    bool openParenthesisBefore(qsizetype at) const;

    // Addresses.
    qsizetype addressComponentsFrom(qsizetype at, int *components, int *strong, int *numbers) const;
    qsizetype numberComponentAt(qsizetype at) const;

    QStringView t;
    qsizetype n;
    const Lexicon &lex;
    KindSet m_kinds;
    QList<Candidate> m_found;
    QSet<QString> m_names;
};

qsizetype Scanner::skipLabelGap(qsizetype i, bool *sawColon) const
{
    while (i < n && isSpace(t[i]))
        ++i;
    bool colon = false;
    if (i < n && (t[i] == u':' || t[i] == u'=' || t[i] == u'为' || t[i] == u'是')) {
        colon = true;
        ++i;
    }
    while (i < n && isSpace(t[i]))
        ++i;
    if (sawColon)
        *sawColon = colon;
    return i;
}

// ---- Labelled numbers -------------------------------------------------------------------------

void Scanner::labelledNumbers()
{
    static const QRegularExpression value =
        pattern(uR"(\G(?:No\.?|NO\.?|#)?[A-Za-z]{0,6}[-_]?[0-9][0-9A-Za-z_-]*)");
    static const QRegularExpression account = pattern(uR"(\G[A-Za-z0-9][A-Za-z0-9_.-]{3,})");
    static const QRegularExpression residentValue =
        pattern(uR"(\G(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z]))");
    static const QRegularExpression phoneValue = pattern(
        uR"(\G(?:\(?0[1-9][0-9]{1,2}\)?[ -]?)?[1-9][0-9]{6,7}(?:[ ]?(?:-|转|分机|ext\.?|x)[ ]?[0-9]{1,5})?(?![0-9]))");
    static const QRegularExpression labelledMobile =
        pattern(uR"(\G(?:\+?86[ -]?)?1[3-9][0-9](?:[0-9]{8}|[ -][0-9]{4}[ -][0-9]{4})(?![0-9]))");
    auto afterAsciiWord = [&](qsizetype i) { return i > 0 && isAsciiAlnum(t[i - 1]) && isAsciiAlnum(t[i]); };
    for (qsizetype i = 0; i < n; ++i) {
        qsizetype len = 0;
        int which = 0;
        if ((len = lex.residentIdLabels.longestAt(t, i)) > 0)
            which = 1;
        else if ((len = lex.recordLabels.longestAt(t, i)) > 0)
            which = 2;
        else if ((len = lex.otherIdLabels.longestAt(t, i)) > 0)
            which = 3;
        else if ((len = lex.phoneLabels.longestAt(t, i)) > 0)
            which = 4;
        if (which == 0 || afterAsciiWord(i) ||
            (isAsciiLetter(t[i + len - 1]) && i + len < n && isAsciiLetter(t[i + len])))
            continue;
        const bool bed = t.sliced(i, len).startsWith(u"床");
        qsizetype j = skipLabelGap(i + len);
        // "住院号/病案号：123" and "住院号(ID)：": further labels before the value.
        while (j < n && (t[j] == u'/' || t[j] == u'、' || t[j] == u'(')) {
            qsizetype k = j + 1;
            qsizetype l2 = std::max({lex.recordLabels.longestAt(t, k), lex.otherIdLabels.longestAt(t, k)});
            if (l2 == 0)
                break;
            k += l2;
            if (k < n && t[k] == u')')
                ++k;
            j = skipLabelGap(k);
        }
        if (j >= n)
            break;
        QRegularExpressionMatch m;
        switch (which) {
        case 1:
            m = matchAt(residentValue, j);
            if (m.hasMatch())
                add(IdentifierKind::ResidentId, j, m.capturedLength(), Labelled);
            else if ((m = matchAt(account, j)).hasMatch() &&
                     std::any_of(m.capturedView().begin(), m.capturedView().end(), isDigit))
                add(IdentifierKind::OtherId, j, m.capturedLength(), Labelled); // a passport, another card
            break;
        case 2:
            m = matchAt(value, j);
            if (m.hasMatch()) {
                qsizetype l = m.capturedLength();
                while (l > 0 && (t[j + l - 1] == u'-' || t[j + l - 1] == u'_'))
                    --l;
                if (l >= (bed ? 1 : 3))
                    add(IdentifierKind::RecordNumber, j, l, Labelled);
            }
            break;
        case 3:
            m = matchAt(account, j);
            if (m.hasMatch()) {
                qsizetype l = m.capturedLength();
                while (l > 0 && (t[j + l - 1] == u'.' || t[j + l - 1] == u'-'))
                    --l;
                add(IdentifierKind::OtherId, j, l, Labelled);
            }
            break;
        case 4:
            // A mobile number after its label, even run into the next word ("13812345678CT示").
            if ((m = matchAt(labelledMobile, j)).hasMatch()) {
                add(IdentifierKind::MobilePhone, j, m.capturedLength(), Labelled);
                break;
            }
            m = matchAt(phoneValue, j);
            if (m.hasMatch() && !(m.capturedLength() == 11 && t[j] == u'1'))
                add(IdentifierKind::Landline, j, m.capturedLength(), Labelled);
            break;
        }
        i = j - 1;
    }
    // Postcodes belong to the address: "邮编 518057".
    static const QRegularExpression postcode = pattern(uR"((?:邮编|邮政编码) *[:]? *([0-9]{6})(?![0-9]))");
    for (auto it = postcode.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Address, m.capturedStart(1), m.capturedLength(1), Labelled);
    }
    // Beds without a label: "12床", "+3床" (not 床旁, 床边 after the number: those are no bed numbers).
    static const QRegularExpression bedForm =
        pattern(uR"((?<![0-9A-Za-z.])(?:[0-9]{1,3}|\+[0-9]{1,2})(?=床(?![旁边头单位日])))");
    for (auto it = bedForm.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::RecordNumber, m.capturedStart(), m.capturedLength(), Labelled);
    }
}

// ---- Phone numbers without a label ------------------------------------------------------------

void Scanner::numberForms()
{
    static const QRegularExpression landline = pattern(
        uR"((?<![0-9A-Za-z])(?:(?:\+?86[ -]?)?\(0?[1-9][0-9]{1,2}\)|(?:\+?86[ -]?)?0[1-9][0-9]{1,2}|\+?86[ -]?[1-9][0-9]{1,2}[ -])[ -]?[1-9][0-9]{6,7}(?:[ ]?(?:-|转|分机|ext\.?|x|X)[ ]?[0-9]{1,5})?(?![0-9]))");
    static const QRegularExpression service =
        pattern(uR"((?<![0-9A-Za-z])[48]00[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9]))");
    static const QRegularExpression groupedMobile =
        pattern(uR"((?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}(?![0-9]))");
    for (auto it = landline.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Landline, m.capturedStart(), m.capturedLength(), NumberForm);
    }
    for (auto it = service.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Landline, m.capturedStart(), m.capturedLength(), NumberForm);
    }
    for (auto it = groupedMobile.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted);
         it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::MobilePhone, m.capturedStart(), m.capturedLength(), NumberForm);
    }
}

// ---- Dates and ages ---------------------------------------------------------------------------

int chineseNumber(QStringView s)
{
    // 一..九, 十, 十一.., 二十.., 三十一; 〇/零 as 0 (years are read digit by digit elsewhere).
    static const QString digits = QStringLiteral("〇一二三四五六七八九");
    int value = 0;
    int current = 0;
    for (QChar c : s) {
        if (c == u'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else if (c == u'零' || c == u'○') {
            current = 0;
        } else {
            const qsizetype d = digits.indexOf(c);
            if (d < 0)
                return -1;
            current = int(d);
        }
    }
    return value + current;
}

bool validDay(int year, int month, int day)
{
    return QDate::isValid(year, month, day);
}

void Scanner::dates()
{
    static const QRegularExpression ymdHan = pattern(
        uR"((?<![0-9])((?:19|20)[0-9]{2}|[0-9]{2}) *年 *([0-9]{1,2}) *月(?: *([0-9]{1,2}) *[日号])?)");
    static const QRegularExpression ymdSep = pattern(
        uR"((?<![0-9.])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})(?:\2(3[01]|[12][0-9]|0?[1-9]))?(?:(?![0-9]|\.[0-9])|(?=(?:[01]?[0-9]|2[0-3])(?:[时点]|:[0-5][0-9]))))");
    static const QRegularExpression mdHan =
        pattern(uR"((?<![0-9.年])([0-9]{1,2}) *月 *([0-9]{1,2}) *[日号])");
    static const QRegularExpression dmy =
        pattern(uR"((?<![0-9./])([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})(?![0-9]))");
    static const QRegularExpression compact = pattern(
        uR"((?<![0-9A-Za-z])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:(?![0-9a-z_])|(?=(?:[01]?[0-9]|2[0-3])(?:[时点]|:[0-5][0-9]))))");
    static const QRegularExpression hanNumerals = pattern(
        uR"(([〇零○一二三四五六七八九]{4}) *年 *([一二三四五六七八九十]{1,3}) *月(?: *([一二三四五六七八九十]{1,3}) *[日号])?|(?<![〇零○一二三四五六七八九十年])([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号])");
    static const QRegularExpression timeOfDay = pattern(
        uR"(\G(?: ?|T)(?:上午|下午|晚上|凌晨|中午|早上|晚)? ?(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9](?::[0-5][0-9])?|[时点](?: ?[0-5]?[0-9]分)?))");
    static const QRegularExpression rangeTail =
        pattern(uR"(\G *[-~至到] *([0-9]{1,2})([./-])([0-9]{1,2})(?![0-9]))");

    auto withTime = [&](qsizetype start, qsizetype end, bool hasDay) {
        if (hasDay) {
            const auto m = matchAt(timeOfDay, end);
            if (m.hasMatch() && m.capturedStart() == end)
                end += m.capturedLength();
        }
        add(IdentifierKind::Date, start, end - start, Temporal);
        if (hasDay) {
            const auto r = matchAt(rangeTail, end);
            if (r.hasMatch() && r.capturedStart() == end) {
                const int month = r.captured(1).toInt();
                const int day = r.captured(3).toInt();
                if (validDay(2000, month, day))
                    add(IdentifierKind::Date, r.capturedStart(1), r.capturedEnd(3) - r.capturedStart(1),
                        Temporal);
            }
        }
    };
    for (auto it = ymdHan.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        int year = m.captured(1).toInt();
        if (m.capturedLength(1) == 2)
            year += 2000;
        const int month = m.captured(2).toInt();
        const bool hasDay = m.capturedLength(3) > 0;
        if (m.capturedLength(1) == 2 && !hasDay)
            continue; // "24年3月" is too often a duration
        if (month < 1 || month > 12 || (hasDay && !validDay(year, month, m.captured(3).toInt())))
            continue;
        withTime(m.capturedStart(), m.capturedEnd(), hasDay);
    }
    for (auto it = ymdSep.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        const int year = m.captured(1).toInt();
        const int month = m.captured(3).toInt();
        const bool hasDay = m.capturedLength(4) > 0;
        if (month < 1 || month > 12 || (hasDay && !validDay(year, month, m.captured(4).toInt())))
            continue;
        // A year and a month alone only with - or / ("2019.5" may be a measurement).
        if (!hasDay && (m.captured(2) == u"." || m.capturedLength(3) == 0))
            continue;
        withTime(m.capturedStart(), m.capturedEnd(), hasDay);
    }
    for (auto it = mdHan.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        if (validDay(2000, m.captured(1).toInt(), m.captured(2).toInt()))
            withTime(m.capturedStart(), m.capturedEnd(), true);
    }
    for (auto it = dmy.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        const int a = m.captured(1).toInt();
        const int b = m.captured(2).toInt();
        const int y = m.captured(3).toInt();
        if (validDay(y, a, b) || validDay(y, b, a))
            withTime(m.capturedStart(), m.capturedEnd(), true);
    }
    for (auto it = compact.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        if (validDay(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()))
            withTime(m.capturedStart(), m.capturedEnd(), true);
    }
    for (auto it = hanNumerals.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedLength(1) > 0) {
            const int month = chineseNumber(m.captured(2));
            const int day = m.capturedLength(3) > 0 ? chineseNumber(m.captured(3)) : 1;
            if (month >= 1 && month <= 12 && validDay(2000, month, day))
                withTime(m.capturedStart(), m.capturedEnd(), m.capturedLength(3) > 0);
        } else {
            const int month = chineseNumber(m.captured(4));
            const int day = chineseNumber(m.captured(5));
            if (month >= 1 && month <= 12 && validDay(2000, month, day))
                withTime(m.capturedStart(), m.capturedEnd(), true);
        }
    }
}

void Scanner::ages()
{
    static const QRegularExpression age = pattern(uR"((?<![0-9.])(?:9[0-9]|1[01][0-9]) *(?:周岁|岁))");
    static const QRegularExpression labelled = pattern(uR"(年龄 *[:]? *((?:9[0-9]|1[01][0-9]))(?![0-9.]))");
    for (auto it = age.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Age, m.capturedStart(), m.capturedLength(), Temporal);
    }
    for (auto it = labelled.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Age, m.capturedStart(1), m.capturedLength(1), Temporal);
    }
}

// ---- Names ------------------------------------------------------------------------------------

qsizetype Scanner::surnameLength(qsizetype s) const
{
    if (s < 0 || s >= n)
        return 0;
    if (lex.compoundSurnames.longestAt(t, s) == 2)
        return 2;
    return lex.surnames.contains(t[s]) ? 1 : 0;
}

// Whether a name may end just before `p`: the text goes on with something that is no name.
bool Scanner::nameEndsAt(qsizetype p) const
{
    if (p >= n || !han(p))
        return true;
    if (!nameable(p))
        return true;
    return lex.nameCuesAfter.longestAt(t, p) > 0 || lex.nameCuesBefore.longestAt(t, p) > 0 ||
           lex.fieldLabels.longestAt(t, p) > 0 || lex.notNames.longestAt(t, p) > 0 ||
           lex.recordLabels.longestAt(t, p) > 0 || lex.phoneLabels.longestAt(t, p) > 0;
}

// The length of the name starting at `s`, or 0.
qsizetype Scanner::nameAt(qsizetype s, Evidence evidence, bool weakLabel) const
{
    if (s >= n || !han(s))
        return 0;
    if (lex.nameCuesBefore.longestAt(t, s) > 0 || lex.fieldLabels.longestAt(t, s) > 0 ||
        lex.nameCuesAfter.longestAt(t, s) > 0)
        return 0;
    qsizetype sl = surnameLength(s);
    if (sl == 0) {
        // Only a label vouches for a name whose surname is not in the list.
        if (evidence != Evidence::Label || !nameable(s) || lex.nonNameChars.contains(t[s]))
            return 0;
        sl = 1;
    }
    // Words are no names after a cue, and after the labels that also head ordinary text ("报告：双乳...");
    // after 姓名：, 联系人：, 上级医师： a name is meant whatever it spells ("安静", "高强").
    if ((evidence == Evidence::Cue || weakLabel) && lex.notNames.longestAt(t, s) > 0)
        return 0;
    const qsizetype g1 = s + sl;
    // After a label ("联系人：冯大伟") any ideograph may follow the surname.
    const bool firstGiven = evidence == Evidence::Label ? han(g1) : nameable(g1);
    if (!firstGiven || lex.nameCuesAfter.longestAt(t, g1) > 0 || lex.fieldLabels.longestAt(t, g1) > 0)
        return 0; // a surname alone ("王医生") is found from its title, not here
    const bool ambiguous = sl == 1 && lex.ambiguousSurnames.contains(t[s]);
    if (ambiguous && evidence == Evidence::Cue && !lex.nameChars.contains(t[g1]))
        return 0;
    const qsizetype g2 = g1 + 1;
    // Characters that start the next word far more often than they end a name ("双膝", "左侧").
    static const CharSet wordStarters(u"双单全左右前后上下内外高低大小多少每各约近共当");
    const bool startsWord = g2 < n && wordStarters.contains(t[g2]) && han(g2 + 1);
    const bool secondNameable = nameable(g2) && !startsWord && lex.notNames.longestAt(t, g2) == 0 &&
                                lex.nameCuesAfter.longestAt(t, g2) == 0 &&
                                lex.fieldLabels.longestAt(t, g2) == 0 &&
                                lex.nameCuesBefore.longestAt(t, g2) == 0;
    if (secondNameable && nameEndsAt(g2 + 1))
        return sl + 2;
    if (nameEndsAt(g2))
        return sl + 1;
    if (!secondNameable)
        return sl + 1;
    // Neither ending is clean (the text runs on): the reading its characters support.
    return lex.nameChars.contains(t[g1]) && lex.nameChars.contains(t[g2]) ? sl + 2 : sl + 1;
}

void Scanner::addName(qsizetype s, qsizetype length)
{
    add(IdentifierKind::PersonName, s, length, Words);
    if (length >= 2)
        m_names.insert(t.sliced(s, length).toString());
}

// The name that ends at `end` (before a title or relation word), or 0. `surnameAlone` allows "王" in
// "王医生".
qsizetype Scanner::nameBefore(qsizetype end, bool surnameAlone) const
{
    // Valid readings, longest first; a reading whose surname is also a preposition or adverb ("由王芳",
    // "时王") gives way to a shorter one.
    qsizetype longest = 0;
    bool longestPrepositional = false;
    qsizetype fallback = 0;
    static const CharSet prepositional(u"由于向和经时将那都应查连解对从自在给为与及把被");
    for (qsizetype len = 4; len >= 1; --len) {
        const qsizetype s = end - len;
        if (s < 0)
            continue;
        const qsizetype sl = surnameLength(s);
        if (sl == 0 || sl > len || (sl == len && !surnameAlone))
            continue;
        if (sl == 1 && len == 4)
            continue; // a single surname and three more characters: no
        bool ok = true;
        for (qsizetype k = s + sl; k < end; ++k)
            ok = ok && nameable(k);
        // The reading is itself a word ("查看" before 患者); words running into the cue do not count
        // ("孙女" in 孙女士).
        // Before a title ("安静医生") a person is meant whatever the word; role prefixes ("全科医生")
        // were taken off with the cue.
        const qsizetype word = surnameAlone ? 0 : lex.notNames.longestAt(t, s);
        if (!ok || (word >= 2 && word <= len))
            continue;
        // A surname that is also a word needs given-name characters.
        if (sl == 1 && len > 1 && lex.ambiguousSurnames.contains(t[s])) {
            for (qsizetype k = s + 1; k < end; ++k)
                ok = ok && lex.nameChars.contains(t[k]);
            if (!ok)
                continue;
        }
        // "由李医生", "和王芳医生": the preposition's reading has a surname where the given name should be.
        bool prep = sl == 1 && prepositional.contains(t[s]);
        if (prep) {
            bool givenLike = true;
            for (qsizetype k = s + 1; k < end; ++k)
                givenLike = givenLike && lex.nameChars.contains(t[k]);
            prep = !givenLike || len - 1 >= 2;
        }
        if (longest == 0) {
            longest = len;
            longestPrepositional = prep;
        } else if (fallback == 0 && !prep) {
            fallback = len;
        }
    }
    return longestPrepositional && fallback > 0 ? fallback : longest;
}

// Short and plain: ideographs, digits, a separator. Longer or mixed brackets are no relation.
constexpr qsizetype kParenthesisLength = 8;

bool parenthesisContent(QChar c)
{
    return isDigit(c) || isSpace(c) || c == u',' || c == u'、' || c == u'/';
}

qsizetype Scanner::closingParenthesisAfter(qsizetype open) const
{
    for (qsizetype k = open + 1; k < n && k <= open + kParenthesisLength; ++k) {
        if (t[k] == u')')
            return k > open + 1 ? k + 1 : 0;
        if (!han(k) && !parenthesisContent(t[k]))
            return 0;
    }
    return 0;
}

bool Scanner::openParenthesisBefore(qsizetype at) const
{
    for (qsizetype k = at - 1; k >= 0 && at - k <= kParenthesisLength; --k) {
        if (t[k] == u'(')
            return true;
        if (!han(k) && !parenthesisContent(t[k]))
            return false;
    }
    return false;
}

void Scanner::names()
{
    for (qsizetype i = 0; i < n; ++i) {
        // A label or cue, then the name.
        const qsizetype cue = lex.nameCuesBefore.longestAt(t, i);
        if (cue > 0 &&
            !(i > 0 && lex.han.contains(t[i - 1]) && lex.nameCuesBefore.longestEndingAt(t, i + cue) > cue)) {
            bool colon = false;
            qsizetype s = skipLabelGap(i + cue, &colon);
            const bool isLabel = lex.nameLabels.longestAt(t, i) == cue;
            const bool gap = s > i + cue;
            Evidence evidence = (isLabel && (colon || gap)) ? Evidence::Label : Evidence::Cue;
            static const WordList weakLabels(u"报告 记录 审核 复核 录入 患者 病人 家属 助手 批准 核对 陪同");
            const bool weak = weakLabels.longestAt(t, i) == cue;
            // After the parenthesis (a relation or a remark: "家属（丈夫）李建国", "签名(手写)：张三") the
            // name follows as it would follow the cue; only a colon there makes the cue a label.
            auto afterParenthesis = [&](qsizetype close) {
                bool colonAfter = false;
                s = skipLabelGap(close, &colonAfter);
                evidence = (isLabel && colonAfter) ? Evidence::Label : Evidence::Cue;
            };
            qsizetype len = 0;
            if (s < n && t[s] == u'(') {
                // The name in the parenthesis ("家属（李建国）"), else the name after it.
                const qsizetype close = closingParenthesisAfter(s);
                len = nameAt(skipLabelGap(s + 1), evidence, weak);
                if (len > 0)
                    s = skipLabelGap(s + 1);
                else if (close > 0)
                    afterParenthesis(close);
            } else if (s == i + cue && s < n && t[s] == u')' && openParenthesisBefore(i)) {
                afterParenthesis(s + 1); // the relation is the cue: "（丈夫）李建国"
            }
            if (len == 0)
                len = nameAt(s, evidence, weak);
            if (len > 0) {
                addName(s, len);
                // A list: "医师：张伟、李娜 / 王芳".
                qsizetype e = s + len;
                while (e < n) {
                    qsizetype k = e;
                    while (k < n && (isSpace(t[k]) || t[k] == u'、' || t[k] == u',' || t[k] == u'/' ||
                                     t[k] == u'和' || t[k] == u'及' || t[k] == u'与'))
                        ++k;
                    if (k == e || k >= n)
                        break;
                    const qsizetype l2 = nameAt(k, Evidence::Cue);
                    if (l2 == 0)
                        break;
                    addName(k, l2);
                    e = k + l2;
                }
            }
        }
        // A title or relation after the name: "王医生", "张晓明主任医师", "王芳之子".
        const qsizetype after = lex.nameCuesAfter.longestAt(t, i);
        if (after > 0) {
            qsizetype cueStart = i;
            const qsizetype role = lex.roleWords.longestEndingAt(t, i + after);
            if (role > after)
                cueStart = i + after - role;
            const QStringView word = t.sliced(i, after);
            const bool title = !(word.startsWith(u'之') || word == u"家属" || word == u"本人" ||
                                 word == u"签名" || word == u"签字" || word == u"患者" || word == u"病人" ||
                                 word == u"女儿" || word == u"夫妇");
            const qsizetype len = nameBefore(cueStart, title);
            if (len > 0)
                addName(cueStart - len, len);
        }
    }

    // "王芳，女，52岁": the demographic line of a note, no cue before the name.
    static const QRegularExpression demographic =
        pattern(uR"(([\x{4e00}-\x{9fff}]{2,4}) *[,、] *\(?(?:男|女)(?:性)? *(?:[,、)]|[0-9]{1,3} *岁))");
    for (auto it = demographic.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        const qsizetype end = m.capturedEnd(1);
        const qsizetype len = nameBefore(end, false);
        if (len >= 2 && len <= m.capturedLength(1))
            addName(end - len, len);
    }

    // Every other mention of a name found with evidence.
    if (m_names.isEmpty())
        return;
    qsizetype maxLen = 0;
    for (const QString &name : std::as_const(m_names))
        maxLen = std::max(maxLen, name.size());
    QString probe;
    for (qsizetype i = 0; i < n; ++i) {
        if (!lex.surnames.contains(t[i]) && lex.compoundSurnames.longestAt(t, i) == 0)
            continue;
        for (qsizetype len = std::min(maxLen, n - i); len >= 2; --len) {
            probe = t.sliced(i, len).toString();
            if (m_names.contains(probe)) {
                add(IdentifierKind::PersonName, i, len, Words);
                break;
            }
        }
    }
}

// ---- Addresses --------------------------------------------------------------------------------

// A house number and its unit: "138号", "3-2-501", "5栋", "2单元", "A座", "三组".
qsizetype Scanner::numberComponentAt(qsizetype at) const
{
    static const QRegularExpression number = pattern(
        uR"(\G(?:[0-9]+(?:-[0-9]+)*|[A-Za-z][0-9]*|[一二三四五六七八九十]+) *(?:号院|号楼|号|弄|栋|幢|单元|室|层|楼|组|排|户|巷|座|区|期|支弄)|\G[0-9]+(?:-[0-9]+){1,3}(?![0-9]))");
    const auto m = matchAt(number, at);
    return m.hasMatch() && m.capturedStart() == at ? m.capturedLength() : 0;
}

// Walks address components from `at` and returns where the last one ends (or `at`).
qsizetype Scanner::addressComponentsFrom(qsizetype at, int *components, int *strong, int *numbers) const
{
    qsizetype pos = at;
    qsizetype lastGood = at;
    *components = *strong = *numbers = 0;
    // An address is never longer than this: the cap keeps runs of address-like text linear.
    const qsizetype limit = std::min(n, at + 96);
    while (pos < limit) {
        if (const qsizetype num = numberComponentAt(pos); num > 0) {
            pos += num;
            lastGood = pos;
            ++*numbers;
            continue;
        }
        if (isSpace(t[pos]) && *components > 0 && pos + 1 < n && (han(pos + 1) || isDigit(t[pos + 1]))) {
            ++pos;
            continue;
        }
        if (!han(pos))
            break;
        // The earliest component suffix within a few characters.
        qsizetype found = 0;
        qsizetype foundEnd = 0;
        bool foundStrong = false;
        for (qsizetype k = pos; k < n && k < pos + 12; ++k) {
            if (!han(k) || lex.addressStop.contains(t[k]))
                break;
            if (k == pos && *components == 0 && lex.provinces.longestAt(t, k) == 0 &&
                lex.cities.longestAt(t, k) == 0 && lex.addressSuffixes.longestAt(t, k) > 0)
                continue; // a component does not start with a bare suffix
            const qsizetype sl = lex.addressSuffixes.longestAt(t, k);
            if (sl > 0) {
                found = k;
                foundEnd = k + sl;
                foundStrong = lex.strongAddressSuffixes.longestAt(t, k) == sl;
                break;
            }
        }
        if (foundEnd == 0) {
            // A known city or district without its suffix ("杭州西湖区").
            const qsizetype place = std::max(lex.provinces.longestAt(t, pos), lex.cities.longestAt(t, pos));
            if (place > 0 && *components == 0) {
                pos += place;
                ++*components;
                continue;
            }
            break;
        }
        Q_UNUSED(found);
        pos = foundEnd;
        lastGood = pos;
        ++*components;
        if (foundStrong)
            ++*strong;
    }
    return lastGood;
}

void Scanner::addresses()
{
    // 1. After an address label: the value up to the end of the field.
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype len = lex.addressLabels.longestAt(t, i);
        if (len == 0)
            continue;
        bool colon = false;
        const qsizetype s = skipLabelGap(i + len, &colon);
        // A table cell ("家庭住址 广东省...") is a field like one after a colon.
        colon = colon || (s > i + len && lex.addressLabels.longestAt(t, i) == len &&
                          (t.sliced(i, len).endsWith(u"址") || t.sliced(i, len).endsWith(u"地")));
        int components = 0, strong = 0, numbers = 0;
        qsizetype end = addressComponentsFrom(s, &components, &strong, &numbers);
        if (colon) {
            // A form field: everything to the end of the field is the address.
            qsizetype e = s;
            while (e < n && t[e] != u'\n' && t[e] != u'\r' && t[e] != u',' && t[e] != u'。' && t[e] != u';' &&
                   t[e] != u'\t' && !(isSpace(t[e]) && e + 1 < n && isSpace(t[e + 1])) &&
                   lex.phoneLabels.longestAt(t, e) == 0 && lex.fieldLabels.longestAt(t, e) == 0 &&
                   lex.recordLabels.longestAt(t, e) == 0 && !t.sliced(e).startsWith(u"邮编") && e - s < 60)
                ++e;
            while (e > s && isSpace(t[e - 1]))
                --e;
            if (e - s >= 2 && (components > 0 || numbers > 0))
                end = std::max(end, e);
        }
        if (end > s && (components + numbers >= 2 || (colon && components >= 1)))
            add(IdentifierKind::Address, s, end - s, Words);
        i = std::max(i, end - 1);
    }
    // 2. From a province or city name: "浙江省杭州市西湖区...", "杭州市余杭区...".
    for (qsizetype i = 0; i < n; ++i) {
        if (lex.provinces.longestAt(t, i) == 0 && lex.cities.longestAt(t, i) == 0)
            continue;
        int components = 0, strong = 0, numbers = 0;
        const qsizetype end = addressComponentsFrom(i, &components, &strong, &numbers);
        if (components + numbers >= 2 && strong >= 1)
            add(IdentifierKind::Address, i, end - i, Words);
        if (end > i)
            i = end - 1;
    }
    // 3. A road, lane or housing estate with its number: "文三路138号", "阳光花园3号楼".
    static const QRegularExpression road = pattern(
        uR"([\x{4e00}-\x{9fff}]{1,10}?(?:路|街|大道|大街|巷|弄|胡同|小区|花园|家园|新村|公寓|大厦|苑|村|里)(?:[0-9]+|[一二三四五六七八九十]+)(?:-[0-9]+)* *(?:号|弄|栋|幢|组|号楼|单元))");
    qsizetype coveredUntil = 0;
    for (auto it = road.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() < coveredUntil)
            continue; // inside the address already taken from an earlier match
        qsizetype s = m.capturedStart();
        // The start: after the last character that cannot be in an address.
        for (qsizetype k = m.capturedEnd() - 1; k >= m.capturedStart(); --k) {
            if (lex.addressStop.contains(t[k]) || lex.nameCuesBefore.longestEndingAt(t, k + 1) > 0 ||
                lex.addressLabels.longestEndingAt(t, k + 1) > 0) {
                s = k + 1;
                break;
            }
        }
        int components = 0, strong = 0, numbers = 0;
        const qsizetype end = addressComponentsFrom(s, &components, &strong, &numbers);
        if (end > s && numbers >= 1) {
            add(IdentifierKind::Address, s, end - s, Words);
            coveredUntil = end;
        }
    }
}

// ---- Institutions and departments -------------------------------------------------------------

void Scanner::institutions()
{
    static const QString shortSuffixGuard =
        QStringLiteral("大学 学院 公司 集团 中学 小学 学校 银行 分院 院区");
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype len = lex.institutionSuffixes.longestAt(t, i);
        if (len == 0)
            continue;
        const QStringView suffix = t.sliced(i, len);
        qsizetype end = i + len;
        // Not "医院感染", "医院获得性肺炎".
        if (suffix.endsWith(u"医院") &&
            (t.sliced(end).startsWith(u"感染") || t.sliced(end).startsWith(u"获得") ||
             t.sliced(end).startsWith(u"内感")))
            continue;
        // A road named after an institution ("学院路") is part of an address.
        if (end < n && (t[end] == u'路' || t[end] == u'街' || t[end] == u'巷' || t[end] == u'弄'))
            continue;
        // A form label ("送检医院：") names no institution.
        qsizetype after = end;
        while (after < n && isSpace(t[after]))
            ++after;
        if (after < n && t[after] == u':')
            continue;
        // The name before the suffix.
        qsizetype s = i;
        while (s > 0 && i - s < 24) {
            const QChar c = t[s - 1];
            // "向氏中医诊所": a surname before 氏 belongs to the name even when it is a preposition.
            const bool clan = s < n && t[s] == u'氏' && lex.surnames.contains(c);
            if (!clan &&
                (!(han(s - 1) || isDigit(c) || c == u'(' || c == u')') || lex.institutionStop.contains(c)))
                break;
            if (lex.nameCuesBefore.longestEndingAt(t, s) > 1 || lex.addressLabels.longestEndingAt(t, s) > 1 ||
                lex.fieldLabels.longestEndingAt(t, s) > 1)
                break;
            --s;
        }
        // Unbalanced brackets at the edges go.
        while (s < i && (t[s] == u')' || t[s] == u'('))
            ++s;
        // Generic words in front ("当地医院", "上级医院", "某三甲医院") name nobody.
        qsizetype core = s;
        for (qsizetype g = 0; core < i && (g = lex.genericInstitutionPrefixes.longestAt(t, core)) > 0;)
            core += g;
        // ... or end with one ("张三上级医院" is a signature run into "上级医院").
        static const WordList genericBeforeSuffix(
            u"当地 上级 外 本 我 该 其他 其它 基层 附近 某 某某 各级 多家 "
            u"一家 这家 那家 一所 同一 外地 异地 定点 其余 多所 不同 各大");
        if (genericBeforeSuffix.longestEndingAt(t, i) > 0)
            continue;
        const qsizetype minimum = shortSuffixGuard.contains(suffix) ? 2 : 1;
        if (i - core < minimum)
            continue;
        // A campus or branch after the name: "...医院东院区", "...医院(滨江院区)".
        static const QRegularExpression campus = pattern(uR"(\G\(?[\x{4e00}-\x{9fff}]{1,4}(?:院区|分院)\)?)");
        const auto m = matchAt(campus, end);
        if (m.hasMatch() && m.capturedStart() == end)
            end += m.capturedLength();
        add(IdentifierKind::Institution, s, end - s, Words);
        i = end - 1;
    }
}

void Scanner::departments()
{
    static const QRegularExpression ward =
        pattern(uR"(\G(?:[0-9]+|[一二三四五六七八九十]+|[东西南北]|[A-Za-z])?(?:病区|病房|门诊|区))");
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype len = lex.departmentSuffixes.longestAt(t, i);
        if (len == 0)
            continue;
        const QStringView suffix = t.sliced(i, len);
        qsizetype end = i + len;
        if (suffix == u"科" && end < n &&
            (t[end] == u'学' || t[end] == u'研' || t[end] == u'技' || t[end] == u'室' || t[end] == u'普' ||
             t[end] == u'院' || t[end] == u'目'))
            continue;
        if (suffix == u"门诊" && end < n && t[end] == u'号')
            continue;
        qsizetype s = i;
        while (s > 0 && i - s < 10 && (han(s - 1) || t[s - 1] == u'/' || isAsciiLetter(t[s - 1])) &&
               !lex.departmentStop.contains(t[s - 1]) && lex.institutionSuffixes.longestEndingAt(t, s) == 0 &&
               lex.nameCuesBefore.longestEndingAt(t, s) < 2)
            --s;
        // The span starts at its first department morpheme; there must be one.
        while (s < i && lex.departmentMorphemes.longestAt(t, s) == 0)
            ++s;
        if (s == i)
            continue;
        // Wards and clinics after the department: "肿瘤放疗科二病区", "乳腺外科门诊".
        for (int k = 0; k < 2 && end < n; ++k) {
            const auto m = matchAt(ward, end);
            if (!m.hasMatch() || m.capturedStart() != end)
                break;
            end += m.capturedLength();
        }
        add(IdentifierKind::Department, s, end - s, Words);
        i = end - 1;
    }
    // Wards without their department: "3病区", "十二病区".
    static const QRegularExpression lone =
        pattern(uR"((?<![0-9])(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})病区)");
    for (auto it = lone.globalMatch(t, 0, QRegularExpression::NormalMatch, kTrusted); it.hasNext();) {
        const auto m = it.next();
        add(IdentifierKind::Department, m.capturedStart(), m.capturedLength(), Words);
    }
}

QList<Candidate> Scanner::run(const Clock &clock)
{
    const bool any = [&] {
        for (int k = 0; k < kIdentifierKindCount; ++k)
            if (m_kinds.contains(IdentifierKind(k)))
                return true;
        return false;
    }();
    if (!any || n == 0)
        return {};
    labelledNumbers();
    for (const Finding &f : findCheckableInFolded(t, clock))
        add(f.kind, f.start, f.length, Checked);
    numberForms();
    dates();
    if (m_kinds.contains(IdentifierKind::Age))
        ages();
    if (m_kinds.contains(IdentifierKind::PersonName))
        names();
    if (m_kinds.contains(IdentifierKind::Address))
        addresses();
    if (m_kinds.contains(IdentifierKind::Institution))
        institutions();
    if (m_kinds.contains(IdentifierKind::Department))
        departments();
    return m_found;
}

} // namespace

QList<Finding> findFreeTextIdentifiers(QStringView original, KindSet kinds, const Clock &clock)
{
    if (original.isEmpty() || kinds.isEmpty())
        return {};
    QString folded = text::foldWidth(original);
    // Unpaired surrogates become U+FFFD (one unit for one: positions stay); pairs stay.
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (folded[i].isHighSurrogate() && i + 1 < folded.size() && folded[i + 1].isLowSurrogate())
            ++i;
        else if (folded[i].isSurrogate())
            folded[i] = QChar(QChar::ReplacementCharacter);
    }
    Scanner scanner(folded, kinds);
    QList<Candidate> candidates = scanner.run(clock);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.tier != b.tier)
            return a.tier < b.tier;
        if (a.length != b.length)
            return a.length > b.length;
        if (a.start != b.start)
            return a.start < b.start;
        return int(a.kind) < int(b.kind);
    });
    // Each character belongs to one finding at most: stronger candidates take theirs first; a word
    // candidate that runs into a taken span keeps its free beginning if that still says something.
    QByteArray taken(folded.size(), '\0');
    QList<Finding> out;
    for (const Candidate &c : std::as_const(candidates)) {
        qsizetype freeLength = 0;
        while (freeLength < c.length && taken.at(c.start + freeLength) == '\0')
            ++freeLength;
        qsizetype length = c.length;
        if (freeLength < c.length) {
            if (c.tier != Words || freeLength < 2 || c.kind == IdentifierKind::PersonName)
                continue;
            length = freeLength;
        }
        std::fill(taken.begin() + c.start, taken.begin() + c.start + length, '\1');
        out.append(Finding{c.kind, c.start, length});
    }
    std::sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) { return a.start < b.start; });
    return out;
}

} // namespace mdp::deid::detail
