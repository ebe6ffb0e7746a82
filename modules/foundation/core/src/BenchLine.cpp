#include "mdp/foundation/BenchLine.h"

#include <QJsonDocument>

#include <cmath>

namespace mdp {

QJsonObject BenchLine::toJson() const
{
    QJsonObject o = extra;
    auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
    o.insert(QStringLiteral("bench"), bench);
    o.insert(QStringLiteral("case"), caseName);
    o.insert(QStringLiteral("unit"), unit);
    o.insert(QStringLiteral("value"), round3(value));
    o.insert(QStringLiteral("baseline"), baseline);
    o.insert(QStringLiteral("baseline_value"), round3(baselineValue));
    o.insert(QStringLiteral("ratio"), round3(ratio()));
    o.insert(QStringLiteral("higher_is_better"), higherIsBetter);
    return o;
}

QByteArray BenchLine::toJsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace mdp
