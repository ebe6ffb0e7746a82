#include "mdp/deid/StructuredDeidentifier.h"

#include "mdp/deid/TextDeidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>

namespace mdp::deid {

namespace {

constexpr struct
{
    FieldTreatment treatment;
    const char *id;
} kTreatments[] = {
    {FieldTreatment::Keep, "keep"},
    {FieldTreatment::Drop, "drop"},
    {FieldTreatment::Mask, "mask"},
    {FieldTreatment::YearOnly, "year-only"},
    {FieldTreatment::AgeBand, "age-band"},
    {FieldTreatment::Postcode, "postcode"},
    {FieldTreatment::Pseudonymise, "pseudonymise"},
    {FieldTreatment::ShiftDate, "shift-date"},
    {FieldTreatment::FreeText, "free-text"},
};

std::optional<QDate> dateOf(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

// A scalar as text, exactly as written: numbers by their shortest round-trip form, never collapsed
// (two different numbers never give the same pseudonym). Empty for anything else.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

// An 18-character resident ID shape (17 digits and a digit or X): never masked, only pseudonymised or
// dropped; its region, birth date, sex and check digit identify too much.
bool looksLikeResidentId(QStringView v)
{
    if (v.size() != 18)
        return false;
    for (qsizetype i = 0; i < 17; ++i)
        if (!v.at(i).isDigit())
            return false;
    return v.at(17).isDigit() || v.at(17) == u'X' || v.at(17) == u'x';
}

} // namespace

QString treatmentId(FieldTreatment treatment)
{
    for (const auto &t : kTreatments)
        if (t.treatment == treatment)
            return QString::fromLatin1(t.id);
    return {};
}

std::optional<FieldTreatment> treatmentFromId(QStringView id)
{
    for (const auto &t : kTreatments)
        if (id == QLatin1StringView(t.id))
            return t.treatment;
    return std::nullopt;
}

Result<DeidPlan> DeidPlan::fromJson(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the plan is not a JSON object (%1 at byte %2)")
                             .arg(error.errorString())
                             .arg(error.offset));
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != u"scope" && it.key() != u"fields")
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the plan has an unknown key \"%1\"").arg(it.key().left(40)));
    if (!root.value(u"fields").isObject())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the plan needs \"fields\": {name: treatment}"));
    if (root.contains(u"scope") && !root.value(u"scope").isString())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("\"scope\" names a field: a string"));
    DeidPlan plan;
    plan.scopeField = root.value(u"scope").toString();
    const QJsonObject fields = root.value(u"fields").toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const auto treatment = treatmentFromId(it.value().toString());
        if (!treatment)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("field \"%1\": unknown treatment \"%2\" (keep, drop, mask, year-only, "
                               "age-band, postcode, pseudonymise, shift-date, free-text)")
                    .arg(it.key().left(60), it.value().toString().left(40)));
        plan.fields.insert(it.key(), *treatment);
    }
    if (plan.scopeField.isEmpty() &&
        std::any_of(plan.fields.cbegin(), plan.fields.cend(),
                    [](FieldTreatment t) { return t == FieldTreatment::ShiftDate; }))
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("shift-date needs \"scope\": the field that names the patient, so each "
                           "patient's dates move by their own offset"));
    if (!plan.scopeField.isEmpty() &&
        plan.fields.value(plan.scopeField, FieldTreatment::Drop) == FieldTreatment::Keep)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the scope field \"%1\" identifies the patient: pseudonymise or drop it, "
                           "never keep it")
                .arg(plan.scopeField.left(60)));
    return plan;
}

