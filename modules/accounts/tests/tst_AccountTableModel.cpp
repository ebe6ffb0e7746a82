#include "mdp/accounts/ui/AccountTableModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QtTest>

using namespace mdp;
using mdp::accounts::ui::AccountTableModel;

namespace {
const QDateTime kNow(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

accounts::Account account(const QString &name, accounts::Role role)
{
    accounts::Account a;
    a.id = QUuid::createUuid();
    a.userName = name;
    a.displayName = name.toUpper();
    a.roles = {role};
    a.created = kNow.addDays(-10);
    return a;
}
} // namespace

class tst_AccountTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistentThroughResets()
    {
        AccountTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({account(QStringLiteral("a"), accounts::Role::Clinician),
                           account(QStringLiteral("b"), accounts::Role::Auditor)},
                          kNow);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("zz")), -1);
        QVERIFY(!model.accountAt(5));
        model.setAccounts({}, kNow);
        QCOMPARE(model.rowCount(), 0);
    }

    void statusTellsAdministratorLockFromRunningAndEndedLockOut()
    {
        auto locked = account(QStringLiteral("locked"), accounts::Role::Researcher);
        locked.locked = true;
        auto lockedOut = account(QStringLiteral("out"), accounts::Role::Researcher);
        lockedOut.lockedUntil = kNow.addSecs(600);
        lockedOut.failedAttempts = 5;
        auto ended = account(QStringLiteral("ended"), accounts::Role::Researcher);
        ended.lockedUntil = kNow.addSecs(-1);
        AccountTableModel model;
        model.setAccounts({locked, lockedOut, ended}, kNow);
        auto status = [&model](int row) {
            return model.index(row, AccountTableModel::StatusColumn).data().toString();
        };
        QCOMPARE(status(0), QStringLiteral("Locked by administrator"));
        QVERIFY(status(1).startsWith(QStringLiteral("Locked out until ")));
        QCOMPARE(status(2), QStringLiteral("Active"));
        QVERIFY(model.index(0, 0).data(AccountTableModel::LockedRole).toBool());
        QVERIFY(model.index(1, 0).data(AccountTableModel::LockedRole).toBool());
        QVERIFY(!model.index(2, 0).data(AccountTableModel::LockedRole).toBool());
        QVERIFY(model.index(1, AccountTableModel::StatusColumn)
                    .data(Qt::ForegroundRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(
            model.index(1, AccountTableModel::StatusColumn).data(Qt::ToolTipRole).toString().contains(u'5'));
    }

    // the table shows who still lacks the second factor their role needs.
    void secondFactorColumnFollowsTheRole()
    {
        auto clinician = account(QStringLiteral("c"), accounts::Role::Clinician);
        auto enrolled = account(QStringLiteral("e"), accounts::Role::Clinician);
        enrolled.totpEnrolled = true;
        auto researcher = account(QStringLiteral("r"), accounts::Role::Researcher);
        AccountTableModel model;
        model.setAccounts({clinician, enrolled, researcher}, kNow);
        auto column = [&model](int row) {
            return model.index(row, AccountTableModel::SecondFactorColumn).data().toString();
        };
        QCOMPARE(column(0), QStringLiteral("Not set up yet"));
        QCOMPARE(column(1), QStringLiteral("Set up"));
        QCOMPARE(column(2), QStringLiteral("Not required"));
        QCOMPARE(model.index(2, AccountTableModel::RoleColumn).data().toString(),
                 QStringLiteral("Researcher"));
        QCOMPARE(model.index(0, AccountTableModel::LastLoginColumn).data().toString(),
                 QStringLiteral("Never"));
        QCOMPARE(model.index(0, 0).data(AccountTableModel::AccountIdRole).toString(), clinician.idString());
    }
};

QTEST_GUILESS_MAIN(tst_AccountTableModel)
#include "tst_AccountTableModel.moc"
