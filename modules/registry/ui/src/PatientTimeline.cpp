#include "PatientTimeline.h"

#include <QRegularExpression>

#include <QHash>

namespace mdp::registry::ui {

namespace R = mdp::registry;
namespace T = mdp::timeline;

T::EventType PatientTimeline::lane(R::EventType type)
{
    switch (type) {
    case R::EventType::FirstVisit:
        return T::EventType::FirstVisit;
    case R::EventType::Diagnosis:
        return T::EventType::Diagnosis;
    case R::EventType::BiopsyPathology:
        return T::EventType::Pathology;
    case R::EventType::Surgery:
        return T::EventType::Surgery;
    case R::EventType::RadiotherapyCourse:
    case R::EventType::RadiotherapyFraction:
        return T::EventType::Radiotherapy;
    case R::EventType::ChemotherapyCycle:
        return T::EventType::Chemotherapy;
    case R::EventType::ImmunotherapyCycle:
        return T::EventType::Immunotherapy;
    case R::EventType::Imaging:
        return T::EventType::Imaging;
    case R::EventType::Lab:
        return T::EventType::Lab;
    case R::EventType::Toxicity:
        return T::EventType::Toxicity;
    case R::EventType::FollowUp:
        return T::EventType::FollowUp;
    case R::EventType::Death:
        return T::EventType::Death;
    }
    return T::EventType::FirstVisit;
}

T::Severity PatientTimeline::severity(const R::TimelineEvent &event)
{
    const QJsonObject &payload = event.content.payload;
    if (event.content.type == R::EventType::Toxicity) {
        switch (payload.value(QStringLiteral("grade")).toInt()) {
        case 1:
            return T::Severity::Mild;
        case 2:
            return T::Severity::Moderate;
        case 3:
            return T::Severity::Severe;
        case 4:
        case 5:
            return T::Severity::Critical;
        default:
            break;
        }
    }
    if (event.content.type == R::EventType::Death)
        return T::Severity::Critical;
    return payload.value(QStringLiteral("serious")).toBool() ? T::Severity::Severe : T::Severity::None;
}

QDateTime PatientTimeline::toDateTime(const R::EventTime &time)
{
    if (time.isNull())
        return {};
    if (time.isInstant())
        return time.instant().toUTC();
    // A clinic date is drawn on that calendar day, whatever the workstation's time zone.
    return QDateTime(time.date(), QTime(0, 0), Qt::UTC);
}

QList<T::TimelineItem> PatientTimeline::items(const QList<R::TimelineEvent> &events)
{
    QList<T::TimelineItem> items;
    items.reserve(events.size());
    QList<const R::TimelineEvent *> fractions;
    for (const R::TimelineEvent &event : events) {
        if (event.removed)
            continue;
        if (event.content.type == R::EventType::RadiotherapyFraction) {
            fractions << &event;
            continue;
        }
        T::TimelineItem item;
        item.id = event.idString();
        item.type = lane(event.content.type);
        item.start = toDateTime(event.content.start);
        if (!event.content.end.isNull())
            item.end = toDateTime(event.content.end);
        item.title = event.content.title;
        item.severity = severity(event);
        item.hasAttachments = !event.attachments.isEmpty();
        items << item;
    }
    // A fraction is a tick on the course that spans it (end day included); one outside every course
    // stands on its own in the radiotherapy lane.
    for (const R::TimelineEvent *fraction : std::as_const(fractions)) {
        const QDateTime at = toDateTime(fraction->content.start);
        T::TimelineItem *course = nullptr;
        for (T::TimelineItem &item : items) {
            if (item.type == T::EventType::Radiotherapy && item.isSpan() && item.start <= at &&
                at < item.end->addDays(1)) {
                course = &item;
                break;
            }
        }
        if (course) {
            course->marks << at;
            continue;
        }
        T::TimelineItem item;
        item.id = fraction->idString();
        item.type = T::EventType::Radiotherapy;
        item.start = at;
        item.title = fraction->content.title;
        item.hasAttachments = !fraction->attachments.isEmpty();
        items << item;
    }
    for (T::TimelineItem &item : items)
        std::sort(item.marks.begin(), item.marks.end());
    return items;
}

QString PatientTimeline::diagnosisSummary(const QList<R::TimelineEvent> &events)
{
    const R::TimelineEvent *latest = nullptr;
    for (const R::TimelineEvent &event : events) {
        if (event.removed || event.content.type != R::EventType::Diagnosis)
            continue;
        if (!latest || latest->content.start.toDateTime() <= event.content.start.toDateTime())
            latest = &event;
    }
    if (!latest)
        return {};
    // Titles from the hospital's systems often begin with their own label ("诊断：…", "Diagnosis:
    // …"); the header already says "Diagnosis", so the label is not repeated.
    static const QRegularExpression label(
        QStringLiteral("^\\s*(诊断|初步诊断|临床诊断|diagnosis|dx)\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    QString title = latest->content.title;
    title.remove(label);
    return title.trimmed();
}

} // namespace mdp::registry::ui
