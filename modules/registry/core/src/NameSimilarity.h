#pragma once

#include <QString>
#include <QStringList>

namespace mdp::registry {

// How alike two patients' names are, for the probabilistic duplicate check (the caller has already
// matched birth date and sex). Scores: same name 1.0, same pinyin 0.9 (homophones, Latin spelling of
// a Chinese name), pinyin one or two edits apart 0.8 (typos), else 0.
struct NameSimilarity
{
    double score = 0;
    QStringList reasons;

    static NameSimilarity between(const QString &displayA, const QString &pinyinA, const QString &displayB,
                                  const QString &pinyinB);
    // Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`.
    static int editDistance(const QString &a, const QString &b, int limit);
};

} // namespace mdp::registry
