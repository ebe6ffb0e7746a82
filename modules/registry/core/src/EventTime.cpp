#include "mdp/registry/EventTime.h"

namespace mdp::registry {

namespace {
const QString kInstantFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'");
const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
} // namespace

EventTime EventTime::fromDate(QDate date)
{
    EventTime t;
    t.m_date = date;
    return t;
}

EventTime EventTime::fromInstant(const QDateTime &instant)
{
    EventTime t;
    if (instant.isValid())
        t.m_instant = QDateTime::fromMSecsSinceEpoch(instant.toMSecsSinceEpoch(), Qt::UTC);
    return t;
}

QDate EventTime::date() const
{
    return m_instant.isValid() ? m_instant.date() : m_date;
}

QDateTime EventTime::toDateTime() const
{
    if (m_instant.isValid())
        return m_instant;
    if (m_date.isValid())
        return QDateTime(m_date, QTime(0, 0), Qt::UTC);
    return {};
}

QString EventTime::toString() const
{
    if (m_instant.isValid())
        return m_instant.toString(kInstantFormat);
    if (m_date.isValid())
        return m_date.toString(kDateFormat);
    return {};
}

std::optional<EventTime> EventTime::fromString(QStringView text)
{
    if (text.isEmpty())
        return EventTime();
    if (text.size() == 10) {
        const QDate d = QDate::fromString(text.toString(), kDateFormat);
        if (!d.isValid())
            return std::nullopt;
        return fromDate(d);
    }
    const QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    // An instant without a zone would mean different moments on different machines.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return fromInstant(t);
}

} // namespace mdp::registry
