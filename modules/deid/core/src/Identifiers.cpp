#include "mdp/deid/Identifiers.h"

#include "FreeTextScanner.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/text/Normalize.h"

#include <QDate>
#include <QRegularExpression>

namespace mdp::deid {

namespace {

// The value of an ASCII digit, or -1 (the text is width-folded first).
int digitOf(QChar c)
{
    const char16_t u = c.unicode();
    return u >= u'0' && u <= u'9' ? u - u'0' : -1;
}

bool isCheckX(QChar c)
{
    return c == u'X' || c == u'x';
}

// A character that would make a run of digits part of a longer token (a code, a word in Latin letters).
bool joins(QChar c)
{
    return digitOf(c) >= 0 || (c.unicode() < 0x80 && c.isLetter()) || c == u'_';
}

// The digits (and a check X) of a run, without its separators.
QString digitsOf(QStringView run)
{
    QString out;
    out.reserve(run.size());
    for (QChar c : run) {
        if (digitOf(c) >= 0 || isCheckX(c))
            out.append(c.toUpper());
    }
    return out;
}

} // namespace

bool passesLuhn(QStringView digits)
{
    if (digits.size() < 2)
        return false;
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digitOf(digits[i]);
        if (d < 0)
            return false;
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

QList<Finding> findCheckableIdentifiers(QStringView original, const Clock &clock)
{
    // Full-width digits and letters (０-９, Ｘ) as ASCII; the folding keeps every position.
    const QString folded = text::foldWidth(original);
    return detail::findCheckableInFolded(folded, clock);
}

QList<Finding> detail::findCheckableInFolded(QStringView text, const Clock &clock)
{
    QList<Finding> found;
    const qsizetype n = text.size();

    // E-mail addresses first: their digits are not numbers of their own.
    // The look-behind lets a match start only where a run of address characters starts, so a long
    // run without a domain after its '@' is tried once, not from each of its characters.
    static const QRegularExpression email(QStringLiteral(
        R"((?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"));
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        found.append(Finding{IdentifierKind::Email, m.capturedStart(), m.capturedLength()});
    }
    // Only e-mails are in `found` so far, in order: one cursor keeps the scan linear on huge input.
    const qsizetype emails = found.size();
    qsizetype nextEmail = 0;
    auto insideEmail = [&](qsizetype at) {
        while (nextEmail < emails && found.at(nextEmail).end() <= at)
            ++nextEmail;
        return nextEmail < emails && at >= found.at(nextEmail).start;
    };

    qsizetype i = 0;
    while (i < n) {
        if (digitOf(text[i]) < 0 || (i > 0 && joins(text[i - 1])) || insideEmail(i)) {
            ++i;
            continue;
        }
        // A run of digits, allowing single spaces or hyphens between digits (card groups) and a
        // final check character X.
        qsizetype end = i;
        qsizetype digitsSeen = 0;
        bool separated = false;
        bool tooLong = false; // grouped digits beyond any card: scanning stops, so reruns stay short
        qsizetype firstGroupEnd = -1;
        while (end < n) {
            if (digitOf(text[end]) >= 0) {
                ++digitsSeen;
                ++end;
            } else if ((text[end] == u' ' || text[end] == u'-') && end + 1 < n &&
                       digitOf(text[end + 1]) >= 0) {
                if (digitsSeen >= 19) {
                    tooLong = true;
                    break;
                }
                if (!separated)
                    firstGroupEnd = end;
                separated = true;
                ++end;
            } else {
                break;
            }
        }
        qsizetype stop = end;
        if (stop < n && isCheckX(text[stop]) && digitsSeen == 17 && !separated)
            ++stop;
        if (stop < n && joins(text[stop])) { // part of a longer code
            i = stop;
            continue;
        }
        const QStringView run = text.sliced(i, stop - i);
        const QString plain = digitsOf(run);
        if (!separated && plain.size() == 18 && registry::ResidentId::parse(plain, clock).ok()) {
            found.append(Finding{IdentifierKind::ResidentId, i, stop - i});
        } else if (!separated && plain.size() == 11 && plain.at(0) == u'1' && plain.at(1) >= u'3') {
            qsizetype start = i;
            // "+86 138..." or "86-138...": the country code belongs to the number.
            // Only the few characters before the number are searched: anchoring at the end of the
            // whole prefix would rescan the text for every number.
            static const QRegularExpression prefix(QStringLiteral(R"((\+?86)[ -]?$)"));
            const qsizetype from = std::max<qsizetype>(0, i - 5);
            auto m = prefix.match(text.sliced(from, i - from));
            if (m.hasMatch() && (from + m.capturedStart() == 0 || !joins(text[from + m.capturedStart() - 1])))
                start = from + m.capturedStart();
            found.append(Finding{IdentifierKind::MobilePhone, start, stop - start});
        } else if (plain.size() >= 13 && plain.size() <= 19 && !plain.contains(u'X') && !tooLong &&
                   (!separated || firstGroupEnd - i >= 4) && passesLuhn(plain)) { // cards group by 4 or more
            found.append(Finding{IdentifierKind::BankCard, i, stop - i});
        } else if (separated) {
            // Not a grouped card: the groups may be numbers of their own ("+86 138...").
            i = firstGroupEnd + 1;
            continue;
        }
        i = stop;
    }
    std::sort(found.begin(), found.end(),
              [](const Finding &a, const Finding &b) { return a.start < b.start; });
    return found;
}

QString placeholder(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::ResidentId:
        return QStringLiteral("[身份证号]");
    case IdentifierKind::BankCard:
        return QStringLiteral("[银行卡号]");
    case IdentifierKind::MobilePhone:
        return QStringLiteral("[手机号]");
    case IdentifierKind::Email:
        return QStringLiteral("[电子邮箱]");
    case IdentifierKind::Landline:
        return QStringLiteral("[电话]");
    case IdentifierKind::RecordNumber:
        return QStringLiteral("[病案号]");
    case IdentifierKind::OtherId:
        return QStringLiteral("[证件号]");
    case IdentifierKind::PersonName:
        return QStringLiteral("[姓名]");
    case IdentifierKind::Address:
        return QStringLiteral("[地址]");
    case IdentifierKind::Institution:
        return QStringLiteral("[医院]");
    case IdentifierKind::Department:
        return QStringLiteral("[科室]");
    case IdentifierKind::Date:
        return QStringLiteral("[日期]");
    case IdentifierKind::Age:
        return QStringLiteral("[年龄]");
    }
    return QStringLiteral("[标识符]");
}

