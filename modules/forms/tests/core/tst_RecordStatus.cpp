#include "mdp/forms/FormRecord.h"
#include "mdp/forms/RecordStatus.h"

#include <QSet>
#include <QTest>

using namespace mdp::forms;

namespace {

const QList<RecordStatus> kStatuses{RecordStatus::Draft, RecordStatus::Pending, RecordStatus::Rejected,
                                    RecordStatus::Approved};
const QList<Transition> kTransitions{Transition::SaveDraft, Transition::Submit, Transition::Approve,
                                     Transition::Reject,    Transition::Amend,  Transition::Withdraw};

struct Move
{
    RecordStatus from;
    Transition by;
    RecordStatus to;
};

// The lifecycle of RecordStatus.h, written out independently of the implementation.
const QList<Move> kLegal{
    {RecordStatus::Draft, Transition::SaveDraft, RecordStatus::Draft},
    {RecordStatus::Draft, Transition::Submit, RecordStatus::Pending},
    {RecordStatus::Pending, Transition::Approve, RecordStatus::Approved},
    {RecordStatus::Pending, Transition::Reject, RecordStatus::Rejected},
    {RecordStatus::Pending, Transition::Withdraw, RecordStatus::Draft},
    {RecordStatus::Rejected, Transition::SaveDraft, RecordStatus::Draft},
    {RecordStatus::Rejected, Transition::Submit, RecordStatus::Pending},
    {RecordStatus::Approved, Transition::Amend, RecordStatus::Draft},
};

} // namespace

class tst_RecordStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.2a-d
    void legalTransitionsLeadWhereDocumented()
    {
        for (const Move &m : kLegal) {
            const auto next = nextStatus(m.from, m.by);
            QVERIFY2(next, qPrintable(recordStatusId(m.from) + u' ' + transitionId(m.by)));
            QCOMPARE(*next, m.to);
        }
    }

    // R-6.2.2a-d: every move not in the table is refused (24 pairs, 8 legal).
    void everyOtherTransitionIsRefused()
    {
        int refused = 0;
        for (const RecordStatus from : kStatuses) {
            for (const Transition by : kTransitions) {
                const bool legal = std::any_of(kLegal.cbegin(), kLegal.cend(),
                                               [&](const Move &m) { return m.from == from && m.by == by; });
                if (legal)
                    continue;
                QVERIFY2(!nextStatus(from, by), qPrintable(recordStatusId(from) + u' ' + transitionId(by)));
                ++refused;
            }
        }
        QCOMPARE(refused, 16);
    }

    // R-6.2.2d: a formal version is locked: only an amendment leaves Approved.
    void approvedRecordOnlyLeavesByAmendment()
    {
        QVERIFY(!nextStatus(RecordStatus::Approved, Transition::SaveDraft));
        QVERIFY(!nextStatus(RecordStatus::Approved, Transition::Approve));
        QVERIFY(!nextStatus(RecordStatus::Approved, Transition::Reject));
        QCOMPARE(nextStatus(RecordStatus::Approved, Transition::Amend), std::optional(RecordStatus::Draft));
    }

    // R-6.2.2b: a pending record cannot be edited behind the reviewer's back.
    void pendingRecordCannotBeSavedOrResubmitted()
    {
        QVERIFY(!nextStatus(RecordStatus::Pending, Transition::SaveDraft));
        QVERIFY(!nextStatus(RecordStatus::Pending, Transition::Submit));
        QVERIFY(!nextStatus(RecordStatus::Draft, Transition::Approve));
        QVERIFY(!nextStatus(RecordStatus::Rejected, Transition::Approve));
    }

    void idsAreStableAndRoundTrip()
    {
        QCOMPARE(recordStatusId(RecordStatus::Draft), QStringLiteral("draft"));
        QCOMPARE(recordStatusId(RecordStatus::Pending), QStringLiteral("pending"));
        QCOMPARE(recordStatusId(RecordStatus::Rejected), QStringLiteral("rejected"));
        QCOMPARE(recordStatusId(RecordStatus::Approved), QStringLiteral("approved"));
        for (const RecordStatus s : kStatuses)
            QCOMPARE(recordStatusFromId(recordStatusId(s)), std::optional(s));
        QVERIFY(!recordStatusFromId(u"locked"));
        const QStringList transitions{QStringLiteral("save-draft"), QStringLiteral("submit"),
                                      QStringLiteral("approve"),    QStringLiteral("reject"),
                                      QStringLiteral("amend"),      QStringLiteral("withdraw")};
        for (qsizetype i = 0; i < kTransitions.size(); ++i)
            QCOMPARE(transitionId(kTransitions[i]), transitions[i]);
    }

    void notificationKindIdsAreDistinct()
    {
        using K = Notification::Kind;
        QSet<QString> ids;
        for (const K k :
             {K::ReviewAssigned, K::ReviewReassigned, K::ReviewOverdue, K::RecordApproved, K::RecordRejected})
            ids.insert(notificationKindId(k));
        QCOMPARE(ids.size(), 5);
        QCOMPARE(notificationKindId(K::RecordRejected), QStringLiteral("record-rejected"));
    }
};

QTEST_GUILESS_MAIN(tst_RecordStatus)
#include "tst_RecordStatus.moc"
