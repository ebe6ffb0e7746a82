#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::registry {

enum class IdentifierType
{
    ResidentId, // GB 11643-1999 18-character citizen identity number
    Passport,
    HospitalMrn, // medical record number; unique per issuer (hospital)
    Other
};

// "resident-id", "passport", "hospital-mrn", "other".
QString identifierTypeId(IdentifierType type);
std::optional<IdentifierType> identifierTypeFromId(QStringView id);

// One identifier of a patient. A verified identifier was checked against a document; the registry
// holds each verified identifier at most once (R-6.1.1a), enforced by a unique index.
struct PatientIdentifier
{
    IdentifierType type = IdentifierType::Other;
    QString value;
    QString issuer; // issuing hospital or country; part of the identity of MRNs and "other" ids
    bool verified = false;

    // Canonical spelling used for comparison and the keyed index: trimmed, inner spaces and
    // hyphens removed, upper case (a resident ID's trailing 'x' becomes 'X').
    static QString normalisedValue(QStringView value);
    PatientIdentifier normalised() const;

    // Shown instead of the value where the identity is not needed: "110105********002X".
    QString masked() const;

    bool operator==(const PatientIdentifier &) const = default;
};

} // namespace mdp::registry
