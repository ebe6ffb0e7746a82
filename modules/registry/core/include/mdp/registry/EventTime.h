#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::registry {

// When an event happened: a calendar date (a surgery "on 2024-03-02") or an instant (a fraction
// delivered at 08:10 UTC). A null EventTime means "not set" (an open end).
class EventTime
{
public:
    EventTime() = default;
    static EventTime fromDate(QDate date);
    static EventTime fromInstant(const QDateTime &instant); // kept in UTC, millisecond precision

    bool isNull() const { return !m_date.isValid() && !m_instant.isValid(); }
    bool isInstant() const { return m_instant.isValid(); }
    QDate date() const; // the instant's UTC date for instants
    QDateTime instant() const { return m_instant; }
    // Start of the day (UTC) for dates: used to order dates and instants on one axis.
    QDateTime toDateTime() const;

    // "2024-03-02" or "2024-03-02T08:10:00.000Z"; sorts chronologically as text (a date sorts
    // before the instants of the same day). Empty for a null time.
    QString toString() const;
    // Reads a date or an ISO 8601 instant with "Z" or an offset (kept as UTC); nullopt for other
    // text, including an instant without a zone. Empty text gives a null time.
    static std::optional<EventTime> fromString(QStringView text);

    bool operator==(const EventTime &) const = default;

private:
    QDate m_date;
    QDateTime m_instant;
};

} // namespace mdp::registry
