#pragma once

#include <QJsonObject>
#include <QString>

namespace mdp {

// One benchmark figure, printed by `mdp bench <area> --json` as one JSON object per line:
// the measured value and a baseline measured in the same run, so the ratio travels between machines.
struct BenchLine
{
    QString bench;    // area: crypto, store, vault, audit, ...
    QString caseName; // what was measured, e.g. "sm4-gcm"
    QString unit;     // "MB/s", "ops/s", "us", ...
    double value = 0;
    QString baseline; // what the baseline is, e.g. "libgcrypt sm4-gcm raw"
    double baselineValue = 0;
    bool higherIsBetter = true;
    QJsonObject extra; // any further fields (goal, sizes, iterations)

    double ratio() const { return baselineValue != 0 ? value / baselineValue : 0; }
    QJsonObject toJson() const;
    QByteArray toJsonLine() const; // compact JSON, no trailing newline
};

} // namespace mdp
