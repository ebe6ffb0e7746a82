#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::forms {

// The record lifecycle (R-6.2.2a-d):
//   Draft --submit--> Pending --approve--> Approved (formal version N, locked)
//                      Pending --reject(reason)--> Rejected --edit/save--> Draft --submit--> ...
//                                                  Rejected --submit--> Pending (resubmitted as is;
//                                                                       FormStore::submit allows it)
//   Approved --amend--> Draft (an amendment of formal version N; N stays in force until the
//                             amendment is approved as N+1)
//   Pending --withdraw--> Draft (by the submitter, before a reviewer acts)
enum class RecordStatus
{
    Draft,
    Pending,
    Rejected,
    Approved,
};

enum class Transition
{
    SaveDraft,
    Submit,
    Approve,
    Reject,
    Amend,
    Withdraw,
};

// Stable ids: "draft", "pending", "rejected", "approved"; "save-draft", "submit", "approve",
// "reject", "amend", "withdraw".
QString recordStatusId(RecordStatus status);
std::optional<RecordStatus> recordStatusFromId(QStringView id);
QString transitionId(Transition transition);

// The state after `transition` from `from`, or nullopt when the transition is illegal. The store
// checks every write against this table inside its transaction, so no path (UI, CLI, API) can make
// an illegal move.
std::optional<RecordStatus> nextStatus(RecordStatus from, Transition transition);

} // namespace mdp::forms
