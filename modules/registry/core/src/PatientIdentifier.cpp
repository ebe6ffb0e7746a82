#include "mdp/registry/PatientIdentifier.h"

namespace mdp::registry {

QString identifierTypeId(IdentifierType type)
{
    switch (type) {
    case IdentifierType::ResidentId:
        return QStringLiteral("resident-id");
    case IdentifierType::Passport:
        return QStringLiteral("passport");
    case IdentifierType::HospitalMrn:
        return QStringLiteral("hospital-mrn");
    case IdentifierType::Other:
        break;
    }
    return QStringLiteral("other");
}

std::optional<IdentifierType> identifierTypeFromId(QStringView id)
{
    for (IdentifierType t : {IdentifierType::ResidentId, IdentifierType::Passport,
                             IdentifierType::HospitalMrn, IdentifierType::Other}) {
        if (identifierTypeId(t) == id)
            return t;
    }
    return std::nullopt;
}

QString PatientIdentifier::normalisedValue(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c.isSpace() || c == u'-')
            continue;
        out.append(c);
    }
    // Full-width digits and letters typed with a Chinese input method become ASCII.
    return out.normalized(QString::NormalizationForm_KC).toUpper();
}

PatientIdentifier PatientIdentifier::normalised() const
{
    PatientIdentifier n = *this;
    n.value = normalisedValue(value);
    n.issuer = issuer.simplified();
    return n;
}

QString PatientIdentifier::masked() const
{
    const QString v = normalisedValue(value);
    if (v.size() <= 4)
        return QString(v.size(), QLatin1Char('*'));
    if (type == IdentifierType::ResidentId && v.size() == 18)
        return v.left(6) + QString(8, QLatin1Char('*')) + v.right(4);
    return QString(v.size() - 4, QLatin1Char('*')) + v.right(4);
}

} // namespace mdp::registry