StructuredDeidentifier::StructuredDeidentifier(QByteArray key)
    : m_key(std::move(key))
{
    if (m_key.isEmpty()) {
        m_key.resize(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
    }
}

QString StructuredDeidentifier::pseudonym(QStringView value) const
{
    static constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const QByteArray mac = QMessageAuthenticationCode::hash(QByteArray("pseudonym\n") + value.toUtf8(), m_key,
                                                            QCryptographicHash::Sha256);
    // The first 80 bits of the keyed hash, five at a time.
    QString out = QStringLiteral("PSN-");
    quint32 buffer = 0;
    int bits = 0;
    for (int i = 0; i < 10; ++i) {
        buffer = (buffer << 8) | quint8(mac[i]);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    return out;
}

int StructuredDeidentifier::dateShiftDays(const QString &scope) const
{
    // The free-text de-identifier's offset for the same key and scope.
    TextDeidOptions options;
    options.key = m_key;
    options.scope = scope;
    return TextDeidentifier(options).dateShiftDays();
}

QString StructuredDeidentifier::ageBand(int age)
{
    if (age < 0)
        return {};
    if (age >= 90)
        return QStringLiteral("90+");
    const int low = age / 5 * 5;
    return QStringLiteral("%1-%2").arg(low).arg(low + 4);
}

QString StructuredDeidentifier::yearOnly(QDate date, QDate today)
{
    if (!date.isValid())
        return {};
    // A birth year that makes someone 90 or older is itself rare enough to identify: "≤" the year
    // that makes 90 this year.
    const int oldest = today.year() - 90;
    if (date.year() <= oldest)
        return QStringLiteral("≤%1").arg(oldest);
    return QString::number(date.year());
}

QString StructuredDeidentifier::postcode(QStringView code)
{
    const QString digits = code.trimmed().toString();
    if (digits.size() != 6 ||
        std::any_of(digits.cbegin(), digits.cend(), [](QChar c) { return !c.isDigit(); }))
        return {};
    return digits.left(3) + QStringLiteral("***");
}

QString StructuredDeidentifier::mask(QStringView value)
{
    const QString v = value.trimmed().toString();
    if (looksLikeResidentId(v))
        return {}; // dropped: a masked resident ID keeps its region, sex and check digit
    // Only the tail stays, never the head: the last four of long numbers (a phone's, a card's), the
    // last two of shorter values, nothing of short ones.
    const qsizetype keepTail = v.size() >= 11 ? 4 : (v.size() >= 6 ? 2 : 0);
    return QString(v.size() - keepTail, QLatin1Char('*')) + v.right(keepTail);
}

QJsonValue StructuredDeidentifier::apply(FieldTreatment treatment, const QJsonValue &value,
                                         const QString &scope) const
{
    const QJsonValue dropped(QJsonValue::Undefined);
    if (value.isNull() || value.isUndefined())
        return treatment == FieldTreatment::Drop ? dropped : value;
    switch (treatment) {
    case FieldTreatment::Keep:
        return value;
    case FieldTreatment::Drop:
        return dropped;
    case FieldTreatment::Mask: {
        const QString masked = mask(textOf(value));
        return masked.isEmpty() ? dropped : QJsonValue(masked);
    }
    case FieldTreatment::YearOnly: {
        const auto d = dateOf(value);
        return d ? QJsonValue(yearOnly(*d, QDate::currentDate())) : dropped;
    }
    case FieldTreatment::AgeBand: {
        bool ok = false;
        const double age = value.isDouble() ? value.toDouble() : value.toString().toDouble(&ok);
        if (value.isDouble())
            ok = true;
        if (!ok || !(age >= 0 && age < 200))
            return dropped;
        return QJsonValue(ageBand(int(age)));
    }
    case FieldTreatment::Postcode: {
        const QString code = postcode(textOf(value));
        return code.isEmpty() ? dropped : QJsonValue(code);
    }
    case FieldTreatment::Pseudonymise: {
        const QString text = textOf(value).trimmed();
        return text.isEmpty() ? dropped : QJsonValue(pseudonym(text.toUpper()));
    }
    case FieldTreatment::ShiftDate: {
        const auto d = dateOf(value);
        // Without the patient's scope the offset would be everyone's: the date is dropped instead.
        if (!d || scope.isEmpty())
            return dropped;
        return QJsonValue(d->addDays(dateShiftDays(scope)).toString(Qt::ISODate));
    }
    case FieldTreatment::FreeText:
        return value.isString() ? QJsonValue(deidentify(value.toString())) : dropped;
    }
    return dropped;
}

QJsonObject StructuredDeidentifier::apply(const QJsonObject &record, const DeidPlan &plan) const
{
    // The scope is the patient's value before anything is done to it, so every record of one patient
    // shares one date offset; it never appears in the output unless the plan pseudonymises it.
    const QString scope =
        plan.scopeField.isEmpty() ? QString() : textOf(record.value(plan.scopeField)).trimmed();
    QJsonObject out;
    for (auto it = record.begin(); it != record.end(); ++it) {
        const auto treatment = plan.fields.constFind(it.key());
        if (treatment == plan.fields.cend())
            continue; // not in the plan: not shared
        const QJsonValue v = apply(treatment.value(), it.value(), scope);
        if (!v.isUndefined())
            out.insert(it.key(), v);
    }
    return out;
}

} // namespace mdp::deid