QString kindName(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::ResidentId:
        return QStringLiteral("resident-id");
    case IdentifierKind::BankCard:
        return QStringLiteral("bank-card");
    case IdentifierKind::MobilePhone:
        return QStringLiteral("mobile-phone");
    case IdentifierKind::Email:
        return QStringLiteral("email");
    case IdentifierKind::Landline:
        return QStringLiteral("landline");
    case IdentifierKind::RecordNumber:
        return QStringLiteral("record-number");
    case IdentifierKind::OtherId:
        return QStringLiteral("other-id");
    case IdentifierKind::PersonName:
        return QStringLiteral("person-name");
    case IdentifierKind::Address:
        return QStringLiteral("address");
    case IdentifierKind::Institution:
        return QStringLiteral("institution");
    case IdentifierKind::Department:
        return QStringLiteral("department");
    case IdentifierKind::Date:
        return QStringLiteral("date");
    case IdentifierKind::Age:
        return QStringLiteral("age");
    }
    return QStringLiteral("identifier");
}

QString redact(QStringView text, const QList<Finding> &findings)
{
    QString out;
    out.reserve(text.size());
    qsizetype at = 0;
    for (const Finding &f : findings) {
        if (f.start < at)
            continue;
        out.append(text.sliced(at, f.start - at));
        out.append(placeholder(f.kind));
        at = f.start + f.length;
    }
    out.append(text.sliced(at));
    return out;
}

} // namespace mdp::deid
