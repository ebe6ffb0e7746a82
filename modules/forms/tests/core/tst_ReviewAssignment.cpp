#include "mdp/forms/ReviewAssignment.h"

#include <QTest>

using namespace mdp::forms;

namespace {

ReviewerProfile reviewer(const QString &id, int open, QStringList categories = {}, QStringList projects = {},
                         bool active = true)
{
    ReviewerProfile p;
    p.accountId = id;
    p.openTasks = open;
    p.categories = std::move(categories);
    p.projects = std::move(projects);
    p.active = active;
    return p;
}

const QString kRadiotherapy = QStringLiteral("radiotherapy");
const QString kTrial = QStringLiteral("neo-rt-io");

} // namespace

class tst_ReviewAssignment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.3a
    void submitterNeverReviewsOwnRecord()
    {
        const QList<ReviewerProfile> profiles{reviewer(QStringLiteral("alice"), 0),
                                              reviewer(QStringLiteral("bob"), 9)};
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("alice")),
                 std::optional(QStringLiteral("bob")));
        QCOMPARE(chooseReviewer({reviewer(QStringLiteral("alice"), 0)}, kRadiotherapy, kTrial,
                                QStringLiteral("alice")),
                 std::nullopt);
    }

    // R-6.2.3a: routing by data category and project.
    void onlyReviewersCoveringCategoryAndProjectAreChosen()
    {
        const QList<ReviewerProfile> profiles{
            reviewer(QStringLiteral("a-baseline"), 0, {QStringLiteral("baseline")}),
            reviewer(QStringLiteral("b-other-trial"), 0, {kRadiotherapy}, {QStringLiteral("other-trial")}),
            reviewer(QStringLiteral("c-rt-trial"), 5, {kRadiotherapy, QStringLiteral("toxicity")}, {kTrial}),
            reviewer(QStringLiteral("d-any"), 7),
        };
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("c-rt-trial")));
        QCOMPARE(chooseReviewer(profiles, QStringLiteral("baseline"), kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("a-baseline")));
        QCOMPARE(chooseReviewer(profiles, QStringLiteral("response"), kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("d-any")));
        // Without the catch-all reviewer nobody covers "response".
        QCOMPARE(chooseReviewer(profiles.mid(0, 3), QStringLiteral("response"), kTrial, QStringLiteral("x")),
                 std::nullopt);
    }

    void defaultProjectIsCoveredOnlyByAnyProject()
    {
        const QList<ReviewerProfile> profiles{reviewer(QStringLiteral("a"), 0, {}, {kTrial}),
                                              reviewer(QStringLiteral("b"), 3)};
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, QString(), QStringLiteral("x")),
                 std::optional(QStringLiteral("b")));
    }

    // R-6.2.3a: load balancing.
    void leastLoadedReviewerIsChosen()
    {
        const QList<ReviewerProfile> profiles{reviewer(QStringLiteral("a"), 4),
                                              reviewer(QStringLiteral("b"), 1),
                                              reviewer(QStringLiteral("c"), 2)};
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("b")));
    }

    void tiesAreBrokenByAccountIdWhateverTheOrder()
    {
        QList<ReviewerProfile> profiles{
            reviewer(QStringLiteral("zoe"), 2), reviewer(QStringLiteral("mia"), 2),
            reviewer(QStringLiteral("ann"), 2), reviewer(QStringLiteral("bea"), 3)};
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("ann")));
        std::reverse(profiles.begin(), profiles.end());
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("ann")));
    }

    void inactiveAndExcludedReviewersAreSkipped()
    {
        const QList<ReviewerProfile> profiles{reviewer(QStringLiteral("a"), 0, {}, {}, false),
                                              reviewer(QStringLiteral("b"), 1),
                                              reviewer(QStringLiteral("c"), 2)};
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x")),
                 std::optional(QStringLiteral("b")));
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("x"), {QStringLiteral("b")}),
                 std::optional(QStringLiteral("c")));
        QCOMPARE(chooseReviewer(profiles, kRadiotherapy, kTrial, QStringLiteral("c"), {QStringLiteral("b")}),
                 std::nullopt);
        QCOMPARE(chooseReviewer({}, kRadiotherapy, kTrial, QStringLiteral("x")), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(tst_ReviewAssignment)
#include "tst_ReviewAssignment.moc"
