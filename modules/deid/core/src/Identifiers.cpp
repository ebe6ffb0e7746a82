#include "mdp/deid/Identifiers.h"

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
    const QStringView text(folded);
    QList<Finding> found;
    const qsizetype n = text.size();

    // E-mail addresses first: their digits are not numbers of their own.
    static const QRegularExpression email(
        QStringLiteral(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"));
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        found.append(Finding{IdentifierKind::Email, m.capturedStart(), m.capturedLength()});
    }
    auto insideEmail = [&](qsizetype at) {
        for (const Finding &f : std::as_const(found))
            if (f.kind == IdentifierKind::Email && at >= f.start && at < f.start + f.length)
                return true;
        return false;
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
        qsizetype firstGroupEnd = -1;
        while (end < n) {
            if (digitOf(text[end]) >= 0) {
                ++digitsSeen;
                ++end;
            } else if ((text[end] == u' ' || text[end] == u'-') && end + 1 < n &&
                       digitOf(text[end + 1]) >= 0) {
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
            static const QRegularExpression prefix(QStringLiteral(R"((\+?86)[ -]?$)"));
            const auto m = prefix.match(text.first(i));
            if (m.hasMatch() && (m.capturedStart() == 0 || !joins(text[m.capturedStart() - 1])))
                start = m.capturedStart();
            found.append(Finding{IdentifierKind::MobilePhone, start, stop - start});
        } else if (plain.size() >= 13 && plain.size() <= 19 && !plain.contains(u'X') &&
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
    }
    return QStringLiteral("[标识符]");
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
