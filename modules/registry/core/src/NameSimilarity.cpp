#include "NameSimilarity.h"

#include <QList>

#include <algorithm>

namespace mdp::registry {

int NameSimilarity::editDistance(const QString &a, const QString &b, int limit)
{
    if (std::abs(a.size() - b.size()) > limit)
        return limit + 1;
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            rowBest = std::min(rowBest, current[j]);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(previous, current);
    }
    return previous[b.size()];
}

NameSimilarity NameSimilarity::between(const QString &displayA, const QString &pinyinA,
                                       const QString &displayB, const QString &pinyinB)
{
    NameSimilarity s;
    if (!displayA.isEmpty() && displayA.compare(displayB, Qt::CaseInsensitive) == 0) {
        s.score = 1.0;
        s.reasons << QStringLiteral("same-name");
        return s;
    }
    if (pinyinA.isEmpty() || pinyinB.isEmpty())
        return s;
    if (pinyinA == pinyinB) {
        s.score = 0.9;
        s.reasons << QStringLiteral("same-pinyin");
        return s;
    }
    // Short names differ in one letter too easily ("lina"/"lena" are two people).
    const int shorter = int(std::min(pinyinA.size(), pinyinB.size()));
    const int allowed = shorter >= 10 ? 2 : (shorter >= 5 ? 1 : 0);
    if (allowed > 0 && editDistance(pinyinA, pinyinB, allowed) <= allowed) {
        s.score = 0.8;
        s.reasons << QStringLiteral("similar-pinyin");
    }
    return s;
}

} // namespace mdp::registry
