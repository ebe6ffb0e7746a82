#include "mdp/shell/PassphraseStrength.h"

#include <QSet>

#include <cmath>

namespace mdp::shell {

namespace {

// Length left once runs like "aaaa" and "1234" are counted as one character each: a guesser tries
// those patterns first, so they add almost nothing.
int effectiveLength(const QString &text)
{
    int length = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i > 0) {
            const int step = text.at(i).unicode() - text.at(i - 1).unicode();
            if (step == 0 || step == 1 || step == -1)
                continue;
        }
        ++length;
    }
    return length;
}

// Shortest period p such that the text is its first p characters repeated.
int period(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype p = 1; p <= n / 2; ++p) {
        bool repeats = true;
        for (qsizetype i = p; i < n && repeats; ++i)
            repeats = text.at(i) == text.at(i % p);
        if (repeats)
            return int(p);
    }
    return int(n);
}

} // namespace

PassphraseStrength::Assessment PassphraseStrength::assess(const QString &passphrase, int minimumLength)
{
    Assessment result;
    bool lower = false, upper = false, digit = false, symbol = false, wide = false;
    for (const QChar c : passphrase) {
        if (c.unicode() > 0x7f)
            wide = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            symbol = true;
    }
    int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (wide ? 2000 : 0);
    const int effective = effectiveLength(passphrase);
    result.bits = pool > 0 ? effective * std::log2(double(pool)) : 0;

    const qsizetype length = passphrase.size();
    if (length < minimumLength)
        result.problems << tr("Use at least %n characters.", nullptr, minimumLength);
    if (length > 0 &&
        (period(passphrase) <= 3 || QSet<QChar>(passphrase.begin(), passphrase.end()).size() < 4))
        result.problems << tr("Do not repeat one character or a short pattern.");

    result.acceptable = result.problems.isEmpty();
    if (!result.acceptable)
        result.level = 0;
    else if (result.bits < 45)
        result.level = 1;
    else if (result.bits < 65)
        result.level = 2;
    else if (result.bits < 85)
        result.level = 3;
    else
        result.level = 4;

    if (length == 0)
        result.label.clear();
    else if (length < minimumLength)
        result.label = tr("Too short");
    else
        result.label = levelName(result.level);
    return result;
}

QString PassphraseStrength::levelName(int level)
{
    switch (level) {
    case 0:
        return tr("Not acceptable");
    case 1:
        return tr("Weak");
    case 2:
        return tr("Fair");
    case 3:
        return tr("Good");
    default:
        return tr("Strong");
    }
}

} // namespace mdp::shell
