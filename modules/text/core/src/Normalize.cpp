#include "mdp/text/Normalize.h"

#include "CodePoints.h"

namespace mdp::text {

QString foldWidth(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            out.append(QChar(char16_t(u - 0xFEE0)));
        else if (u == 0x3000)
            out.append(QLatin1Char(' '));
        else
            out.append(c);
    }
    return out;
}

namespace {

// Printable ASCII, ASCII white space and the basic CJK ideograph blocks: text made of these alone
// (nearly every name, id, code and diagnosis) is already NFKC, folds case by ASCII lower-casing and
// takes the fast paths below, which give the same result as the general ones.
bool isSimple(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF))
            continue;
        return false;
    }
    return true;
}

bool isAsciiSpace(char16_t u)
{
    return u == u' ' || (u >= u'\t' && u <= u'\r');
}

char16_t asciiLower(char16_t u)
{
    return (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
}

bool isAsciiAlnum(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

} // namespace

QString normalizeForSearch(QStringView text)
{
    if (isSimple(text)) {
        QString out;
        out.reserve(text.size());
        bool pendingSpace = false;
        for (QChar c : text) {
            const char16_t u = c.unicode();
            if (isAsciiSpace(u)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (pendingSpace)
                out.append(QLatin1Char(' '));
            pendingSpace = false;
            out.append(QChar(asciiLower(u)));
        }
        return out;
    }
    // NFKC already maps most full-width forms; foldWidth() keeps the rule explicit and cheap.
    QString s = foldWidth(text).normalized(QString::NormalizationForm_KC);
    return s.toCaseFolded().simplified();
}

namespace {

bool keptInKey(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

QString keyOfNormalized(QStringView normalized)
{
    QString out;
    out.reserve(normalized.size());
    if (isSimple(normalized)) {
        for (QChar c : normalized) {
            const char16_t u = c.unicode();
            if (u >= 0x80 || isAsciiAlnum(u))
                out.append(QChar(asciiLower(u)));
        }
        return out;
    }
    forEachCodePoint(normalized, [&](char32_t cp, qsizetype begin, qsizetype end) {
        if (keptInKey(cp))
            out.append(normalized.sliced(begin, end - begin));
    });
    return out;
}

} // namespace

QString searchKey(QStringView text)
{
    // Simple text keeps the same characters whether normalised first or not.
    return isSimple(text) ? keyOfNormalized(text) : keyOfNormalized(normalizeForSearch(text));
}

QStringList searchTokens(QStringView text)
{
    QStringList out;
    const QString normalized = normalizeForSearch(text);
    for (QStringView word : QStringView(normalized).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString key = keyOfNormalized(word);
        if (!key.isEmpty())
            out.append(std::move(key));
    }
    return out;
}

bool isHan(char32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x4DBF)       // Extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK Unified Ideographs
           || (cp >= 0xF900 && cp <= 0xFAFF)    // Compatibility Ideographs
           || (cp >= 0x20000 && cp <= 0x2EBEF)  // Extensions B to F
           || (cp >= 0x2F800 && cp <= 0x2FA1F)  // Compatibility Ideographs Supplement
           || (cp >= 0x30000 && cp <= 0x323AF); // Extensions G and H
}

QStringList splitHanRuns(QStringView key)
{
    QStringList runs;
    qsizetype runStart = 0;
    int runKind = -1; // -1 none yet, 0 other, 1 Han
    forEachCodePoint(key, [&](char32_t cp, qsizetype begin, qsizetype) {
        const int kind = isHan(cp) ? 1 : 0;
        if (kind != runKind) {
            if (runKind >= 0)
                runs.append(key.sliced(runStart, begin - runStart).toString());
            runStart = begin;
            runKind = kind;
        }
    });
    if (runKind >= 0)
        runs.append(key.sliced(runStart).toString());
    return runs;
}

bool containsHan(QStringView text)
{
    bool found = false;
    forEachCodePoint(text, [&](char32_t cp, qsizetype, qsizetype) { found = found || isHan(cp); });
    return found;
}

} // namespace mdp::text
