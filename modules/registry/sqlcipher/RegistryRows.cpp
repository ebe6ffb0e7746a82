#include "RegistryRows.h"

#include <QJsonDocument>

namespace mdp::registry::rows {

namespace {

QJsonArray parseArray(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).array();
}

QJsonObject parseObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

EventDraft content(const store::Row &row, int first)
{
    EventDraft c;
    c.type = eventTypeFromId(row.at(first).toString()).value_or(EventType::FirstVisit);
    c.start = EventTime::fromString(row.at(first + 1).toString()).value_or(EventTime());
    c.end = EventTime::fromString(row.at(first + 2).toString()).value_or(EventTime());
    c.title = row.at(first + 3).toString();
    c.annotation = row.at(first + 4).toString();
    c.payload = parseObject(row.at(first + 5));
    for (const auto &v : parseArray(row.at(first + 6)))
        c.formRecordIds << v.toString();
    return c;
}

} // namespace

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QDateTime timeFrom(const QVariant &ms)
{
    if (ms.isNull() || !ms.isValid())
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QVariant optionalText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

Patient patient(const store::Row &row)
{
    Patient p;
    p.id = QUuid::fromString(row.at(0).toString());
    p.pseudonymId = row.at(1).toString();
    p.name.family = row.at(2).toString();
    p.name.given = row.at(3).toString();
    p.name.familyLatin = row.at(4).toString();
    p.name.givenLatin = row.at(5).toString();
    p.pinyin = row.at(6).toString();
    p.pinyinInitials = row.at(7).toString();
    p.sex = sexFromCode(row.at(8).toString()).value_or(Sex::Unknown);
    p.birthDate = QDate::fromString(row.at(9).toString(), Qt::ISODate);
    p.contact.phone = row.at(10).toString();
    p.contact.email = row.at(11).toString();
    p.contact.address = row.at(12).toString();
    p.version = int(row.at(13).toLongLong());
    p.created = timeFrom(row.at(14));
    p.createdBy = row.at(15).toString();
    p.updated = timeFrom(row.at(16));
    p.updatedBy = row.at(17).toString();
    if (!row.at(18).isNull())
        p.mergedInto = QUuid::fromString(row.at(18).toString());
    return p;
}

QJsonObject patientSnapshot(const Patient &p)
{
    QJsonArray ids;
    for (const auto &i : p.identifiers) {
        ids.append(QJsonObject{{QStringLiteral("type"), identifierTypeId(i.type)},
                               {QStringLiteral("value"), i.value},
                               {QStringLiteral("issuer"), i.issuer},
                               {QStringLiteral("verified"), i.verified}});
    }
    return QJsonObject{
        {QStringLiteral("family"), p.name.family},
        {QStringLiteral("given"), p.name.given},
        {QStringLiteral("family_latin"), p.name.familyLatin},
        {QStringLiteral("given_latin"), p.name.givenLatin},
        {QStringLiteral("sex"), sexCode(p.sex)},
        {QStringLiteral("birth_date"), p.birthDate.toString(Qt::ISODate)},
        {QStringLiteral("phone"), p.contact.phone},
        {QStringLiteral("email"), p.contact.email},
        {QStringLiteral("address"), p.contact.address},
        {QStringLiteral("identifiers"), ids},
    };
}

Patient patientFromSnapshot(const QJsonObject &o)
{
    Patient p;
    p.name.family = o.value(QStringLiteral("family")).toString();
    p.name.given = o.value(QStringLiteral("given")).toString();
    p.name.familyLatin = o.value(QStringLiteral("family_latin")).toString();
    p.name.givenLatin = o.value(QStringLiteral("given_latin")).toString();
    p.sex = sexFromCode(o.value(QStringLiteral("sex")).toString()).value_or(Sex::Unknown);
    p.birthDate = QDate::fromString(o.value(QStringLiteral("birth_date")).toString(), Qt::ISODate);
    p.contact.phone = o.value(QStringLiteral("phone")).toString();
    p.contact.email = o.value(QStringLiteral("email")).toString();
    p.contact.address = o.value(QStringLiteral("address")).toString();
    for (const auto &v : o.value(QStringLiteral("identifiers")).toArray()) {
        const QJsonObject i = v.toObject();
        PatientIdentifier id;
        id.type =
            identifierTypeFromId(i.value(QStringLiteral("type")).toString()).value_or(IdentifierType::Other);
        id.value = i.value(QStringLiteral("value")).toString();
        id.issuer = i.value(QStringLiteral("issuer")).toString();
        id.verified = i.value(QStringLiteral("verified")).toBool();
        p.identifiers << id;
    }
    return p;
}

QVariantList contentParams(const EventDraft &c)
{
    return {eventTypeId(c.type),
            c.start.toString(),
            c.end.toString(),
            c.title,
            c.annotation,
            jsonText(c.payload),
            jsonText(QJsonArray::fromStringList(c.formRecordIds))};
}

TimelineEvent event(const store::Row &row)
{
    TimelineEvent e;
    e.id = QUuid::fromString(row.at(0).toString());
    e.patientId = QUuid::fromString(row.at(1).toString());
    e.version = int(row.at(2).toLongLong());
    e.content = content(row, 3);
    e.removed = row.at(10).toLongLong() != 0;
    e.created = timeFrom(row.at(11));
    e.createdBy = row.at(12).toString();
    e.updated = timeFrom(row.at(13));
    e.updatedBy = row.at(14).toString();
    return e;
}

EventVersion version(const store::Row &row)
{
    EventVersion v;
    v.eventId = QUuid::fromString(row.at(0).toString());
    v.version = int(row.at(1).toLongLong());
    v.content = content(row, 2);
    v.attachmentIds = uuidList(parseArray(row.at(9)));
    v.removed = row.at(10).toLongLong() != 0;
    const QString change = row.at(11).toString();
    for (EventChange c :
         {EventChange::Create, EventChange::Update, EventChange::Annotate, EventChange::Remove,
          EventChange::Revert, EventChange::Attach, EventChange::Detach}) {
        if (eventChangeId(c) == change)
            v.change = c;
    }
    v.reason = row.at(12).toString();
    v.changedAt = timeFrom(row.at(13));
    v.changedBy = row.at(14).toString();
    return v;
}

Attachment attachment(const store::Row &row)
{
    Attachment a;
    a.id = QUuid::fromString(row.at(0).toString());
    a.eventId = QUuid::fromString(row.at(1).toString());
    a.blobId = row.at(2).toString();
    a.mediaType = row.at(3).toString();
    a.fileName = row.at(4).toString();
    a.size = row.at(5).toLongLong();
    a.added = timeFrom(row.at(6));
    a.addedBy = row.at(7).toString();
    a.removed = !row.at(8).isNull();
    a.removedAt = timeFrom(row.at(8));
    a.removedBy = row.at(9).toString();
    return a;
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonArray uuidArray(const QList<QUuid> &ids)
{
    QJsonArray a;
    for (const auto &id : ids)
        a.append(uuidText(id));
    return a;
}

QList<QUuid> uuidList(const QJsonArray &array)
{
    QList<QUuid> ids;
    for (const auto &v : array)
        ids << QUuid::fromString(v.toString());
    return ids;
}

} // namespace mdp::registry::rows
