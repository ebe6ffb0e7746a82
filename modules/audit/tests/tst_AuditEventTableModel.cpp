#include "mdp/audit/ui/AuditEventTableModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QtTest>

using namespace mdp;
using mdp::audit::ui::AuditEventTableModel;

namespace {
workspace::AuditRow row(qint64 sequence, const QString &type, const QString &userId, const QString &userName,
                        audit::AuditOutcome outcome = audit::AuditOutcome::Success)
{
    workspace::AuditRow r;
    r.sequence = sequence;
    r.userName = userName;
    r.event.type = type;
    r.event.outcome = outcome;
    r.event.recorded = QDateTime(QDate(2026, 3, 2), QTime(8, 15, 30), Qt::UTC);
    r.event.agent.userId = userId;
    r.event.agent.role = QStringLiteral("auditor");
    return r;
}
} // namespace

class tst_AuditEventTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistentThroughResets()
    {
        AuditEventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setRows(
            {row(1, QStringLiteral("account.login"), QStringLiteral("u-1"), QStringLiteral("dr.wang")),
             row(2, QStringLiteral("audit.read"), QStringLiteral("u-2"), QStringLiteral("aud.zhao"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AuditEventTableModel::ColumnCount));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table, not a tree
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsTimeTypeUserOutcomeDataAndDetail()
    {
        AuditEventTableModel model;
        auto r = row(7, QStringLiteral("account.lock"), QStringLiteral("u-9"), QStringLiteral("admin.sun"));
        r.event.entities << audit::AuditEntity{QStringLiteral("account"), QStringLiteral("acc-3")}
                         << audit::AuditEntity{QStringLiteral("patient"), QStringLiteral("P-000123")};
        r.event.detail.insert(QStringLiteral("reason"), QStringLiteral("left the department"));
        model.setRows({r});
        model.setAccountNames({{QStringLiteral("acc-3"), QStringLiteral("res.zhang")}});
        auto text = [&model](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(model.index(0, AuditEventTableModel::SequenceColumn).data().toLongLong(), 7);
        QCOMPARE(text(AuditEventTableModel::TimeColumn),
                 QDateTime(QDate(2026, 3, 2), QTime(8, 15, 30), Qt::UTC)
                     .toLocalTime()
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(text(AuditEventTableModel::TypeColumn), QStringLiteral("Account locked"));
        QCOMPARE(model.index(0, AuditEventTableModel::TypeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("account.lock"));
        QCOMPARE(text(AuditEventTableModel::UserColumn), QStringLiteral("admin.sun"));
        QCOMPARE(text(AuditEventTableModel::OutcomeColumn), QStringLiteral("Success"));
        QCOMPARE(text(AuditEventTableModel::DataColumn),
                 QStringLiteral("account:res.zhang, patient:P-000123"));
        QCOMPARE(model.index(0, AuditEventTableModel::DataColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("account:acc-3\npatient:P-000123"));
        QCOMPARE(text(AuditEventTableModel::DetailColumn),
                 QStringLiteral("\"reason\":\"left the department\""));
        QVERIFY(model.index(0, 0)
                    .data(AuditEventTableModel::EventJsonRole)
                    .toString()
                    .contains(QStringLiteral("\"account.lock\"")));
    }

    void failuresStandOutAndUnknownTypesShowTheirName()
    {
        AuditEventTableModel model;
        model.setRows({row(1, QStringLiteral("account.login"), {}, {}, audit::AuditOutcome::MinorFailure),
                       row(2, QStringLiteral("forms.submit"), QStringLiteral("u-4"), {})});
        QCOMPARE(model.index(0, AuditEventTableModel::OutcomeColumn).data().toString(),
                 QStringLiteral("Failed"));
        QVERIFY(model.index(0, AuditEventTableModel::OutcomeColumn)
                    .data(Qt::ForegroundRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(model.index(0, 0).data(AuditEventTableModel::FailedRole).toBool());
        QCOMPARE(model.index(0, AuditEventTableModel::UserColumn).data().toString(),
                 QStringLiteral("(nobody identified)"));
        QCOMPARE(model.index(1, AuditEventTableModel::TypeColumn).data().toString(),
                 QStringLiteral("forms.submit"));
        QCOMPARE(model.index(1, AuditEventTableModel::UserColumn).data().toString(), QStringLiteral("u-4"));
        QVERIFY(!model.index(1, AuditEventTableModel::OutcomeColumn).data(Qt::ForegroundRole).isValid());
    }
};

QTEST_GUILESS_MAIN(tst_AuditEventTableModel)
#include "tst_AuditEventTableModel.moc"
