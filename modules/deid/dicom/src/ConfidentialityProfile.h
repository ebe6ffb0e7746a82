#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mdp::deid {

// One action of PS3.15 Table E.1-1.
enum class ProfileAction
{
    Keep,              // K
    Remove,            // X
    Zero,              // Z
    Dummy,             // D
    Uid,               // U
    Clean,             // C
    ZeroOrDummy,       // Z/D
    RemoveOrZero,      // X/Z
    RemoveOrDummy,     // X/D
    RemoveZeroOrDummy, // X/Z/D
    RemoveZeroOrUid    // X/Z/U*
};

// The option columns of the table this implementation reads.
enum class ProfileOption
{
    ModifiedDates,
    PatientCharacteristics,
    DeviceIdentity,
    CleanDescriptors,
    SafePrivate
};

struct ProfileRow
{
    quint32 tag = 0;      // group << 16 | element, with the mask's free digits zero
    quint32 mask = 0;     // bits that must match `tag` (0xFFFFFFFF for an exact tag)
    qsizetype index = -1; // position in rows(), for tables kept beside this one
    QString name;
    ProfileAction basic = ProfileAction::Remove;
    bool inStandardIod = false; // "stdCompIOD": may be required by a standard composite IOD
    QHash<ProfileOption, ProfileAction> options;
};

// PS3.15 Table E.1-1 (edition 2024b) as embedded in the program: all rows, including the masked ones
// ((50xx,xxxx), (60xx,3000), (60xx,4000)); the private-attributes row is kept apart.
class ConfidentialityProfile
{
public:
    static const ConfidentialityProfile &instance();

    // The row for this tag (exact rows first, then masked ones); nullptr when the table does not
    // list it. Private (odd-group) tags are not looked up here.
    const ProfileRow *row(quint16 group, quint16 element) const;
    const QList<ProfileRow> &rows() const { return m_rows; }
    const ProfileRow &privateRow() const { return m_privateRow; }
    QString loadError() const { return m_loadError; }

    static std::optional<ProfileAction> parseAction(const QString &text);

private:
    ConfidentialityProfile();
    QList<ProfileRow> m_rows;
    QHash<quint32, qsizetype> m_exact;
    QList<qsizetype> m_masked;
    ProfileRow m_privateRow;
    QString m_loadError;
};

} // namespace mdp::deid
