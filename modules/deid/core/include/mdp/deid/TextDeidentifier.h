#pragma once

#include "mdp/deid/Identifiers.h"
#include "mdp/foundation/Clock.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace mdp::deid {

// A set of identifier kinds (which ones a de-identification looks for).
class KindSet
{
public:
    constexpr KindSet() = default;
    constexpr KindSet(std::initializer_list<IdentifierKind> kinds)
    {
        for (IdentifierKind k : kinds)
            m_bits |= bit(k);
    }
    static constexpr KindSet all() { return KindSet((1u << kIdentifierKindCount) - 1); }
    // The identifiers with their own check or an unmistakable form (findCheckableIdentifiers).
    static constexpr KindSet checkable()
    {
        return {IdentifierKind::ResidentId, IdentifierKind::BankCard, IdentifierKind::MobilePhone,
                IdentifierKind::Email};
    }
    constexpr bool contains(IdentifierKind k) const { return (m_bits & bit(k)) != 0; }
    constexpr KindSet with(IdentifierKind k) const { return KindSet(m_bits | bit(k)); }
    constexpr KindSet without(IdentifierKind k) const { return KindSet(m_bits & ~bit(k)); }
    constexpr bool isEmpty() const { return m_bits == 0; }
    friend constexpr bool operator==(KindSet, KindSet) = default;

private:
    constexpr explicit KindSet(quint32 bits)
        : m_bits(bits)
    {}
    static constexpr quint32 bit(IdentifierKind k) { return 1u << int(k); }
    quint32 m_bits = 0;
};

enum class Replacement
{
    Placeholder, // "[姓名]", "[日期]", ...: the kind stays readable, the value is gone
    Surrogate    // a value of the same form: names look like names, dates move by the scope's offset
};

struct TextDeidOptions
{
    KindSet kinds = KindSet::all();
    Replacement replacement = Replacement::Placeholder;
    // Secret of the keyed hash (HMAC-SHA256) that derives surrogates and the date offset. Empty: a
    // random key drawn when the TextDeidentifier is made, so surrogates are consistent within that
    // object's life (one run) and unlinkable across runs.
    QByteArray key;
    // What surrogates are consistent within, typically a patient's pseudonym: the same original
    // gives the same surrogate in one scope, and every date of the scope moves by the same offset.
    QString scope;
    // Days every date moves by; unset: derived from the key and the scope (1 to 365 days, either way).
    std::optional<int> dateShiftDays;
    // Bounds resident IDs' birth dates; null: the system clock.
    const Clock *clock = nullptr;
};

// De-identification of Chinese clinical free text (R-6.6.5a-d): finds names, addresses, hospitals,
// departments, dates, ages over 89, phone, record and identity numbers, and replaces them with typed
// placeholders or consistent surrogates. Thread-safe for concurrent const use.
//
//     const mdp::deid::TextDeidentifier deid;              // placeholders, every kind
//     out << deid.deidentify(QString::fromUtf8(input));    // "患者[姓名]，[日期]入[医院]..."
class TextDeidentifier
{
public:
    explicit TextDeidentifier(TextDeidOptions options = {});

    const TextDeidOptions &options() const { return m_options; }
    // The offset, in days, surrogate dates move by.
    int dateShiftDays() const { return m_dateShift; }

    // Every identifier of the configured kinds in `text`, in order, not overlapping. Positions are in
    // UTF-16 units of `text`. Any input is accepted: empty, huge, full-width forms, unpaired
    // surrogates (they never belong to a finding).
    QList<Finding> findIdentifiers(QStringView text) const;

    // `text` with every identifier replaced. Unpaired UTF-16 surrogates become U+FFFD so that the
    // result always converts to valid UTF-8.
    QString deidentify(QStringView text) const;
    // The same with findings already at hand (from findIdentifiers on the same text).
    QString deidentify(QStringView text, const QList<Finding> &findings) const;

    // What replaces `original`, an identifier of `kind`: its placeholder, or its surrogate.
    QString replacement(IdentifierKind kind, QStringView original) const;

private:
    QString surrogate(IdentifierKind kind, QStringView original) const;

    TextDeidOptions m_options;
    QByteArray m_key;
    int m_dateShift = 0;
};

// One-call forms for a single text (a command line, a PDF page).
QList<Finding> findIdentifiers(QStringView text, const TextDeidOptions &options = {});
QString deidentify(QStringView text, const TextDeidOptions &options = {});

} // namespace mdp::deid
