#include "mdp/forms/RecordStatus.h"

namespace mdp::forms {

namespace {

struct StatusName
{
    RecordStatus status;
    QStringView id;
};

constexpr StatusName kStatuses[] = {
    {RecordStatus::Draft, u"draft"},
    {RecordStatus::Pending, u"pending"},
    {RecordStatus::Rejected, u"rejected"},
    {RecordStatus::Approved, u"approved"},
};

} // namespace

QString recordStatusId(RecordStatus status)
{
    for (const StatusName &s : kStatuses) {
        if (s.status == status)
            return s.id.toString();
    }
    return {};
}

std::optional<RecordStatus> recordStatusFromId(QStringView id)
{
    for (const StatusName &s : kStatuses) {
        if (s.id == id)
            return s.status;
    }
    return std::nullopt;
}

QString transitionId(Transition transition)
{
    switch (transition) {
    case Transition::SaveDraft:
        return QStringLiteral("save-draft");
    case Transition::Submit:
        return QStringLiteral("submit");
    case Transition::Approve:
        return QStringLiteral("approve");
    case Transition::Reject:
        return QStringLiteral("reject");
    case Transition::Amend:
        return QStringLiteral("amend");
    case Transition::Withdraw:
        return QStringLiteral("withdraw");
    }
    return {};
}

// The whole lifecycle in one switch: anything not listed is illegal (R-6.2.2a-d).
std::optional<RecordStatus> nextStatus(RecordStatus from, Transition transition)
{
    switch (from) {
    case RecordStatus::Draft:
        if (transition == Transition::SaveDraft)
            return RecordStatus::Draft;
        if (transition == Transition::Submit)
            return RecordStatus::Pending;
        return std::nullopt;
    case RecordStatus::Pending:
        if (transition == Transition::Approve)
            return RecordStatus::Approved;
        if (transition == Transition::Reject)
            return RecordStatus::Rejected;
        if (transition == Transition::Withdraw)
            return RecordStatus::Draft;
        return std::nullopt;
    case RecordStatus::Rejected:
        if (transition == Transition::SaveDraft)
            return RecordStatus::Draft;
        if (transition == Transition::Submit)
            return RecordStatus::Pending;
        return std::nullopt;
    case RecordStatus::Approved:
        if (transition == Transition::Amend)
            return RecordStatus::Draft;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace mdp::forms
