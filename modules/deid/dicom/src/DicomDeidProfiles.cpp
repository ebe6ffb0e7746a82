#include "mdp/deid/DicomDeidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::deid {

QList<DicomDeidProfile> dicomDeidProfiles()
{
    DicomDeidProfile basic{QStringLiteral("basic"),
                           QStringLiteral("PS3.15 Basic Application Level Confidentiality Profile: "
                                          "identifiers, dates and free text removed, UIDs replaced"),
                           {}};
    DicomDeidProfile research{QStringLiteral("research"),
                              QStringLiteral("basic + dates shifted per patient (intervals kept), patient "
                                             "characteristics kept, descriptors cleaned"),
                              {}};
    research.options.retainModifiedDates = true;
    research.options.retainPatientCharacteristics = true;
    research.options.cleanDescriptors = true;
    DicomDeidProfile imaging{QStringLiteral("research-imaging"),
                             QStringLiteral("research + device identity and safe private attributes kept "
                                            "(for quantitative imaging)"),
                             research.options};
    imaging.options.retainDeviceIdentity = true;
    imaging.options.retainSafePrivate = true;
    return {basic, research, imaging};
}

std::optional<DicomDeidProfile> dicomDeidProfile(const QString &name)
{
    for (const DicomDeidProfile &profile : dicomDeidProfiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

Result<QList<BurnedInTextRule>> parseBurnedInTextRules(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("pixel-cleaning rules: not a JSON array (%1)").arg(parseError.errorString()));
    QList<BurnedInTextRule> rules;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        BurnedInTextRule rule;
        rule.manufacturer = o.value(QStringLiteral("manufacturer")).toString();
        rule.model = o.value(QStringLiteral("model")).toString();
        rule.rows = o.value(QStringLiteral("rows")).toInt();
        rule.columns = o.value(QStringLiteral("columns")).toInt();
        const auto bad = [i](const QString &what) {
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("pixel-cleaning rule %1: %2").arg(i).arg(what));
        };
        if (rule.manufacturer.trimmed().isEmpty())
            return bad(QStringLiteral("no manufacturer"));
        if (rule.rows <= 0 || rule.columns <= 0)
            return bad(QStringLiteral("rows and columns must be positive"));
        for (const QJsonValue &area : o.value(QStringLiteral("areas")).toArray()) {
            const QJsonArray a = area.toArray();
            if (a.size() != 4 || a.at(2).toInt() <= 0 || a.at(3).toInt() <= 0)
                return bad(QStringLiteral("each area is [x, y, width, height] with a positive size"));
            rule.areas << QRect(a.at(0).toInt(), a.at(1).toInt(), a.at(2).toInt(), a.at(3).toInt());
        }
        if (rule.areas.isEmpty())
            return bad(QStringLiteral("no areas"));
        rules << rule;
    }
    return rules;
}

} // namespace mdp::deid
