#include "RecordValidator.h"

#include "mdp/registry/ResidentId.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace mdp::registry {

namespace {

constexpr int kMaxNamePart = 64;
constexpr int kMaxTitle = 200;
constexpr int kMaxAnnotation = 20000;
constexpr int kMaxPayloadBytes = 256 * 1024;
constexpr int kMaxReason = 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::registry::RecordValidator", text);
}

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

bool printable(const QString &text)
{
    for (QChar c : text) {
        if (!c.isPrint())
            return false;
    }
    return true;
}

Result<QString> namePart(const QString &text, const QString &label)
{
    const QString value = text.simplified();
    if (value.size() > kMaxNamePart)
        return invalid(tr("The %1 is longer than 64 characters.").arg(label));
    if (!printable(value))
        return invalid(tr("The %1 contains characters that cannot be printed.").arg(label));
    return value;
}

Result<PatientContact> contact(const PatientContact &c)
{
    PatientContact out;
    out.phone = c.phone.simplified();
    out.email = c.email.trimmed();
    out.address = c.address.simplified();
    for (QChar ch : out.phone) {
        const bool ok = ch.isDigit() || ch == u'+' || ch == u'-' || ch == u' ' || ch == u'(' || ch == u')';
        if (!ok)
            return invalid(tr("A phone number may contain digits, spaces and + - ( ) only."));
    }
    if (out.phone.size() > 32)
        return invalid(tr("The phone number is longer than 32 characters."));
    if (!out.email.isEmpty() && (out.email.size() > 254 || !out.email.contains(QLatin1Char('@')) ||
                                 out.email.contains(QLatin1Char(' '))))
        return invalid(tr("The e-mail address is not valid."));
    if (out.address.size() > 256 || !printable(out.address))
        return invalid(tr("The address must be at most 256 printable characters."));
    return out;
}

} // namespace

Result<PatientIdentifier> RecordValidator::identifier(const PatientIdentifier &identifier, QDate birthDate,
                                                      Sex sex) const
{
    PatientIdentifier id = identifier.normalised();
    if (id.value.isEmpty())
        return invalid(tr("An identifier has no value."));
    if (id.value.size() > 64 || !printable(id.value))
        return invalid(tr("An identifier must be at most 64 printable characters."));
    if (id.issuer.size() > 128 || !printable(id.issuer))
        return invalid(tr("An identifier's issuer must be at most 128 printable characters."));
    switch (id.type) {
    case IdentifierType::ResidentId: {
        auto info = ResidentId::parse(id.value, m_clock);
        if (!info)
            return info.error();
        id.value = info->normalised;
        id.issuer.clear(); // one national number space
        if (birthDate.isValid() && info->birthDate != birthDate)
            return invalid(tr("The birth date entered differs from the one in the resident ID."));
        if ((sex == Sex::Male || sex == Sex::Female) && info->sex != sex)
            return invalid(tr("The sex entered differs from the one the resident ID encodes."));
        break;
    }
    case IdentifierType::Passport:
        if (id.value.size() < 5 || id.value.size() > 20)
            return invalid(tr("A passport number has 5 to 20 letters and digits."));
        for (QChar c : id.value) {
            if (!(c.unicode() < 128 && c.isLetterOrNumber()))
                return invalid(tr("A passport number has 5 to 20 letters and digits."));
        }
        break;
    case IdentifierType::HospitalMrn:
    case IdentifierType::Other:
        break;
    }
    return id;
}

Result<PatientDraft> RecordValidator::patient(const PatientDraft &draft) const
{
    PatientDraft out;
    struct Part
    {
        const QString &in;
        QString &out;
        QString label;
    };
    const Part parts[] = {
        {draft.name.family, out.name.family, tr("family name")},
        {draft.name.given, out.name.given, tr("given name")},
        {draft.name.familyLatin, out.name.familyLatin, tr("family name in Latin letters")},
        {draft.name.givenLatin, out.name.givenLatin, tr("given name in Latin letters")},
    };
    for (const Part &p : parts) {
        auto v = namePart(p.in, p.label);
        if (!v)
            return v.error();
        p.out = v.value();
    }
    if (out.name.isEmpty())
        return invalid(tr("A patient needs a name (in Chinese or Latin letters)."));
    out.sex = draft.sex;
    if (!draft.birthDate.isValid())
        return invalid(tr("The birth date is missing or not a valid date."));
    // The workstation's calendar, not UTC: before 08:00 in Beijing the UTC date is still yesterday.
    if (draft.birthDate > m_clock.now().toLocalTime().date())
        return invalid(tr("The birth date lies in the future."));
    if (draft.birthDate.year() < 1850)
        return invalid(tr("The birth date is before 1850."));
    out.birthDate = draft.birthDate;
    auto c = contact(draft.contact);
    if (!c)
        return c.error();
    out.contact = c.value();
    for (const PatientIdentifier &raw : draft.identifiers) {
        auto id = identifier(raw, out.birthDate, out.sex);
        if (!id)
            return id.error();
        for (const PatientIdentifier &seen : std::as_const(out.identifiers)) {
            if (seen.type == id->type && seen.value == id->value && seen.issuer == id->issuer)
                return invalid(tr("The same identifier was entered twice."));
        }
        out.identifiers.append(id.value());
    }
    return out;
}

Result<EventDraft> RecordValidator::event(const EventDraft &draft, QDate birthDate) const
{
    EventDraft out = draft;
    out.title = draft.title.simplified();
    out.annotation = draft.annotation.trimmed();
    if (out.start.isNull())
        return invalid(tr("An event needs a start date or time."));
    if (!out.end.isNull() && out.end.toDateTime() < out.start.toDateTime())
        return invalid(tr("The event ends before it starts."));
    if (birthDate.isValid() && out.start.date() < birthDate)
        return invalid(tr("The event starts before the patient's birth date."));
    if (out.title.isEmpty())
        return invalid(tr("An event needs a title."));
    if (out.title.size() > kMaxTitle || !printable(out.title))
        return invalid(tr("An event title must be at most 200 printable characters."));
    if (out.annotation.size() > kMaxAnnotation)
        return invalid(tr("An annotation must be at most 20000 characters."));
    if (QJsonDocument(out.payload).toJson(QJsonDocument::Compact).size() > kMaxPayloadBytes)
        return invalid(tr("The structured detail of an event must be at most 256 KiB."));
    out.formRecordIds.clear();
    for (const QString &id : draft.formRecordIds) {
        const QString v = id.trimmed();
        if (v.isEmpty() || v.size() > 128 || !printable(v))
            return invalid(tr("A form record link must be an id of 1 to 128 printable characters."));
        if (!out.formRecordIds.contains(v))
            out.formRecordIds.append(v);
    }
    return out;
}

Result<QString> RecordValidator::reason(const QString &reason)
{
    const QString r = reason.simplified();
    if (r.isEmpty())
        return invalid(tr("Give a reason for this change."));
    if (r.size() > kMaxReason)
        return invalid(tr("The reason must be at most 1000 characters."));
    return r;
}

} // namespace mdp::registry
