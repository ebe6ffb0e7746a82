#include "ConfidentialityProfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mdp::deid {

namespace {

const QString kResource = QStringLiteral(":/mdp/deid/dicom/confidentiality_profile_attributes_2024b.json");

struct OptionColumn
{
    const char *column;
    ProfileOption option;
};

// Columns this implementation offers; the others (full dates, institution identity, UIDs, graphics,
// structured content) are not offered, so their rows follow the Basic Profile.
constexpr OptionColumn kColumns[] = {
    {"rtnLongModifDatesOpt", ProfileOption::ModifiedDates},
    {"rtnPatCharsOpt", ProfileOption::PatientCharacteristics},
    {"rtnDevIdOpt", ProfileOption::DeviceIdentity},
    {"cleanDescOpt", ProfileOption::CleanDescriptors},
    {"rtnSafePrivOpt", ProfileOption::SafePrivate},
};

} // namespace

std::optional<ProfileAction> ConfidentialityProfile::parseAction(const QString &text)
{
    static const QHash<QString, ProfileAction> actions{
        {QStringLiteral("K"), ProfileAction::Keep},
        {QStringLiteral("X"), ProfileAction::Remove},
        {QStringLiteral("Z"), ProfileAction::Zero},
        {QStringLiteral("D"), ProfileAction::Dummy},
        {QStringLiteral("U"), ProfileAction::Uid},
        {QStringLiteral("C"), ProfileAction::Clean},
        {QStringLiteral("Z/D"), ProfileAction::ZeroOrDummy},
        {QStringLiteral("X/Z"), ProfileAction::RemoveOrZero},
        {QStringLiteral("X/D"), ProfileAction::RemoveOrDummy},
        {QStringLiteral("X/Z/D"), ProfileAction::RemoveZeroOrDummy},
        {QStringLiteral("X/Z/U*"), ProfileAction::RemoveZeroOrUid},
    };
    const auto it = actions.constFind(text.trimmed());
    if (it == actions.constEnd())
        return std::nullopt;
    return it.value();
}

const ConfidentialityProfile &ConfidentialityProfile::instance()
{
    static const ConfidentialityProfile profile;
    return profile;
}

ConfidentialityProfile::ConfidentialityProfile()
{
    QFile file(kResource);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = QStringLiteral("the embedded confidentiality profile is missing");
        return;
    }
    const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
    static const QRegularExpression tagPattern(QStringLiteral("^\\(([0-9A-FX]{4}),([0-9A-FX]{4})\\)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    for (const QJsonValue &value : rows) {
        const QJsonObject o = value.toObject();
        ProfileRow row;
        row.name = o.value(QStringLiteral("name")).toString();
        row.inStandardIod = o.value(QStringLiteral("stdCompIOD")).toString() == u"Y";
        const auto basic = parseAction(o.value(QStringLiteral("basicProfile")).toString());
        if (!basic) {
            m_loadError = QStringLiteral("unknown action in row %1").arg(row.name);
            continue;
        }
        row.basic = *basic;
        for (const OptionColumn &column : kColumns) {
            const QString text = o.value(QLatin1String(column.column)).toString();
            if (text.isEmpty())
                continue;
            if (const auto action = parseAction(text))
                row.options.insert(column.option, *action);
        }
        const QString tag = o.value(QStringLiteral("tag")).toString();
        if (tag.startsWith(QStringLiteral("(GGGG,EEEE)"), Qt::CaseInsensitive)) {
            m_privateRow = row;
            continue;
        }
        const auto match = tagPattern.match(tag);
        if (!match.hasMatch()) {
            m_loadError = QStringLiteral("unreadable tag %1").arg(tag);
            continue;
        }
        QString digits = match.captured(1) + match.captured(2);
        quint32 mask = 0;
        for (qsizetype i = 0; i < digits.size(); ++i) {
            const bool wild = digits.at(i).toUpper() == QLatin1Char('X');
            mask = (mask << 4) | (wild ? 0u : 0xFu);
            if (wild)
                digits[i] = QLatin1Char('0');
        }
        row.tag = digits.toUInt(nullptr, 16);
        row.mask = mask;
        row.index = m_rows.size();
        m_rows.append(row);
        if (mask == 0xFFFFFFFFu)
            m_exact.insert(row.tag, m_rows.size() - 1);
        else
            m_masked.append(m_rows.size() - 1);
    }
}

const ProfileRow *ConfidentialityProfile::row(quint16 group, quint16 element) const
{
    const quint32 tag = (quint32(group) << 16) | element;
    if (const auto it = m_exact.constFind(tag); it != m_exact.constEnd())
        return &m_rows.at(it.value());
    // Repeating groups (curves 50xx, overlays 60xx) are even groups only.
    if (group & 1u)
        return nullptr;
    for (const qsizetype index : m_masked) {
        const ProfileRow &r = m_rows.at(index);
        if ((tag & r.mask) == r.tag)
            return &r;
    }
    return nullptr;
}

} // namespace mdp::deid
