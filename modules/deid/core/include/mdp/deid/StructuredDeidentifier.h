#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace mdp::deid {

// What one field of a structured record becomes when it is shared (R-6.6.5a-b).
enum class FieldTreatment
{
    Keep,         // as it is (clinical values)
    Drop,         // removed (names, phones, contacts)
    Mask,         // kept in shape with most characters hidden ("139****5678")
    YearOnly,     // a date generalised to its year ("1971")
    AgeBand,      // an age generalised to a band of five years ("45-49"); 90 and over as "90+"
    Postcode,     // a postcode generalised to its first three digits ("100000" -> "100***")
    Pseudonymise, // a keyed hash: the same value gives the same pseudonym under the same key
    ShiftDate,    // a date moved by the record's per-patient offset (intervals between dates stay)
    FreeText,     // identifiers in the text replaced by typed placeholders ([姓名], [日期], ...)
};
// Stable ids in plans: "keep", "drop", "mask", "year-only", "age-band", "postcode", "pseudonymise",
// "shift-date", "free-text".
QString treatmentId(FieldTreatment treatment);
std::optional<FieldTreatment> treatmentFromId(QStringView id);

// A plan: field name -> treatment, and the field whose value scopes per-patient consistency (the
// patient's pseudonym). Fields the plan does not name are dropped: a new column is never shared by
// accident. Read from {"scope": "patient", "fields": {"name": "drop", ...}}.
struct DeidPlan
{
    QString scopeField;
    QHash<QString, FieldTreatment> fields;

    static Result<DeidPlan> fromJson(QByteArrayView json);
};

// Structured de-identification with a secret key (HMAC-SHA256): drop, mask, generalise (year-only
// dates, five-year age bands with 90+, three-digit postcodes), pseudonymise, and per-patient
// consistent date shifting, the same offset the free-text de-identifier's surrogates use for the same
// key and scope. A date with no scope to shift it by is dropped. Thread-safe for const use.
class StructuredDeidentifier
{
public:
    // `key`: at least 16 secret bytes (the command line refuses shorter key files); an empty key draws
    // a random one (consistent for this object only). Use one key per project or release: the same key
    // links pseudonyms and offsets across everything made with it.
    explicit StructuredDeidentifier(QByteArray key = {});

    // One record by `plan`. A value a treatment cannot apply to (a date field holding "unknown") is
    // dropped rather than passed on.
    QJsonObject apply(const QJsonObject &record, const DeidPlan &plan) const;
    QJsonValue apply(FieldTreatment treatment, const QJsonValue &value, const QString &scope) const;

    // The pieces, for screens and tests.
    QString pseudonym(QStringView value) const; // "PSN-" + 16 base32 characters
    int dateShiftDays(const QString &scope) const;
    static QString ageBand(int age);
    // The year; "≤1936" (this year less 90) for anyone 90 or older.
    static QString yearOnly(QDate date, QDate today);
    static QString postcode(QStringView code); // empty when not a six-digit postcode
    // Asterisks with only the tail kept (last four of long values); empty for a resident ID, which is
    // then dropped.
    static QString mask(QStringView value);

private:
    QByteArray m_key;
};

} // namespace mdp::deid
